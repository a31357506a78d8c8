// The SQL adapter of the planning port, one code path for SQLite and PostgreSQL.
//
// Every value reaches the database as a bound parameter (db::BoundQuery or soci::use); every
// statement filters on region_id (national priorities: region_id IS NULL). Exact decimals are
// stored as plain text ("78.20", Decimal::to_string()), dates as 'YYYY-MM-DD', timestamps as
// ISO-8601 UTC from the clock, enums by their API names. Orderings on text (codes) are done
// in C++ byte-wise, so both dialects answer the same whatever PostgreSQL's collation.
#include <soci/soci.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "contexts/planning/planning_store.h"
#include "core/clock.h"
#include "platform/audit/audit_log.h"
#include "platform/db/bound_query.h"
#include "platform/db/bulk_insert.h"
#include "platform/db/database.h"
#include "platform/db/sql_repository.h"

namespace sinergi::planning {
namespace {

using db::BoundQuery;
using db::execute;
using db::for_each_row;
using db::NullableInteger;
using db::NullableText;
using db::optional_of;

// Rows are written only by this adapter from validated values; a value that does not parse
// would mean a newer binary wrote it. Zero / the epoch stand out, unlike a guess.
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

std::optional<std::string> date_text(const std::optional<Date>& date) {
  return date ? std::optional<std::string>(format_iso_date(*date)) : std::nullopt;
}

std::optional<std::int64_t> id_value(const auto& id) {
  return id ? std::optional<std::int64_t>(id->value()) : std::nullopt;
}

std::optional<std::int64_t> int_value(const std::optional<int>& number) {
  return number ? std::optional<std::int64_t>(*number) : std::nullopt;
}

std::optional<std::string> enum_text(const auto& value) {
  return value ? std::optional<std::string>(std::string(name(*value))) : std::nullopt;
}

long long as_long(std::int64_t value) {
  return static_cast<long long>(value);
}

// --- Columns of each table ---

struct PlanColumns {
  long long id = 0;
  std::string kind;
  std::string title;
  int first_year = 0;
  int last_year = 0;
  std::string vision;
  std::string status;
  std::string regulation_number;
  soci::indicator regulation_number_indicator = soci::i_null;
  std::string regulation_date;
  soci::indicator regulation_date_indicator = soci::i_null;
  int current_version = 0;
  long long version = 1;
  long long content_version = 1;
  std::string created_at;
  std::string updated_at;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(first_year));
    statement.exchange(soci::into(last_year));
    statement.exchange(soci::into(vision));
    statement.exchange(soci::into(status));
    statement.exchange(soci::into(regulation_number, regulation_number_indicator));
    statement.exchange(soci::into(regulation_date, regulation_date_indicator));
    statement.exchange(soci::into(current_version));
    statement.exchange(soci::into(version));
    statement.exchange(soci::into(content_version));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(updated_at));
  }
  PlanRecord record() const {
    PlanRecord plan;
    plan.id = PlanId(id);
    plan.kind = parse_plan_kind(kind).value_or(PlanKind::rpjmd);
    plan.title = title;
    plan.period = PlanPeriod{first_year, last_year};
    plan.vision = vision;
    plan.status = parse_plan_status(status).value_or(PlanStatus::draft);
    plan.regulation_number = optional_of(regulation_number, regulation_number_indicator);
    if (regulation_date_indicator == soci::i_ok) {
      plan.regulation_date = parse_iso_date(regulation_date).value_or(Date{});
    }
    plan.current_version = current_version;
    plan.version = version;
    plan.content_version = content_version;
    plan.created_at = created_at;
    plan.updated_at = updated_at;
    return plan;
  }
};
constexpr std::string_view kPlanColumns =
    "SELECT id, kind, title, first_year, last_year, vision, status, regulation_number, regulation_date, "
    "current_version, version, content_version, created_at, updated_at FROM plans ";

struct NodeColumns {
  long long id = 0;
  long long plan_id = 0;
  soci::indicator plan_indicator = soci::i_null;
  long long agency_id = 0;
  soci::indicator agency_indicator = soci::i_null;
  long long parent_id = 0;
  soci::indicator parent_indicator = soci::i_null;
  std::string kind;
  std::string code;
  std::string title;
  std::string field_code;
  soci::indicator field_code_indicator = soci::i_null;
  int builtin = 0;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(plan_id, plan_indicator));
    statement.exchange(soci::into(agency_id, agency_indicator));
    statement.exchange(soci::into(parent_id, parent_indicator));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(field_code, field_code_indicator));
    statement.exchange(soci::into(builtin));
    statement.exchange(soci::into(version));
  }
  NodeRecord record() const {
    NodeRecord node;
    node.id = NodeId(id);
    if (plan_indicator == soci::i_ok) {
      node.plan_id = PlanId(plan_id);
    }
    if (agency_indicator == soci::i_ok) {
      node.agency_id = AgencyId(agency_id);
    }
    if (parent_indicator == soci::i_ok) {
      node.parent_id = NodeId(parent_id);
    }
    node.kind = parse_plan_node_kind(kind).value_or(PlanNodeKind::program);
    node.code = code;
    node.title = title;
    node.field_code = optional_of(field_code, field_code_indicator);
    node.builtin = builtin != 0;
    node.version = version;
    return node;
  }
};
constexpr std::string_view kNodeColumns =
    "SELECT id, plan_id, agency_id, parent_id, kind, code, title, field_code, builtin, version "
    "FROM plan_nodes ";

// By kind order of PlanNodeKind, then code (byte-wise), then id.
void sort_nodes(std::vector<NodeRecord>& nodes) {
  std::sort(nodes.begin(), nodes.end(), [](const NodeRecord& left, const NodeRecord& right) {
    return std::forward_as_tuple(static_cast<int>(left.kind), left.code, left.id) <
           std::forward_as_tuple(static_cast<int>(right.kind), right.code, right.id);
  });
}

struct LinkColumns {
  long long id = 0;
  long long plan_id = 0;
  long long from = 0;
  long long to = 0;
  std::string weight;
  soci::indicator weight_indicator = soci::i_null;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(plan_id));
    statement.exchange(soci::into(from));
    statement.exchange(soci::into(to));
    statement.exchange(soci::into(weight, weight_indicator));
  }
  LinkRecord record() const {
    return LinkRecord{LinkId(id), PlanId(plan_id), NodeId(from), NodeId(to),
                      stored_decimal(weight, weight_indicator)};
  }
};
constexpr std::string_view kLinkColumns =
    "SELECT id, plan_id, from_node_id, to_node_id, weight FROM alignment_links ";

