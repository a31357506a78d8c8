// The agreement and realization services over the SQL store, on SQLite and PostgreSQL, with
// the organization and the plan as a fixed directory: drafting from the plan, signing by both
// parties with the document's hash, immutability and revision, realization with evidence and
// reporting windows, four-eyes verification, and the scorecard and its explanation. Expected
// values are worked by hand from RULES.md and the fixture.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <sodium.h>

#include <filesystem>
#include <random>

#include "contexts/performance/agreement_service.h"
#include "contexts/performance/realization_service.h"
#include "contexts/performance/scale_service.h"
#include "core/clock.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"

namespace sinergi::performance {
namespace {

using auth::Role;
using std::chrono::hours;

std::string describe(const Error& error) {
  std::string text = std::string(error.name()) + ": " + error.message(Locale::english);
  for (const FieldError& field : error.fields()) {
    text += " [" + field.field + ": " + field.message_en + "]";
  }
  return text + " " + error.log_detail();
}

#define ASSERT_OK(expression)                                                   \
  do {                                                                          \
    const auto& _assert_ok_result = (expression);                               \
    ASSERT_TRUE(_assert_ok_result.ok()) << describe(_assert_ok_result.error()); \
  } while (false)

Decimal dec(std::string_view text) {
  return Decimal::parse(text, NumberFormat::plain).value();
}

template <typename T>
bool refused_with(const Result<T>& result, ErrorCode code, std::string_view field = {}) {
  if (result.ok() || result.error().code() != code) {
    return false;
  }
  if (field.empty()) {
    return true;
  }
  for (const FieldError& error : result.error().fields()) {
    if (error.field == field) {
      return true;
    }
  }
  return false;
}

// libsodium's SHA-256 of the bytes as stored, independent of the code under test.
std::string sha256_of(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0f];
  }
  return hex;
}

const std::string kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

class PerformanceServiceTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  // 2026-01-12 10:00 WITA.
  PerformanceServiceTest() : clock_(std::chrono::sys_days(std::chrono::year(2026) / 1 / 12) + hours(2)) {}

  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
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
      session << "SELECT id FROM regions WHERE code = '64'", soci::into(region_);
      session << "INSERT INTO agencies (region_id, code, short_name, name, kind) VALUES (:region, 'Dinkes', "
                 "'Dinkes', 'Dinas Kesehatan', 'dinas')",
          soci::use(region_);
      session << "INSERT INTO agencies (region_id, code, short_name, name, kind) VALUES (:region, 'Dinsos', "
                 "'Dinsos', 'Dinas Sosial', 'dinas')",
          soci::use(region_);
      session << "SELECT id FROM agencies WHERE code = 'Dinkes'", soci::into(health_);
      session << "SELECT id FROM agencies WHERE code = 'Dinsos'", soci::into(social_);
      return success();
    }));
    files_root_ = std::filesystem::temp_directory_path() /
                  ("sinergi-performance-test-" + std::to_string(std::random_device{}()));
    auto store = files::ContentStore::open(files_root_, files::Limits{4096});
    ASSERT_OK(store);
    evidence_store_.emplace(std::move(store).value());
    repository_ = make_sql_performance_repository(*database_, clock_);
    agreements_.emplace(*repository_, clock_, directory());
    realizations_.emplace(*repository_, clock_, directory(), *evidence_store_);
    scales_.emplace(*repository_);
  }

  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(files_root_, ignored);
  }

  // Dinkes's part of the plan: two objective indicators (stunting, lower is better; immunisation)
  // with 2026 targets, one sub-activity indicator summed over quarters, one without a target.
  PerformanceDirectory directory() {
    PerformanceDirectory directory;
    directory.agencies = [this](const auth::Principal&) -> Result<std::vector<AgencyFacts>> {
      return std::vector<AgencyFacts>{{AgencyId(health_), "Dinkes", "Dinas Kesehatan", "asisten_1"},
                                      {AgencyId(social_), "Dinsos", "Dinas Sosial", "asisten_1"}};
    };
    directory.region_name = [](const auth::Principal&) -> Result<std::string> {
      return std::string("Provinsi Kalimantan Timur");
    };
    directory.head_of = [this](const auth::Principal&,
                               const AgencyFacts& agency) -> Result<std::optional<Party>> {
      if (agency.id.value() != health_ || vacant_head_) {
        return std::optional<Party>();
      }
      return std::optional<Party>(Party{"dr. Andi Muhammad Rahman, M.Kes.", "198001012005011001",
                                        "Pembina Tk. I (IV/b)", "Kepala Dinas Kesehatan"});
    };
    directory.plan = [this](const auth::Principal&, AgencyId agency, int year) -> Result<PlanFacts> {
      PlanFacts facts;
      if (agency.value() != health_ || year != 2026) {
        return facts;
      }
      facts.indicators = {
          {101, "SD-1", "Meningkatnya derajat kesehatan", "agency_objective",
           "Prevalensi stunting pada balita", "%", Polarity::lower_is_better, FormulaVariant::mirror,
           Aggregation::last, true, TargetValue::single(dec("18.80"))},
          {102, "SD-2", "Meningkatnya cakupan layanan kesehatan", "agency_objective",
           "Cakupan imunisasi dasar lengkap", "%", Polarity::higher_is_better, FormulaVariant::ratio,
           Aggregation::last, true, TargetValue::single(dec("95"))},
          {103, "1.02.02.2.01.0001", "Revitalisasi puskesmas", "sub_activity",
           "Puskesmas yang direvitalisasi", "unit", Polarity::higher_is_better, FormulaVariant::ratio,
           Aggregation::sum, false, TargetValue::single(dec("12"))},
          {104, "SD-2", "Meningkatnya cakupan layanan kesehatan", "agency_objective",
           "Indeks kepuasan layanan", "indeks", Polarity::higher_is_better, FormulaVariant::ratio,
           Aggregation::last, false, std::nullopt},
      };
      facts.programs = {{201, "program", "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN"},
                        {202, "sub_activity", "1.02.02.2.01.0001", "Revitalisasi puskesmas"}};
      return facts;
    };
    return directory;
  }

  auth::Principal person(std::int64_t user, Role role, std::optional<long long> agency = std::nullopt) const {
    auth::Principal principal;
    principal.kind = auth::Principal::Kind::user;
    principal.user_id = user;
    principal.name = "user" + std::to_string(user);
    principal.region_id = region_;
    principal.roles.push_back(auth::RoleGrant{role, agency, {}, {}, std::nullopt});
    return principal;
  }
  auth::Principal head() const { return person(10, Role::agency_head, health_); }
  auth::Principal staff() const { return person(11, Role::agency_staff, health_); }
  auth::Principal governor() const { return person(1, Role::governor); }
  auth::Principal planner() const { return person(20, Role::planner); }

  AgreementEdit edit_of(const AgreementView& view) const {
    AgreementEdit edit;
    edit.version = view.record.version;
    edit.second_party = Party{"H. Rudy Mas'ud", "", "", "Gubernur Kalimantan Timur"};
    for (const AgreementItem& item : view.record.content.items) {
      edit.items.push_back(ItemEdit{item.indicator_id, std::nullopt, item.quarter_targets, false});
    }
    for (const AgreementProgram& program : view.record.content.programs) {
      edit.programs.push_back(ProgramEdit{program.node_id, program.budget});
    }
    return edit;
  }

  // A Dinkes agreement for 2026 (stunting TW I-IV 20.5, 20, 19.5, 18.8; immunisation), signed
  // by both parties.
  AgreementView signed_agreement() {
    auto created = agreements_->create(staff(), AgreementDraft{"Dinkes", 2026, governor_party()}, context_);
    EXPECT_TRUE(created.ok()) << describe(created.error());
    AgreementEdit edit = edit_of(created.value());
    edit.items.pop_back();  // 104 has no target for the year
    edit.items[0].quarter_targets = {TargetValue::single(dec("20.5")), TargetValue::single(dec("20")),
                                     TargetValue::single(dec("19.5")), TargetValue::single(dec("18.8"))};
    edit.programs[0].budget = Money(12'500'000'000);
    auto updated = agreements_->update(staff(), created.value().record.id, edit, context_);
    EXPECT_TRUE(updated.ok()) << describe(updated.error());
    AgreementView view = updated.value();
    for (const auto& [actor, transition] :
         {std::pair{staff(), "submit"}, std::pair{head(), "sign_first_party"},
          std::pair{governor(), "sign_second_party"}}) {
      clock_.advance(hours(1));
      auto moved = agreements_->take_step(actor, view.record.id,
                                          StepCommand{transition, "", view.record.version}, context_);
      EXPECT_TRUE(moved.ok()) << transition << ": " << describe(moved.error());
      view = moved.value();
    }
    return view;
  }

  static Party governor_party() { return Party{"H. Rudy Mas'ud", "", "", "Gubernur Kalimantan Timur"}; }

  std::string stored_content(AgreementId id) {
    std::string content;
    EXPECT_TRUE(database_
                    ->with_read_transaction([&](soci::session& session) -> Result<void> {
                      long long key = id.value();
                      session << "SELECT content FROM performance_agreements WHERE id = :id", soci::use(key),
                          soci::into(content);
                      return success();
                    })
                    .ok());
    return content;
  }

  long long audit_count(const std::string& action) {
    long long count = 0;
    EXPECT_TRUE(database_
                    ->with_read_transaction([&](soci::session& session) -> Result<void> {
                      session << "SELECT COUNT(*) FROM audit_events WHERE action = :action",
                          soci::use(action), soci::into(count);
                      return success();
                    })
                    .ok());
    return count;
  }

  RealizationEntry entry(std::int64_t indicator, int quarter, std::string_view value) const {
    RealizationEntry entry;
    entry.agency_code = "Dinkes";
    entry.indicator_id = indicator;
    entry.year = 2026;
    entry.quarter = quarter;
    entry.value = dec(value);
    entry.data_source = "SSGI 2026";
    return entry;
  }

  void open_windows() {
    const auto day = [](int month, int d) { return Date(std::chrono::year(2026) / month / d); };
    ASSERT_OK(realizations_->put_windows(
        planner(), 2026, {{2026, 1, day(4, 1), day(4, 15)}, {2026, 2, day(7, 1), day(7, 15)}}, context_));
  }

  ManualClock clock_;
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  long long region_ = 0;
  long long health_ = 0;
  long long social_ = 0;
  bool vacant_head_ = false;
  std::filesystem::path files_root_;
  std::optional<files::ContentStore> evidence_store_;
  std::unique_ptr<PerformanceRepository> repository_;
  std::optional<AgreementService> agreements_;
  std::optional<RealizationService> realizations_;
  std::optional<ScaleService> scales_;
  audit::CallContext context_{"test", "127.0.0.1:1", "test"};
};

