// Black-box tests of the planning imports (docs/api/planning.md, "Imports"): the real binary
// with the demo province, on a fresh database of every backend.
#include "demo_fixture.h"

namespace sinergi::api_test {
namespace {

using namespace demo;  // NOLINT(google-build-using-namespace): the shared fixture

class PlanningApiTest : public DemoApiTest {};

constexpr const char* kNodesPath = "/api/v1/plans/1/imports/nodes";

TEST_P(PlanningApiTest, APlannerImportsNodesAfterADryRunThatNamesTheBadRow) {
  SessionClient planner = signed_in("bapperida");
  const std::string bad =
      "jenis,kode,uraian,kode_induk\n"
      "misi,M9,Misi uji impor,\n"
      "tujuan,T9.1,Tujuan tanpa induk,M99\n";
  ApiResponse dry = upload(planner, std::string(kNodesPath) + "?mode=dry_run", "text/csv", bad, "simpul.csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  const Json report = json_of(dry);
  ASSERT_EQ(report.at("errors").size(), 1U) << dry.body;
  EXPECT_EQ(report.at("errors")[0].at("row"), 3);
  EXPECT_EQ(report.at("errors")[0].at("column"), "parent_code");
  EXPECT_EQ(upload(planner, std::string(kNodesPath) + "?mode=commit", "text/csv", bad).status, 422);
  EXPECT_EQ(json_of(planner.get("/api/v1/plans/1/nodes?q=M9")).at("total"), 0);

  const std::string good =
      "jenis,kode,uraian,kode_induk\nmisi,M9,Misi uji impor,\ntujuan,T9.1,Tujuan uji,M9\n";
  ApiResponse committed = upload(planner, std::string(kNodesPath) + "?mode=commit", "text/csv", good);
  ASSERT_EQ(committed.status, 200) << committed.body;
  EXPECT_EQ(json_of(committed).at("created"), 2);
  EXPECT_EQ(json_of(planner.get("/api/v1/plans/1/nodes?q=uji")).at("total"), 2);
}

TEST_P(PlanningApiTest, ImportsAreRefusedToOtherRolesAndTakeFilesAboveTheJsonLimit) {
  // An auditor reads the plan but imports nothing; the nomenclature list is the administrator's.
  SessionClient auditor = signed_in("inspektorat");
  EXPECT_EQ(upload(auditor, std::string(kNodesPath) + "?mode=dry_run", "text/csv", "kind,code\n").status,
            403);
  SessionClient planner = signed_in("bapperida");
  EXPECT_EQ(upload(planner, "/api/v1/nomenclature/imports?mode=dry_run", "text/csv", "code,name\n").status,
            403);
  // No CSRF token, no change.
  std::string request =
      "POST " + std::string(kNodesPath) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  request += "Content-Type: text/csv\r\nContent-Length: 10\r\nCookie: sinergi_session=" + planner.cookie() +
             "\r\n\r\nkind,code\n";
  EXPECT_EQ(send_raw(port(), request).status, 403);

  // A 2 MiB file (over the 1 MiB JSON limit) is read: its rows are reported, not refused.
  std::string large = "kind,code,title\n";
  while (large.size() < (std::size_t{2} << 20)) {
    large += "misi,M1,Misi yang sangat panjang untuk mengisi berkas uji\n";
  }
  ApiResponse read = upload(planner, std::string(kNodesPath) + "?mode=dry_run", "text/csv", large);
  ASSERT_EQ(read.status, 200) << read.body.substr(0, 300);
  EXPECT_GT(json_of(read).at("error_count").get<int>(), 30000);  // every row after the first repeats M1

  // The demo seeds the nomenclature list; anyone signed in searches it.
  const Json found = json_of(planner.get("/api/v1/nomenclature?search=kesehatan&level=bidang"));
  ASSERT_EQ(found.at("total"), 1) << found.dump();
  EXPECT_EQ(found.at("items")[0].at("code"), "1.02");
}

TEST_P(PlanningApiTest, BadParametersOfTheReferenceListsAndImportsAreNamed) {
  SessionClient planner = signed_in("bapperida");
  const ApiResponse level = planner.get("/api/v1/nomenclature?level=kota");
  EXPECT_EQ(level.status, 400) << level.body;
  EXPECT_NE(level.body.find("level"), std::string::npos) << level.body;
  EXPECT_EQ(planner.get("/api/v1/nomenclature?page_size=100000").status, 400);
  EXPECT_EQ(planner.get("/api/v1/nomenclature/export?format=pdf").status, 400);
  EXPECT_EQ(planner.get("/api/v1/plans/1/imports/nodes/template?format=pdf").status, 400);
  EXPECT_EQ(planner.get("/api/v1/plans/1/imports/nomenclature/template").status, 404);
  EXPECT_EQ(
      upload(planner, "/api/v1/plans/1/imports/agencies?mode=dry_run", "text/csv", "kind,code\n").status,
      404);
  EXPECT_EQ(
      upload(planner, "/api/v1/plans/999/imports/nodes?mode=dry_run", "text/csv", "kind,code\nmisi,M1\n")
          .status,
      404);
  EXPECT_EQ(upload(planner, std::string(kNodesPath) + "?mode=write", "text/csv", "kind,code\n").status, 400);
  // Not a spreadsheet.
  EXPECT_EQ(
      upload(planner, std::string(kNodesPath) + "?mode=dry_run", "application/pdf", "%PDF-1.7", "rencana.pdf")
          .status,
      415);

  const Json services = json_of(planner.get("/api/v1/spm-services"));
  ASSERT_TRUE(services.contains("items")) << services.dump();
  EXPECT_FALSE(services.at("items").empty());
  // Nobody signed in reads nothing.
  SessionClient anonymous(port());
  EXPECT_EQ(anonymous.get("/api/v1/spm-services").status, 401);
  EXPECT_EQ(anonymous.get("/api/v1/nomenclature").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanningApiTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::api_test
