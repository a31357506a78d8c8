#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "contexts/performance/performance_directory.h"
#include "contexts/performance/performance_store.h"
#include "contexts/performance/realization.h"
#include "platform/audit/call_context.h"
#include "platform/files/content_store.h"

// Quarterly realization of the agreements in force (issue 6): entry with evidence, the
// verification workflow, reporting windows with late marking, the planning agency's queue,
// and the scorecards that read them.

namespace sinergi {
class Clock;
}

namespace sinergi::performance {

struct RealizationView {
  RealizationRecord record;
  std::string agency_code;
  std::vector<EvidenceRecord> evidence;
  std::vector<workflow::Step> timeline;
  std::vector<std::string> available;  // workflow steps the caller may take now
  bool editable = false;               // a draft the caller may edit
};

// One indicator of the agreement in force in one quarter.
struct QuarterRow {
  AgreementItem item;
  std::optional<RealizationView> realization;
};

struct QuarterReport {
  AgencyFacts agency;
  int year = 0;
  int quarter = 1;
  std::optional<AgreementRecord> agreement;  // in force; none: nothing to report against
  std::optional<ReportingWindow> window;
  // The caller may enter this agency's realization (before anything was saved, too): an
  // agreement is in force and the caller reports for the agency.
  bool can_report = false;
  std::vector<QuarterRow> rows;
  // Completeness and timeliness: indicators with a value, submitted or verified, verified,
  // submitted late.
  int with_value = 0;
  int submitted = 0;
  int verified = 0;
  int late = 0;
};

struct RealizationEntry {
  std::string agency_code;
  std::int64_t indicator_id = 0;
  int year = 0;
  int quarter = 1;
  std::optional<Decimal> value;
  std::string data_source;
  std::string supporting_factors;
  std::string inhibiting_factors;
  std::string follow_up_plan;
  std::optional<std::int64_t> version;  // required when the quarter was saved before
};

struct RealizationStep {
  std::string transition;  // submit, verify, return
  std::string comment;
  std::optional<Decimal> verified_value;  // verify: defaults to the agency's value
  std::int64_t version = 0;
};

struct EvidenceFile {
  std::string bytes;
  std::string media_type;
  std::string file_name;
};

struct QueueQuery {
  std::optional<std::string> agency_code;
  std::optional<int> year;
  std::optional<int> quarter;
};

struct QueueEntry {
  RealizationView realization;
  std::string indicator;
  std::string unit;
  std::optional<TargetValue> target;  // the quarter's cumulative target
  std::string waiting_since;          // when it was submitted
};

// An agreement item's quarters, achievements and trend.
struct ScorecardItem {
  AgreementItem item;
  std::array<QuarterValue, 4> quarters;
  std::vector<QuarterAchievement> trend;  // quarters 1..through
  // From the latest report up to the quarter that states them.
  std::string supporting_factors;
  std::string inhibiting_factors;
  std::string follow_up_plan;
};

struct Scorecard {
  AgencyFacts agency;
  int year = 0;
  int through_quarter = 1;
  std::optional<AgreementRecord> agreement;
  std::shared_ptr<const PredicateScale> scale;  // the year's (scale_service.h)
  std::vector<ScorecardItem> items;
  Rollup overall;                       // mean of the items' achievements through the quarter
  const PredicateBand* band = nullptr;  // of the overall achievement
};

// Every agency of the region for a year and quarter, best first (ranking).
struct RegionScorecardRow {
  AgencyFacts agency;
  bool has_agreement = false;
  Rollup overall;
  const PredicateBand* band = nullptr;
  int indicators = 0;
  int submitted = 0;
  int verified = 0;
  int late = 0;
};

struct RegionScorecard {
  int year = 0;
  int through_quarter = 1;
  std::shared_ptr<const PredicateScale> scale;  // the year's (scale_service.h)
  std::vector<RegionScorecardRow> rows;
  Rollup overall;  // mean of the agencies' achievements
  const PredicateBand* band = nullptr;
};

struct Explanation {
  AgreementItem item;
  QuarterAchievement result;
  std::vector<ExplanationStep> steps;
  std::shared_ptr<const PredicateScale> scale;  // the year's (scale_service.h)
};

class RealizationService {
 public:
  // REQUIRES: every argument outlives the service.
  RealizationService(PerformanceRepository& repository, const Clock& clock, PerformanceDirectory directory,
                     const files::ContentStore& evidence_store);

  Result<QuarterReport> quarter(const auth::Principal& caller, const std::string& agency_code, int year,
                                int quarter);
  Result<RealizationView> get(const auth::Principal& caller, RealizationId id);
  // Saves the agency's value and notes of one indicator and quarter (a draft; created on first
  // save). Refused: an indicator or year outside the agreement in force, a report no longer a
  // draft, a stale version.
  Result<RealizationView> save(const auth::Principal& caller, const RealizationEntry& entry,
                               const audit::CallContext& context);
  Result<RealizationView> take_step(const auth::Principal& caller, RealizationId id,
                                    const RealizationStep& step, const audit::CallContext& context);
  Result<RealizationView> add_file(const auth::Principal& caller, RealizationId id, std::string_view bytes,
                                   const std::string& file_name, const audit::CallContext& context);
  Result<RealizationView> add_link(const auth::Principal& caller, RealizationId id, const std::string& url,
                                   const std::string& title, const audit::CallContext& context);
  Result<RealizationView> remove_evidence(const auth::Principal& caller, RealizationId id,
                                          EvidenceId evidence, const audit::CallContext& context);
  Result<EvidenceFile> evidence_file(const auth::Principal& caller, EvidenceId evidence);

  // Submitted reports waiting for verification, oldest first.
  Result<std::vector<QueueEntry>> queue(const auth::Principal& caller, const QueueQuery& query);

  Result<std::vector<ReportingWindow>> windows(const auth::Principal& caller, int year);
  Result<std::vector<ReportingWindow>> put_windows(const auth::Principal& caller, int year,
                                                   const std::vector<ReportingWindow>& windows,
                                                   const audit::CallContext& context);

  // Removes a quarter's window (reports of that quarter are then neither refused early nor
  // marked late); NotFound when it has none. Answers the year's remaining windows.
  Result<std::vector<ReportingWindow>> remove_window(const auth::Principal& caller, int year, int quarter,
                                                     const audit::CallContext& context);

  Result<Scorecard> scorecard(const auth::Principal& caller, const std::string& agency_code, int year,
                              int quarter);
  Result<RegionScorecard> region_scorecard(const auth::Principal& caller, int year, int quarter);
  Result<Explanation> explain(const auth::Principal& caller, const std::string& agency_code,
                              std::int64_t indicator_id, int year, int quarter);

 private:
  PerformanceRepository& repository_;
  const Clock& clock_;
  PerformanceDirectory directory_;
  const files::ContentStore& evidence_store_;
};

}  // namespace sinergi::performance
