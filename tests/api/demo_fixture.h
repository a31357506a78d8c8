// The fixture of the black-box API tests that need the demo province: the real binary, a
// fresh database of every backend, `sinergi demo`, `sinergi serve`, and helpers for signing in
// and uploading files.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api_client.h"
#include "platform/db/testing/test_database.h"
#include "server_process.h"
#include "session_client.h"

// NOLINTBEGIN(misc-definitions-in-headers)
namespace sinergi::api_test::demo {

using Json = nlohmann::json;

inline constexpr const char* kDemoPassword = "Sinergi-Demo-2026";

inline Json json_of(const ApiResponse& response) {
  return Json::parse(response.body, nullptr, false);
}

inline std::vector<std::string> error_fields(const ApiResponse& response) {
  std::vector<std::string> fields;
  const Json body = json_of(response);
  if (body.is_object() && body.contains("errors")) {
    for (const auto& error : body.at("errors")) {
      fields.push_back(error.at("field").get<std::string>());
    }
  }
  return fields;
}

class DemoApiTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    auto database = db::TestDatabase::create(GetParam());
    ASSERT_TRUE(database.ok()) << database.error().message();
    database_.emplace(std::move(database).value());
    CommandResult demo = run_sinergi({"demo", "--db", database_->url_text()});
    ASSERT_EQ(demo.exit_code, 0) << demo.standard_error;
    auto server = ServerProcess::start({"--db", database_->url_text()});
    ASSERT_TRUE(server);
    server_.emplace(std::move(*server));
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->standard_error();
      EXPECT_EQ(server_->standard_error().find("Sanitizer"), std::string::npos) << server_->standard_error();
    }
  }

  std::uint16_t port() const { return server_->port(); }

  SessionClient signed_in(const std::string& username) {
    SessionClient client(port());
    ApiResponse response = client.sign_in(username, kDemoPassword);
    EXPECT_EQ(response.status, 200) << username << ": " << response.body;
    return client;
  }

  // A file upload as the web app sends it: the raw file with its type, cookie and CSRF token.
  ApiResponse upload(const SessionClient& client, const std::string& path, const std::string& content_type,
                     const std::string& file, const std::string& file_name = "pegawai.csv") {
    std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    request +=
        "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(file.size()) + "\r\n";
    request +=
        "Cookie: sinergi_session=" + client.cookie() + "\r\nX-CSRF-Token: " + client.csrf_token() + "\r\n";
    request += "X-File-Name: " + file_name + "\r\n\r\n" + file;
    return send_raw(port(), request);
  }

  std::optional<db::TestDatabase> database_;
  std::optional<ServerProcess> server_;
};

}  // namespace sinergi::api_test::demo
// NOLINTEND(misc-definitions-in-headers)