struct IndicatorColumns {
  long long id = 0;
  long long plan_id = 0;
  long long node_id = 0;
  std::string code;
  std::string name;
  std::string unit;
  std::string definition;
  std::string formula_text;
  std::string polarity;
  std::string formula_variant;
  std::string aggregation;
  int baseline_year = 0;
  soci::indicator baseline_year_indicator = soci::i_null;
  std::string baseline_value;
  soci::indicator baseline_value_indicator = soci::i_null;
  std::string data_source_kind;
  soci::indicator data_source_kind_indicator = soci::i_null;
  std::string data_source_name;
  std::string data_source_reference;
  long long responsible_agency_id = 0;
  soci::indicator responsible_agency_indicator = soci::i_null;
  int key_indicator = 0;
  std::string spm_service;
  soci::indicator spm_service_indicator = soci::i_null;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(plan_id));
    statement.exchange(soci::into(node_id));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(unit));
    statement.exchange(soci::into(definition));
    statement.exchange(soci::into(formula_text));
    statement.exchange(soci::into(polarity));
    statement.exchange(soci::into(formula_variant));
    statement.exchange(soci::into(aggregation));
    statement.exchange(soci::into(baseline_year, baseline_year_indicator));
    statement.exchange(soci::into(baseline_value, baseline_value_indicator));
    statement.exchange(soci::into(data_source_kind, data_source_kind_indicator));
    statement.exchange(soci::into(data_source_name));
    statement.exchange(soci::into(data_source_reference));
    statement.exchange(soci::into(responsible_agency_id, responsible_agency_indicator));
    statement.exchange(soci::into(key_indicator));
    statement.exchange(soci::into(spm_service, spm_service_indicator));
    statement.exchange(soci::into(version));
  }
  IndicatorRecord record() const {
    IndicatorRecord indicator;
    indicator.id = IndicatorId(id);
    indicator.plan_id = PlanId(plan_id);
    indicator.node_id = NodeId(node_id);
    indicator.code = code;
    indicator.name = name;
    indicator.unit = unit;
    indicator.definition = definition;
    indicator.formula_text = formula_text;
    indicator.polarity = parse_polarity(polarity).value_or(Polarity::higher_is_better);
    indicator.formula_variant = parse_formula_variant(formula_variant).value_or(FormulaVariant::ratio);
    indicator.aggregation = parse_aggregation(aggregation).value_or(Aggregation::last);
    if (baseline_year_indicator == soci::i_ok) {
      indicator.baseline_year = baseline_year;
    }
    indicator.baseline_value = stored_decimal(baseline_value, baseline_value_indicator);
    if (data_source_kind_indicator == soci::i_ok) {
      indicator.data_source_kind = parse_data_source_kind(data_source_kind);
    }
    indicator.data_source_name = data_source_name;
    indicator.data_source_reference = data_source_reference;
    if (responsible_agency_indicator == soci::i_ok) {
      indicator.responsible_agency_id = AgencyId(responsible_agency_id);
    }
    indicator.key_indicator = key_indicator != 0;
    indicator.spm_service = optional_of(spm_service, spm_service_indicator);
    indicator.version = version;
    return indicator;
  }
};
constexpr std::string_view kIndicatorColumns =
    "SELECT id, plan_id, node_id, code, name, unit, definition, formula_text, polarity, formula_variant, "
    "aggregation, baseline_year, baseline_value, data_source_kind, data_source_name, data_source_reference, "
    "responsible_agency_id, key_indicator, spm_service, version FROM indicators ";

struct TargetColumns {
  long long indicator_id = 0;
  int year = 0;
  std::string value;
  soci::indicator value_indicator = soci::i_null;
  std::string lower;
  soci::indicator lower_indicator = soci::i_null;
  std::string upper;
  soci::indicator upper_indicator = soci::i_null;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(indicator_id));
    statement.exchange(soci::into(year));
    statement.exchange(soci::into(value, value_indicator));
    statement.exchange(soci::into(lower, lower_indicator));
    statement.exchange(soci::into(upper, upper_indicator));
  }
  Target record() const {
    return Target{year, stored_decimal(value, value_indicator), stored_decimal(lower, lower_indicator),
                  stored_decimal(upper, upper_indicator)};
  }
};

struct VersionColumns {
  int number = 0;
  std::string kind;
  long long revision_id = 0;
  soci::indicator revision_indicator = soci::i_null;
  std::string reason;
  long long approved_by_user_id = 0;
  soci::indicator approved_by_indicator = soci::i_null;
  std::string approved_by_name;
  std::string approved_at;
  std::string snapshot;
  bool with_snapshot = false;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(number));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(revision_id, revision_indicator));
    statement.exchange(soci::into(reason));
    statement.exchange(soci::into(approved_by_user_id, approved_by_indicator));
    statement.exchange(soci::into(approved_by_name));
    statement.exchange(soci::into(approved_at));
    if (with_snapshot) {
      statement.exchange(soci::into(snapshot));
    }
  }
  PlanVersionRecord record() const {
    PlanVersionRecord version;
    version.number = number;
    version.kind = parse_plan_version_kind(kind).value_or(PlanVersionKind::adoption);
    if (revision_indicator == soci::i_ok) {
      version.revision_id = RevisionId(revision_id);
    }
    version.reason = reason;
    version.approved_by_user_id = optional_of(approved_by_user_id, approved_by_indicator);
    version.approved_by_name = approved_by_name;
    version.approved_at = approved_at;
    if (with_snapshot) {
      version.snapshot = snapshot;
    }
    return version;
  }
};
constexpr std::string_view kVersionColumns =
    "SELECT number, kind, revision_id, reason, approved_by_user_id, approved_by_name, approved_at";

