// The planning imports over real storage, on SQLite and PostgreSQL. Files are written here as
// a planner would type them; expectations come from docs/api/planning.md ("Imports") and the
// rules of the forms, never from the code's output.
#include "contexts/planning/plan_import.h"

#include "contexts/planning/planning_test_fixture.h"
#include "platform/tabular/table.h"

namespace sinergi::planning {
namespace {

using namespace fixture;  // NOLINT(google-build-using-namespace): the shared fixture
using tabular::ImportMode;

// A small cascade in reverse order (children before parents) with CRLF line ends, as Excel
// saves CSV. Its SHA-256 was computed with sha256sum.
constexpr std::string_view kCascadeCsv =
    "kind,code,title,parent_code,agency_code\r\n"
    "sasaran,S1.1.1,Meningkatnya derajat kesehatan masyarakat,T1.1,\r\n"
    "tujuan,T1.1,Mewujudkan SDM unggul,M1,\r\n"
    "misi,M1,Mewujudkan SDM yang unggul dan berdaya saing,,\r\n"
    "program,1.02.02,Program Pemenuhan Upaya Kesehatan,,Dinkes\r\n"
    "kegiatan,1.02.02.1.01,Penyediaan Fasilitas Pelayanan Kesehatan,,Dinkes\r\n"
    "sub_kegiatan,1.02.02.1.01.0001,Pengembangan Rumah Sakit,,Dinkes\r\n";
constexpr std::string_view kCascadeSha256 =
    "b14f04ad4d7071331ef20213b490c5ab2a8649b4abde9d5924fe31c51a305284";

class PlanImportTest : public PlanningServiceTest {
 protected:
  using PlanningServiceTest::report;

  void SetUp() override {
    PlanningServiceTest::SetUp();
    const long long region = region_;
    const std::vector<AgencyInfo> agencies = agencies_;
    importer_.emplace(*repository_, clock_,
                      [region, agencies](RegionId asked) -> Result<std::vector<AgencyInfo>> {
                        return asked.value() == region ? agencies : std::vector<AgencyInfo>{};
                      });
    admin_ = principal_with({auth::Role::admin}, 9, region_);
  }

  Result<PlanImportReport> run(const auth::Principal& caller, PlanId plan, PlanImportKind kind,
                               std::string_view file, ImportMode mode = ImportMode::commit,
                               const std::string& name = "impor.csv") {
    return importer_->import_plan(caller, plan, kind, mode, tabular::ImportFile{file, "text/csv", name},
                                  context_);
  }

  // The report of a run that must not fail as a call.
  PlanImportReport report(const auth::Principal& caller, PlanId plan, PlanImportKind kind,
                          std::string_view file, ImportMode mode = ImportMode::commit) {
    auto result = run(caller, plan, kind, file, mode);
    EXPECT_TRUE(result.ok()) << describe(result.error());
    return result.ok() ? std::move(result).value() : PlanImportReport{};
  }

  // "row:column" of every error, in report order.
  static std::vector<std::string> error_places(const PlanImportReport& report) {
    std::vector<std::string> places;
    for (const auto& problem : report.errors) {
      places.push_back(std::to_string(problem.row) + ":" + problem.column);
    }
    return places;
  }

  const NodeView* find_node(const NodePage& page, const std::string& code) {
    for (const NodeView& view : page.items) {
      if (view.node.code == code) {
        return &view;
      }
    }
    return nullptr;
  }

  NodePage all_nodes(PlanId plan) {
    NodeQuery query;
    query.page_size = 0;
    auto page = service_->nodes(planner_, plan, query);
    EXPECT_TRUE(page.ok());
    return page.ok() ? std::move(page).value() : NodePage{};
  }

