// Black-box tests of the organization API (docs/api/organization.md): the real binary with
// the demo province loaded by `sinergi demo`, on a fresh database of every backend.
#include "demo_fixture.h"

namespace sinergi::api_test {
namespace {

using namespace demo;  // NOLINT(google-build-using-namespace): the shared fixture

class OrganizationApiTest : public DemoApiTest {};

TEST_P(OrganizationApiTest, TheDemoProvinceHasTenAgenciesLedByAnActingHead) {
  SessionClient governor = signed_in("gubernur");
  ApiResponse board = governor.get("/api/v1/vacancies?page_size=100");
  ASSERT_EQ(board.status, 200) << board.body;
  Json json = json_of(board);
  // Issue 4: "In late 2025, 10 of East Kalimantan's 37 agencies were led by an acting head".
  EXPECT_EQ(json.at("summary").at("agencies_led_by_acting"), 10);
  EXPECT_EQ(json.at("summary").at("alert_days"), 30);
  // Oldest first: the days without a definitive holder never increase down the list.
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  for (const auto& item : json.at("items")) {
    std::int64_t days = item.at("status").at("days_without_definitive");
    EXPECT_LE(days, previous);
    previous = days;
    EXPECT_NE(item.at("status").at("state"), "filled");
  }
}

TEST_P(OrganizationApiTest, ListsRefuseBadParametersNamingThem) {
  SessionClient admin = signed_in("admin");
  ApiResponse response = admin.get("/api/v1/people?page=0&sort=salary&employment_status=honorer");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(error_fields(response), (std::vector<std::string>{"employment_status", "page", "sort"}));
}

TEST_P(OrganizationApiTest, ThePeopleListExportsAsCsvAndXlsx) {
  SessionClient admin = signed_in("admin");
  ApiResponse csv = admin.get("/api/v1/people?agency_code=Dinkes&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("Content-Type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("Content-Disposition").value_or("").find("attachment; filename=\"pegawai-"),
            std::string::npos);
  // UTF-8 byte order mark, then the header row.
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.body.substr(3, csv.body.find("\r\n") - 3),
            "nip,nama,pangkat_golongan,status,kode_opd,aktif,jabatan_saat_ini");
  EXPECT_NE(csv.body.find("198001012005011001"), std::string::npos);  // the head of Dinkes
  ApiResponse xlsx = admin.get("/api/v1/people?agency_code=Dinkes&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 4), std::string("PK\x03\x04", 4));
}

TEST_P(OrganizationApiTest, AgencyStaffCannotChangeTheRegistryAndSeeOnlyTheirAgency) {
  SessionClient staff = signed_in("staf.dinkes");
  const std::string person = Json{
      {"nip", "199001012015031001"},
      {"name", "Andi"},
      {"employment_status", "pns"},
      {"agency_code", "Dinkes"}}.dump();
  EXPECT_EQ(staff.send("POST", "/api/v1/people", person).status, 403);
  ApiResponse agencies = staff.get("/api/v1/agencies");
  ASSERT_EQ(agencies.status, 200);
  ASSERT_EQ(json_of(agencies).at("items").size(), 1U);
  EXPECT_EQ(json_of(agencies).at("items")[0].at("code"), "Dinkes");
  EXPECT_EQ(staff.get("/api/v1/agencies/Dishub/chart").status, 404);

  // Without the CSRF token even the administrator's change is refused.
  SessionClient admin = signed_in("admin");
  admin.set_csrf_token("");
  EXPECT_EQ(admin.send("POST", "/api/v1/people", person).status, 403);
  SessionClient anonymous(port());
  EXPECT_EQ(anonymous.get("/api/v1/people").status, 401);
}

TEST_P(OrganizationApiTest, AnOverlappingDefinitiveAppointmentIsRefusedWithTheFieldNamed) {
  SessionClient admin = signed_in("admin");
  ApiResponse heads = admin.get("/api/v1/positions?agency_code=Dinkes&head_only=true");
  ASSERT_EQ(heads.status, 200);
  const Json head = json_of(heads).at("items").at(0);
  ASSERT_EQ(head.at("status").at("state"), "filled");
  // Someone of Dishub without any post, so only the head post's own rule can refuse.
  ApiResponse people = admin.get("/api/v1/people?agency_code=Dishub&page_size=100");
  const Json listed = json_of(people);
  Json someone;
  for (const auto& person : listed.at("items")) {
    if (person.at("positions").empty() && person.at("active") == true) {
      someone = person;
    }
  }
  ASSERT_TRUE(someone.is_object()) << people.body;
  const std::string body = Json{
      {"person_id", someone.at("id")},
      {"position_id", head.at("id")},
      {"kind", "definitive"},
      {"starts_on",
       "2026-01-05"}}.dump();
  ApiResponse refused = admin.send("POST", "/api/v1/assignments", body);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(error_fields(refused)[0], "starts_on");
}

TEST_P(OrganizationApiTest, AFiftyMegabyteImportIsRefusedBeforeItIsRead) {
  SessionClient admin = signed_in("admin");
  // Only the header is sent: the declared length alone is refused.
  std::string request =
      "POST /api/v1/organization/imports/people?mode=dry_run HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  request += "Content-Type: text/csv\r\nContent-Length: 52428800\r\nConnection: close\r\n";
  request +=
      "Cookie: sinergi_session=" + admin.cookie() + "\r\nX-CSRF-Token: " + admin.csrf_token() + "\r\n\r\n";
  ApiResponse response = send_raw(port(), request);
  EXPECT_EQ(response.status, 413);
  EXPECT_NE(response.body.find("20971520"), std::string::npos) << response.body;
  // An ordinary JSON route keeps the 1 MiB limit.
  std::string big(2 << 20, 'x');
  EXPECT_EQ(admin.send("POST", "/api/v1/people", big).status, 413);
}

TEST_P(OrganizationApiTest, AnImportWithErrorsReportsRowsAndColumnsAndWritesNothing) {
  SessionClient admin = signed_in("admin");
  const std::string file =
      "nip;nama;status;kode_opd\n"
      "199001012015031001;Andi Saputra;pns;Dinkes\n"
      "199013012015031001;Budi;pns;Dinkes\n"
      "199101012016032001;Citra;pns;Dinkez\n";
  ApiResponse dry = upload(admin, "/api/v1/organization/imports/people?mode=dry_run", "text/csv", file);
  ASSERT_EQ(dry.status, 200) << dry.body;
  Json report = json_of(dry);
  ASSERT_EQ(report.at("errors").size(), 2U) << dry.body;
  EXPECT_EQ(report.at("errors")[0].at("row"), 3);
  EXPECT_EQ(report.at("errors")[0].at("column"), "nip");
  EXPECT_EQ(report.at("errors")[1].at("row"), 4);
  EXPECT_EQ(report.at("errors")[1].at("column"), "agency_code");
  EXPECT_FALSE(report.at("committed"));

  ApiResponse commit = upload(admin, "/api/v1/organization/imports/people?mode=commit", "text/csv", file);
  EXPECT_EQ(commit.status, 422);
  EXPECT_TRUE(json_of(commit).contains("report"));
  EXPECT_EQ(json_of(admin.get("/api/v1/people?q=199001012015031001")).at("total"), 0);

  ApiResponse bomb = upload(admin, "/api/v1/organization/imports/people?mode=dry_run",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            std::string("PK\x03\x04", 4) + std::string(200, '\0'));
  EXPECT_EQ(bomb.status, 422);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrganizationApiTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::api_test
