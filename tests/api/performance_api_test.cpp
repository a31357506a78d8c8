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

INSTANTIATE_TEST_SUITE_P(Backends, PerformanceApiTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::api_test
