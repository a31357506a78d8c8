// The SQL adapter of the performance port, one code path for SQLite and PostgreSQL.
//
// Every value reaches the database as a bound parameter; every statement filters on
// region_id. Exact decimals are stored as plain text, dates as 'YYYY-MM-DD', timestamps as
// ISO-8601 UTC from the clock. The state of an agreement or a realization is read from its
// workflow item in the same statement (a join), never stored twice.
#include <soci/soci.h>

#include "contexts/performance/performance_store.h"
#include "core/clock.h"
#include "platform/audit/audit_log.h"
#include "platform/db/bound_query.h"
#include "platform/db/database.h"
#include "platform/db/sql_repository.h"
#include "platform/workflow/workflow_store.h"

namespace sinergi::performance {
namespace {

using db::BoundQuery;
using db::execute;
using db::NullableInteger;
using db::NullableText;
using db::optional_of;

long long as_long(std::int64_t value) {
  return static_cast<long long>(value);
}

// Written only by this adapter from validated values; a value that does not parse would mean
// a newer binary wrote it: zero stands out, unlike a guess.
std::optional<Decimal> stored_decimal(const std::string& text, soci::indicator indicator) {
  if (indicator != soci::i_ok) {
    return std::nullopt;
  }
  auto parsed = Decimal::parse(text, NumberFormat::plain);
  return parsed.ok() ? parsed.value() : Decimal{};
}

std::optional<std::string> decimal_text(const std::optional<Decimal>& value) {
  return value ? std::optional<std::string>(value->to_string(NumberFormat::plain)) : std::nullopt;
}

void nullable(BoundQuery& query, const std::optional<std::string>& value) {
  if (value) {
    query.value(*value);
  } else {
    query.text("NULL");
  }
}

struct AgreementColumns {
  long long id = 0;
  long long agency_id = 0;
  int year = 0;
  int number = 1;
  long long previous_id = 0;
  soci::indicator previous_indicator = soci::i_null;
  std::string revision_reason;
  std::string content;
  std::string document_sha256;
  soci::indicator sha256_indicator = soci::i_null;
  long long workflow_item_id = 0;
  int superseded = 0;
  std::string created_by_name;
  std::string created_at;
  std::string updated_at;
  long long version = 1;
  std::string state;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(agency_id));
    statement.exchange(soci::into(year));
    statement.exchange(soci::into(number));
    statement.exchange(soci::into(previous_id, previous_indicator));
    statement.exchange(soci::into(revision_reason));
    statement.exchange(soci::into(content));
    statement.exchange(soci::into(document_sha256, sha256_indicator));
    statement.exchange(soci::into(workflow_item_id));
    statement.exchange(soci::into(superseded));
    statement.exchange(soci::into(created_by_name));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(updated_at));
    statement.exchange(soci::into(version));
    statement.exchange(soci::into(state));
  }
  AgreementRecord record() const {
    AgreementRecord agreement;
    agreement.id = AgreementId(id);
    agreement.agency_id = AgencyId(agency_id);
    agreement.year = year;
    agreement.number = number;
    if (auto previous = optional_of(previous_id, previous_indicator)) {
      agreement.previous_id = AgreementId(*previous);
    }
    agreement.revision_reason = revision_reason;
    // Written by canonical_json(); an unreadable one keeps the year and agency so it still shows.
    agreement.content = parse_content(content).value_or(AgreementContent{});
    agreement.content.year = year;
    agreement.document_sha256 = optional_of(document_sha256, sha256_indicator);
    agreement.workflow_item_id = workflow_item_id;
    agreement.superseded = superseded != 0;
    agreement.created_by_name = created_by_name;
    agreement.created_at = created_at;
    agreement.updated_at = updated_at;
    agreement.version = version;
    agreement.state = state;
    return agreement;
  }
};