TEST_P(PerformanceServiceTest, ADraftStartsFromThePlanAndTheRegistry) {
  auto created = agreements_->create(staff(), AgreementDraft{"Dinkes", 2026, governor_party()}, context_);
  ASSERT_OK(created);
  const AgreementRecord& record = created.value().record;
  EXPECT_EQ(record.state, kDraft);
  EXPECT_EQ(record.number, 1);
  EXPECT_EQ(record.content.first_party.name, "dr. Andi Muhammad Rahman, M.Kes.");
  EXPECT_EQ(record.content.first_party.rank, "Pembina Tk. I (IV/b)");
  // The objective indicators (101, 102, 104), not the sub-activity's; TW IV = the year's target.
  ASSERT_EQ(record.content.items.size(), 3u);
  EXPECT_EQ(record.content.items[0].indicator_id, 101);
  EXPECT_EQ(record.content.items[0].yearly_target.value, dec("18.80"));
  EXPECT_EQ(record.content.items[0].quarter_targets[3]->value, dec("18.80"));
  EXPECT_FALSE(record.content.items[0].quarter_targets[0].has_value());
  ASSERT_EQ(record.content.programs.size(), 1u);
  EXPECT_EQ(record.content.programs[0].code, "1.02.02");
  EXPECT_TRUE(created.value().editable);
  EXPECT_EQ(audit_count("performance_agreement.create"), 1);
}

TEST_P(PerformanceServiceTest, CreatingIsRefusedTwiceForAYearForAVacantHeadAndForAnotherAgency) {
  ASSERT_OK(agreements_->create(staff(), AgreementDraft{"Dinkes", 2026, governor_party()}, context_));
  EXPECT_TRUE(
      refused_with(agreements_->create(staff(), AgreementDraft{"Dinkes", 2026, governor_party()}, context_),
                   ErrorCode::Conflict, "year"));
  EXPECT_TRUE(refused_with(agreements_->create(person(30, Role::agency_head, social_),
                                               AgreementDraft{"Dinkes", 2027, governor_party()}, context_),
                           ErrorCode::Forbidden));
  EXPECT_TRUE(
      refused_with(agreements_->create(planner(), AgreementDraft{"Dinsos", 2026, governor_party()}, context_),
                   ErrorCode::ValidationFailed, "agency_code"));
  EXPECT_TRUE(
      refused_with(agreements_->create(staff(), AgreementDraft{"Dinkes", 1999, governor_party()}, context_),
                   ErrorCode::ValidationFailed, "year"));
  EXPECT_TRUE(refused_with(agreements_->create(staff(), AgreementDraft{"Dinkes", 2027, Party{}}, context_),
                           ErrorCode::ValidationFailed, "second_party.name"));
}

TEST_P(PerformanceServiceTest, AnIncompleteDraftIsSavedButNotSubmitted) {
  auto created = agreements_->create(staff(), AgreementDraft{"Dinkes", 2026, governor_party()}, context_);
  ASSERT_OK(created);
  // Indicator 104 has no target for 2026 in the plan.
  auto submitted =
      agreements_->take_step(staff(), created.value().record.id,
                             StepCommand{"submit", "", created.value().record.version}, context_);
  EXPECT_TRUE(refused_with(submitted, ErrorCode::ValidationFailed, "items[2].yearly_target"))
      << describe(submitted.error());
  // An indicator of another agency (or none) cannot be added.
  AgreementEdit edit = edit_of(created.value());
  edit.items.push_back(ItemEdit{999, std::nullopt, {}, false});
  EXPECT_TRUE(refused_with(agreements_->update(staff(), created.value().record.id, edit, context_),
                           ErrorCode::ValidationFailed, "items[3].indicator_id"));
}