struct RevisionColumns {
  long long id = 0;
  long long plan_id = 0;
  std::string reason;
  std::string status;
  long long proposed_by_user_id = 0;
  soci::indicator proposed_by_indicator = soci::i_null;
  std::string proposed_by_name;
  std::string proposed_at;
  long long decided_by_user_id = 0;
  soci::indicator decided_by_indicator = soci::i_null;
  std::string decided_by_name;
  std::string decided_at;
  soci::indicator decided_at_indicator = soci::i_null;
  std::string decision_note;
  int version_number = 0;
  soci::indicator version_number_indicator = soci::i_null;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(plan_id));
    statement.exchange(soci::into(reason));
    statement.exchange(soci::into(status));
    statement.exchange(soci::into(proposed_by_user_id, proposed_by_indicator));
    statement.exchange(soci::into(proposed_by_name));
    statement.exchange(soci::into(proposed_at));
    statement.exchange(soci::into(decided_by_user_id, decided_by_indicator));
    statement.exchange(soci::into(decided_by_name));
    statement.exchange(soci::into(decided_at, decided_at_indicator));
    statement.exchange(soci::into(decision_note));
    statement.exchange(soci::into(version_number, version_number_indicator));
    statement.exchange(soci::into(version));
  }
  RevisionRecord record() const {
    RevisionRecord revision;
    revision.id = RevisionId(id);
    revision.plan_id = PlanId(plan_id);
    revision.reason = reason;
    revision.status = parse_revision_status(status).value_or(RevisionStatus::proposed);
    revision.proposed_by_user_id = optional_of(proposed_by_user_id, proposed_by_indicator);
    revision.proposed_by_name = proposed_by_name;
    revision.proposed_at = proposed_at;
    revision.decided_by_user_id = optional_of(decided_by_user_id, decided_by_indicator);
    revision.decided_by_name = decided_by_name;
    revision.decided_at = optional_of(decided_at, decided_at_indicator);
    revision.decision_note = decision_note;
    if (version_number_indicator == soci::i_ok) {
      revision.version_number = version_number;
    }
    revision.version = version;
    return revision;
  }
};
constexpr std::string_view kRevisionColumns =
    "SELECT id, plan_id, reason, status, proposed_by_user_id, proposed_by_name, proposed_at, "
    "decided_by_user_id, decided_by_name, decided_at, decision_note, version_number, version "
    "FROM plan_revisions ";

struct ChangeColumns {
  long long revision_id = 0;
  long long indicator_id = 0;
  int year = 0;
  std::string value;
  soci::indicator value_indicator = soci::i_null;
  std::string lower;
  soci::indicator lower_indicator = soci::i_null;
  std::string upper;
  soci::indicator upper_indicator = soci::i_null;
  std::string previous_value;
  soci::indicator previous_value_indicator = soci::i_null;
  std::string previous_lower;
  soci::indicator previous_lower_indicator = soci::i_null;
  std::string previous_upper;
  soci::indicator previous_upper_indicator = soci::i_null;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(revision_id));
    statement.exchange(soci::into(indicator_id));
    statement.exchange(soci::into(year));
    statement.exchange(soci::into(value, value_indicator));
    statement.exchange(soci::into(lower, lower_indicator));
    statement.exchange(soci::into(upper, upper_indicator));
    statement.exchange(soci::into(previous_value, previous_value_indicator));
    statement.exchange(soci::into(previous_lower, previous_lower_indicator));
    statement.exchange(soci::into(previous_upper, previous_upper_indicator));
  }
  TargetChange record() const {
    TargetChange change;
    change.indicator_id = IndicatorId(indicator_id);
    change.year = year;
    change.value = stored_decimal(value, value_indicator);
    change.lower = stored_decimal(lower, lower_indicator);
    change.upper = stored_decimal(upper, upper_indicator);
    change.previous_value = stored_decimal(previous_value, previous_value_indicator);
    change.previous_lower = stored_decimal(previous_lower, previous_lower_indicator);
    change.previous_upper = stored_decimal(previous_upper, previous_upper_indicator);
    return change;
  }
};
constexpr std::string_view kChangeColumns =
    "SELECT c.revision_id, c.indicator_id, c.year, c.target_value, c.lower_bound, c.upper_bound, "
    "c.previous_value, c.previous_lower, c.previous_upper FROM plan_revision_changes c ";

struct NomenclatureColumns {
  std::string code;
  std::string level;
  std::string field_code;
  soci::indicator field_code_indicator = soci::i_null;
  std::string name;
  std::string performance;
  std::string indicator;
  std::string unit;
  std::string updated_at;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(level));
    statement.exchange(soci::into(field_code, field_code_indicator));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(performance));
    statement.exchange(soci::into(indicator));
    statement.exchange(soci::into(unit));
    statement.exchange(soci::into(updated_at));
  }
  NomenclatureEntry record() const {
    NomenclatureEntry entry;
    entry.code = code;
    entry.level = parse_nomenclature_level(level).value_or(NomenclatureLevel::sub_activity);
    entry.field_code = optional_of(field_code, field_code_indicator);
    entry.name = name;
    entry.performance = performance;
    entry.indicator = indicator;
    entry.unit = unit;
    entry.updated_at = updated_at;
    return entry;
  }
};
constexpr std::string_view kNomenclatureColumns =
    "SELECT code, level, field_code, name, performance, indicator, unit, updated_at FROM "
    "nomenclature_entries ";

// A LIKE pattern that finds `text` anywhere, its own % _ and \ taken literally (ESCAPE '\').
std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char character : text) {
    if (character == '%' || character == '_' || character == '\\') {
      pattern += '\\';
    }
    pattern += (character >= 'A' && character <= 'Z') ? static_cast<char>(character - 'A' + 'a') : character;
  }
  return pattern + "%";
}

class SqlPlanningStore final : public PlanningStore {
 public:
  SqlPlanningStore(soci::session& session, db::Backend backend, const Clock& clock)
      : session_(session), backend_(backend), clock_(clock) {}

  // --- Plans ---

  Result<std::vector<PlanRecord>> plans(RegionId region) override {
    BoundQuery query(kPlanColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" ORDER BY first_year DESC, last_year DESC, id DESC");
    return db::collect_rows<PlanColumns>(session_, query);
  }

