#include "platform/http/metrics.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

namespace sinergi::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

std::chrono::system_clock::time_point start_time() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
}

TEST(MetricsTest, RendersEmptyExposition) {
  Metrics metrics(start_time());
  EXPECT_EQ(
      metrics.render(),
      "# HELP sinergi_http_requests_total HTTP requests completed, by method, route pattern and status.\n"
      "# TYPE sinergi_http_requests_total counter\n"
      "# HELP sinergi_http_request_duration_seconds Time from reading the request header to writing the "
      "last response byte.\n"
      "# TYPE sinergi_http_request_duration_seconds histogram\n"
      "# HELP sinergi_http_requests_in_flight HTTP requests being processed now.\n"
      "# TYPE sinergi_http_requests_in_flight gauge\n"
      "sinergi_http_requests_in_flight 0\n"
      "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n"
      "# TYPE process_start_time_seconds gauge\n"
      "process_start_time_seconds 1700000000\n");
}

TEST(MetricsTest, RendersCountersHistogramsAndGauges) {
  Metrics metrics(start_time() + milliseconds(250));
  metrics.record_request("GET", "/api/v1/items/{id}", 200, milliseconds(1));      // le 0.001 (inclusive)
  metrics.record_request("GET", "/api/v1/items/{id}", 200, milliseconds(3));      // le 0.005
  metrics.record_request("GET", "/api/v1/items/{id}", 404, milliseconds(20000));  // +Inf only
  metrics.record_request("POST", "unmatched", 413, nanoseconds(500));
  metrics.add_gauge("sinergi_db_pool_connections", "Database connections in the pool, by state", [] {
    return std::vector<std::pair<std::string, double>>{{"state=\"in_use\"", 2}, {"state=\"idle\"", 0.5}};
  });
  metrics.add_gauge("sinergi_db_pool_acquire_timeouts", "Requests that waited too long for a connection", [] {
    return std::vector<std::pair<std::string, double>>{{"", 7}};
  });
  auto in_flight = metrics.track_in_flight();

  std::string expected =
      "# HELP sinergi_http_requests_total HTTP requests completed, by method, route pattern and status.\n"
      "# TYPE sinergi_http_requests_total counter\n"
      "sinergi_http_requests_total{method=\"GET\",route=\"/api/v1/items/{id}\",status=\"200\"} 2\n"
      "sinergi_http_requests_total{method=\"GET\",route=\"/api/v1/items/{id}\",status=\"404\"} 1\n"
      "sinergi_http_requests_total{method=\"POST\",route=\"unmatched\",status=\"413\"} 1\n"
      "# HELP sinergi_http_request_duration_seconds Time from reading the request header to writing the last "
      "response byte.\n"
      "# TYPE sinergi_http_request_duration_seconds histogram\n";
  std::string get_labels = "method=\"GET\",route=\"/api/v1/items/{id}\"";
  std::vector<std::pair<std::string, int>> get_buckets = {
      {"0.001", 1}, {"0.0025", 1}, {"0.005", 2}, {"0.01", 2}, {"0.025", 2}, {"0.05", 2}, {"0.1", 2},
      {"0.25", 2},  {"0.5", 2},    {"1", 2},     {"2.5", 2},  {"5", 2},     {"10", 2},   {"+Inf", 3}};
  for (const auto& [bound, count] : get_buckets) {
    expected += "sinergi_http_request_duration_seconds_bucket{" + get_labels + ",le=\"" + bound + "\"} " +
                std::to_string(count) + "\n";
  }
  expected += "sinergi_http_request_duration_seconds_sum{" + get_labels + "} 20.004\n";
  expected += "sinergi_http_request_duration_seconds_count{" + get_labels + "} 3\n";
  std::string post_labels = "method=\"POST\",route=\"unmatched\"";
  for (const auto& [bound, count] : get_buckets) {
    expected += "sinergi_http_request_duration_seconds_bucket{" + post_labels + ",le=\"" + bound + "\"} 1\n";
  }
  expected += "sinergi_http_request_duration_seconds_sum{" + post_labels + "} 5e-07\n";
  expected += "sinergi_http_request_duration_seconds_count{" + post_labels + "} 1\n";
  expected +=
      "# HELP sinergi_http_requests_in_flight HTTP requests being processed now.\n"
      "# TYPE sinergi_http_requests_in_flight gauge\n"
      "sinergi_http_requests_in_flight 1\n"
      "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n"
      "# TYPE process_start_time_seconds gauge\n"
      "process_start_time_seconds 1700000000.25\n"
      "# HELP sinergi_db_pool_connections Database connections in the pool, by state\n"
      "# TYPE sinergi_db_pool_connections gauge\n"
      "sinergi_db_pool_connections{state=\"in_use\"} 2\n"
      "sinergi_db_pool_connections{state=\"idle\"} 0.5\n"
      "# HELP sinergi_db_pool_acquire_timeouts Requests that waited too long for a connection\n"
      "# TYPE sinergi_db_pool_acquire_timeouts gauge\n"
      "sinergi_db_pool_acquire_timeouts 7\n";
  EXPECT_EQ(metrics.render(), expected);
}

TEST(MetricsTest, InFlightGaugeFollowsTrackers) {
  Metrics metrics(start_time());
  EXPECT_EQ(metrics.in_flight(), 0);
  {
    auto first = metrics.track_in_flight();
    auto second = metrics.track_in_flight();
    EXPECT_EQ(metrics.in_flight(), 2);
  }
  EXPECT_EQ(metrics.in_flight(), 0);
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics metrics(start_time());
  metrics.record_request("GET", "/odd\"route\\\n", 200, milliseconds(1));
  EXPECT_NE(metrics.render().find("route=\"/odd\\\"route\\\\\\n\",status=\"200\"} 1\n"), std::string::npos);
}

TEST(MetricsTest, RejectsBadOrDuplicateGauges) {
  Metrics metrics(start_time());
  auto source = [] { return std::vector<std::pair<std::string, double>>{}; };
  EXPECT_THROW(metrics.add_gauge("1bad", "help", source), std::logic_error);
  EXPECT_THROW(metrics.add_gauge("bad-name", "help", source), std::logic_error);
  EXPECT_THROW(metrics.add_gauge("no_source", "help", nullptr), std::logic_error);
  metrics.add_gauge("good_name", "help", source);
  EXPECT_THROW(metrics.add_gauge("good_name", "help", source), std::logic_error);
}

TEST(MetricsTest, FailingGaugeSourceDoesNotBreakRendering) {
  Metrics metrics(start_time());
  metrics.add_gauge("broken", "always throws", []() -> std::vector<std::pair<std::string, double>> {
    throw std::runtime_error("pool closed");
  });
  std::string text = metrics.render();
  EXPECT_NE(text.find("# TYPE broken gauge\n"), std::string::npos);
  EXPECT_NE(text.find("process_start_time_seconds"), std::string::npos);
}

TEST(MetricsTest, CountsConcurrentRequestsExactly) {
  Metrics metrics(start_time());
  std::vector<std::thread> threads;
  for (int thread_index = 0; thread_index < 4; ++thread_index) {
    threads.emplace_back([&metrics] {
      for (int request = 0; request < 1000; ++request) {
        metrics.record_request("GET", "/healthz", 200, milliseconds(2));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_NE(metrics.render().find(
                "sinergi_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 4000\n"),
            std::string::npos);
}

}  // namespace
}  // namespace sinergi::http
