#include "platform/http/metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace sinergi::http {
namespace {

constexpr std::int64_t kNanosecondsPerSecond = 1'000'000'000;

// Prometheus accepts Go's float syntax; std::to_chars gives the shortest text that reads
// back exactly ("0.0025", "1700000000", "1e-05").
std::string format_number(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "+Inf" : "-Inf";
  }
  // Whole numbers (counts, epoch seconds) print as integers, not as "1.7e+09".
  if (std::trunc(value) == value && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  if (error != std::errc()) {
    return "NaN";
  }
  return std::string(buffer, end);
}

std::string escape_label_value(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char character : value) {
    if (character == '\\') {
      escaped += "\\\\";
    } else if (character == '"') {
      escaped += "\\\"";
    } else if (character == '\n') {
      escaped += "\\n";
    } else {
      escaped.push_back(character);
    }
  }
  return escaped;
}

std::string escape_help(std::string_view help) {
  std::string escaped;
  for (char character : help) {
    if (character == '\\') {
      escaped += "\\\\";
    } else if (character == '\n') {
      escaped += "\\n";
    } else {
      escaped.push_back(character);
    }
  }
  return escaped;
}

bool is_metric_name(std::string_view name) {
  if (name.empty() || (name.front() >= '0' && name.front() <= '9')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char character) {
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
           (character >= '0' && character <= '9') || character == '_' || character == ':';
  });
}

const std::vector<std::int64_t>& bucket_bounds_nanoseconds() {
  static const std::vector<std::int64_t> bounds = [] {
    std::vector<std::int64_t> result;
    for (double seconds : Metrics::duration_buckets()) {
      result.push_back(std::llround(seconds * static_cast<double>(kNanosecondsPerSecond)));
    }
    return result;
  }();
  return bounds;
}

void append_header(std::string& text, std::string_view name, std::string_view help, std::string_view type) {
  text += "# HELP ";
  text += name;
  text += ' ';
  text += escape_help(help);
  text += "\n# TYPE ";
  text += name;
  text += ' ';
  text += type;
  text += '\n';
}

}  // namespace

Metrics::Metrics(std::chrono::system_clock::time_point start_time) : start_time_(start_time) {}

const std::vector<double>& Metrics::duration_buckets() {
  static const std::vector<double> buckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                              0.25,  0.5,    1,     2.5,  5,     10};
  return buckets;
}

Metrics::InFlightRequest::InFlightRequest(Metrics& metrics) : metrics_(metrics) {
  metrics_.in_flight_.fetch_add(1, std::memory_order_relaxed);
}

Metrics::InFlightRequest::~InFlightRequest() {
  metrics_.in_flight_.fetch_sub(1, std::memory_order_relaxed);
}

void Metrics::record_request(std::string_view method, std::string_view route_pattern, int status,
                             std::chrono::nanoseconds duration) {
  // The bucket is found before taking the lock, to keep the critical section short.
  const auto& bounds = bucket_bounds_nanoseconds();
  std::size_t bucket = static_cast<std::size_t>(
      std::lower_bound(bounds.begin(), bounds.end(), duration.count()) - bounds.begin());

  std::lock_guard lock(series_mutex_);
  auto found = series_.find(SeriesKeyView{method, route_pattern});
  if (found == series_.end()) {
    Series series;
    series.bucket_counts.assign(bounds.size() + 1, 0);
    found =
        series_.emplace(SeriesKey{std::string(method), std::string(route_pattern)}, std::move(series)).first;
  }
  Series& series = found->second;
  ++series.bucket_counts[bucket];
  ++series.count;
  series.total_duration += duration;
  ++series.requests_by_status[status];
}

void Metrics::add_gauge(std::string name, std::string help, GaugeSource source) {
  if (!is_metric_name(name)) {
    throw std::logic_error("invalid metric name: " + name);
  }
  if (!source) {
    throw std::logic_error("gauge without a source: " + name);
  }
  std::lock_guard lock(gauges_mutex_);
  for (const auto& gauge : gauges_) {
    if (gauge.name == name) {
      throw std::logic_error("gauge added twice: " + name);
    }
  }
  gauges_.push_back({std::move(name), std::move(help), std::move(source)});
}

std::string Metrics::render() const {
  std::map<SeriesKey, Series, SeriesKeyLess> snapshot;
  {
    std::lock_guard lock(series_mutex_);
    snapshot = series_;
  }
  std::vector<Gauge> gauges;
  {
    std::lock_guard lock(gauges_mutex_);
    gauges = gauges_;
  }

  std::string text;
  append_header(text, "sinergi_http_requests_total",
                "HTTP requests completed, by method, route pattern and status.", "counter");
  for (const auto& [key, series] : snapshot) {
    std::string labels =
        "method=\"" + escape_label_value(key.method) + "\",route=\"" + escape_label_value(key.route) + "\"";
    for (const auto& [status, count] : series.requests_by_status) {
      text += "sinergi_http_requests_total{" + labels + ",status=\"" + std::to_string(status) + "\"} " +
              std::to_string(count) + "\n";
    }
  }

  append_header(text, "sinergi_http_request_duration_seconds",
                "Time from reading the request header to writing the last response byte.", "histogram");
  const auto& buckets = duration_buckets();
  for (const auto& [key, series] : snapshot) {
    std::string labels =
        "method=\"" + escape_label_value(key.method) + "\",route=\"" + escape_label_value(key.route) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t index = 0; index <= buckets.size(); ++index) {
      cumulative += series.bucket_counts[index];
      std::string bound = index < buckets.size() ? format_number(buckets[index]) : "+Inf";
      text += "sinergi_http_request_duration_seconds_bucket{" + labels + ",le=\"" + bound + "\"} " +
              std::to_string(cumulative) + "\n";
    }
    double seconds =
        static_cast<double>(series.total_duration.count()) / static_cast<double>(kNanosecondsPerSecond);
    text += "sinergi_http_request_duration_seconds_sum{" + labels + "} " + format_number(seconds) + "\n";
    text +=
        "sinergi_http_request_duration_seconds_count{" + labels + "} " + std::to_string(series.count) + "\n";
  }

  append_header(text, "sinergi_http_requests_in_flight", "HTTP requests being processed now.", "gauge");
  text += "sinergi_http_requests_in_flight " + std::to_string(in_flight()) + "\n";

  append_header(text, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                "gauge");
  auto since_epoch = std::chrono::duration_cast<std::chrono::milliseconds>(start_time_.time_since_epoch());
  text +=
      "process_start_time_seconds " + format_number(static_cast<double>(since_epoch.count()) / 1000.0) + "\n";

  for (const auto& gauge : gauges) {
    append_header(text, gauge.name, gauge.help, "gauge");
    std::vector<std::pair<std::string, double>> values;
    try {
      values = gauge.source();
    } catch (const std::exception&) {
      // A failing source (say, a closed pool) must not take the whole page down with it.
      continue;
    }
    for (const auto& [labels, value] : values) {
      text += gauge.name;
      if (!labels.empty()) {
        text += "{" + labels + "}";
      }
      text += " " + format_number(value) + "\n";
    }
  }
  return text;
}

}  // namespace sinergi::http
