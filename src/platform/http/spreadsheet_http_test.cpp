#include "platform/http/spreadsheet_http.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "platform/http/server.h"

namespace sinergi::http {
namespace {

Request upload(std::string target, std::string body) {
  Request request;
  request.method = Method::post;
  request.set_target(std::move(target));
  request.body = std::move(body);
  request.headers.add("Content-Type", "text/csv");
  return request;
}

TEST(ImportRequestTest, ReadsTheModeAndTheDecodedFileName) {
  Request request = upload("/api/v1/plans/1/imports/nodes?mode=commit", "kind,code\n");
  request.headers.add("X-File-Name", "Rencana%20Kerja%202026.csv");
  const auto parsed = import_request(request);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->mode, tabular::ImportMode::commit);
  EXPECT_EQ(parsed->file.file_name, "Rencana Kerja 2026.csv");
  EXPECT_EQ(parsed->file.content_type, "text/csv");
  EXPECT_EQ(parsed->file.bytes, "kind,code\n");

  EXPECT_EQ(import_request(upload("/x", "a\n"))->mode, tabular::ImportMode::dry_run);
}

TEST(ImportRequestTest, ALongFileNameIsShortenedButKeepsItsExtension) {
  Request request = upload("/x", "a\n");
  request.headers.add("X-File-Name", std::string(400, 'a') + ".xlsx");
  const std::string name = uploaded_file_name(request);
  EXPECT_LE(name.size(), 255U + 2);  // the ellipsis is three bytes for one character
  EXPECT_TRUE(name.ends_with(".xlsx")) << name;
  EXPECT_TRUE(name.starts_with("aaaa")) << name;
}

TEST(ImportRequestTest, RefusesAnUnknownModeAndAFileAboveTwentyMegabytes) {
  const auto mode = import_request(upload("/x?mode=write", "a\n"));
  ASSERT_FALSE(mode.ok());
  EXPECT_EQ(mode.error().code(), ErrorCode::InvalidInput);
  const auto large = import_request(upload("/x", std::string(tabular::kMaxImportBytes + 1, 'a')));
  ASSERT_FALSE(large.ok());
  EXPECT_EQ(large.error().code(), ErrorCode::PayloadTooLarge);
}

TEST(ImportResponseTest, ARefusedCommitIs422WithTheReportAndADryRunIs200) {
  Request request = upload("/x?mode=commit", "");
  request.locale = Locale::english;
  tabular::ImportOutcome outcome;
  outcome.mode = tabular::ImportMode::commit;
  outcome.rows = 2;
  outcome.error_count = 1;
  outcome.errors.push_back(tabular::ImportProblem{3, "code", "kode salah", "wrong code"});
  const Response refused = import_response(outcome, "nodes", request);
  EXPECT_EQ(refused.status, 422);
  const auto problem = nlohmann::json::parse(refused.body);
  EXPECT_EQ(problem.at("report").at("kind"), "nodes");
  EXPECT_EQ(problem.at("report").at("errors").at(0).at("row"), 3);
  EXPECT_EQ(problem.at("report").at("errors").at(0).at("message"), "wrong code");

  outcome.mode = tabular::ImportMode::dry_run;
  const Response checked = import_response(outcome, "nodes", request);
  EXPECT_EQ(checked.status, 200);
  EXPECT_EQ(nlohmann::json::parse(checked.body).at("committed"), false);
}

TEST(UploadPrefixTest, AStarMatchesOnePathSegment) {
  EXPECT_TRUE(starts_with_pattern("/api/v1/plans/12/imports/nodes", "/api/v1/plans/*/imports/"));
  EXPECT_FALSE(starts_with_pattern("/api/v1/plans//imports/nodes", "/api/v1/plans/*/imports/"));
  EXPECT_FALSE(starts_with_pattern("/api/v1/plans/12/nodes", "/api/v1/plans/*/imports/"));
  EXPECT_FALSE(starts_with_pattern("/api/v1/plans/12/x/imports/", "/api/v1/plans/*/imports/"));
  EXPECT_TRUE(starts_with_pattern("/api/v1/attendance/imports", "/api/v1/attendance/imports"));
  EXPECT_FALSE(starts_with_pattern("/api/v1/attendance", "/api/v1/attendance/imports"));
}

}  // namespace
}  // namespace sinergi::http
