#include "platform/http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <random>

namespace sinergi::http {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, std::string_view contents) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("sinergi-static-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device()()));
    root_ = base_ / "web";
    write_file(root_ / "index.html", "<!doctype html><title>Sinergi</title>");
    write_file(root_ / "assets" / "index-3f9a2c.js", "console.log('app')");
    write_file(root_ / "favicon.ico", "ico");
    write_file(root_ / "docs" / "index.html", "<p>docs</p>");
    write_file(root_ / ".env", "DATABASE_PASSWORD=hunter2");
    write_file(root_ / "api" / "data.json", "{}");
    write_file(base_ / "secret.txt", "TOP SECRET");
    fs::create_directory_symlink("/etc", root_ / "link_out");
    fs::create_symlink(base_ / "secret.txt", root_ / "secret_link.txt");
    fs::create_symlink(root_ / "favicon.ico", root_ / "icon_link.ico");
    auto files = StaticFiles::create(root_);
    ASSERT_TRUE(files.ok());
    files_.emplace(std::move(files).value());
  }

  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(base_, ignored);
  }

  std::optional<Response> get(std::string target, Method method = Method::get,
                              std::optional<std::string> if_none_match = std::nullopt) {
    Request request;
    request.method = method;
    request.method_text = std::string(method_name(method));
    request.set_target(std::move(target));
    request.request_id = "static-test";
    if (if_none_match) {
      request.headers.set("If-None-Match", *if_none_match);
    }
    return files_->serve(request);
  }

  fs::path base_;
  fs::path root_;
  std::optional<StaticFiles> files_;
};

TEST_F(StaticFilesTest, CreateRequiresAnExistingDirectory) {
  auto missing = StaticFiles::create(base_ / "nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::FileError);
  auto file = StaticFiles::create(root_ / "index.html");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code(), ErrorCode::FileError);
}