TEST_P(PerformanceServiceTest, BothPartiesSignTheSubmittedDocumentsHashAndASignedAgreementIsFrozen) {
  const AgreementView view = signed_agreement();
  ASSERT_EQ(view.record.state, kSigned);
  ASSERT_TRUE(view.record.document_sha256.has_value());
  // The hash both signed is the SHA-256 of the document as stored.
  EXPECT_EQ(*view.record.document_sha256, sha256_of(stored_content(view.record.id)));
  std::vector<std::string> signatures;
  for (const workflow::Step& step : view.timeline) {
    if (step.transition.starts_with("sign_")) {
      signatures.push_back(step.fields.at("document_sha256"));
    }
  }
  EXPECT_EQ(signatures,
            (std::vector<std::string>{*view.record.document_sha256, *view.record.document_sha256}));
  EXPECT_TRUE(view.document_intact);
  EXPECT_FALSE(view.editable);

  AgreementEdit edit = edit_of(view);
  auto edited = agreements_->update(staff(), view.record.id, edit, context_);
  EXPECT_TRUE(refused_with(edited, ErrorCode::Conflict, "state"));
  EXPECT_NE(edited.error().fields().front().message_en.find("propose a revision"), std::string::npos);
  EXPECT_EQ(audit_count("performance_agreement.sign_second_party"), 1);
}

TEST_P(PerformanceServiceTest, OnlyTheRightPersonTakesEachSigningStep) {
  auto created = agreements_->create(staff(), AgreementDraft{"Dinkes", 2026, governor_party()}, context_);
  ASSERT_OK(created);
  AgreementEdit edit = edit_of(created.value());
  edit.items.pop_back();  // the indicator without a target
  auto updated = agreements_->update(staff(), created.value().record.id, edit, context_);
  ASSERT_OK(updated);
  const AgreementId id = updated.value().record.id;
  auto submitted = agreements_->take_step(
      staff(), id, StepCommand{"submit", "", updated.value().record.version}, context_);
  ASSERT_OK(submitted);
  const std::int64_t version = submitted.value().record.version;
  EXPECT_TRUE(refused_with(
      agreements_->take_step(staff(), id, StepCommand{"sign_first_party", "", version}, context_),
      ErrorCode::Forbidden));
  EXPECT_TRUE(refused_with(
      agreements_->take_step(governor(), id, StepCommand{"sign_second_party", "", version}, context_),
      ErrorCode::Conflict));  // not in the state the step leaves
  EXPECT_TRUE(refused_with(
      agreements_->take_step(head(), id, StepCommand{"sign_first_party", "", version + 5}, context_),
      ErrorCode::Conflict, "version"));
  EXPECT_TRUE(refused_with(
      agreements_->take_step(planner(), id, StepCommand{"return_for_review", "", version}, context_),
      ErrorCode::ValidationFailed, "comment"));
  auto returned = agreements_->take_step(
      planner(), id, StepCommand{"return_for_review", "Target TW belum diisi", version}, context_);
  ASSERT_OK(returned);
  EXPECT_EQ(returned.value().record.state, kDraft);
  EXPECT_FALSE(returned.value().record.document_sha256.has_value());
}