  std::optional<PlanImporter> importer_;
  auth::Principal admin_;
};

TEST_P(PlanImportTest, ACascadeInAnyOrderIsCheckedByADryRunThenCommittedOnceAndReimportedUnchanged) {
  const PlanId plan = make_plan();
  const PlanImportReport dry =
      report(planner_, plan, PlanImportKind::nodes, kCascadeCsv, ImportMode::dry_run);
  EXPECT_EQ(dry.rows, 6);
  EXPECT_EQ(dry.created, 6);
  EXPECT_EQ(dry.error_count, 0);
  EXPECT_FALSE(dry.committed);
  EXPECT_EQ(all_nodes(plan).total, 0);  // a dry run writes nothing

  const PlanImportReport committed = report(planner_, plan, PlanImportKind::nodes, kCascadeCsv);
  EXPECT_TRUE(committed.committed);
  EXPECT_EQ(committed.created, 6);
  const NodePage page = all_nodes(plan);
  ASSERT_EQ(page.total, 6);
  const NodeView* mission = find_node(page, "M1");
  const NodeView* goal = find_node(page, "T1.1");
  const NodeView* objective = find_node(page, "S1.1.1");
  const NodeView* program = find_node(page, "1.02.02");
  const NodeView* activity = find_node(page, "1.02.02.1.01");
  const NodeView* sub_activity = find_node(page, "1.02.02.1.01.0001");
  ASSERT_TRUE(mission && goal && objective && program && activity && sub_activity);
  EXPECT_EQ(goal->node.parent_id, mission->node.id);
  EXPECT_EQ(objective->node.parent_id, goal->node.id);
  // The activity's program comes from its code; the agency from the row.
  EXPECT_EQ(activity->node.parent_id, program->node.id);
  EXPECT_EQ(sub_activity->node.parent_id, activity->node.id);
  EXPECT_EQ(sub_activity->node.agency_id, agency("Dinkes"));
  EXPECT_EQ(sub_activity->node.field_code, "1.02");
  EXPECT_TRUE(sub_activity->basic_service);

  // One audit event names the file by its hash.
  EXPECT_EQ(last_action(), "plan_import.commit");
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_events WHERE action = 'plan_import.commit' AND changes LIKE '%" +
            std::string(kCascadeSha256) + "%'"),
      1);

  const PlanImportReport again = report(planner_, plan, PlanImportKind::nodes, kCascadeCsv);
  EXPECT_EQ(again.unchanged, 6);
  EXPECT_EQ(again.created + again.updated, 0);

  // A new title updates the node in place.
  const PlanImportReport renamed =
      report(planner_, plan, PlanImportKind::nodes, "jenis,kode,uraian\nmisi,M1,Misi pertama yang baru\n");
  EXPECT_EQ(renamed.updated, 1);
  EXPECT_EQ(find_node(all_nodes(plan), "M1")->node.title, "Misi pertama yang baru");
}