constexpr std::string_view kAgreementColumns =
    "SELECT a.id, a.agency_id, a.year, a.number, a.previous_id, a.revision_reason, a.content, "
    "a.document_sha256, "
    "a.workflow_item_id, a.superseded, a.created_by_name, a.created_at, a.updated_at, a.version, w.state "
    "FROM performance_agreements a JOIN workflow_items w ON w.id = a.workflow_item_id ";

struct WindowColumns {
  int year = 0;
  int quarter = 1;
  std::string opens_on;
  std::string closes_on;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(year));
    statement.exchange(soci::into(quarter));
    statement.exchange(soci::into(opens_on));
    statement.exchange(soci::into(closes_on));
  }
  ReportingWindow record() const {
    return ReportingWindow{year, quarter, parse_iso_date(opens_on).value_or(Date{}),
                           parse_iso_date(closes_on).value_or(Date{})};
  }
};

struct OwnScaleColumns {
  std::string name;
  int scale_version = 1;
  std::string bands;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(scale_version));
    statement.exchange(soci::into(bands));
  }
  PredicateScale record() const {
    // Written only by this adapter from checked scales (see ScaleChoiceColumns).
    return PredicateScale{name, scale_version,
                          parse_bands_text(bands).value_or(std::vector<PredicateBand>{})};
  }
};

struct ScaleChoiceColumns {
  int year = 0;
  std::string name;
  int scale_version = 1;
  int preset = 1;
  std::string bands;
  std::string chosen_by_name;
  std::string chosen_at;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(year));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(scale_version));
    statement.exchange(soci::into(preset));
    statement.exchange(soci::into(bands));
    statement.exchange(soci::into(chosen_by_name));
    statement.exchange(soci::into(chosen_at));
    statement.exchange(soci::into(version));
  }
  ScaleChoice record() const {
    ScaleChoice choice;
    choice.year = year;
    choice.scale.name = name;
    choice.scale.version = scale_version;
    // Written only by this adapter from checked scales; empty bands would classify nothing,
    // which stands out in every report.
    choice.scale.bands = parse_bands_text(bands).value_or(std::vector<PredicateBand>{});
    choice.preset = preset == 1;
    choice.chosen_by_name = chosen_by_name;
    choice.chosen_at = chosen_at;
    choice.version = version;
    return choice;
  }
};

struct RealizationColumns {
  long long id = 0;
  long long agency_id = 0;
  long long indicator_id = 0;
  int year = 0;
  int quarter = 1;
  long long agreement_id = 0;
  std::string value;
  soci::indicator value_indicator = soci::i_null;
  std::string verified_value;
  soci::indicator verified_indicator = soci::i_null;
  std::string data_source;
  std::string supporting_factors;
  std::string inhibiting_factors;
  std::string follow_up_plan;
  std::string verifier_note;
  std::string submitted_at;
  soci::indicator submitted_indicator = soci::i_null;
  int late = 0;
  std::string verified_at;
  soci::indicator verified_at_indicator = soci::i_null;
  long long workflow_item_id = 0;
  std::string created_at;
  std::string updated_at;
  long long version = 1;
  std::string state;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(agency_id));
    statement.exchange(soci::into(indicator_id));
    statement.exchange(soci::into(year));
    statement.exchange(soci::into(quarter));
    statement.exchange(soci::into(agreement_id));
    statement.exchange(soci::into(value, value_indicator));
    statement.exchange(soci::into(verified_value, verified_indicator));
    statement.exchange(soci::into(data_source));
    statement.exchange(soci::into(supporting_factors));
    statement.exchange(soci::into(inhibiting_factors));
    statement.exchange(soci::into(follow_up_plan));
    statement.exchange(soci::into(verifier_note));
    statement.exchange(soci::into(submitted_at, submitted_indicator));
    statement.exchange(soci::into(late));
    statement.exchange(soci::into(verified_at, verified_at_indicator));
    statement.exchange(soci::into(workflow_item_id));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(updated_at));
    statement.exchange(soci::into(version));
    statement.exchange(soci::into(state));
  }
  RealizationRecord record() const {
    RealizationRecord realization;
    realization.id = RealizationId(id);
    realization.agency_id = AgencyId(agency_id);
    realization.indicator_id = indicator_id;
    realization.year = year;
    realization.quarter = quarter;
    realization.agreement_id = AgreementId(agreement_id);
    realization.value = stored_decimal(value, value_indicator);
    realization.verified_value = stored_decimal(verified_value, verified_indicator);
    realization.data_source = data_source;
    realization.supporting_factors = supporting_factors;
    realization.inhibiting_factors = inhibiting_factors;
    realization.follow_up_plan = follow_up_plan;
    realization.verifier_note = verifier_note;
    realization.submitted_at = optional_of(submitted_at, submitted_indicator);
    realization.late = late != 0;
    realization.verified_at = optional_of(verified_at, verified_at_indicator);
    realization.workflow_item_id = workflow_item_id;
    realization.created_at = created_at;
    realization.updated_at = updated_at;
    realization.version = version;
    realization.state = state;
    return realization;
  }
};

