#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "contexts/performance/agreement.h"
#include "contexts/performance/scale_choice.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"
#include "core/tenancy.h"

// The performance context's storage port (migration 0008): agreements, reporting windows,
// realizations and their evidence. Every call names the region and the adapter filters every
// statement on it. Updates are optimistic: they apply only when the record's `version` is the
// stored one, store version + 1, and answer false otherwise. An agreement's or realization's
// state is its workflow item's, read with it and moved only through workflow().

namespace sinergi {
class Clock;
}
namespace sinergi::db {
class Database;
}
namespace sinergi::audit {
struct AuditEvent;
}
namespace sinergi::workflow {
class WorkflowStore;
}

namespace sinergi::performance {

using RealizationId = Id<struct RealizationTag>;
using EvidenceId = Id<struct EvidenceTag>;

struct AgreementRecord {
  AgreementId id{0};
  AgencyId agency_id{0};
  int year = 0;
  int number = 1;  // 1: original (murni); 2, 3, ...: revisions (perubahan)
  std::optional<AgreementId> previous_id;
  std::string revision_reason;
  AgreementContent content;
  std::optional<std::string> document_sha256;  // taken on submission
  std::int64_t workflow_item_id = 0;
  bool superseded = false;
  std::string created_by_name;
  std::string created_at;  // set by the store
  std::string updated_at;
  std::int64_t version = 1;
  std::string state;  // the workflow item's (read only)
};

struct AgreementFilter {
  std::optional<AgencyId> agency_id;
  std::optional<int> year;
};

struct ReportingWindow {
  int year = 0;
  int quarter = 1;
  Date opens_on{};
  Date closes_on{};
  bool operator==(const ReportingWindow&) const = default;
};

struct RealizationRecord {
  RealizationId id{0};
  AgencyId agency_id{0};
  std::int64_t indicator_id = 0;
  int year = 0;
  int quarter = 1;
  AgreementId agreement_id{0};
  std::optional<Decimal> value;           // the agency's
  std::optional<Decimal> verified_value;  // the planning agency's
  std::string data_source;
  std::string supporting_factors;
  std::string inhibiting_factors;
  std::string follow_up_plan;
  std::string verifier_note;
  std::optional<std::string> submitted_at;
  bool late = false;
  std::optional<std::string> verified_at;
  std::int64_t workflow_item_id = 0;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::string state;  // the workflow item's (read only)
};

struct RealizationFilter {
  std::optional<AgencyId> agency_id;
  std::optional<int> year;
  std::optional<int> quarter;
  std::optional<std::string> state;
};

enum class EvidenceKind { file, link };

struct EvidenceRecord {
  EvidenceId id{0};
  RealizationId realization_id{0};
  EvidenceKind kind = EvidenceKind::file;
  std::optional<std::string> sha256;  // files
  std::string file_name;              // files: as uploaded; links: the title
  std::string media_type;
  std::int64_t size_bytes = 0;
  std::string url;  // links
  std::string added_by_name;
  std::string added_at;  // set by the store
};

class PerformanceStore {
 public:
  virtual ~PerformanceStore() = default;

  // --- Agreements, by agency, year and number ---
  virtual Result<std::vector<AgreementRecord>> agreements(RegionId region, const AgreementFilter& filter) = 0;
  virtual Result<std::optional<AgreementRecord>> find_agreement(RegionId region, AgreementId id) = 0;
  // Sets id, version 1, created_at and updated_at.
  virtual Result<AgreementRecord> insert_agreement(RegionId region, const AgreementRecord& agreement) = 0;
  // Content, hash, revision reason and superseded; sets updated_at.
  virtual Result<bool> update_agreement(RegionId region, const AgreementRecord& agreement) = 0;

  // --- Reporting windows ---
  virtual Result<std::vector<ReportingWindow>> windows(RegionId region, int year) = 0;
  virtual Result<void> put_window(RegionId region, const ReportingWindow& window) = 0;
  virtual Result<void> delete_window(RegionId region, int year, int quarter) = 0;

  // --- The region's own predicate scales, every version, never changed ---
  // Ordered by name and version.
  virtual Result<std::vector<PredicateScale>> own_scales(RegionId region) = 0;
  virtual Result<void> insert_own_scale(RegionId region, const PredicateScale& scale,
                                        const std::string& created_by_name) = 0;

  // --- Predicate scale choices, one per year ---
  // Ordered by year; only `year`'s when given.
  virtual Result<std::vector<ScaleChoice>> scale_choices(RegionId region, std::optional<int> year) = 0;
  // Inserts the year's choice when choice.version is 0, else updates the row still at that
  // version (storing version + 1); sets chosen_at. False when the year's row moved or exists.
  virtual Result<bool> put_scale_choice(RegionId region, const ScaleChoice& choice) = 0;

  // --- Realizations ---
  // Ordered by agency, year, quarter, indicator.
  virtual Result<std::vector<RealizationRecord>> realizations(RegionId region,
                                                              const RealizationFilter& filter) = 0;
  virtual Result<std::optional<RealizationRecord>> find_realization(RegionId region, RealizationId id) = 0;
  // Sets id, version 1, created_at and updated_at.
  virtual Result<RealizationRecord> insert_realization(RegionId region,
                                                       const RealizationRecord& realization) = 0;
  // Every field but the key, agreement and workflow item; sets updated_at.
  virtual Result<bool> update_realization(RegionId region, const RealizationRecord& realization) = 0;

  // --- Evidence ---
  virtual Result<std::vector<EvidenceRecord>> evidence(RegionId region,
                                                       const std::vector<RealizationId>& of) = 0;
  virtual Result<std::optional<EvidenceRecord>> find_evidence(RegionId region, EvidenceId id) = 0;
  virtual Result<EvidenceRecord> insert_evidence(RegionId region, const EvidenceRecord& evidence) = 0;
  virtual Result<void> delete_evidence(RegionId region, EvidenceId id) = 0;

  // The workflow items of this transaction.
  virtual workflow::WorkflowStore& workflow() = 0;
  virtual Result<void> append_audit(const audit::AuditEvent& event) = 0;
};

class PerformanceRepository {
 public:
  using Work = std::function<Result<void>(PerformanceStore&)>;

  virtual ~PerformanceRepository() = default;
  virtual Result<void> write(const Work& work) = 0;
  virtual Result<void> read(const Work& work) = 0;
};

// REQUIRES: `database` and `clock` outlive the repository; the schema is migrated.
std::unique_ptr<PerformanceRepository> make_sql_performance_repository(db::Database& database,
                                                                       const Clock& clock);

}  // namespace sinergi::performance