TEST_P(PlanImportTest, EveryBadRowIsNamedByRowAndColumnAndACommitWritesNothing) {
  const PlanId plan = make_plan();
  const std::string file =
      "kind,code,title,parent_code,agency_code\n"
      "misi,M1,Misi satu,,\n"                            // 2: fine
      "visi,V1,Bukan jenis,,\n"                          // 3: kind
      "program,1.2.3,Kode rusak,,Dinkes\n"               // 4: code
      "tujuan,T1.1,Tujuan tanpa induk,M9,\n"             // 5: parent_code
      "misi,M1,Misi dua kali,,\n"                        // 6: code (duplicate of row 2)
      "program,1.02.02,Program,,Dinkes-X\n"              // 7: agency_code
      "program,1.03.02,Program PU,,Dinkes\n"             // 8: fine
      "kegiatan,1.02.02.1.01,Kegiatan,1.03.02,Dinkes\n"  // 9: code not under 1.03.02
      "tujuan,T2.1,,M1,\n";                              // 10: title
  const PlanImportReport refused = report(planner_, plan, PlanImportKind::nodes, file);
  EXPECT_FALSE(refused.committed);
  EXPECT_EQ(error_places(refused), (std::vector<std::string>{"3:kind", "4:code", "5:parent_code", "6:code",
                                                             "7:agency_code", "9:code", "10:title"}));
  EXPECT_EQ(refused.error_count, 7);
  EXPECT_EQ(all_nodes(plan).total, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'plan_import.commit'"), 0);

  // The file's own problems are not call failures; a missing required column is one error.
  const PlanImportReport header = report(planner_, plan, PlanImportKind::nodes, "jenis,uraian\nmisi,Misi\n");
  EXPECT_EQ(error_places(header), (std::vector<std::string>{"1:code"}));

  // A file that is not a spreadsheet fails the call.
  auto binary = importer_->import_plan(planner_, plan, PlanImportKind::nodes, ImportMode::dry_run,
                                       tabular::ImportFile{std::string_view("\xD0\xCF\x11\xE0\x00\x01", 6),
                                                           "application/vnd.ms-excel", "rencana.xls"},
                                       context_);
  expect_refused(binary, ErrorCode::UnsupportedFileFormat);
}

TEST_P(PlanImportTest, AgencyRolesImportOnlyTheirOwnAgencyAndOthersAreRefused) {
  const PlanId plan = make_plan();
  const std::string file =
      "kind,code,title,agency_code\n"
      "program,1.02.02,Program Pemenuhan Upaya Kesehatan,Dinkes\n"
      "program,1.01.02,Program Pengelolaan Pendidikan,Disdik\n"
      "misi,M1,Misi,\n";
  const PlanImportReport own = report(health_head_, plan, PlanImportKind::nodes, file);
  EXPECT_EQ(error_places(own), (std::vector<std::string>{"3:agency_code", "4:agency_code"}));
  EXPECT_FALSE(own.committed);

  expect_refused(run(legislature_, plan, PlanImportKind::nodes, file), ErrorCode::Forbidden);
  // Another region's planner does not find the plan.
  expect_refused(run(other_planner_, plan, PlanImportKind::nodes, file), ErrorCode::NotFound);
  // The nomenclature list is the administrator's.
  expect_refused(importer_->import_nomenclature(
                     planner_, ImportMode::dry_run,
                     tabular::ImportFile{"code,name\n1.02,Kesehatan\n", "text/csv", "n.csv"}, context_),
                 ErrorCode::Forbidden);
}

TEST_P(PlanImportTest, IndicatorsAcceptIndonesianValuesAndTargetsFollowThePeriodAndAdoption) {
  const PlanId plan = make_plan();  // 2025-2029
  ASSERT_TRUE(report(planner_, plan, PlanImportKind::nodes, kCascadeCsv).committed);
  const std::string indicators =
      "jenis_simpul,kode_simpul,kode_opd,kode,nama,satuan,polaritas,varian_rumus,agregasi,tahun_dasar,nilai_"
      "dasar,"
      "jenis_sumber_data,sumber_data,iku\n"
      "sasaran,S1.1.1,,IKU-1,Angka kematian ibu,per 100.000 kelahiran hidup,makin rendah makin "
      "baik,kebalikan,"
      "terakhir,2024,98.5,BPS,BPS Provinsi Kalimantan Timur,ya\n"
      "program,1.02.02,Dinkes,,Persentase RS terakreditasi,persen,positif,rasio,terakhir,2024,80,opd,,tidak\n"
      "program,1.02.02,Dinkes,,Indikator rusak,persen,negatif,rasio,jumlah,2024.5,x,,,mungkin\n";
  const PlanImportReport checked =
      report(planner_, plan, PlanImportKind::indicators, indicators, ImportMode::dry_run);
  // Row 4: a lower-is-better indicator cannot use the ratio formula; the year, the value and
  // the yes/no cell are not what they claim.
  EXPECT_EQ(error_places(checked), (std::vector<std::string>{"4:baseline_year", "4:key_indicator",
                                                             "4:formula_variant", "4:baseline_value"}));
  const std::string good = indicators.substr(0, indicators.rfind("program,1.02.02,Dinkes,,Indikator rusak"));
  const PlanImportReport stored = report(planner_, plan, PlanImportKind::indicators, good);
  ASSERT_TRUE(stored.committed);
  EXPECT_EQ(stored.created, 2);

  const std::string targets =
      "node_kind,node_code,agency_code,indicator,year,value,lower,upper\n"
      "sasaran,S1.1.1,,IKU-1,2025,95,,\n"
      "sasaran,S1.1.1,,angka kematian ibu,2026,,85,90\n"                  // by name, any case; a range
      "program,1.02.02,Dinkes,Persentase RS terakreditasi,2030,90,,\n"    // outside 2025-2029
      "program,1.02.02,Dinkes,Persentase RS terakreditasi,2027,,95,90\n"  // lower above upper
      "sasaran,S1.1.1,,IKU-1,2025,94,,\n";                                // the same indicator and year again
  const PlanImportReport target_check =
      report(planner_, plan, PlanImportKind::targets, targets, ImportMode::dry_run);
  EXPECT_EQ(error_places(target_check), (std::vector<std::string>{"4:year", "5:lower", "6:year"}));
  const std::string good_targets =
      "node_kind,node_code,agency_code,indicator,year,value,lower,upper\n"
      "sasaran,S1.1.1,,IKU-1,2025,95,,\n"
      "sasaran,S1.1.1,,angka kematian ibu,2026,,85,90\n";
  ASSERT_TRUE(report(planner_, plan, PlanImportKind::targets, good_targets).committed);
  const NodePage page = all_nodes(plan);
  auto detail = service_->node(planner_, find_node(page, "S1.1.1")->node.id);
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail.value().indicators.size(), 1U);
  const IndicatorRecord& mortality = detail.value().indicators[0].indicator;
  EXPECT_EQ(mortality.polarity, Polarity::lower_is_better);
  EXPECT_EQ(mortality.formula_variant, FormulaVariant::inverse);
  EXPECT_TRUE(mortality.key_indicator);
  EXPECT_EQ(mortality.data_source_kind, DataSourceKind::bps);
  ASSERT_EQ(mortality.targets.size(), 2U);
  EXPECT_EQ(mortality.targets[0].value, dec("95"));
  EXPECT_EQ(mortality.targets[1].lower, dec("85"));
  EXPECT_EQ(mortality.targets[1].upper, dec("90"));

  // Once adopted, the same targets are unchanged but a new value needs a revision.
  auto adopted =
      service_->adopt_plan(planner_, plan, "Perda 1/2025", "2025-06-30", plan_version(plan), context_);
  ASSERT_TRUE(adopted.ok()) << describe(adopted.error());
  EXPECT_EQ(report(planner_, plan, PlanImportKind::targets, good_targets).unchanged, 2);
  const PlanImportReport changed =
      report(planner_, plan, PlanImportKind::targets,
             "node_kind,node_code,indicator,year,value\nsasaran,S1.1.1,IKU-1,2025,90\n");
  EXPECT_EQ(error_places(changed), (std::vector<std::string>{"2:value"}));
  EXPECT_FALSE(changed.committed);
}

