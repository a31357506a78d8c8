#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace sinergi::http {

// Request metrics in the Prometheus text exposition format (version 0.0.4; serve it with
// Content-Type "text/plain; version=0.0.4; charset=utf-8"). Thread-safe.
//
// Exposed series:
//   sinergi_http_requests_total{method,route,status}               counter
//   sinergi_http_request_duration_seconds{method,route}            histogram, 0.001 s .. 10 s
//   sinergi_http_requests_in_flight                                gauge
//   process_start_time_seconds                                     gauge
//   and every gauge added with add_gauge(), in the order added.
// `route` must be a bounded label: the route pattern, "static" or "unmatched", never the
// raw path. Series appear in sorted label order, so the text is deterministic.
class Metrics {
 public:
  // `start_time` is reported as process_start_time_seconds; the default is "now", which is
  // right when the Metrics is created at startup.
  explicit Metrics(std::chrono::system_clock::time_point start_time = std::chrono::system_clock::now());
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Counts one completed request. Cheap: the work under the lock is two map look-ups.
  void record_request(std::string_view method, std::string_view route_pattern, int status,
                      std::chrono::nanoseconds duration);

  // Keeps sinergi_http_requests_in_flight raised while it lives.
  class InFlightRequest {
   public:
    explicit InFlightRequest(Metrics& metrics);
    ~InFlightRequest();
    InFlightRequest(const InFlightRequest&) = delete;
    InFlightRequest& operator=(const InFlightRequest&) = delete;

   private:
    Metrics& metrics_;
  };
  [[nodiscard]] InFlightRequest track_in_flight() { return InFlightRequest(*this); }
  std::int64_t in_flight() const { return in_flight_.load(std::memory_order_relaxed); }

  // Labels and value of each series of one gauge, e.g. {{"pool=\"main\"", 3}}; "" labels
  // means the gauge has a single unlabelled series. Called from render(), outside the
  // metrics lock, on the thread that renders.
  using GaugeSource = std::function<std::vector<std::pair<std::string, double>>()>;
  // Throws std::logic_error for an invalid metric name or a name added twice.
  void add_gauge(std::string name, std::string help, GaugeSource source);

  std::string render() const;

  // Upper bounds of the duration histogram buckets, in seconds (+Inf is implied).
  static const std::vector<double>& duration_buckets();

 private:
  struct Series {
    std::vector<std::uint64_t> bucket_counts;  // not cumulative; one per bound, then +Inf
    std::uint64_t count = 0;
    std::chrono::nanoseconds total_duration{0};
    std::map<int, std::uint64_t> requests_by_status;
  };
  struct SeriesKey {
    std::string method;
    std::string route;
  };
  struct SeriesKeyLess {
    using is_transparent = void;
    template <typename Left, typename Right>
    bool operator()(const Left& left, const Right& right) const {
      using View = std::tuple<std::string_view, std::string_view>;
      return View(left.method, left.route) < View(right.method, right.route);
    }
  };
  struct SeriesKeyView {
    std::string_view method;
    std::string_view route;
  };
  struct Gauge {
    std::string name;
    std::string help;
    GaugeSource source;
  };

  std::chrono::system_clock::time_point start_time_;
  std::atomic<std::int64_t> in_flight_{0};
  mutable std::mutex series_mutex_;
  std::map<SeriesKey, Series, SeriesKeyLess> series_;
  mutable std::mutex gauges_mutex_;
  std::vector<Gauge> gauges_;
};

}  // namespace sinergi::http