constexpr std::string_view kRealizationColumns =
    "SELECT r.id, r.agency_id, r.indicator_id, r.year, r.quarter, r.agreement_id, r.value, r.verified_value, "
    "r.data_source, r.supporting_factors, r.inhibiting_factors, r.follow_up_plan, r.verifier_note, "
    "r.submitted_at, r.late, r.verified_at, r.workflow_item_id, r.created_at, r.updated_at, r.version, "
    "w.state "
    "FROM realizations r JOIN workflow_items w ON w.id = r.workflow_item_id ";

struct EvidenceColumns {
  long long id = 0;
  long long realization_id = 0;
  std::string kind;
  std::string sha256;
  soci::indicator sha256_indicator = soci::i_null;
  std::string file_name;
  std::string media_type;
  long long size_bytes = 0;
  std::string url;
  std::string added_by_name;
  std::string added_at;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(realization_id));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(sha256, sha256_indicator));
    statement.exchange(soci::into(file_name));
    statement.exchange(soci::into(media_type));
    statement.exchange(soci::into(size_bytes));
    statement.exchange(soci::into(url));
    statement.exchange(soci::into(added_by_name));
    statement.exchange(soci::into(added_at));
  }
  EvidenceRecord record() const {
    EvidenceRecord evidence;
    evidence.id = EvidenceId(id);
    evidence.realization_id = RealizationId(realization_id);
    evidence.kind = kind == "link" ? EvidenceKind::link : EvidenceKind::file;
    evidence.sha256 = optional_of(sha256, sha256_indicator);
    evidence.file_name = file_name;
    evidence.media_type = media_type;
    evidence.size_bytes = size_bytes;
    evidence.url = url;
    evidence.added_by_name = added_by_name;
    evidence.added_at = added_at;
    return evidence;
  }
};

constexpr std::string_view kEvidenceColumns =
    "SELECT id, realization_id, kind, sha256, file_name, media_type, size_bytes, url, added_by_name, "
    "added_at "
    "FROM realization_evidence ";

class SqlPerformanceStore final : public PerformanceStore {
 public:
  SqlPerformanceStore(soci::session& session, db::Backend backend, const Clock& clock)
      : session_(session), backend_(backend), clock_(clock), workflow_(session, clock) {}

  // --- Agreements ---

  Result<std::vector<AgreementRecord>> agreements(RegionId region, const AgreementFilter& filter) override {
    BoundQuery query(kAgreementColumns);
    query.text("WHERE a.region_id = ").value(as_long(region.value()));
    if (filter.agency_id) {
      query.text(" AND a.agency_id = ").value(as_long(filter.agency_id->value()));
    }
    if (filter.year) {
      query.text(" AND a.year = ").value(static_cast<long long>(*filter.year));
    }
    query.text(" ORDER BY a.agency_id, a.year, a.number");
    return db::collect_rows<AgreementColumns>(session_, query);
  }

  Result<std::optional<AgreementRecord>> find_agreement(RegionId region, AgreementId id) override {
    BoundQuery query(kAgreementColumns);
    query.text("WHERE a.region_id = ")
        .value(as_long(region.value()))
        .text(" AND a.id = ")
        .value(as_long(id.value()));
    return first<AgreementColumns>(query);
  }