TEST_P(PlanImportTest, LinksAreCheckedForKindsWeightsAndDuplicates) {
  const PlanId plan = make_plan();
  ASSERT_TRUE(report(planner_, plan, PlanImportKind::nodes, kCascadeCsv).committed);
  ASSERT_TRUE(report(planner_, plan, PlanImportKind::nodes,
                     "kind,code,title,agency_code\nsasaran_pd,SD-DINKES-1,Sasaran Dinkes,Dinkes\n")
                  .committed);
  const std::string links =
      "from_kind,from_code,from_agency_code,to_kind,to_code,to_agency_code,weight\n"
      "misi,M1,,asta_cita,AC-4,,60\n"
      "misi,M1,,asta_cita,AC-1,,40\n"
      "sasaran_pd,SD-DINKES-1,Dinkes,sasaran,S1.1.1,,\n"
      "program,1.02.02,Dinkes,sasaran_pd,SD-DINKES-1,Dinkes,101\n"  // weight above 100
      "asta_cita,AC-4,,misi,M1,,\n"                                 // a national priority aligns to nothing
      "sasaran,S1.1.1,,misi,M1,,\n"                                 // a pair that never aligns
      "misi,M1,,asta_cita,AC-4,,50\n";                              // row 2 again
  const PlanImportReport checked = report(planner_, plan, PlanImportKind::links, links, ImportMode::dry_run);
  EXPECT_EQ(error_places(checked),
            (std::vector<std::string>{"5:weight", "6:from_kind", "7:to_code", "8:to_code"}));
  const std::string good = links.substr(0, links.find("program,1.02.02"));
  const PlanImportReport stored = report(planner_, plan, PlanImportKind::links, good);
  ASSERT_TRUE(stored.committed);
  EXPECT_EQ(stored.created, 3);
  // A changed weight updates the link; the report now finds the mission aligned.
  const PlanImportReport reweighted =
      report(planner_, plan, PlanImportKind::links,
             "from_kind,from_code,to_kind,to_code,weight\nmisi,M1,asta_cita,AC-4,50\n");
  EXPECT_EQ(reweighted.updated, 1);
  // The mission now reaches national priorities; goal T1.1, linked to none, is still named.
  const AlignmentReportPage page = report(plan);
  std::vector<std::string> unlinked;
  for (const ReportFinding* finding : findings_of(page, FindingKind::mission_without_priority)) {
    unlinked.push_back(finding->node ? finding->node->code : "");
  }
  EXPECT_EQ(unlinked, (std::vector<std::string>{"T1.1"}));
}