TEST_P(PerformanceServiceTest, ARevisionReplacesTheSignedAgreementOnceItIsSigned) {
  const AgreementView original = signed_agreement();
  EXPECT_TRUE(refused_with(agreements_->revise(staff(), original.record.id, " ", context_),
                           ErrorCode::ValidationFailed, "reason"));
  auto revision =
      agreements_->revise(staff(), original.record.id, "APBD perubahan mengurangi pagu program", context_);
  ASSERT_OK(revision);
  EXPECT_EQ(revision.value().record.number, 2);
  EXPECT_EQ(revision.value().record.previous_id, original.record.id);
  EXPECT_EQ(revision.value().record.state, kDraft);
  EXPECT_TRUE(
      refused_with(agreements_->revise(staff(), original.record.id, "lagi", context_), ErrorCode::Conflict));
  // Until the revision is signed, the original is in force.
  auto in_force = agreements_->in_force(staff(), AgencyId(health_), 2026);
  ASSERT_OK(in_force);
  EXPECT_EQ(in_force.value()->number, 1);

  AgreementView view = revision.value();
  AgreementEdit edit = edit_of(view);
  edit.programs[0].budget = Money(11'000'000'000);
  view = agreements_->update(staff(), view.record.id, edit, context_).value();
  for (const auto& [actor, transition] : {std::pair{staff(), "submit"}, std::pair{head(), "sign_first_party"},
                                          std::pair{governor(), "sign_second_party"}}) {
    auto moved = agreements_->take_step(actor, view.record.id,
                                        StepCommand{transition, "", view.record.version}, context_);
    ASSERT_OK(moved);
    view = moved.value();
  }
  in_force = agreements_->in_force(staff(), AgencyId(health_), 2026);
  EXPECT_EQ(in_force.value()->number, 2);
  auto replaced = agreements_->get(staff(), original.record.id);
  ASSERT_OK(replaced);
  EXPECT_TRUE(replaced.value().record.superseded);
  EXPECT_EQ(replaced.value().superseded_by, view.record.id);
  EXPECT_EQ(replaced.value().superseded_by_number, 2);
}

TEST_P(PerformanceServiceTest, ADraftRevisionIsAbandonedWithAReasonAndAnOriginalIsEditedInstead) {
  auto created = agreements_->create(staff(), AgreementDraft{"Dinkes", 2026, governor_party()}, context_);
  ASSERT_OK(created);
  const AgreementView& draft = created.value();
  EXPECT_EQ(std::count(draft.available.begin(), draft.available.end(), "abandon"), 0);
  EXPECT_TRUE(refused_with(
      agreements_->take_step(staff(), draft.record.id,
                             StepCommand{"abandon", "salah buat", draft.record.version}, context_),
      ErrorCode::Conflict, "transition"));
  // Emptying a yearly target is refused, not silently replaced by the plan's.
  AgreementEdit emptied = edit_of(draft);
  emptied.items[0].yearly_target_cleared = true;
  EXPECT_TRUE(refused_with(agreements_->update(staff(), draft.record.id, emptied, context_),
                           ErrorCode::ValidationFailed, "items[0].yearly_target"));
  // The editor's candidates say which indicators and programs the draft already holds.
  auto candidates = agreements_->candidates(staff(), draft.record.id);
  ASSERT_OK(candidates);
  EXPECT_EQ(candidates.value().plan.indicators.size(), 4u);
  // The draft took the agency's objective indicators (103 measures a sub-activity).
  EXPECT_EQ(candidates.value().chosen_indicators, (std::vector<std::int64_t>{101, 102, 104}));
  EXPECT_EQ(candidates.value().chosen_programs, (std::vector<std::int64_t>{201}));
}

TEST_P(PerformanceServiceTest, AnAbandonedRevisionLeavesTheOriginalInForceAndAnotherCanFollow) {
  const AgreementView original = signed_agreement();
  auto revision = agreements_->revise(staff(), original.record.id, "Pergeseran anggaran", context_);
  ASSERT_OK(revision);
  const AgreementView& second = revision.value();
  EXPECT_EQ(std::count(second.available.begin(), second.available.end(), "abandon"), 1);
  EXPECT_TRUE(
      refused_with(agreements_->take_step(staff(), second.record.id,
                                          StepCommand{"abandon", "", second.record.version}, context_),
                   ErrorCode::ValidationFailed, "comment"));
  EXPECT_TRUE(refused_with(
      agreements_->take_step(governor(), second.record.id,
                             StepCommand{"abandon", "tidak jadi", second.record.version}, context_),
      ErrorCode::Forbidden));
  auto abandoned = agreements_->take_step(
      staff(), second.record.id, StepCommand{"abandon", "Pergeseran dibatalkan", second.record.version},
      context_);
  ASSERT_OK(abandoned);
  EXPECT_EQ(abandoned.value().record.state, kAbandoned);
  EXPECT_TRUE(abandoned.value().available.empty());
  EXPECT_EQ(agreements_->in_force(staff(), AgencyId(health_), 2026).value()->number, 1);
  // A new revision may follow; it takes the next number, the abandoned one keeps its own.
  auto third = agreements_->revise(staff(), original.record.id, "APBD perubahan", context_);
  ASSERT_OK(third);
  EXPECT_EQ(third.value().record.number, 3);
  EXPECT_EQ(audit_count("performance_agreement.abandon"), 1);

  // The list filters by state, refuses an unknown one, and gives each row the caller's steps.
  AgreementQuery query;
  query.state = "abandoned";
  auto list = agreements_->list(staff(), query);
  ASSERT_OK(list);
  ASSERT_EQ(list.value().total, 1);
  EXPECT_EQ(list.value().items[0].record.number, 2);
  query.state = "ditandatangani";
  EXPECT_TRUE(refused_with(agreements_->list(staff(), query), ErrorCode::InvalidInput, "state"));
  query.state = "draft";
  list = agreements_->list(staff(), query);
  ASSERT_OK(list);
  ASSERT_EQ(list.value().total, 1);
  EXPECT_TRUE(list.value().items[0].editable);
  EXPECT_EQ(list.value().items[0].available, (std::vector<std::string>{"submit", "abandon"}));
  list = agreements_->list(governor(), query);
  EXPECT_FALSE(list.value().items[0].editable);
  EXPECT_TRUE(list.value().items[0].available.empty());
}

TEST_P(PerformanceServiceTest, RealizationIsReportedOnlyAgainstTheAgreementInForce) {
  // No signed agreement yet.
  EXPECT_TRUE(refused_with(realizations_->save(staff(), entry(101, 1, "20.1"), context_),
                           ErrorCode::ValidationFailed, "year"));
  signed_agreement();
  EXPECT_TRUE(refused_with(realizations_->save(staff(), entry(103, 1, "3"), context_),
                           ErrorCode::ValidationFailed, "indicator_id"));
  RealizationEntry other_year = entry(101, 1, "20.1");
  other_year.year = 2027;
  EXPECT_TRUE(
      refused_with(realizations_->save(staff(), other_year, context_), ErrorCode::ValidationFailed, "year"));
  EXPECT_TRUE(refused_with(
      realizations_->save(person(31, Role::agency_staff, social_), entry(101, 1, "20.1"), context_),
      ErrorCode::Forbidden));
  RealizationEntry fifth = entry(101, 5, "20.1");
  EXPECT_TRUE(
      refused_with(realizations_->save(staff(), fifth, context_), ErrorCode::ValidationFailed, "quarter"));
}

TEST_P(PerformanceServiceTest, EvidenceOfAForbiddenTypeOrOverTheLimitIsRefusedAndNothingIsStored) {
  signed_agreement();
  auto saved = realizations_->save(staff(), entry(101, 1, "20.1"), context_);
  ASSERT_OK(saved);
  const RealizationId id = saved.value().record.id;
  EXPECT_TRUE(refused_with(realizations_->add_file(staff(), id,
                                                   "\x7f"
                                                   "ELF\x02\x01\x01",
                                                   "alat.exe", context_),
                           ErrorCode::EvidenceTypeNotAllowed));
  EXPECT_TRUE(refused_with(realizations_->add_file(staff(), id, kPdf, "laporan.png", context_),
                           ErrorCode::EvidenceTypeNotAllowed));
  EXPECT_TRUE(refused_with(
      realizations_->add_file(staff(), id, "%PDF-" + std::string(5000, 'x'), "besar.pdf", context_),
      ErrorCode::FileLimitExceeded));
  EXPECT_TRUE(refused_with(realizations_->add_link(staff(), id, "javascript:alert(1)", "x", context_),
                           ErrorCode::ValidationFailed, "url"));
  auto current = realizations_->get(staff(), id);
  ASSERT_OK(current);
  EXPECT_TRUE(current.value().evidence.empty());

  auto added = realizations_->add_file(staff(), id, kPdf, "laporan-tw1.pdf", context_);
  ASSERT_OK(added);
  ASSERT_EQ(added.value().evidence.size(), 1u);
  const EvidenceRecord& evidence = added.value().evidence.front();
  EXPECT_EQ(evidence.media_type, "application/pdf");
  EXPECT_EQ(evidence.sha256, sha256_of(kPdf));
  auto file = realizations_->evidence_file(planner(), evidence.id);
  ASSERT_OK(file);
  EXPECT_EQ(file.value().bytes, kPdf);
}

TEST_P(PerformanceServiceTest, SubmitVerifyAndTheScorecardFollowTheRules) {
  signed_agreement();
  open_windows();
  auto saved = realizations_->save(staff(), entry(101, 1, "19.5"), context_);
  ASSERT_OK(saved);
  RealizationId id = saved.value().record.id;
  // Without evidence, and before the window opens (12 January), it cannot be submitted.
  auto early = realizations_->take_step(head(), id, RealizationStep{"submit", "", std::nullopt, 1}, context_);
  EXPECT_TRUE(refused_with(early, ErrorCode::ValidationFailed, "evidence"));
  ASSERT_OK(realizations_->add_link(staff(), id, "https://kaltim.bps.go.id/tabel", "Tabel BPS", context_));
  auto now = realizations_->get(staff(), id);
  EXPECT_TRUE(refused_with(
      realizations_->take_step(
          head(), id, RealizationStep{"submit", "", std::nullopt, now.value().record.version}, context_),
      ErrorCode::Conflict, "quarter"));
  EXPECT_TRUE(refused_with(
      realizations_->take_step(
          staff(), id, RealizationStep{"submit", "", std::nullopt, now.value().record.version}, context_),
      ErrorCode::Forbidden));

  clock_.set(std::chrono::sys_days(std::chrono::year(2026) / 4 / 10) + hours(2));
  auto submitted = realizations_->take_step(
      head(), id, RealizationStep{"submit", "", std::nullopt, now.value().record.version}, context_);
  ASSERT_OK(submitted);
  EXPECT_EQ(submitted.value().record.state, kRealizationSubmitted);
  EXPECT_FALSE(submitted.value().record.late);
  // A submitted report is not edited.
  RealizationEntry change = entry(101, 1, "19.0");
  change.version = submitted.value().record.version;
  EXPECT_TRUE(refused_with(realizations_->save(staff(), change, context_), ErrorCode::Conflict, "state"));

  // While waiting, the agency's value counts, marked unverified: mirror (2 x 20,5 - 19,5) / 20,5 x 100 =
  // 104,878...
  auto card = realizations_->scorecard(planner(), "Dinkes", 2026, 1);
  ASSERT_OK(card);
  ASSERT_EQ(card.value().items.size(), 2u);
  const QuarterAchievement& stunting = card.value().items[0].trend.back();
  EXPECT_EQ(stunting.achievement.percent.round(2), dec("104.88"));
  EXPECT_TRUE(stunting.unverified);
  EXPECT_EQ(card.value().items[1].trend.back().achievement.status, AchievementStatus::not_available);
  EXPECT_EQ(card.value().overall.included, 1);
  EXPECT_EQ(card.value().overall.total, 2);

  auto queue = realizations_->queue(planner(), QueueQuery{});
  ASSERT_OK(queue);
  ASSERT_EQ(queue.value().size(), 1u);
  EXPECT_EQ(queue.value().front().indicator, "Prevalensi stunting pada balita");

  // The planning agency corrects the value while verifying: 20 counts, (41 - 20) / 20,5 x 100 = 102,439...
  const std::int64_t version = submitted.value().record.version;
  auto verified = realizations_->take_step(
      planner(), id, RealizationStep{"verify", "Dikoreksi sesuai SSGI", dec("20"), version}, context_);
  ASSERT_OK(verified);
  EXPECT_EQ(verified.value().record.value, dec("19.5"));
  EXPECT_EQ(verified.value().record.verified_value, dec("20"));
  card = realizations_->scorecard(planner(), "Dinkes", 2026, 1);
  EXPECT_EQ(card.value().items[0].trend.back().achievement.percent.round(2), dec("102.44"));
  EXPECT_FALSE(card.value().items[0].trend.back().unverified);
  auto explanation = realizations_->explain(planner(), "Dinkes", 101, 2026, 1);
  ASSERT_OK(explanation);
  std::string text;
  for (const ExplanationStep& step : explanation.value().steps) {
    text += step.text_en + "\n";
  }
  EXPECT_NE(text.find("Q1: 20 (verified)"), std::string::npos) << text;
  EXPECT_NE(text.find("Cumulative target of Q1: 20.5"), std::string::npos) << text;
  EXPECT_EQ(audit_count("realization.verify"), 1);
}

TEST_P(PerformanceServiceTest, NoOneVerifiesTheirOwnSubmissionAndLateReportsAreMarked) {
  signed_agreement();
  open_windows();
  // After TW I closed (15 April).
  clock_.set(std::chrono::sys_days(std::chrono::year(2026) / 4 / 20) + hours(2));
  auto saved = realizations_->save(staff(), entry(102, 1, "91"), context_);
  ASSERT_OK(saved);
  const RealizationId id = saved.value().record.id;
  ASSERT_OK(realizations_->add_file(staff(), id, kPdf, "cakupan.pdf", context_));
  // One person who heads the agency and also holds the planner role.
  auth::Principal both = head();
  both.user_id = 40;
  both.roles.push_back(auth::RoleGrant{Role::planner, std::nullopt, {}, {}, std::nullopt});
  auto current = realizations_->get(both, id);
  auto submitted = realizations_->take_step(
      both, id, RealizationStep{"submit", "", std::nullopt, current.value().record.version}, context_);
  ASSERT_OK(submitted);
  EXPECT_TRUE(submitted.value().record.late);
  EXPECT_TRUE(refused_with(
      realizations_->take_step(
          both, id, RealizationStep{"verify", "", std::nullopt, submitted.value().record.version}, context_),
      ErrorCode::Forbidden));
  EXPECT_TRUE(refused_with(
      realizations_->take_step(planner(), id,
                               RealizationStep{"return", "", std::nullopt, submitted.value().record.version},
                               context_),
      ErrorCode::ValidationFailed, "comment"));
  auto returned = realizations_->take_step(planner(), id,
                                           RealizationStep{"return", "Lampirkan rincian per kabupaten",
                                                           std::nullopt, submitted.value().record.version},
                                           context_);
  ASSERT_OK(returned);
  EXPECT_EQ(returned.value().record.state, kRealizationDraft);
  EXPECT_EQ(returned.value().record.verifier_note, "Lampirkan rincian per kabupaten");
  auto report = realizations_->quarter(staff(), "Dinkes", 2026, 1);
  ASSERT_OK(report);
  EXPECT_EQ(report.value().late, 1);
  EXPECT_EQ(report.value().with_value, 1);
  EXPECT_EQ(report.value().submitted, 0);
}

// Stunting TW I: 19,5 against 20,5 (mirror): (41 - 19,5) / 20,5 x 100 = 104,878...%; the
// predicate of that number depends only on the scale the region chose for 2026.
TEST_P(PerformanceServiceTest, TheYearsChosenScaleDecidesThePredicateAndOwnScalesAreVersionedByName) {
  signed_agreement();
  open_windows();
  auto saved = realizations_->save(staff(), entry(101, 1, "19.5"), context_);
  ASSERT_OK(saved);
  const RealizationId id = saved.value().record.id;
  ASSERT_OK(realizations_->add_link(staff(), id, "https://kaltim.bps.go.id/tabel", "Tabel BPS", context_));
  clock_.set(std::chrono::sys_days(std::chrono::year(2026) / 4 / 10) + hours(2));
  const std::int64_t version = realizations_->get(staff(), id).value().record.version;
  ASSERT_OK(
      realizations_->take_step(head(), id, RealizationStep{"submit", "", std::nullopt, version}, context_));
  const auto predicate = [&]() {
    auto card = realizations_->scorecard(planner(), "Dinkes", 2026, 1);
    EXPECT_TRUE(card.ok());
    const QuarterAchievement& stunting = card.value().items[0].trend.back();
    return card.value().scale->name + " v" + std::to_string(card.value().scale->version) + ": " +
           (stunting.band ? stunting.band->predicate : "-");
  };
  // Nobody chose: the default.
  auto year = scales_->for_year(staff(), 2026);
  ASSERT_OK(year);
  EXPECT_EQ(year.value().version, 0);
  EXPECT_EQ(predicate(), "permendagri86 v1: Sangat Tinggi");

  auto chosen = scales_->choose(planner(), 2026, ScaleRequest{"tercapai3", std::nullopt, 0}, context_);
  ASSERT_OK(chosen);
  EXPECT_EQ(chosen.value().version, 1);
  EXPECT_EQ(chosen.value().chosen_by_name, "user20");
  EXPECT_EQ(predicate(), "tercapai3 v1: Melampaui target");
  // The region's own scale: above 105 % only is "Istimewa".
  PredicateScale own{
      "kaltim_2026", 0, {{BandTest::ge, dec("105"), "Istimewa"}, {BandTest::any, {}, "Biasa"}}};
  chosen = scales_->choose(planner(), 2026, ScaleRequest{std::nullopt, own, 1}, context_);
  ASSERT_OK(chosen);
  EXPECT_EQ(predicate(), "kaltim_2026 v1: Biasa");
  // The same name with other bands is the next version; the same bands keep theirs.
  own.bands[0].bound = dec("100");
  chosen = scales_->choose(planner(), 2026, ScaleRequest{std::nullopt, own, 2}, context_);
  ASSERT_OK(chosen);
  EXPECT_EQ(predicate(), "kaltim_2026 v2: Istimewa");
  auto next_year = scales_->choose(planner(), 2027, ScaleRequest{std::nullopt, own, 0}, context_);
  ASSERT_OK(next_year);
  EXPECT_EQ(next_year.value().scale.version, 2);
  auto catalog = scales_->catalog(staff());
  ASSERT_OK(catalog);
  EXPECT_EQ(catalog.value().presets.size(), 4u);
  // Version 1 is kept although no year uses it now.
  ASSERT_EQ(catalog.value().custom.size(), 2u);
  EXPECT_EQ(catalog.value().custom[0].bands[0].bound, dec("105"));
  EXPECT_EQ(catalog.value().custom[1].version, 2);
  ASSERT_EQ(catalog.value().years.size(), 2u);
  // Choosing what is in force changes nothing.
  EXPECT_EQ(scales_->choose(planner(), 2026, ScaleRequest{std::nullopt, own, 3}, context_).value().version,
            3);
  EXPECT_EQ(audit_count("predicate_scale.choose"), 4);

  // Refusals, none of which changes the year's scale.
  EXPECT_TRUE(
      refused_with(scales_->choose(staff(), 2026, ScaleRequest{"berhasil4", std::nullopt, 3}, context_),
                   ErrorCode::Forbidden));
  EXPECT_TRUE(
      refused_with(scales_->choose(planner(), 2026, ScaleRequest{"berhasil4", std::nullopt, 2}, context_),
                   ErrorCode::Conflict, "version"));
  EXPECT_TRUE(
      refused_with(scales_->choose(planner(), 2026, ScaleRequest{"berhasil5", std::nullopt, 3}, context_),
                   ErrorCode::ValidationFailed, "preset"));
  EXPECT_TRUE(refused_with(scales_->choose(planner(), 2026, ScaleRequest{"berhasil4", own, 3}, context_),
                           ErrorCode::ValidationFailed, "preset"));
  PredicateScale borrowed{"berhasil4", 0, own.bands};
  EXPECT_TRUE(
      refused_with(scales_->choose(planner(), 2026, ScaleRequest{std::nullopt, borrowed, 3}, context_),
                   ErrorCode::ValidationFailed, "scale.name"));
  PredicateScale unordered{"kaltim_2026",
                           0,
                           {{BandTest::ge, dec("80"), "Baik"},
                            {BandTest::ge, dec("90"), "Sangat baik"},
                            {BandTest::any, {}, "Kurang"}}};
  EXPECT_TRUE(
      refused_with(scales_->choose(planner(), 2026, ScaleRequest{std::nullopt, unordered, 3}, context_),
                   ErrorCode::ValidationFailed, "scale.bands[1].bound"));
  EXPECT_EQ(predicate(), "kaltim_2026 v2: Istimewa");
  EXPECT_EQ(audit_count("predicate_scale.choose"), 4);
}

INSTANTIATE_TEST_SUITE_P(Backends, PerformanceServiceTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::performance