  Result<AgreementRecord> insert_agreement(RegionId region, const AgreementRecord& agreement) override {
    long long id = 0;
    long long region_id = region.value();
    long long agency_id = agreement.agency_id.value();
    int year = agreement.year;
    int number = agreement.number;
    NullableInteger previous(
        agreement.previous_id ? std::optional<std::int64_t>(agreement.previous_id->value()) : std::nullopt);
    std::string content = canonical_json(agreement.content);
    NullableText sha256(agreement.document_sha256);
    long long workflow_item_id = agreement.workflow_item_id;
    int superseded = agreement.superseded ? 1 : 0;
    std::string now = now_text();
    session_
        << "INSERT INTO performance_agreements (region_id, agency_id, year, number, previous_id, "
           "revision_reason, content, document_sha256, workflow_item_id, superseded, created_by_name, "
           "created_at, updated_at, version) VALUES (:region_id, :agency_id, :year, :number, :previous_id, "
           ":revision_reason, :content, :document_sha256, :workflow_item_id, :superseded, :created_by_name, "
           ":created_at, :updated_at, 1) RETURNING id",
        soci::use(region_id), soci::use(agency_id), soci::use(year), soci::use(number),
        soci::use(previous.value, previous.indicator), soci::use(agreement.revision_reason),
        soci::use(content), soci::use(sha256.value, sha256.indicator), soci::use(workflow_item_id),
        soci::use(superseded), soci::use(agreement.created_by_name), soci::use(now), soci::use(now),
        soci::into(id);
    AgreementRecord stored = agreement;
    stored.id = AgreementId(id);
    stored.version = 1;
    stored.created_at = now;
    stored.updated_at = now;
    return stored;
  }

  Result<bool> update_agreement(RegionId region, const AgreementRecord& agreement) override {
    BoundQuery query("UPDATE performance_agreements SET content = ");
    query.value(canonical_json(agreement.content)).text(", document_sha256 = ");
    nullable(query, agreement.document_sha256);
    query.text(", revision_reason = ")
        .value(agreement.revision_reason)
        .text(", superseded = ")
        .value(static_cast<long long>(agreement.superseded ? 1 : 0))
        .text(", updated_at = ")
        .value(now_text())
        .text(", version = version + 1");
    versioned_where(query, region, agreement.id.value(), agreement.version);
    return execute(session_, query) == 1;
  }

  // --- Reporting windows ---

  Result<std::vector<ReportingWindow>> windows(RegionId region, int year) override {
    BoundQuery query("SELECT year, quarter, opens_on, closes_on FROM reporting_windows WHERE region_id = ");
    query.value(as_long(region.value()))
        .text(" AND year = ")
        .value(static_cast<long long>(year))
        .text(" ORDER BY quarter");
    return db::collect_rows<WindowColumns>(session_, query);
  }

  Result<void> put_window(RegionId region, const ReportingWindow& window) override {
    long long region_id = region.value();
    int year = window.year;
    int quarter = window.quarter;
    std::string opens_on = format_iso_date(window.opens_on);
    std::string closes_on = format_iso_date(window.closes_on);
    std::string now = now_text();
    // Both dialects know ON CONFLICT ... DO UPDATE (SQLite since 3.24).
    session_ << "INSERT INTO reporting_windows (region_id, year, quarter, opens_on, closes_on, updated_at) "
                "VALUES (:region_id, :year, :quarter, :opens_on, :closes_on, :updated_at) "
                "ON CONFLICT (region_id, year, quarter) DO UPDATE SET opens_on = excluded.opens_on, "
                "closes_on = excluded.closes_on, updated_at = excluded.updated_at",
        soci::use(region_id), soci::use(year), soci::use(quarter), soci::use(opens_on), soci::use(closes_on),
        soci::use(now);
    return success();
  }

  // --- Predicate scales ---