TEST_P(PlanImportTest, TheNomenclatureListFillsTitlesAndFlagsUnknownCodes) {
  const std::string list =
      "kode,nomenklatur,kinerja,indikator,satuan\n"
      "1.02,KESEHATAN,,,\n"
      "1.02.02,PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT,,,\n"
      "1.02.02.1.01.0001,Pengembangan Rumah Sakit,Rumah sakit yang dikembangkan,Jumlah rumah sakit,Unit\n"
      "1.02.02.1.01.0001,Baris ganda,,,\n"
      "9.99,Bukan urusan,,,\n";
  auto checked = importer_->import_nomenclature(
      admin_, ImportMode::commit, tabular::ImportFile{list, "text/csv", "nomenklatur.csv"}, context_);
  ASSERT_TRUE(checked.ok()) << describe(checked.error());
  EXPECT_EQ(error_places(checked.value()), (std::vector<std::string>{"5:code", "6:code"}));
  EXPECT_FALSE(checked.value().committed);
  // Parents in neither the list nor the file are warnings: urusan 1 of field 1.02 (row 2) and
  // activity 1.02.02.1.01 of the sub-activity (row 4).
  ASSERT_EQ(checked.value().warnings.size(), 2U);
  EXPECT_EQ(checked.value().warnings[0].row, 2U);
  EXPECT_EQ(checked.value().warnings[1].row, 4U);

  const std::string good = list.substr(0, list.find("1.02.02.1.01.0001,Baris ganda"));
  auto stored = importer_->import_nomenclature(
      admin_, ImportMode::commit, tabular::ImportFile{good, "text/csv", "nomenklatur.csv"}, context_);
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored.value().committed);
  EXPECT_EQ(stored.value().created, 3);
  NomenclatureQuery query;
  query.search = "RUMAH sakit";
  auto found = service_->nomenclature(planner_, query);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found.value().total, 1);
  EXPECT_EQ(found.value().items[0].level, NomenclatureLevel::sub_activity);
  EXPECT_EQ(found.value().items[0].unit, "Unit");
  query = NomenclatureQuery{};
  query.code_prefix = "1.02.02";
  EXPECT_EQ(service_->nomenclature(planner_, query).value().total, 2);

  // A node row without a title takes the list's name; a code outside the list is a warning.
  const PlanId plan = make_plan();
  const PlanImportReport nodes =
      report(planner_, plan, PlanImportKind::nodes,
             "kind,code,title,agency_code\nprogram,1.02.02,,Dinkes\nprogram,1.02.03,Program Lain,Dinkes\n");
  ASSERT_TRUE(nodes.committed);
  ASSERT_EQ(nodes.warnings.size(), 1U);
  EXPECT_EQ(nodes.warnings[0].row, 3U);
  EXPECT_EQ(find_node(all_nodes(plan), "1.02.02")->node.title,
            "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT");
}

TEST_P(PlanImportTest, AnXlsxWorkbookImportsLikeItsCsv) {
  const PlanId plan = make_plan();
  tabular::Sheet sheet = PlanImporter::template_sheet(PlanImportKind::nodes);
  EXPECT_EQ(sheet.header, (std::vector<std::string>{"kind", "code", "title", "parent_code", "agency_code"}));
  sheet.rows.push_back(
      {std::string("misi"), std::string("M1"), std::string("Misi satu"), std::string(), std::string()});
  sheet.rows.push_back({std::string("tujuan"), std::string("T1.1"), std::string("Tujuan satu"),
                        std::string("M1"), std::string()});
  auto bytes = tabular::write_xlsx(sheet);
  ASSERT_TRUE(bytes.ok());
  auto imported = importer_->import_plan(
      planner_, plan, PlanImportKind::nodes, ImportMode::commit,
      tabular::ImportFile{bytes.value(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          "simpul.xlsx"},
      context_);
  ASSERT_TRUE(imported.ok()) << describe(imported.error());
  EXPECT_TRUE(imported.value().committed);
  EXPECT_EQ(imported.value().created, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'plan_import.commit' AND changes LIKE "
                  "'%xlsx%'"),
            1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanImportTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::planning
