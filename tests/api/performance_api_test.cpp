// Black-box tests of the auditor's arithmetic check (docs/api/performance.md, "Report check"):
// the real binary with the demo province, on a fresh database of every backend.
#include "demo_fixture.h"

namespace sinergi::api_test {
namespace {

using namespace demo;  // NOLINT(google-build-using-namespace): the shared fixture

class PerformanceApiTest : public DemoApiTest {};

constexpr const char* kCheckPath = "/api/v1/tools/check-report";

const std::string kReport =
    "indicator,polarity,target,realization,published_achievement_percent\n"
    "AKB Lampung 2015,lower_is_better,32,\"4,88\",\"184,75\"\n"
    "Prevalensi HIV Lampung 2015,lower_is_better,\"0,49\",\"0,01\",\"198,58\"\n"
    "Tanpa realisasi,higher_is_better,90,,95\n";

TEST_P(PerformanceApiTest, AnyoneSignedInChecksAReportAsJsonOrCsv) {
  SessionClient legislature = signed_in("dprd");
  ApiResponse checked = upload(legislature, kCheckPath, "text/csv", kReport, "laporan.csv");
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(checked.header("Cache-Control").value_or(""), "no-store");
  const Json body = json_of(checked);
  EXPECT_EQ(body.at("counts"), (Json{{"consistent", 1}, {"inconsistent", 1}, {"not_computable", 1}}));
  ASSERT_EQ(body.at("items").size(), 3U);
  const Json& first = body.at("items")[0];
  EXPECT_EQ(first.at("row"), 2);
  EXPECT_EQ(first.at("realization"), "4,88");
  EXPECT_EQ(first.at("computed_percent"), "184.75");
  EXPECT_EQ(first.at("matching_formula"), "mirror");
  EXPECT_EQ(first.at("verdict"), "consistent");
  EXPECT_EQ(body.at("items")[1].at("computed_percent"), "197.96");
  EXPECT_TRUE(body.at("items")[1].at("matching_formula").is_null());
  EXPECT_TRUE(body.at("items")[2].at("computed_percent").is_null());
  EXPECT_EQ(body.at("items")[2].at("reason"), "kolom realization kosong");

  ApiResponse csv = upload(legislature, std::string(kCheckPath) + "?format=csv", "text/csv", kReport);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("Content-Type").value_or("").rfind("text/csv", 0), 0U);
  EXPECT_NE(csv.header("Content-Disposition").value_or("").find("periksa-laporan.csv"), std::string::npos);
  EXPECT_NE(csv.body.find("computed_percent,matching_formula,verdict,reason"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("\"184,75\",mirror,consistent"), std::string::npos) << csv.body;
}

TEST_P(PerformanceApiTest, TheReasonFollowsTheLanguageOfTheRequest) {
  SessionClient auditor = signed_in("inspektorat");
  std::string request =
      "POST " + std::string(kCheckPath) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  request +=
      "Content-Type: text/csv\r\nAccept-Language: en\r\nContent-Length: " + std::to_string(kReport.size()) +
      "\r\nCookie: sinergi_session=" + auditor.cookie() + "\r\nX-CSRF-Token: " + auditor.csrf_token() +
      "\r\n\r\n" + kReport;
  ApiResponse checked = send_raw(port(), request);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(json_of(checked).at("items")[2].at("reason"), "the realization column is empty");
}

TEST_P(PerformanceApiTest, AFileThatIsNoReportTableIsRefused) {
  SessionClient staff = signed_in("staf.dinkes");
  ApiResponse missing = upload(staff, kCheckPath, "text/csv", "indikator,target\nAKB,32\n");
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(error_fields(missing), std::vector<std::string>{"file"});
  EXPECT_EQ(upload(staff, std::string(kCheckPath) + "?format=pdf", "text/csv", kReport).status, 400);
  EXPECT_EQ(upload(staff, kCheckPath, "image/png", std::string("\x89PNG\r\n\x1a\n", 8), "foto.png").status,
            415);
  // Signed out: 401, and the file is not read.
  EXPECT_EQ(send_request(port(), "POST", kCheckPath, kReport).status, 401);

  // A 2 MiB report (over the 1 MiB JSON limit) is read as the imports are.
  std::string large = "indicator,polarity,target,realization,published_achievement_percent\n";
  while (large.size() < (std::size_t{2} << 20)) {
    large += "Indikator yang panjang untuk mengisi berkas uji,higher_is_better,2,1; 0; 2,150\n";
  }
  ApiResponse read = upload(staff, kCheckPath, "text/csv", large);
  ASSERT_EQ(read.status, 200) << read.body.substr(0, 300);
  EXPECT_EQ(json_of(read).at("counts").at("inconsistent"), 0);
  EXPECT_GT(json_of(read).at("counts").at("consistent").get<int>(), 20000);
}

// --- Agreements, realization and verification over HTTP, with the demo year 2026 ---

constexpr const char* kPdfBytes = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

// The demo's Dinkes agreement for 2026: submitted, waiting for the signatures.
Json health_agreement(const SessionClient& client) {
  ApiResponse list = client.get("/api/v1/agreements?year=2026&agency_code=Dinkes");
  EXPECT_EQ(list.status, 200) << list.body;
  const Json items = json_of(list).at("items");
  EXPECT_EQ(items.size(), 1U);
  ApiResponse detail =
      client.get("/api/v1/agreements/" + std::to_string(items[0].at("id").get<std::int64_t>()));
  EXPECT_EQ(detail.status, 200) << detail.body;
  return json_of(detail);
}

ApiResponse step(const SessionClient& client, const Json& agreement, const std::string& transition) {
  return client.send(
      "POST", "/api/v1/agreements/" + std::to_string(agreement.at("id").get<std::int64_t>()) + "/steps",
      Json{{"transition", transition}, {"version", agreement.at("version")}}.dump());
}

TEST_P(PerformanceApiTest, TheHeadAndTheGovernorSignAndASignedAgreementCannotBeEdited) {
  SessionClient staff = signed_in("staf.dinkes");
  SessionClient head = signed_in("kadis.dinkes");
  SessionClient governor = signed_in("gubernur");
  Json agreement = health_agreement(head);
  ASSERT_EQ(agreement.at("state"), "submitted");
  EXPECT_EQ(agreement.at("available"), Json::array({"return", "sign_first_party"}));
  EXPECT_EQ(health_agreement(staff).at("available"), Json::array());
  // The list's rows carry the same steps, and say which needs a comment.
  const Json rows = json_of(head.get("/api/v1/agreements?year=2026&state=submitted"));
  bool listed = false;
  for (const Json& row : rows.at("items")) {
    if (row.at("agency_code") == "Dinkes") {
      listed = true;
      EXPECT_EQ(row.at("steps"), Json::parse(R"([{"transition": "return", "comment_required": true},
                                                 {"transition": "sign_first_party", "comment_required": false}])"));
      EXPECT_EQ(row.at("editable"), false);
    }
  }
  EXPECT_TRUE(listed) << rows.dump();

  // Staff may not sign; without the CSRF token nobody may; the governor may not sign first.
  EXPECT_EQ(step(staff, agreement, "sign_first_party").status, 403);
  SessionClient forged = head;
  forged.set_csrf_token("");
  EXPECT_EQ(step(forged, agreement, "sign_first_party").status, 403);
  EXPECT_EQ(step(governor, agreement, "sign_first_party").status, 403);

  ApiResponse first = step(head, agreement, "sign_first_party");
  ASSERT_EQ(first.status, 200) << first.body;
  agreement = json_of(first);
  EXPECT_EQ(agreement.at("state"), "signed_by_first_party");
  ApiResponse second = step(governor, agreement, "sign_second_party");
  ASSERT_EQ(second.status, 200) << second.body;
  agreement = json_of(second);
  EXPECT_EQ(agreement.at("state"), "signed");
  const std::string hash = agreement.at("document_sha256").get<std::string>();
  EXPECT_EQ(hash.size(), 64U);
  const Json& timeline = agreement.at("timeline");
  EXPECT_EQ(timeline.back().at("fields").at("document_sha256"), hash);
  EXPECT_EQ(timeline.back().at("actor"), "gubernur");

  // Editing a signed agreement: refused, revise instead.
  Json edit{{"version", agreement.at("version")},
            {"second_party", agreement.at("second_party")},
            {"items", Json::array()},
            {"programs", Json::array()}};
  for (const Json& item : agreement.at("items")) {
    edit["items"].push_back({{"indicator_id", item.at("indicator_id")}});
  }
  ApiResponse edited = staff.send(
      "PUT", "/api/v1/agreements/" + std::to_string(agreement.at("id").get<std::int64_t>()), edit.dump());
  EXPECT_EQ(edited.status, 409) << edited.body;
  EXPECT_EQ(error_fields(edited), std::vector<std::string>{"state"});

  ApiResponse pdf = governor.get("/api/v1/agreements/" +
                                 std::to_string(agreement.at("id").get<std::int64_t>()) + "/document");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("Content-Type").value_or(""), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0U);
  EXPECT_NE(pdf.header("Content-Disposition").value_or("").find("perjanjian-kinerja-Dinkes-2026-1.pdf"),
            std::string::npos);
}

TEST_P(PerformanceApiTest, AQuarterIsReportedWithEvidenceVerifiedAndCountedInTheScorecard) {
  SessionClient staff = signed_in("staf.dinkes");
  SessionClient head = signed_in("kadis.dinkes");
  SessionClient governor = signed_in("gubernur");
  SessionClient planner = signed_in("bapperida");
  Json agreement = health_agreement(head);
  agreement = json_of(step(head, agreement, "sign_first_party"));
  agreement = json_of(step(governor, agreement, "sign_second_party"));
  ASSERT_EQ(agreement.at("state"), "signed");
  const std::int64_t indicator = agreement.at("items")[0].at("indicator_id").get<std::int64_t>();

  ApiResponse before = planner.get("/api/v1/scorecards/Dinkes?year=2026&quarter=3");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(json_of(before).at("items")[0].at("achievement").at("status"), "not_available");
  // Before anything is saved, the quarter says who may report it.
  EXPECT_EQ(
      json_of(staff.get("/api/v1/realizations?agency_code=Dinkes&year=2026&quarter=3")).at("can_report"),
      true);
  EXPECT_EQ(
      json_of(governor.get("/api/v1/realizations?agency_code=Dinkes&year=2026&quarter=3")).at("can_report"),
      false);

  // A value in the wrong format names its field; so does a quarter outside 1-4.
  Json entry{{"agency_code", "Dinkes"},
             {"indicator_id", indicator},
             {"year", 2026},
             {"quarter", 3},
             {"value", "dua puluh"}};
  ApiResponse wrong = staff.send("PUT", "/api/v1/realizations", entry.dump());
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(error_fields(wrong), std::vector<std::string>{"value"});
  entry["value"] = 19.5;  // a JSON number would pass through binary floating point
  EXPECT_EQ(error_fields(staff.send("PUT", "/api/v1/realizations", entry.dump())),
            std::vector<std::string>{"value"});
  entry["value"] = "19,5";
  ApiResponse saved = staff.send("PUT", "/api/v1/realizations", entry.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  const std::int64_t id = json_of(saved).at("id").get<std::int64_t>();
  EXPECT_EQ(json_of(saved).at("value"), "19.5");
  const std::string path = "/api/v1/realizations/" + std::to_string(id);

  // Evidence: a forbidden type, a PDF under a picture's name, then a real PDF.
  EXPECT_EQ(upload(staff, path + "/evidence", "application/octet-stream",
                   "\x7f"
                   "ELF\x02\x01\x01",
                   "alat.exe")
                .status,
            415);
  EXPECT_EQ(upload(staff, path + "/evidence", "image/png", kPdfBytes, "foto.png").status, 415);
  EXPECT_EQ(upload(head, path + "/evidence", "application/pdf", kPdfBytes, "bukti.pdf").status, 201);
  ApiResponse other_agency =
      upload(signed_in("staf.disdikbud"), path + "/evidence", "application/pdf", kPdfBytes, "bukti.pdf");
  EXPECT_EQ(other_agency.status, 403) << other_agency.body;

  Json current = json_of(staff.get(path));
  ASSERT_EQ(current.at("evidence").size(), 1U);
  const std::string evidence_url = current.at("evidence")[0].at("url").get<std::string>();
  EXPECT_EQ(get(port(), evidence_url).status, 401);
  ApiResponse evidence = governor.get(evidence_url);
  ASSERT_EQ(evidence.status, 200);
  EXPECT_EQ(evidence.body, kPdfBytes);
  EXPECT_EQ(evidence.header("Content-Type").value_or(""), "application/pdf");

  // Staff cannot submit; the head can (late: TW III closed on 15 October 2026).
  Json submit{{"transition", "submit"}, {"version", current.at("version")}};
  EXPECT_EQ(staff.send("POST", path + "/steps", submit.dump()).status, 403);
  ApiResponse submitted = head.send("POST", path + "/steps", submit.dump());
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(json_of(submitted).at("state"), "submitted");
  EXPECT_EQ(json_of(submitted).at("late"), true);

  ApiResponse queue = planner.get("/api/v1/verification-queue?agency_code=Dinkes&year=2026&quarter=3");
  ASSERT_EQ(queue.status, 200);
  ASSERT_EQ(json_of(queue).at("total"), 1);
  Json verify{{"transition", "verify"}, {"version", json_of(submitted).at("version")}};
  EXPECT_EQ(head.send("POST", path + "/steps", verify.dump()).status, 403);
  ApiResponse verified = planner.send("POST", path + "/steps", verify.dump());
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(json_of(verified).at("verified_value"), "19.5");

  ApiResponse after = planner.get("/api/v1/scorecards/Dinkes?year=2026&quarter=3");
  ASSERT_EQ(after.status, 200);
  const Json achievement = json_of(after).at("items")[0].at("achievement");
  EXPECT_EQ(achievement.at("status"), "computed");
  EXPECT_FALSE(achievement.at("percent").is_null());
  ApiResponse why =
      planner.get("/api/v1/scorecards/Dinkes/explanation?indicator_id=" + std::to_string(indicator) +
                  "&year=2026&quarter=3");
  ASSERT_EQ(why.status, 200) << why.body;
  std::string steps;
  const Json explanation = json_of(why);
  for (const Json& line : explanation.at("steps")) {
    steps += line.get<std::string>() + "\n";
  }
  EXPECT_NE(steps.find("TW III: 19,5 (terverifikasi)"), std::string::npos) << steps;

  ApiResponse ranking = governor.get("/api/v1/scorecards?year=2026&quarter=3");
  ASSERT_EQ(ranking.status, 200);
  EXPECT_EQ(json_of(ranking).at("rows")[0].at("rank"), 1);
  EXPECT_FALSE(json_of(ranking).at("overall_explanation").empty());
  ApiResponse xlsx =
      governor.get("/api/v1/reports/monitoring?agency_code=Dinkes&year=2026&quarter=3&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0U);
  ApiResponse summary = governor.get("/api/v1/reports/accountability?agency_code=Dinkes&year=2026");
  ASSERT_EQ(summary.status, 200);
  EXPECT_EQ(summary.body.rfind("%PDF-", 0), 0U);
}

TEST_P(PerformanceApiTest, TheReportingWindowsAreThePlanningAgencysToSet) {
  SessionClient head = signed_in("kadis.dinkes");
  SessionClient planner = signed_in("bapperida");
  const Json windows{
      {"year", 2027},
      {"windows", Json::array({{{"quarter", 1}, {"opens_on", "2027-04-01"}, {"closes_on", "2027-04-15"}}})}};
  EXPECT_EQ(head.send("PUT", "/api/v1/reporting-windows", windows.dump()).status, 403);
  ApiResponse set = planner.send("PUT", "/api/v1/reporting-windows", windows.dump());
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(json_of(head.get("/api/v1/reporting-windows?year=2027")).at("items").size(), 1U);
  const Json reversed{
      {"year", 2027},
      {"windows", Json::array({{{"quarter", 2}, {"opens_on", "2027-07-15"}, {"closes_on", "2027-07-01"}}})}};
  ApiResponse refused = planner.send("PUT", "/api/v1/reporting-windows", reversed.dump());
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(error_fields(refused), std::vector<std::string>{"windows[0].closes_on"});
  // A date outside the quarter and the year after it is a typing slip.
  const Json slipped{
      {"year", 2027},
      {"windows", Json::array({{{"quarter", 3}, {"opens_on", "2027-06-01"}, {"closes_on", "2029-01-15"}}})}};
  refused = planner.send("PUT", "/api/v1/reporting-windows", slipped.dump());
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(error_fields(refused), (std::vector<std::string>{"windows[0].opens_on", "windows[0].closes_on"}));
  // A window is removed as a whole, once.
  EXPECT_EQ(head.send("DELETE", "/api/v1/reporting-windows/2027/1", "").status, 403);
  ApiResponse removed = planner.send("DELETE", "/api/v1/reporting-windows/2027/1", "");
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(json_of(removed).at("items").size(), 0U);
  EXPECT_EQ(planner.send("DELETE", "/api/v1/reporting-windows/2027/1", "").status, 404);
  EXPECT_EQ(planner.send("DELETE", "/api/v1/reporting-windows/2027/5", "").status, 400);
  EXPECT_EQ(get(port(), "/api/v1/scorecards?year=2026").status, 401);
}

// The planning agency chooses the year's predicate scale; every scorecard of that year then
// classifies with it and names it, and other years keep the default.
TEST_P(PerformanceApiTest, TheYearsPredicateScaleIsChosenOnceAndEveryScorecardUsesIt) {
  SessionClient head = signed_in("kadis.dinkes");
  SessionClient planner = signed_in("bapperida");
  const Json before = json_of(head.get("/api/v1/predicate-scales/2026"));
  EXPECT_EQ(before.at("chosen"), false);
  EXPECT_EQ(before.at("scale").at("name"), "permendagri86");
  const Json own{{"version", 0},
                 {"scale",
                  {{"name", "kaltim_2026"},
                   {"bands", Json::array({{{"test", "ge"}, {"bound", "100"}, {"predicate", "Tuntas"}},
                                          {{"test", "any"}, {"predicate", "Belum tuntas"}}})}}}};
  ApiResponse chosen = planner.send("PUT", "/api/v1/predicate-scales/2026", own.dump());
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(json_of(chosen).at("scale").at("version"), 1);
  EXPECT_EQ(json_of(chosen).at("version"), 1);
  // Someone who read it before the change is told so.
  EXPECT_EQ(
      planner
          .send("PUT", "/api/v1/predicate-scales/2026", Json{{"version", 0}, {"preset", "berhasil4"}}.dump())
          .status,
      409);

  const Json card = json_of(head.get("/api/v1/scorecards?year=2026&quarter=3"));
  EXPECT_EQ(card.at("scale").at("name"), "kaltim_2026");
  int classified = 0;
  for (const Json& row : card.at("rows")) {
    const Json& predicate = row.at("overall").at("predicate");
    if (!predicate.is_null()) {
      EXPECT_TRUE(predicate == "Tuntas" || predicate == "Belum tuntas") << predicate;
      ++classified;
    }
  }
  EXPECT_GT(classified, 0);
  EXPECT_EQ(json_of(head.get("/api/v1/scorecards?year=2025&quarter=4")).at("scale").at("name"),
            "permendagri86");
  const Json catalog = json_of(head.get("/api/v1/predicate-scales"));
  EXPECT_EQ(catalog.at("presets").size(), 4U);
  EXPECT_EQ(catalog.at("custom").size(), 1U);
  EXPECT_EQ(catalog.at("years").size(), 1U);
  SessionClient admin = signed_in("admin");
  const Json trail = json_of(admin.get("/api/v1/audit?action=predicate_scale.choose"));
  ASSERT_EQ(trail.at("items").size(), 1U);
  EXPECT_EQ(trail.at("items")[0].at("entity_id"), "2026");
}

// Every performance route answers bad input with the field named and refuses the callers it
// must, before anything is read or written. One row per case: who, what, and the answer.
TEST_P(PerformanceApiTest, EveryRouteNamesBadInputAndRefusesWhoItMust) {
  SessionClient staff = signed_in("staf.dinkes");
  SessionClient other_staff = signed_in("staf.disdikbud");
  SessionClient head = signed_in("kadis.dinkes");
  SessionClient governor = signed_in("gubernur");
  SessionClient planner = signed_in("bapperida");
  SessionClient anonymous(port());
  const std::string agreement =
      "/api/v1/agreements/" + std::to_string(health_agreement(head).at("id").get<int>());
  const Json party{{"name", "H. Rudy Mas'ud"}, {"position", "Gubernur Kalimantan Timur"}};
  const Json whole_lists{
      {"version", 1}, {"second_party", party}, {"items", Json::array()}, {"programs", Json::array()}};
  struct Case {
    const SessionClient* client;
    std::string method;
    std::string path;
    std::string body;
    int status;
    std::string field;  // the field the answer names; empty: none checked
  };
  const std::vector<Case> cases = {
      // Agreements.
      {&anonymous, "GET", "/api/v1/agreements", "", 401, ""},
      {&planner, "GET", "/api/v1/agreements?year=1999", "", 400, "year"},
      {&planner, "GET", "/api/v1/agreements?state=ditandatangani", "", 400, "state"},
      {&planner, "GET", "/api/v1/agreements/999999", "", 404, ""},
      {&planner, "GET", "/api/v1/agreements/abc", "", 400, "id"},
      {&anonymous, "GET", agreement + "/candidates", "", 401, ""},
      {&anonymous, "GET", agreement + "/document", "", 401, ""},
      {&governor, "POST", "/api/v1/agreements", Json{{"agency_code", "Dinkes"}, {"year", 2027}}.dump(), 403,
       ""},
      {&other_staff, "POST", "/api/v1/agreements",
       Json{{"agency_code", "Dinkes"}, {"year", 2027}, {"second_party", party}}.dump(), 403, ""},
      {&staff, "POST", "/api/v1/agreements", Json{{"agency_code", "Dinkes"}, {"year", 2027}}.dump(), 422,
       "second_party"},
      {&staff, "POST", "/api/v1/agreements",
       Json{{"agency_code", "Dinkes"}, {"year", 2026}, {"second_party", party}}.dump(), 409, "year"},
      {&other_staff, "PUT", agreement, whole_lists.dump(), 403, ""},
      {&staff, "PUT", agreement, Json{{"version", 1}, {"second_party", party}}.dump(), 422, "items"},
      {&staff, "POST", agreement + "/steps", Json{{"transition", "submit"}}.dump(), 422, "version"},
      {&head, "POST", agreement + "/steps", Json{{"transition", "approve"}, {"version", 99}}.dump(), 409,
       "version"},
      {&staff, "POST", agreement + "/revisions", Json::object().dump(), 422, "reason"},
      {&governor, "POST", agreement + "/revisions", Json{{"reason", "x"}}.dump(), 403, ""},
      {&staff, "POST", agreement + "/revisions", Json{{"reason", "APBD perubahan"}}.dump(), 409, "state"},
      // Realizations and evidence.
      {&planner, "GET", "/api/v1/realizations?year=2026", "", 400, "agency_code"},
      {&planner, "GET", "/api/v1/realizations?agency_code=Dinkes&quarter=5", "", 400, "quarter"},
      {&planner, "GET", "/api/v1/realizations?agency_code=Tidak-Ada", "", 422, "agency_code"},
      {&planner, "GET", "/api/v1/realizations/999999", "", 404, ""},
      {&governor, "PUT", "/api/v1/realizations", Json{{"agency_code", "Dinkes"}}.dump(), 403, ""},
      {&staff, "PUT", "/api/v1/realizations",
       Json{{"agency_code", "Dinkes"}, {"year", 2026}, {"quarter", 1}}.dump(), 422, "indicator_id"},
      {&governor, "POST", "/api/v1/realizations/999999/steps", Json{{"transition", "verify"}}.dump(), 403,
       ""},
      {&planner, "POST", "/api/v1/realizations/999999/steps",
       Json{{"transition", "verify"}, {"version", 1}}.dump(), 404, ""},
      {&staff, "POST", "/api/v1/realizations/999999/evidence-links", Json{{"url", "ftp://x"}}.dump(), 422,
       "url"},
      {&staff, "POST", "/api/v1/realizations/999999/evidence-links",
       Json{{"url", "https://bps.go.id"}}.dump(), 404, ""},
      {&governor, "POST", "/api/v1/realizations/999999/evidence-links",
       Json{{"url", "https://bps.go.id"}}.dump(), 403, ""},
      {&staff, "DELETE", "/api/v1/realizations/999999/evidence/1", "", 404, ""},
      {&governor, "DELETE", "/api/v1/realizations/999999/evidence/1", "", 403, ""},
      {&staff, "POST", "/api/v1/realizations/999999/evidence", "%PDF-1.4", 422, "X-File-Name"},
      {&planner, "GET", "/api/v1/evidence/999999/content", "", 404, ""},
      {&anonymous, "GET", "/api/v1/verification-queue", "", 401, ""},
      {&planner, "GET", "/api/v1/verification-queue?quarter=9", "", 400, "quarter"},
      {&planner, "GET", "/api/v1/reporting-windows?year=3000", "", 400, "year"},
      {&planner, "PUT", "/api/v1/reporting-windows", Json{{"year", 2027}}.dump(), 422, "windows"},
      // Scorecards and reports.
      {&planner, "GET", "/api/v1/scorecards?quarter=0", "", 400, "quarter"},
      {&planner, "GET", "/api/v1/scorecards/Tidak-Ada?year=2026", "", 422, "agency_code"},
      {&anonymous, "GET", "/api/v1/scorecards/Dinkes", "", 401, ""},
      {&planner, "GET", "/api/v1/scorecards/Dinkes/explanation?year=2026", "", 400, "indicator_id"},
      {&planner, "GET", "/api/v1/scorecards/Dinkes/explanation?indicator_id=999999&year=2026", "", 404, ""},
      {&planner, "GET", "/api/v1/reports/monitoring?agency_code=Dinkes&format=doc", "", 400, "format"},
      {&planner, "GET", "/api/v1/reports/monitoring?year=2026", "", 400, "agency_code"},
      {&planner, "GET", "/api/v1/reports/accountability?year=2026", "", 400, "agency_code"},
      {&anonymous, "GET", "/api/v1/reports/accountability?agency_code=Dinkes", "", 401, ""},
      // Predicate scales.
      {&anonymous, "GET", "/api/v1/predicate-scales", "", 401, ""},
      {&planner, "GET", "/api/v1/predicate-scales/3000", "", 400, "year"},
      {&head, "PUT", "/api/v1/predicate-scales/2026", Json{{"version", 0}, {"preset", "berhasil4"}}.dump(),
       403, ""},
      {&planner, "PUT", "/api/v1/predicate-scales/2026", Json{{"preset", "berhasil4"}}.dump(), 422,
       "version"},
      {&planner, "PUT", "/api/v1/predicate-scales/2026", Json{{"version", 0}}.dump(), 422, "preset"},
      {&planner, "PUT", "/api/v1/predicate-scales/2026", Json{{"version", 0}, {"preset", "sakip99"}}.dump(),
       422, "preset"},
      {&planner, "PUT", "/api/v1/predicate-scales/2026",
       Json{
           {"version", 0},
           {"scale", {{"name", "kaltim"}, {"bands", Json::array({{{"test", "le"}, {"predicate", "Baik"}}})}}}}
           .dump(),
       422, "scale.bands[0].test"},
      {&planner, "PUT", "/api/v1/predicate-scales/2026",
       Json{{"version", 0},
            {"scale",
             {{"name", "kaltim"},
              {"bands", Json::array({{{"test", "ge"}, {"bound", 90}, {"predicate", "Baik"}},
                                     {{"test", "any"}, {"predicate", "Kurang"}}})}}}}
           .dump(),
       422, "scale.bands[0].bound"},
      {&planner, "PUT", "/api/v1/predicate-scales/2026",
       Json{{"version", 0},
            {"scale",
             {{"name", "kaltim"},
              {"bands", Json::array({{{"test", "ge"}, {"bound", "90"}, {"predicate", "Baik"}}})}}}}
           .dump(),
       422, "scale.bands[0].bound"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.method + " " + test.path + " " + test.body);
    ApiResponse response = test.client->send(test.method, test.path, test.body);
    EXPECT_EQ(response.status, test.status) << response.body;
    if (!test.field.empty()) {
      const std::vector<std::string> fields = error_fields(response);
      EXPECT_NE(std::find(fields.begin(), fields.end(), test.field), fields.end()) << response.body;
    }
  }
  // Nothing above changed the agreement.
  EXPECT_EQ(health_agreement(head).at("state"), "submitted");
}

INSTANTIATE_TEST_SUITE_P(Backends, PerformanceApiTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::api_test