  Result<std::vector<PredicateScale>> own_scales(RegionId region) override {
    BoundQuery query("SELECT name, scale_version, bands FROM predicate_scales WHERE region_id = ");
    query.value(as_long(region.value())).text(" ORDER BY name, scale_version");
    return db::collect_rows<OwnScaleColumns>(session_, query);
  }

  Result<void> insert_own_scale(RegionId region, const PredicateScale& scale,
                                const std::string& created_by_name) override {
    long long region_id = region.value();
    std::string name = scale.name;
    int scale_version = scale.version;
    std::string bands = bands_text(scale.bands);
    std::string created_by = created_by_name;
    std::string now = now_text();
    session_ << "INSERT INTO predicate_scales (region_id, name, scale_version, bands, created_by_name, "
                "created_at) VALUES (:region_id, :name, :scale_version, :bands, :created_by, :created_at)",
        soci::use(region_id), soci::use(name), soci::use(scale_version), soci::use(bands),
        soci::use(created_by), soci::use(now);
    return success();
  }

  Result<std::vector<ScaleChoice>> scale_choices(RegionId region, std::optional<int> year) override {
    BoundQuery query(
        "SELECT year, name, scale_version, preset, bands, chosen_by_name, chosen_at, version "
        "FROM predicate_scale_choices WHERE region_id = ");
    query.value(as_long(region.value()));
    if (year) {
      query.text(" AND year = ").value(static_cast<long long>(*year));
    }
    query.text(" ORDER BY year");
    return db::collect_rows<ScaleChoiceColumns>(session_, query);
  }

  Result<bool> put_scale_choice(RegionId region, const ScaleChoice& choice) override {
    const std::string bands = bands_text(choice.scale.bands);
    const auto preset = static_cast<long long>(choice.preset ? 1 : 0);
    BoundQuery query;
    if (choice.version == 0) {
      query
          .text(
              "INSERT INTO predicate_scale_choices (region_id, year, name, scale_version, preset, bands, "
              "chosen_by_name, chosen_at, version) VALUES (")
          .value(as_long(region.value()))
          .text(", ")
          .value(static_cast<long long>(choice.year))
          .text(", ")
          .value(choice.scale.name)
          .text(", ")
          .value(static_cast<long long>(choice.scale.version))
          .text(", ")
          .value(preset)
          .text(", ")
          .value(bands)
          .text(", ")
          .value(choice.chosen_by_name)
          .text(", ")
          .value(now_text())
          .text(", 1) ON CONFLICT (region_id, year) DO NOTHING");
    } else {
      query.text("UPDATE predicate_scale_choices SET name = ")
          .value(choice.scale.name)
          .text(", scale_version = ")
          .value(static_cast<long long>(choice.scale.version))
          .text(", preset = ")
          .value(preset)
          .text(", bands = ")
          .value(bands)
          .text(", chosen_by_name = ")
          .value(choice.chosen_by_name)
          .text(", chosen_at = ")
          .value(now_text())
          .text(", version = version + 1 WHERE region_id = ")
          .value(as_long(region.value()))
          .text(" AND year = ")
          .value(static_cast<long long>(choice.year))
          .text(" AND version = ")
          .value(as_long(choice.version));
    }
    return execute(session_, query) == 1;
  }

  Result<void> delete_window(RegionId region, int year, int quarter) override {
    long long region_id = region.value();
    session_ << "DELETE FROM reporting_windows WHERE region_id = :region_id AND year = :year AND quarter = "
                ":quarter",
        soci::use(region_id), soci::use(year), soci::use(quarter);
    return success();
  }

  // --- Realizations ---

