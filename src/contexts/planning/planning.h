#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/performance/achievement.h"
#include "contexts/planning/alignment.h"
#include "contexts/planning/nomenclature.h"
#include "contexts/planning/target.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/id.h"
#include "core/tenancy.h"

// The stored records of the planning cascade (issue 5) and their vocabularies. Region
// ownership is implicit: a record belongs to the region it was read from, and the store
// takes the region id on every call. National priorities belong to no region.
//
// Each vocabulary enum has name(X), the code the API and the database use, and parse_X(),
// which accepts exactly that code (surrounding whitespace ignored, any case).

namespace sinergi::planning {

using PlanId = Id<struct PlanTag>;
using NodeId = Id<struct PlanNodeTag>;
using LinkId = Id<struct AlignmentLinkTag>;
using IndicatorId = Id<struct IndicatorTag>;
using RevisionId = Id<struct PlanRevisionTag>;

std::optional<PlanNodeKind> parse_plan_node_kind(std::string_view text);

// RPJMD (five-year plan of an elected head) or RPD (transitional plan without one).
enum class PlanKind { rpjmd, rpd };
std::string_view name(PlanKind kind);
std::optional<PlanKind> parse_plan_kind(std::string_view text);

enum class PlanStatus { draft, adopted };
std::string_view name(PlanStatus status);
std::optional<PlanStatus> parse_plan_status(std::string_view text);

// Polarity, formula variant (RULES.md section 1) and period aggregation (section 2) are the
// achievement engine's: an indicator is planned here and measured there with the same words.
using performance::Aggregation;
using performance::fits;
using performance::FormulaVariant;
using performance::parse_aggregation;
using performance::parse_formula_variant;
using performance::parse_polarity;
using performance::Polarity;

// Where an indicator's values come from: BPS, the planning agency, a named sector system
// (SIPD, e-Monev, Dapodik, ...), or the agency's own records.
enum class DataSourceKind { bps, planning_agency, sector_system, agency };
std::string_view name(DataSourceKind kind);
std::optional<DataSourceKind> parse_data_source_kind(std::string_view text);

enum class PlanVersionKind { adoption, revision };
std::string_view name(PlanVersionKind kind);
std::optional<PlanVersionKind> parse_plan_version_kind(std::string_view text);

enum class RevisionStatus { proposed, approved, rejected };
std::string_view name(RevisionStatus status);
std::optional<RevisionStatus> parse_revision_status(std::string_view text);

// RPJMD / RPD of one region.
struct PlanRecord {
  PlanId id{0};
  PlanKind kind = PlanKind::rpjmd;
  std::string title;
  PlanPeriod period;
  std::string vision;
  PlanStatus status = PlanStatus::draft;
  std::optional<std::string> regulation_number;  // "Perda Provinsi Kalimantan Timur Nomor 5 Tahun 2025"
  std::optional<Date> regulation_date;
  int current_version = 0;  // newest plan version (0: never adopted)
  std::int64_t version = 1;
  // Moves with every change of the plan's nodes, links, indicators or targets (touch_plan).
  std::int64_t content_version = 1;
  std::string created_at;  // ISO-8601 UTC, set by the store
  std::string updated_at;
};

// One node of the cascade. National priorities have no plan (and no region).
struct NodeRecord {
  NodeId id{0};
  std::optional<PlanId> plan_id;
  std::optional<AgencyId> agency_id;  // agency goals, objectives, programs and below
  std::optional<NodeId> parent_id;    // the hierarchy parent (see the migration)
  PlanNodeKind kind = PlanNodeKind::program;
  std::string code;
  std::string title;
  std::optional<std::string> field_code;  // "1.02" for nomenclature nodes of one field
  bool builtin = false;                   // seeded Asta Cita, read-only
  std::int64_t version = 1;
};

// One entry of the national nomenclature list (Kepmendagri 050-5889/2021 and its updates):
// the standard name of a code, and for sub-activities their expected output (kinerja),
// output indicator and unit.
struct NomenclatureEntry {
  std::string code;  // "1.02.02.2.01.0016"
  NomenclatureLevel level = NomenclatureLevel::sub_activity;
  std::optional<std::string> field_code;  // "1.02"; none for an urusan
  std::string name;
  std::string performance;  // kinerja
  std::string indicator;    // indikator
  std::string unit;         // satuan
  std::string updated_at;
  bool operator==(const NomenclatureEntry&) const = default;
};

struct LinkRecord {
  LinkId id{0};
  PlanId plan_id{0};
  NodeId from{0};
  NodeId to{0};
  std::optional<Decimal> weight;
};

struct IndicatorRecord {
  IndicatorId id{0};
  PlanId plan_id{0};
  NodeId node_id{0};
  std::string code;  // optional label ("IKU-1"), may be empty
  std::string name;
  std::string unit;
  std::string definition;
  std::string formula_text;
  Polarity polarity = Polarity::higher_is_better;
  FormulaVariant formula_variant = FormulaVariant::ratio;
  Aggregation aggregation = Aggregation::last;
  std::optional<int> baseline_year;
  std::optional<Decimal> baseline_value;
  std::optional<DataSourceKind> data_source_kind;
  std::string data_source_name;       // "BPS Provinsi Kalimantan Timur", "SIPD", ...
  std::string data_source_reference;  // dataset, table, method version
  std::optional<AgencyId> responsible_agency_id;
  bool key_indicator = false;              // IKU
  std::optional<std::string> spm_service;  // an SPM service name (spm_services_province.csv)
  std::vector<Target> targets;             // ordered by year, at most one per year
  std::int64_t version = 1;
};

struct PlanVersionRecord {
  int number = 0;
  PlanVersionKind kind = PlanVersionKind::adoption;
  std::optional<RevisionId> revision_id;
  std::string reason;
  std::optional<std::int64_t> approved_by_user_id;
  std::string approved_by_name;
  std::string approved_at;  // ISO-8601 UTC
  std::string snapshot;     // JSON; empty when read in a list
};

// One year's target of one indicator in a revision: the new target (all unset: remove it)
// and the one it replaces (all unset: there was none).
struct TargetChange {
  IndicatorId indicator_id{0};
  int year = 0;
  std::optional<Decimal> value;
  std::optional<Decimal> lower;
  std::optional<Decimal> upper;
  std::optional<Decimal> previous_value;
  std::optional<Decimal> previous_lower;
  std::optional<Decimal> previous_upper;
};

struct RevisionRecord {
  RevisionId id{0};
  PlanId plan_id{0};
  std::string reason;
  RevisionStatus status = RevisionStatus::proposed;
  std::vector<TargetChange> changes;  // ordered by indicator, then year
  std::optional<std::int64_t> proposed_by_user_id;
  std::string proposed_by_name;
  std::string proposed_at;  // set by the store
  std::optional<std::int64_t> decided_by_user_id;
  std::string decided_by_name;
  std::optional<std::string> decided_at;
  std::string decision_note;
  std::optional<int> version_number;
  std::int64_t version = 1;
};

}  // namespace sinergi::planning
