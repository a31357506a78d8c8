// The planning service's test fixture, shared by the service and import tests: real storage on
// SQLite and PostgreSQL (db::test_backends()), a ManualClock, a fixed agency directory (the
// agencies' rows are inserted directly), and helpers that build a cascade through the service.
#pragma once

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "contexts/planning/planning_service.h"
#include "core/clock.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"

// NOLINTBEGIN(misc-definitions-in-headers, cert-dcl59-cpp, google-build-namespaces): test-only helpers, one
// per test binary
namespace sinergi::planning::fixture {

using std::chrono::hours;

std::string describe(const Error& error) {
  std::string text = std::string(error.name()) + ": " + error.message(Locale::english);
  for (const auto& field : error.fields()) {
    text += " [" + field.field + ": " + field.message_en + "]";
  }
  return text + " " + error.log_detail();
}

#define ASSERT_OK(expression)                                                   \
  do {                                                                          \
    const auto& _assert_ok_result = (expression);                               \
    ASSERT_TRUE(_assert_ok_result.ok()) << describe(_assert_ok_result.error()); \
  } while (false)

std::vector<std::string> fields_of(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& field : error.fields()) {
    fields.push_back(field.field);
  }
  return fields;
}

// The call failed with `code`, and (when given) one of its field errors is on `field`.
template <typename T>
void expect_refused(const Result<T>& result, ErrorCode code, const std::string& field = "") {
  ASSERT_FALSE(result.ok()) << "expected " << error_code_name(code) << " on '" << field << "'";
  EXPECT_EQ(result.error().code(), code) << describe(result.error());
  if (!field.empty()) {
    const auto fields = fields_of(result.error());
    EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end())
        << "no error on '" << field << "': " << describe(result.error());
  }
}

Decimal dec(std::string_view text) {
  return Decimal::parse(text, NumberFormat::plain).value();
}

auth::Principal principal_with(const std::vector<auth::Role>& roles, std::int64_t user_id,
                               std::int64_t region_id, std::optional<std::int64_t> agency = {}) {
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::user;
  principal.user_id = user_id;
  principal.region_id = region_id;
  principal.name = "user" + std::to_string(user_id);
  for (const auth::Role role : roles) {
    principal.roles.push_back(auth::RoleGrant{role, auth::role_needs_agency(role) ? agency : std::nullopt,
                                              auth::role_needs_agency(role) ? "Dinkes" : "", "",
                                              std::nullopt});
  }
  return principal;
}

TargetDraft value_target(std::int64_t year, const std::string& value) {
  return TargetDraft{year, value, std::nullopt, std::nullopt};
}

IndicatorDraft indicator_draft(const std::string& name, std::vector<TargetDraft> targets = {}) {
  IndicatorDraft draft;
  draft.name = name;
  draft.unit = "persen";
  draft.polarity = "higher_is_better";
  draft.formula_variant = "ratio";
  draft.aggregation = "last";
  draft.baseline_year = 2024;
  draft.baseline_value = "8.5";
  draft.data_source_kind = "bps";
  draft.data_source_name = "BPS Provinsi Kalimantan Timur";
  draft.targets = std::move(targets);
  return draft;
}

// The cascade of the brief, from mission M1 down to sub-activity 1.02.02.1.01.0001.
struct Cascade1 {
  PlanId plan{0};
  NodeId priority{0};
  NodeId mission{0};
  NodeId goal{0};
  NodeId objective{0};
  NodeId agency_objective{0};
  NodeId program{0};
  NodeId activity{0};
  NodeId sub_activity{0};
  LinkId program_link{0};
};

class PlanningServiceTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  // 2026-11-23 10:00 WITA is 02:00 UTC.
  PlanningServiceTest() : clock_(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + hours(2)) {}

  void SetUp() override {
    auto test_database = db::TestDatabase::create(GetParam());
    ASSERT_OK(test_database);
    test_database_.emplace(std::move(test_database).value());
    auto database = db::Database::open(test_database_->url());
    ASSERT_OK(database);
    database_ = std::move(database).value();
    auto migrations = db::bundled_migrations();
    ASSERT_OK(migrations);
    ASSERT_OK(db::migrate(*database_, *migrations));
    ASSERT_OK(database_->with_transaction([&](soci::session& session) -> Result<void> {
      session
          << "INSERT INTO regions (code, name, level) VALUES ('64', 'Provinsi Kalimantan Timur', 'province')";
      session << "INSERT INTO regions (code, name, level) VALUES ('63', 'Provinsi Kalimantan Selatan', "
                 "'province')";
      session << "SELECT id FROM regions WHERE code = '64'", soci::into(region_);
      session << "SELECT id FROM regions WHERE code = '63'", soci::into(other_region_);
      const std::vector<std::pair<std::string, std::string>> agencies = {
          {"Dinkes", "Dinas Kesehatan"}, {"Disdik", "Dinas Pendidikan"}, {"Dinsos", "Dinas Sosial"}};
      for (const auto& [code, name] : agencies) {
        session << "INSERT INTO agencies (region_id, code, short_name, name, kind) VALUES (:region, :code, "
                   ":short_name, :name, 'dinas')",
            soci::use(region_), soci::use(code), soci::use(code), soci::use(name);
        long long id = 0;
        session << "SELECT id FROM agencies WHERE code = :code", soci::use(code), soci::into(id);
        agencies_.push_back(AgencyInfo{AgencyId(id), code, name});
      }
      return success();
    }));
    repository_ = make_sql_planning_repository(*database_, clock_);
    const long long region = region_;
    const std::vector<AgencyInfo> agencies = agencies_;
    service_.emplace(*repository_, clock_,
                     [region, agencies](RegionId asked) -> Result<std::vector<AgencyInfo>> {
                       if (asked.value() == region) {
                         return agencies;
                       }
                       return std::vector<AgencyInfo>{};
                     });
    planner_ = principal_with({auth::Role::planner}, 1, region_);
    governor_ = principal_with({auth::Role::governor}, 2, region_);
    health_head_ = principal_with({auth::Role::agency_head}, 3, region_, agency("Dinkes").value());
    legislature_ = principal_with({auth::Role::legislature}, 4, region_);
    other_planner_ = principal_with({auth::Role::planner}, 5, other_region_);
  }

  AgencyId agency(const std::string& code) const {
    for (const AgencyInfo& info : agencies_) {
      if (info.code == code) {
        return info.id;
      }
    }
    return AgencyId(0);
  }

  PlanId make_plan(std::int64_t first_year = 2025, const std::string& kind = "rpjmd") {
    PlanDraft draft{kind, "RPJMD Provinsi Kalimantan Timur " + std::to_string(first_year), first_year,
                    first_year + 4, "Kaltim Sukses Menuju Generasi Emas"};
    auto created = service_->create_plan(planner_, draft, context_);
    EXPECT_TRUE(created.ok()) << describe(created.error());
    return created.ok() ? created.value().plan.id : PlanId(0);
  }

  Result<NodeView> try_node(const auth::Principal& caller, PlanId plan, const std::string& kind,
                            const std::string& code, std::optional<NodeId> parent = {},
                            std::optional<std::string> agency_code = {}) {
    NodeDraft draft;
    draft.kind = kind;
    draft.code = code;
    draft.title = "Simpul " + code;
    if (parent) {
      draft.parent_id = parent->value();
    }
    draft.agency_code = std::move(agency_code);
    return service_->create_node(caller, plan, draft, context_);
  }

  NodeId make_node(PlanId plan, const std::string& kind, const std::string& code,
                   std::optional<NodeId> parent = {}, std::optional<std::string> agency_code = {}) {
    auto created = try_node(planner_, plan, kind, code, parent, std::move(agency_code));
    EXPECT_TRUE(created.ok()) << kind << " " << code << ": " << describe(created.error());
    return created.ok() ? created.value().node.id : NodeId(0);
  }

  LinkId make_link(PlanId plan, NodeId from, NodeId to, const std::optional<std::string>& weight = {}) {
    auto created = service_->create_link(planner_, plan, from.value(), to.value(), weight, context_);
    EXPECT_TRUE(created.ok()) << describe(created.error());
    return created.ok() ? created.value().link.id : LinkId(0);
  }

  NodeId priority(const std::string& code) {
    auto priorities = service_->national_priorities(planner_);
    EXPECT_TRUE(priorities.ok());
    if (priorities.ok()) {
      for (const NodeView& view : priorities.value()) {
        if (view.node.code == code) {
          return view.node.id;
        }
      }
    }
    ADD_FAILURE() << "no national priority " << code;
    return NodeId(0);
  }

  Cascade1 build_cascade() {
    Cascade1 c;
    c.plan = make_plan();
    c.priority = priority("AC-4");
    c.mission = make_node(c.plan, "region_mission", "M1");
    make_link(c.plan, c.mission, c.priority);
    c.goal = make_node(c.plan, "region_goal", "T1.1", c.mission);
    c.objective = make_node(c.plan, "region_objective", "S1.1.1", c.goal);
    c.agency_objective = make_node(c.plan, "agency_objective", "SD-DINKES-1", std::nullopt, "Dinkes");
    make_link(c.plan, c.agency_objective, c.objective);
    c.program = make_node(c.plan, "program", "1.02.02", std::nullopt, "Dinkes");
    c.program_link = make_link(c.plan, c.program, c.agency_objective);
    c.activity = make_node(c.plan, "activity", "1.02.02.1.01", c.program);
    c.sub_activity = make_node(c.plan, "sub_activity", "1.02.02.1.01.0001", c.activity);
    return c;
  }

  AlignmentReportPage report(PlanId plan) {
    AlignmentReportQuery query;
    query.page_size = 0;
    auto page = service_->alignment_report(planner_, plan, query);
    EXPECT_TRUE(page.ok()) << describe(page.error());
    return page.ok() ? std::move(page).value() : AlignmentReportPage{};
  }

  static std::vector<const ReportFinding*> findings_of(const AlignmentReportPage& page, FindingKind kind) {
    std::vector<const ReportFinding*> found;
    for (const ReportFinding& item : page.items) {
      if (item.finding.kind == kind) {
        found.push_back(&item);
      }
    }
    return found;
  }

  static std::int64_t count_of(const AlignmentReportPage& page, FindingKind kind) {
    for (const auto& [counted, number] : page.counts) {
      if (counted == kind) {
        return number;
      }
    }
    return -1;
  }

  long long count(const std::string& sql) {
    long long rows = 0;
    EXPECT_TRUE(database_
                    ->with_read_transaction([&](soci::session& session) -> Result<void> {
                      session << sql, soci::into(rows);
                      return success();
                    })
                    .ok());
    return rows;
  }

  std::string last_action() {
    std::string action;
    EXPECT_TRUE(database_
                    ->with_read_transaction([&](soci::session& session) -> Result<void> {
                      session << "SELECT action FROM audit_events ORDER BY sequence DESC LIMIT 1",
                          soci::into(action);
                      return success();
                    })
                    .ok());
    return action;
  }

  std::int64_t plan_version(PlanId plan) {
    auto view = service_->plan(planner_, plan);
    EXPECT_TRUE(view.ok());
    return view.ok() ? view.value().plan.version : 0;
  }

  ManualClock clock_;
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<PlanningRepository> repository_;
  std::optional<PlanningService> service_;
  long long region_ = 0;
  long long other_region_ = 0;
  std::vector<AgencyInfo> agencies_;
  auth::Principal planner_;
  auth::Principal governor_;
  auth::Principal health_head_;
  auth::Principal legislature_;
  auth::Principal other_planner_;
  CallContext context_{"request-1", "127.0.0.1:5000", "test"};
};

// The sub-activity's target year in the snapshot JSON of a plan version.
std::optional<Decimal> snapshot_target(const std::string& snapshot, std::int64_t indicator, int year) {
  const auto json = nlohmann::json::parse(snapshot);
  for (const auto& entry : json.at("indicators")) {
    if (entry.at("id").get<std::int64_t>() != indicator) {
      continue;
    }
    for (const auto& target : entry.at("targets")) {
      if (target.at("year").get<int>() == year && target.contains("value") &&
          target.at("value").is_string()) {
        return dec(target.at("value").get<std::string>());
      }
    }
  }
  return std::nullopt;
}

}  // namespace sinergi::planning::fixture
// NOLINTEND(misc-definitions-in-headers, cert-dcl59-cpp, google-build-namespaces)