  Result<std::vector<RealizationRecord>> realizations(RegionId region,
                                                      const RealizationFilter& filter) override {
    BoundQuery query(kRealizationColumns);
    query.text("WHERE r.region_id = ").value(as_long(region.value()));
    if (filter.agency_id) {
      query.text(" AND r.agency_id = ").value(as_long(filter.agency_id->value()));
    }
    if (filter.year) {
      query.text(" AND r.year = ").value(static_cast<long long>(*filter.year));
    }
    if (filter.quarter) {
      query.text(" AND r.quarter = ").value(static_cast<long long>(*filter.quarter));
    }
    if (filter.state) {
      query.text(" AND w.state = ").value(*filter.state);
    }
    query.text(" ORDER BY r.agency_id, r.year, r.quarter, r.indicator_id");
    return db::collect_rows<RealizationColumns>(session_, query);
  }

  Result<std::optional<RealizationRecord>> find_realization(RegionId region, RealizationId id) override {
    BoundQuery query(kRealizationColumns);
    query.text("WHERE r.region_id = ")
        .value(as_long(region.value()))
        .text(" AND r.id = ")
        .value(as_long(id.value()));
    return first<RealizationColumns>(query);
  }

  Result<RealizationRecord> insert_realization(RegionId region,
                                               const RealizationRecord& realization) override {
    long long id = 0;
    long long region_id = region.value();
    long long agency_id = realization.agency_id.value();
    long long indicator_id = realization.indicator_id;
    int year = realization.year;
    int quarter = realization.quarter;
    long long agreement_id = realization.agreement_id.value();
    NullableText value(decimal_text(realization.value));
    NullableText verified(decimal_text(realization.verified_value));
    NullableText submitted_at(realization.submitted_at);
    NullableText verified_at(realization.verified_at);
    int late = realization.late ? 1 : 0;
    long long workflow_item_id = realization.workflow_item_id;
    std::string now = now_text();
    session_
        << "INSERT INTO realizations (region_id, agency_id, indicator_id, year, quarter, agreement_id, "
           "value, "
           "verified_value, data_source, supporting_factors, inhibiting_factors, follow_up_plan, "
           "verifier_note, "
           "submitted_at, late, verified_at, workflow_item_id, created_at, updated_at, version) VALUES "
           "(:region_id, :agency_id, :indicator_id, :year, :quarter, :agreement_id, :value, :verified_value, "
           ":data_source, :supporting_factors, :inhibiting_factors, :follow_up_plan, :verifier_note, "
           ":submitted_at, :late, :verified_at, :workflow_item_id, :created_at, :updated_at, 1) RETURNING id",
        soci::use(region_id), soci::use(agency_id), soci::use(indicator_id), soci::use(year),
        soci::use(quarter), soci::use(agreement_id), soci::use(value.value, value.indicator),
        soci::use(verified.value, verified.indicator), soci::use(realization.data_source),
        soci::use(realization.supporting_factors), soci::use(realization.inhibiting_factors),
        soci::use(realization.follow_up_plan), soci::use(realization.verifier_note),
        soci::use(submitted_at.value, submitted_at.indicator), soci::use(late),
        soci::use(verified_at.value, verified_at.indicator), soci::use(workflow_item_id), soci::use(now),
        soci::use(now), soci::into(id);
    RealizationRecord stored = realization;
    stored.id = RealizationId(id);
    stored.version = 1;
    stored.created_at = now;
    stored.updated_at = now;
    return stored;
  }

  Result<bool> update_realization(RegionId region, const RealizationRecord& realization) override {
    BoundQuery query("UPDATE realizations SET value = ");
    nullable(query, decimal_text(realization.value));
    query.text(", verified_value = ");
    nullable(query, decimal_text(realization.verified_value));
    query.text(", data_source = ")
        .value(realization.data_source)
        .text(", supporting_factors = ")
        .value(realization.supporting_factors)
        .text(", inhibiting_factors = ")
        .value(realization.inhibiting_factors)
        .text(", follow_up_plan = ")
        .value(realization.follow_up_plan)
        .text(", verifier_note = ")
        .value(realization.verifier_note)
        .text(", submitted_at = ");
    nullable(query, realization.submitted_at);
    query.text(", late = ").value(static_cast<long long>(realization.late ? 1 : 0)).text(", verified_at = ");
    nullable(query, realization.verified_at);
    query.text(", updated_at = ").value(now_text()).text(", version = version + 1");
    versioned_where(query, region, realization.id.value(), realization.version);
    return execute(session_, query) == 1;
  }