  Result<std::optional<PlanRecord>> find_plan(RegionId region, PlanId id) override {
    BoundQuery query(kPlanColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND id = ")
        .value(as_long(id.value()));
    return first<PlanColumns>(query);
  }

  Result<PlanRecord> insert_plan(RegionId region, const PlanRecord& plan) override {
    long long id = 0;
    long long region_id = region.value();
    std::string kind(name(plan.kind));
    std::string status(name(plan.status));
    int first_year = plan.period.first_year;
    int last_year = plan.period.last_year;
    int current_version = plan.current_version;
    NullableText regulation_number(plan.regulation_number);
    NullableText regulation_date(date_text(plan.regulation_date));
    std::string now = now_text();
    session_
        << "INSERT INTO plans (region_id, kind, title, first_year, last_year, vision, status, "
           "regulation_number, regulation_date, current_version, version, created_at, updated_at) VALUES "
           "(:region_id, :kind, :title, :first_year, :last_year, :vision, :status, :regulation_number, "
           ":regulation_date, :current_version, 1, :created_at, :updated_at) RETURNING id",
        soci::use(region_id), soci::use(kind), soci::use(plan.title), soci::use(first_year),
        soci::use(last_year), soci::use(plan.vision), soci::use(status),
        soci::use(regulation_number.value, regulation_number.indicator),
        soci::use(regulation_date.value, regulation_date.indicator), soci::use(current_version),
        soci::use(now), soci::use(now), soci::into(id);
    PlanRecord stored = plan;
    stored.id = PlanId(id);
    stored.version = 1;
    stored.created_at = now;
    stored.updated_at = now;
    return stored;
  }

  Result<bool> update_plan(RegionId region, const PlanRecord& plan) override {
    BoundQuery query("UPDATE plans SET kind = ");
    query.value(std::string(name(plan.kind)))
        .text(", title = ")
        .value(plan.title)
        .text(", first_year = ")
        .value(static_cast<long long>(plan.period.first_year))
        .text(", last_year = ")
        .value(static_cast<long long>(plan.period.last_year))
        .text(", vision = ")
        .value(plan.vision)
        .text(", status = ")
        .value(std::string(name(plan.status)))
        .text(", regulation_number = ");
    nullable(query, plan.regulation_number);
    query.text(", regulation_date = ");
    nullable(query, date_text(plan.regulation_date));
    query.text(", current_version = ")
        .value(static_cast<long long>(plan.current_version))
        .text(", updated_at = ")
        .value(now_text())
        .text(", version = version + 1");
    versioned_where(query, region, plan.id.value(), plan.version);
    return execute(session_, query) == 1;
  }

  Result<void> touch_plan(RegionId region, PlanId plan) override {
    BoundQuery query("UPDATE plans SET content_version = content_version + 1 WHERE region_id = ");
    query.value(region.value()).text(" AND id = ").value(plan.value());
    execute(session_, query);
    return success();
  }

  // --- Nodes ---

  Result<std::vector<NodeRecord>> national_priorities() override {
    BoundQuery query(kNodeColumns);
    query.text("WHERE region_id IS NULL AND plan_id IS NULL");
    auto nodes = db::collect_rows<NodeColumns>(session_, query);
    std::sort(nodes.begin(), nodes.end(), [](const NodeRecord& left, const NodeRecord& right) {
      return std::tie(left.code, left.id) < std::tie(right.code, right.id);
    });
    return nodes;
  }

  Result<std::vector<NodeRecord>> plan_nodes(RegionId region, PlanId plan) override {
    BoundQuery query(kNodeColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND plan_id = ")
        .value(as_long(plan.value()));
    auto nodes = db::collect_rows<NodeColumns>(session_, query);
    sort_nodes(nodes);
    return nodes;
  }

  Result<std::optional<NodeRecord>> find_node(RegionId region, NodeId id) override {
    BoundQuery query(kNodeColumns);
    query.text("WHERE id = ").value(as_long(id.value()));
    region_or_national(query, region);
    return first<NodeColumns>(query);
  }

  Result<NodeRecord> insert_node(RegionId region, const NodeRecord& node) override {
    long long id = 0;
    // A national priority is stored without region (and without plan).
    NullableInteger region_id(node.plan_id ? std::optional<std::int64_t>(region.value()) : std::nullopt);
    NullableInteger plan_id(id_value(node.plan_id));
    NullableInteger agency_id(id_value(node.agency_id));
    NullableInteger parent_id(id_value(node.parent_id));
    NullableText field_code(node.field_code);
    std::string kind(name(node.kind));
    int builtin = node.builtin ? 1 : 0;
    std::string now = now_text();
    session_ << "INSERT INTO plan_nodes (region_id, plan_id, agency_id, parent_id, kind, code, title, "
                "field_code, builtin, version, created_at, updated_at) VALUES (:region_id, :plan_id, "
                ":agency_id, :parent_id, :kind, :code, :title, :field_code, :builtin, 1, :created_at, "
                ":updated_at) RETURNING id",
        soci::use(region_id.value, region_id.indicator), soci::use(plan_id.value, plan_id.indicator),
        soci::use(agency_id.value, agency_id.indicator), soci::use(parent_id.value, parent_id.indicator),
        soci::use(kind), soci::use(node.code), soci::use(node.title),
        soci::use(field_code.value, field_code.indicator), soci::use(builtin), soci::use(now), soci::use(now),
        soci::into(id);
    NodeRecord stored = node;
    stored.id = NodeId(id);
    stored.version = 1;
    return stored;
  }

  Result<bool> update_node(RegionId region, const NodeRecord& node) override {
    BoundQuery query("UPDATE plan_nodes SET code = ");
    query.value(node.code).text(", title = ").value(node.title).text(", parent_id = ");
    nullable(query, id_value(node.parent_id));
    query.text(", agency_id = ");
    nullable(query, id_value(node.agency_id));
    query.text(", field_code = ");
    nullable(query, node.field_code);
    query.text(", updated_at = ")
        .value(now_text())
        .text(", version = version + 1 WHERE id = ")
        .value(as_long(node.id.value()))
        .text(" AND version = ")
        .value(as_long(node.version));
    region_or_national(query, region);
    return execute(session_, query) == 1;
  }

  Result<void> insert_nodes(RegionId region, const std::vector<NodeRecord>& nodes) override {
    if (nodes.empty()) {
      return success();
    }
    const std::string region_text = region.to_string();
    const std::string now = now_text();
    auto text_of = [](const auto& id) {
      return id ? std::optional<std::string>(id->to_string()) : std::nullopt;
    };
    std::vector<db::BulkRow> rows;
    rows.reserve(nodes.size());
    for (const NodeRecord& node : nodes) {
      rows.push_back(db::BulkRow{region_text, text_of(node.plan_id), text_of(node.agency_id),
                                 text_of(node.parent_id), std::string(name(node.kind)), node.code, node.title,
                                 node.field_code, "0", "1", now, now});
    }
    TRY(db::bulk_insert(session_, backend_, "plan_nodes",
                        {"region_id", "plan_id", "agency_id", "parent_id", "kind", "code", "title",
                         "field_code", "builtin", "version", "created_at", "updated_at"},
                        rows));
    return success();
  }

  Result<std::int64_t> count_links_to(NodeId node) override {
    long long total = 0;
    const long long node_id = node.value();
    session_ << "SELECT COUNT(*) FROM alignment_links WHERE to_node_id = :node", soci::use(node_id),
        soci::into(total);
    return static_cast<std::int64_t>(total);
  }

  // --- The national nomenclature list ---

  Result<NomenclaturePage> nomenclature(const NomenclatureQuery& request) override {
    auto add_filters = [&](BoundQuery& query) {
      query.text(" WHERE 1 = 1");
      if (request.level) {
        query.text(" AND level = ").value(std::string(name(*request.level)));
      }
      if (!request.code_prefix.empty()) {
        query.text(" AND (code = ")
            .value(request.code_prefix)
            .text(" OR code LIKE ")
            .value(contains_pattern(request.code_prefix).substr(1))
            .text(" ESCAPE '\\')");
      }
      if (!request.search.empty()) {
        const std::string pattern = contains_pattern(request.search);
        query.text(" AND (LOWER(name) LIKE ")
            .value(pattern)
            .text(" ESCAPE '\\' OR code LIKE ")
            .value(pattern)
            .text(" ESCAPE '\\')");
      }
    };
    NomenclaturePage page;
    BoundQuery count("SELECT COUNT(*) FROM nomenclature_entries");
    add_filters(count);
    struct CountColumns {
      long long total = 0;
      void exchange_into(soci::statement& statement) { statement.exchange(soci::into(total)); }
      long long record() const { return total; }
    };
    for (long long total : db::collect_rows<CountColumns>(session_, count)) {
      page.total = total;
    }
    BoundQuery query(kNomenclatureColumns);
    add_filters(query);
    query.text(" ORDER BY code");
    if (request.limit > 0) {
      query.text(" LIMIT ").value(as_long(request.limit)).text(" OFFSET ").value(as_long(request.offset));
    }
    page.items = db::collect_rows<NomenclatureColumns>(session_, query);
    return page;
  }

  Result<std::vector<NomenclatureEntry>> nomenclature_entries() override {
    BoundQuery query(kNomenclatureColumns);
    query.text("ORDER BY code");
    return db::collect_rows<NomenclatureColumns>(session_, query);
  }

  Result<void> insert_nomenclature(const std::vector<NomenclatureEntry>& entries) override {
    if (entries.empty()) {
      return success();
    }
    const std::string now = now_text();
    std::vector<db::BulkRow> rows;
    rows.reserve(entries.size());
    for (const NomenclatureEntry& entry : entries) {
      rows.push_back(db::BulkRow{entry.code, std::string(name(entry.level)), entry.field_code, entry.name,
                                 entry.performance, entry.indicator, entry.unit, now});
    }
    TRY(db::bulk_insert(
        session_, backend_, "nomenclature_entries",
        {"code", "level", "field_code", "name", "performance", "indicator", "unit", "updated_at"}, rows));
    return success();
  }

  Result<void> update_nomenclature(const NomenclatureEntry& entry) override {
    BoundQuery query("UPDATE nomenclature_entries SET level = ");
    query.value(std::string(name(entry.level))).text(", field_code = ");
    nullable(query, entry.field_code);
    query.text(", name = ")
        .value(entry.name)
        .text(", performance = ")
        .value(entry.performance)
        .text(", indicator = ")
        .value(entry.indicator)
        .text(", unit = ")
        .value(entry.unit)
        .text(", updated_at = ")
        .value(now_text())
        .text(" WHERE code = ")
        .value(entry.code);
    execute(session_, query);
    return success();
  }

  Result<void> delete_node(RegionId region, NodeId id) override {
    const long long region_id = region.value();
    const long long node_id = id.value();
    // The indicators of the node, their revision changes and targets.
    for (std::string_view table : {"plan_revision_changes", "indicator_targets"}) {
      BoundQuery query("DELETE FROM ");
      query.text(table)
          .text(" WHERE region_id = ")
          .value(region_id)
          .text(" AND indicator_id IN (SELECT id FROM indicators WHERE region_id = ")
          .value(region_id)
          .text(" AND node_id = ")
          .value(node_id)
          .text(")");
      execute(session_, query);
    }
    BoundQuery indicators("DELETE FROM indicators WHERE region_id = ");
    indicators.value(region_id).text(" AND node_id = ").value(node_id);
    execute(session_, indicators);
    BoundQuery links("DELETE FROM alignment_links WHERE region_id = ");
    links.value(region_id).text(" AND from_node_id = ").value(node_id);
    execute(session_, links);
    BoundQuery node("DELETE FROM plan_nodes WHERE id = ");
    node.value(node_id);
    region_or_national(node, region);
    execute(session_, node);
    return success();
  }

  // --- Alignment links ---

  Result<std::vector<LinkRecord>> plan_links(RegionId region, PlanId plan) override {
    BoundQuery query(kLinkColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND plan_id = ")
        .value(as_long(plan.value()))
        .text(" ORDER BY id");
    return db::collect_rows<LinkColumns>(session_, query);
  }

  Result<std::optional<LinkRecord>> find_link(RegionId region, LinkId id) override {
    BoundQuery query(kLinkColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND id = ")
        .value(as_long(id.value()));
    return first<LinkColumns>(query);
  }

  Result<LinkRecord> insert_link(RegionId region, const LinkRecord& link) override {
    long long id = 0;
    long long region_id = region.value();
    long long plan_id = link.plan_id.value();
    long long from = link.from.value();
    long long to = link.to.value();
    NullableText weight(decimal_text(link.weight));
    std::string now = now_text();
    session_ << "INSERT INTO alignment_links (region_id, plan_id, from_node_id, to_node_id, weight, "
                "created_at) VALUES (:region_id, :plan_id, :from_node_id, :to_node_id, :weight, :created_at) "
                "RETURNING id",
        soci::use(region_id), soci::use(plan_id), soci::use(from), soci::use(to),
        soci::use(weight.value, weight.indicator), soci::use(now), soci::into(id);
    LinkRecord stored = link;
    stored.id = LinkId(id);
    return stored;
  }

  Result<void> update_link_weight(RegionId region, LinkId id, const std::optional<Decimal>& weight) override {
    BoundQuery query("UPDATE alignment_links SET weight = ");
    nullable(query, decimal_text(weight));
    query.text(" WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND id = ")
        .value(as_long(id.value()));
    execute(session_, query);
    return success();
  }

  Result<void> delete_link(RegionId region, LinkId id) override {
    BoundQuery query("DELETE FROM alignment_links WHERE region_id = ");
    query.value(as_long(region.value())).text(" AND id = ").value(as_long(id.value()));
    execute(session_, query);
    return success();
  }

  // --- Indicators ---

  Result<std::vector<IndicatorRecord>> plan_indicators(RegionId region, PlanId plan) override {
    BoundQuery query(kIndicatorColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND plan_id = ")
        .value(as_long(plan.value()));
    auto indicators = db::collect_rows<IndicatorColumns>(session_, query);
    std::sort(
        indicators.begin(), indicators.end(), [](const IndicatorRecord& left, const IndicatorRecord& right) {
          return std::tie(left.node_id, left.code, left.id) < std::tie(right.node_id, right.code, right.id);
        });
    // Every target of the plan in one statement.
    BoundQuery targets(
        "SELECT t.indicator_id, t.year, t.target_value, t.lower_bound, t.upper_bound FROM indicator_targets "
        "t "
        "JOIN indicators i ON i.id = t.indicator_id WHERE t.region_id = ");
    targets.value(as_long(region.value()))
        .text(" AND i.region_id = ")
        .value(as_long(region.value()))
        .text(" AND i.plan_id = ")
        .value(as_long(plan.value()))
        .text(" ORDER BY t.indicator_id, t.year");
    attach<TargetColumns>(indicators, targets, &TargetColumns::indicator_id, &IndicatorRecord::targets);
    return indicators;
  }

  Result<std::optional<IndicatorRecord>> find_indicator(RegionId region, IndicatorId id) override {
    BoundQuery query(kIndicatorColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND id = ")
        .value(as_long(id.value()));
    auto found = first<IndicatorColumns>(query);
    if (found.ok() && found.value()) {
      found.value()->targets = targets_of(region, id);
    }
    return found;
  }

  Result<IndicatorRecord> insert_indicator(RegionId region, const IndicatorRecord& indicator) override {
    long long id = 0;
    long long region_id = region.value();
    long long plan_id = indicator.plan_id.value();
    long long node_id = indicator.node_id.value();
    std::string polarity(name(indicator.polarity));
    std::string formula_variant(name(indicator.formula_variant));
    std::string aggregation(name(indicator.aggregation));
    NullableInteger baseline_year(int_value(indicator.baseline_year));
    NullableText baseline_value(decimal_text(indicator.baseline_value));
    NullableText data_source_kind(enum_text(indicator.data_source_kind));
    NullableInteger responsible_agency(id_value(indicator.responsible_agency_id));
    int key_indicator = indicator.key_indicator ? 1 : 0;
    NullableText spm_service(indicator.spm_service);
    std::string now = now_text();
    session_ << "INSERT INTO indicators (region_id, plan_id, node_id, code, name, unit, definition, "
                "formula_text, polarity, formula_variant, aggregation, baseline_year, baseline_value, "
                "data_source_kind, data_source_name, data_source_reference, responsible_agency_id, "
                "key_indicator, spm_service, version, created_at, updated_at) VALUES (:region_id, :plan_id, "
                ":node_id, :code, :name, :unit, :definition, :formula_text, :polarity, :formula_variant, "
                ":aggregation, :baseline_year, :baseline_value, :data_source_kind, :data_source_name, "
                ":data_source_reference, :responsible_agency_id, :key_indicator, :spm_service, 1, "
                ":created_at, :updated_at) RETURNING id",
        soci::use(region_id), soci::use(plan_id), soci::use(node_id), soci::use(indicator.code),
        soci::use(indicator.name), soci::use(indicator.unit), soci::use(indicator.definition),
        soci::use(indicator.formula_text), soci::use(polarity), soci::use(formula_variant),
        soci::use(aggregation), soci::use(baseline_year.value, baseline_year.indicator),
        soci::use(baseline_value.value, baseline_value.indicator),
        soci::use(data_source_kind.value, data_source_kind.indicator), soci::use(indicator.data_source_name),
        soci::use(indicator.data_source_reference),
        soci::use(responsible_agency.value, responsible_agency.indicator), soci::use(key_indicator),
        soci::use(spm_service.value, spm_service.indicator), soci::use(now), soci::use(now), soci::into(id);
    IndicatorRecord stored = indicator;
    stored.id = IndicatorId(id);
    stored.version = 1;
    insert_targets(region, stored.id, indicator.targets);
    stored.targets = sorted_targets(indicator.targets);
    return stored;
  }

  Result<bool> update_indicator(RegionId region, const IndicatorRecord& indicator) override {
    BoundQuery query("UPDATE indicators SET code = ");
    query.value(indicator.code)
        .text(", name = ")
        .value(indicator.name)
        .text(", unit = ")
        .value(indicator.unit)
        .text(", definition = ")
        .value(indicator.definition)
        .text(", formula_text = ")
        .value(indicator.formula_text)
        .text(", polarity = ")
        .value(std::string(name(indicator.polarity)))
        .text(", formula_variant = ")
        .value(std::string(name(indicator.formula_variant)))
        .text(", aggregation = ")
        .value(std::string(name(indicator.aggregation)))
        .text(", baseline_year = ");
    nullable(query, int_value(indicator.baseline_year));
    query.text(", baseline_value = ");
    nullable(query, decimal_text(indicator.baseline_value));
    query.text(", data_source_kind = ");
    nullable(query, enum_text(indicator.data_source_kind));
    query.text(", data_source_name = ")
        .value(indicator.data_source_name)
        .text(", data_source_reference = ")
        .value(indicator.data_source_reference)
        .text(", responsible_agency_id = ");
    nullable(query, id_value(indicator.responsible_agency_id));
    query.text(", key_indicator = ").value(indicator.key_indicator ? 1LL : 0LL).text(", spm_service = ");
    nullable(query, indicator.spm_service);
    query.text(", updated_at = ").value(now_text()).text(", version = version + 1");
    versioned_where(query, region, indicator.id.value(), indicator.version);
    if (execute(session_, query) != 1) {
      return false;
    }
    delete_targets(region, indicator.id);
    insert_targets(region, indicator.id, indicator.targets);
    return true;
  }

  Result<void> replace_targets(RegionId region, IndicatorId id, const std::vector<Target>& targets) override {
    if (!indicator_exists(region, id)) {
      return success();  // not an indicator of this region: nothing of it to replace
    }
    delete_targets(region, id);
    insert_targets(region, id, targets);
    return success();
  }

  Result<void> delete_indicator(RegionId region, IndicatorId id) override {
    const long long region_id = region.value();
    const long long indicator_id = id.value();
    for (std::string_view table : {"plan_revision_changes", "indicator_targets"}) {
      BoundQuery query("DELETE FROM ");
      query.text(table)
          .text(" WHERE region_id = ")
          .value(region_id)
          .text(" AND indicator_id = ")
          .value(indicator_id);
      execute(session_, query);
    }
    BoundQuery query("DELETE FROM indicators WHERE region_id = ");
    query.value(region_id).text(" AND id = ").value(indicator_id);
    execute(session_, query);
    return success();
  }

  // --- Versions ---

  Result<std::vector<PlanVersionRecord>> plan_versions(RegionId region, PlanId plan) override {
    BoundQuery query(kVersionColumns);
    query.text(" FROM plan_versions WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND plan_id = ")
        .value(as_long(plan.value()))
        .text(" ORDER BY number");
    return db::collect_rows<VersionColumns>(session_, query);
  }

  Result<std::optional<PlanVersionRecord>> find_plan_version(RegionId region, PlanId plan,
                                                             int number) override {
    BoundQuery query(kVersionColumns);
    query.text(", snapshot FROM plan_versions WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND plan_id = ")
        .value(as_long(plan.value()))
        .text(" AND number = ")
        .value(static_cast<long long>(number));
    std::optional<PlanVersionRecord> found;
    VersionColumns columns;
    columns.with_snapshot = true;
    for_each_row(session_, query, columns, [&] {
      if (!found) {
        found = columns.record();
      }
    });
    return found;
  }

  Result<void> insert_plan_version(RegionId region, PlanId plan, const PlanVersionRecord& version) override {
    long long region_id = region.value();
    long long plan_id = plan.value();
    int number = version.number;
    std::string kind(name(version.kind));
    NullableInteger revision_id(id_value(version.revision_id));
    NullableInteger approved_by(version.approved_by_user_id);
    std::string approved_at = version.approved_at.empty() ? now_text() : version.approved_at;
    session_
        << "INSERT INTO plan_versions (region_id, plan_id, number, kind, revision_id, reason, "
           "approved_by_user_id, approved_by_name, approved_at, snapshot) VALUES (:region_id, :plan_id, "
           ":number, :kind, :revision_id, :reason, :approved_by_user_id, :approved_by_name, :approved_at, "
           ":snapshot)",
        soci::use(region_id), soci::use(plan_id), soci::use(number), soci::use(kind),
        soci::use(revision_id.value, revision_id.indicator), soci::use(version.reason),
        soci::use(approved_by.value, approved_by.indicator), soci::use(version.approved_by_name),
        soci::use(approved_at), soci::use(version.snapshot);
    return success();
  }

  // --- Revisions ---

  Result<std::vector<RevisionRecord>> plan_revisions(RegionId region, PlanId plan) override {
    BoundQuery query(kRevisionColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND plan_id = ")
        .value(as_long(plan.value()))
        .text(" ORDER BY proposed_at DESC, id DESC");
    auto revisions = db::collect_rows<RevisionColumns>(session_, query);
    // Every change of the plan's revisions in one statement.
    BoundQuery changes(kChangeColumns);
    changes.text("JOIN plan_revisions r ON r.id = c.revision_id WHERE c.region_id = ")
        .value(as_long(region.value()))
        .text(" AND r.region_id = ")
        .value(as_long(region.value()))
        .text(" AND r.plan_id = ")
        .value(as_long(plan.value()))
        .text(" ORDER BY c.revision_id, c.indicator_id, c.year");
    attach<ChangeColumns>(revisions, changes, &ChangeColumns::revision_id, &RevisionRecord::changes);
    return revisions;
  }

  Result<std::optional<RevisionRecord>> find_revision(RegionId region, RevisionId id) override {
    BoundQuery query(kRevisionColumns);
    query.text("WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND id = ")
        .value(as_long(id.value()));
    auto found = first<RevisionColumns>(query);
    if (found.ok() && found.value()) {
      BoundQuery changes(kChangeColumns);
      changes.text("WHERE c.region_id = ")
          .value(as_long(region.value()))
          .text(" AND c.revision_id = ")
          .value(as_long(id.value()))
          .text(" ORDER BY c.indicator_id, c.year");
      ChangeColumns columns;
      for_each_row(session_, changes, columns, [&] { found.value()->changes.push_back(columns.record()); });
    }
    return found;
  }

  Result<RevisionRecord> insert_revision(RegionId region, const RevisionRecord& revision) override {
    long long id = 0;
    long long region_id = region.value();
    long long plan_id = revision.plan_id.value();
    std::string status(name(revision.status));
    NullableInteger proposed_by(revision.proposed_by_user_id);
    NullableInteger decided_by(revision.decided_by_user_id);
    NullableText decided_at(revision.decided_at);
    NullableInteger version_number(int_value(revision.version_number));
    std::string now = now_text();
    session_
        << "INSERT INTO plan_revisions (region_id, plan_id, reason, status, proposed_by_user_id, "
           "proposed_by_name, proposed_at, decided_by_user_id, decided_by_name, decided_at, decision_note, "
           "version_number, version) VALUES (:region_id, :plan_id, :reason, :status, :proposed_by_user_id, "
           ":proposed_by_name, :proposed_at, :decided_by_user_id, :decided_by_name, :decided_at, "
           ":decision_note, :version_number, 1) RETURNING id",
        soci::use(region_id), soci::use(plan_id), soci::use(revision.reason), soci::use(status),
        soci::use(proposed_by.value, proposed_by.indicator), soci::use(revision.proposed_by_name),
        soci::use(now), soci::use(decided_by.value, decided_by.indicator),
        soci::use(revision.decided_by_name), soci::use(decided_at.value, decided_at.indicator),
        soci::use(revision.decision_note), soci::use(version_number.value, version_number.indicator),
        soci::into(id);
    RevisionRecord stored = revision;
    stored.id = RevisionId(id);
    stored.proposed_at = now;
    stored.version = 1;
    if (!revision.changes.empty()) {
      long long revision_id = id;
      long long indicator_id = 0;
      int year = 0;
      NullableText value(std::nullopt);
      NullableText lower(std::nullopt);
      NullableText upper(std::nullopt);
      NullableText previous_value(std::nullopt);
      NullableText previous_lower(std::nullopt);
      NullableText previous_upper(std::nullopt);
      soci::statement statement =
          (session_.prepare
               << "INSERT INTO plan_revision_changes (revision_id, region_id, indicator_id, year, "
                  "target_value, lower_bound, upper_bound, previous_value, previous_lower, "
                  "previous_upper) VALUES (:revision_id, :region_id, :indicator_id, :year, :value, "
                  ":lower, :upper, :previous_value, :previous_lower, :previous_upper)",
           soci::use(revision_id), soci::use(region_id), soci::use(indicator_id), soci::use(year),
           soci::use(value.value, value.indicator), soci::use(lower.value, lower.indicator),
           soci::use(upper.value, upper.indicator), soci::use(previous_value.value, previous_value.indicator),
           soci::use(previous_lower.value, previous_lower.indicator),
           soci::use(previous_upper.value, previous_upper.indicator));
      for (const TargetChange& change : revision.changes) {
        indicator_id = change.indicator_id.value();
        year = change.year;
        value = NullableText(decimal_text(change.value));
        lower = NullableText(decimal_text(change.lower));
        upper = NullableText(decimal_text(change.upper));
        previous_value = NullableText(decimal_text(change.previous_value));
        previous_lower = NullableText(decimal_text(change.previous_lower));
        previous_upper = NullableText(decimal_text(change.previous_upper));
        statement.execute(true);
      }
      std::sort(stored.changes.begin(), stored.changes.end(),
                [](const TargetChange& left, const TargetChange& right) {
                  return std::tie(left.indicator_id, left.year) < std::tie(right.indicator_id, right.year);
                });
    }
    return stored;
  }

  Result<bool> update_revision(RegionId region, const RevisionRecord& revision) override {
    BoundQuery query("UPDATE plan_revisions SET status = ");
    query.value(std::string(name(revision.status))).text(", decided_by_user_id = ");
    nullable(query, revision.decided_by_user_id);
    query.text(", decided_by_name = ").value(revision.decided_by_name).text(", decided_at = ");
    nullable(query, revision.decided_at);
    query.text(", decision_note = ").value(revision.decision_note).text(", version_number = ");
    nullable(query, int_value(revision.version_number));
    query.text(", version = version + 1");
    versioned_where(query, region, revision.id.value(), revision.version);
    return execute(session_, query) == 1;
  }

  Result<void> append_audit(const audit::AuditEvent& event) override {
    TRY(audit::append(session_, backend_, event, clock_));
    return success();
  }

 private:
  std::string now_text() const { return format_iso8601_utc_milliseconds(clock_.now()); }

  static void nullable(BoundQuery& query, const std::optional<std::string>& value) {
    if (value) {
      query.value(*value);
    } else {
      query.text("NULL");
    }
  }
  static void nullable(BoundQuery& query, const std::optional<std::int64_t>& value) {
    if (value) {
      query.value(static_cast<long long>(*value));
    } else {
      query.text("NULL");
    }
  }
  static void versioned_where(BoundQuery& query, RegionId region, std::int64_t id, std::int64_t version) {
    query.text(" WHERE region_id = ")
        .value(as_long(region.value()))
        .text(" AND id = ")
        .value(as_long(id))
        .text(" AND version = ")
        .value(as_long(version));
  }
  // A node of the region, or a national priority (no region).
  static void region_or_national(BoundQuery& query, RegionId region) {
    query.text(" AND (region_id = ").value(as_long(region.value())).text(" OR region_id IS NULL)");
  }

  // Appends each row of `query` to the parent whose id is in the row's `parent` column, in the
  // query's order: the targets of indicators, the changes of revisions, read in one statement.
  template <typename Columns, typename Parent, typename Child>
  void attach(std::vector<Parent>& parents, BoundQuery& query, long long Columns::*parent,
              std::vector<Child> Parent::*children) {
    std::unordered_map<std::int64_t, std::size_t> index_of;
    index_of.reserve(parents.size());
    for (std::size_t index = 0; index < parents.size(); ++index) {
      index_of.emplace(parents[index].id.value(), index);
    }
    Columns columns;
    for_each_row(session_, query, columns, [&] {
      const auto found = index_of.find(columns.*parent);
      if (found != index_of.end()) {
        (parents[found->second].*children).push_back(columns.record());
      }
    });
  }

  template <typename Columns>
  Result<std::optional<decltype(std::declval<Columns>().record())>> first(BoundQuery& query) {
    std::optional<decltype(std::declval<Columns>().record())> found;
    Columns columns;
    for_each_row(session_, query, columns, [&] {
      if (!found) {
        found = columns.record();
      }
    });
    return found;
  }

  static std::vector<Target> sorted_targets(std::vector<Target> targets) {
    std::sort(targets.begin(), targets.end(),
              [](const Target& left, const Target& right) { return left.year < right.year; });
    return targets;
  }

  std::vector<Target> targets_of(RegionId region, IndicatorId id) {
    BoundQuery query(
        "SELECT indicator_id, year, target_value, lower_bound, upper_bound FROM indicator_targets WHERE "
        "region_id = ");
    query.value(as_long(region.value()))
        .text(" AND indicator_id = ")
        .value(as_long(id.value()))
        .text(" ORDER BY year");
    std::vector<Target> targets;
    TargetColumns columns;
    for_each_row(session_, query, columns, [&] { targets.push_back(columns.record()); });
    return targets;
  }

  bool indicator_exists(RegionId region, IndicatorId id) {
    BoundQuery query("SELECT COUNT(*) FROM indicators WHERE region_id = ");
    query.value(as_long(region.value())).text(" AND id = ").value(as_long(id.value()));
    struct Columns {
      long long count = 0;
      void exchange_into(soci::statement& statement) { statement.exchange(soci::into(count)); }
    } columns;
    for_each_row(session_, query, columns, [] {});
    return columns.count > 0;
  }

  void delete_targets(RegionId region, IndicatorId id) {
    BoundQuery query("DELETE FROM indicator_targets WHERE region_id = ");
    query.value(as_long(region.value())).text(" AND indicator_id = ").value(as_long(id.value()));
    execute(session_, query);
  }

  // REQUIRES: the indicator is of `region`.
  void insert_targets(RegionId region, IndicatorId id, const std::vector<Target>& targets) {
    if (targets.empty()) {
      return;
    }
    long long indicator_id = id.value();
    long long region_id = region.value();
    int year = 0;
    NullableText value(std::nullopt);
    NullableText lower(std::nullopt);
    NullableText upper(std::nullopt);
    soci::statement statement =
        (session_.prepare
             << "INSERT INTO indicator_targets (indicator_id, region_id, year, target_value, "
                "lower_bound, upper_bound) VALUES (:indicator_id, :region_id, :year, :value, :lower, "
                ":upper)",
         soci::use(indicator_id), soci::use(region_id), soci::use(year),
         soci::use(value.value, value.indicator), soci::use(lower.value, lower.indicator),
         soci::use(upper.value, upper.indicator));
    for (const Target& target : targets) {
      year = target.year;
      value = NullableText(decimal_text(target.value));
      lower = NullableText(decimal_text(target.lower));
      upper = NullableText(decimal_text(target.upper));
      statement.execute(true);
    }
  }

  soci::session& session_;
  db::Backend backend_;
  const Clock& clock_;
};

}  // namespace

std::unique_ptr<PlanningRepository> make_sql_planning_repository(db::Database& database, const Clock& clock) {
  return std::make_unique<db::SqlRepository<PlanningRepository, SqlPlanningStore>>(database, clock);
}

}  // namespace sinergi::planning