TEST_F(StaticFilesTest, ServesIndexForRootAndDirectories) {
  for (std::string target : {"/", "/index.html", "/?utm=1"}) {
    auto response = get(target);
    ASSERT_TRUE(response.has_value()) << target;
    EXPECT_EQ(response->status, 200) << target;
    EXPECT_EQ(response->body, "<!doctype html><title>Sinergi</title>");
    EXPECT_EQ(response->headers.get("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(response->headers.get("Cache-Control"), "no-cache");
  }
  auto docs = get("/docs/");
  ASSERT_TRUE(docs.has_value());
  EXPECT_EQ(docs->body, "<p>docs</p>");
  EXPECT_EQ(get("/docs")->body, "<p>docs</p>");
}

TEST_F(StaticFilesTest, ContentTypesByExtension) {
  std::vector<std::pair<std::string, std::string>> expected = {
      {"a.html", "text/html; charset=utf-8"},
      {"a.js", "text/javascript; charset=utf-8"},
      {"a.mjs", "text/javascript; charset=utf-8"},
      {"a.css", "text/css; charset=utf-8"},
      {"a.json", "application/json; charset=utf-8"},
      {"a.svg", "image/svg+xml"},
      {"a.png", "image/png"},
      {"a.jpg", "image/jpeg"},
      {"a.JPEG", "image/jpeg"},
      {"a.webp", "image/webp"},
      {"a.ico", "image/x-icon"},
      {"a.woff", "font/woff"},
      {"a.woff2", "font/woff2"},
      {"a.txt", "text/plain; charset=utf-8"},
      {"a.js.map", "application/json; charset=utf-8"},
      {"a.wasm", "application/wasm"},
      {"a.pdf", "application/pdf"},
      {"a.bin", "application/octet-stream"},
      {"noextension", "application/octet-stream"},
  };
  for (const auto& [name, content_type] : expected) {
    EXPECT_EQ(content_type_for(name), content_type) << name;
  }
  write_file(root_ / "styles" / "main.css", "body{}");
  auto css = get("/styles/main.css");
  ASSERT_TRUE(css.has_value());
  EXPECT_EQ(css->headers.get("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutable) {
  auto response = get("/assets/index-3f9a2c.js");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "console.log('app')");
  EXPECT_EQ(response->headers.get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(response->headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(get("/favicon.ico")->headers.get("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, EtagAndIfNoneMatch) {
  auto first = get("/favicon.ico");
  ASSERT_TRUE(first.has_value());
  auto etag = first->headers.get("ETag");
  ASSERT_TRUE(etag.has_value());
  std::string tag(*etag);
  EXPECT_EQ(tag.front(), '"');
  EXPECT_EQ(tag.back(), '"');

  for (const std::string& condition : std::vector<std::string>{tag, "W/" + tag, "\"other\", " + tag, "*"}) {
    auto cached = get("/favicon.ico", Method::get, condition);
    ASSERT_TRUE(cached.has_value());
    EXPECT_EQ(cached->status, 304) << condition;
    EXPECT_TRUE(cached->body.empty());
    EXPECT_EQ(cached->headers.get("ETag"), tag);
    EXPECT_EQ(cached->headers.get("Cache-Control"), "no-cache");
  }
  EXPECT_EQ(get("/favicon.ico", Method::get, "\"stale\"")->status, 200);

  // A changed file gets a new ETag.
  write_file(root_ / "favicon.ico", "a different icon");
  auto changed = get("/favicon.ico", Method::get, tag);
  EXPECT_EQ(changed->status, 200);
  EXPECT_NE(changed->headers.get("ETag"), tag);
}

TEST_F(StaticFilesTest, ClientRoutesFallBackToIndex) {
  for (std::string target : {"/regions/31", "/indicators/new?tab=2", "/settings", "/kinerja/opd/1.02",
                             "/kinerja/opd/1.02.01.2.10", "/releases/v2.0", "/search/a.b-c"}) {
    auto response = get(target);
    ASSERT_TRUE(response.has_value()) << target;
    EXPECT_EQ(response->status, 200) << target;
    EXPECT_EQ(response->body, "<!doctype html><title>Sinergi</title>");
    EXPECT_EQ(response->headers.get("Cache-Control"), "no-cache");
  }
}

TEST_F(StaticFilesTest, MissingFileWithExtensionIsNotFoundProblem) {
  for (std::string target : {"/missing.png", "/assets/old-123.js", "/regions/31.json", "/wp-login.php",
                             "/archive.tar.gz", "/favicon.ICO2"}) {
    auto response = get(target);
    ASSERT_TRUE(response.has_value()) << target;
    EXPECT_EQ(response->status, 404) << target;
    EXPECT_EQ(response->headers.get("Content-Type"), "application/problem+json");
    EXPECT_NE(response->body.find("urn:sinergi:problem:route_not_found"), std::string::npos);
  }
}

TEST_F(StaticFilesTest, HeadIsServedAndOtherMethodsAreNotStatic) {
  auto head = get("/favicon.ico", Method::head);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->status, 200);
  EXPECT_FALSE(get("/favicon.ico", Method::post).has_value());
  EXPECT_FALSE(get("/favicon.ico", Method::delete_).has_value());
}

TEST_F(StaticFilesTest, ApiPathsAreNeverStatic) {
  for (std::string target : {"/api", "/api/", "/api/data.json", "/api/v1/anything", "/api/v1/openapi.json"}) {
    EXPECT_FALSE(get(target).has_value()) << target;
  }
  // "/apis" is not under /api/.
  auto other = get("/apis");
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->status, 200);  // a client route
}

TEST_F(StaticFilesTest, SymlinkInsideTheRootIsServed) {
  auto response = get("/icon_link.ico");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "ico");
}

TEST_F(StaticFilesTest, NothingOutsideTheRootIsEverServed) {
  std::vector<std::string> attacks = {
      "/../secret.txt",
      "/assets/../../secret.txt",
      "/assets/../index.html",
      "/..",
      "/.",
      "/./index.html",
      "/%2e%2e/secret.txt",
      "/%2E%2E/secret.txt",
      "/%2e%2e",
      "/.%2e/secret.txt",
      "/%2e./secret.txt",
      "/..%2fsecret.txt",
      "/..%2Fsecret.txt",
      "/%2e%2e%2fsecret.txt",
      "/assets%2f..%2f..%2fsecret.txt",
      "/%252e%252e/secret.txt",
      "/%252e%252e/%252e%252e/etc/passwd",
      "/%25%32%65%25%32%65/secret.txt",
      "/..\\secret.txt",
      "/%5c..%5csecret.txt",
      "/%5C..%5Csecret.txt",
      "/assets\\..\\..\\secret.txt",
      std::string("/index.html\0.png", 16),
      "/index.html%00.png",
      "/%00",
      "//etc/passwd",
      "/assets//index-3f9a2c.js",
      "/.env",
      "/%2eenv",
      "/docs/.hidden",
      "/secret_link.txt",
      "/link_out/passwd",
      "/link_out/hostname",
      "/link_out/does-not-exist",
      "/link_out",
      "/link_out/",
      "/%6c%69%6e%6b%5f%6f%75%74/passwd",  // "link_out" percent-encoded
  };
  for (const auto& target : attacks) {
    auto response = get(target);
    ASSERT_TRUE(response.has_value()) << target;
    EXPECT_EQ(response->status, 404) << target;
    EXPECT_EQ(response->body.find("TOP SECRET"), std::string::npos) << target;
    EXPECT_EQ(response->body.find("root:"), std::string::npos) << target;
    EXPECT_EQ(response->body.find("hunter2"), std::string::npos) << target;
  }
}

TEST_F(StaticFilesTest, OversizedFileIsAnInternalProblem) {
  write_file(root_ / "big.txt", std::string(2048, 'x'));
  auto small_limit = StaticFiles::create(root_, 1024);
  ASSERT_TRUE(small_limit.ok());
  Request request;
  request.set_target("/big.txt");
  request.request_id = "req-big";
  auto response = small_limit->serve(request);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(response->body.find(root_.string()), std::string::npos);  // no file paths in responses
}

}  // namespace
}  // namespace sinergi::http