  // --- Evidence ---

  Result<std::vector<EvidenceRecord>> evidence(RegionId region,
                                               const std::vector<RealizationId>& of) override {
    std::vector<EvidenceRecord> found;
    if (of.empty()) {
      return found;
    }
    BoundQuery query(kEvidenceColumns);
    query.text("WHERE region_id = ").value(as_long(region.value())).text(" AND realization_id IN (");
    for (std::size_t index = 0; index < of.size(); ++index) {
      query.text(index == 0 ? "" : ", ").value(as_long(of[index].value()));
    }
    query.text(") ORDER BY realization_id, id");
    return db::collect_rows<EvidenceColumns>(session_, query);
  }

  Result<std::optional<EvidenceRecord>> find_evidence(RegionId region, EvidenceId id) override {
    BoundQuery query(kEvidenceColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND id = ")
        .value(as_long(id.value()));
    return first<EvidenceColumns>(query);
  }

  Result<EvidenceRecord> insert_evidence(RegionId region, const EvidenceRecord& evidence) override {
    long long id = 0;
    long long region_id = region.value();
    long long realization_id = evidence.realization_id.value();
    std::string kind = evidence.kind == EvidenceKind::link ? "link" : "file";
    NullableText sha256(evidence.sha256);
    long long size_bytes = evidence.size_bytes;
    std::string now = now_text();
    session_
        << "INSERT INTO realization_evidence (region_id, realization_id, kind, sha256, file_name, "
           "media_type, "
           "size_bytes, url, added_by_name, added_at) VALUES (:region_id, :realization_id, :kind, :sha256, "
           ":file_name, :media_type, :size_bytes, :url, :added_by_name, :added_at) RETURNING id",
        soci::use(region_id), soci::use(realization_id), soci::use(kind),
        soci::use(sha256.value, sha256.indicator), soci::use(evidence.file_name),
        soci::use(evidence.media_type), soci::use(size_bytes), soci::use(evidence.url),
        soci::use(evidence.added_by_name), soci::use(now), soci::into(id);
    EvidenceRecord stored = evidence;
    stored.id = EvidenceId(id);
    stored.added_at = now;
    return stored;
  }

  Result<void> delete_evidence(RegionId region, EvidenceId id) override {
    BoundQuery query("DELETE FROM realization_evidence WHERE region_id = ");
    query.value(as_long(region.value())).text(" AND id = ").value(as_long(id.value()));
    execute(session_, query);
    return success();
  }

  workflow::WorkflowStore& workflow() override { return workflow_; }

  Result<void> append_audit(const audit::AuditEvent& event) override {
    TRY(audit::append(session_, backend_, event, clock_));
    return success();
  }

 private:
  std::string now_text() const { return format_iso8601_utc_milliseconds(clock_.now()); }

  static void versioned_where(BoundQuery& query, RegionId region, std::int64_t id, std::int64_t version) {
    query.text(" WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND id = ")
        .value(as_long(id))
        .text(" AND version = ")
        .value(as_long(version));
  }

  template <typename Columns>
  Result<std::optional<decltype(std::declval<Columns>().record())>> first(BoundQuery& query) {
    auto rows = db::collect_rows<Columns>(session_, query);
    if (rows.empty()) {
      return std::optional<decltype(std::declval<Columns>().record())>();
    }
    return std::optional<decltype(std::declval<Columns>().record())>(std::move(rows.front()));
  }

  soci::session& session_;
  db::Backend backend_;
  const Clock& clock_;
  workflow::WorkflowStore workflow_;
};

}  // namespace

std::unique_ptr<PerformanceRepository> make_sql_performance_repository(db::Database& database,
                                                                       const Clock& clock) {
  return std::make_unique<db::SqlRepository<PerformanceRepository, SqlPerformanceStore>>(database, clock);
}

}  // namespace sinergi::performance
