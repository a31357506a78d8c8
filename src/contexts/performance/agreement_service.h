#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "contexts/performance/performance_directory.h"
#include "contexts/performance/performance_store.h"
#include "platform/audit/call_context.h"

// The performance agreements of a region (issue 6): drafting from the plan, editing a draft,
// the signing workflow, revisions, and the agreement in force for an agency and year.

namespace sinergi {
class Clock;
}

namespace sinergi::performance {

struct AgreementView {
  AgreementRecord record;
  std::string agency_code;
  std::string agency_name;
  std::vector<workflow::Step> timeline;
  std::vector<std::string> available;  // the workflow steps the caller may take now
  bool editable = false;               // a draft the caller may edit
  // False when a submitted or signed agreement's content no longer matches the SHA-256 it
  // was submitted and signed with (someone changed the stored document).
  bool document_intact = true;
  // The signed revision that replaced it.
  std::optional<AgreementId> superseded_by;
  std::optional<int> superseded_by_number;
};

// What the plan offers an agreement, and which of it the agreement already holds.
struct AgreementCandidates {
  PlanFacts plan;
  std::vector<std::int64_t> chosen_indicators;  // indicator ids in the agreement's items
  std::vector<std::int64_t> chosen_programs;    // node ids in its programs
};

struct AgreementQuery {
  std::optional<int> year;
  std::optional<std::string> agency_code;
  std::optional<std::string> state;  // one of kAgreementStates (checked)
  std::string search;                // part of the agency's code or name, any case
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};

struct AgreementPage {
  std::vector<AgreementView> items;  // without timelines, with the caller's steps
  std::int64_t total = 0;
};

struct AgreementDraft {
  std::string agency_code;
  int year = 0;
  Party second_party;
};

// One item as an editor sends it: the plan indicator and the targets (the yearly target
// defaults to the plan's target of the year when it is not sent; sent empty, it is refused).
struct ItemEdit {
  std::int64_t indicator_id = 0;
  std::optional<TargetValue> yearly_target;
  std::array<std::optional<TargetValue>, 4> quarter_targets;
  bool yearly_target_cleared = false;  // sent as null: the editor emptied it
};

struct ProgramEdit {
  std::int64_t node_id = 0;
  Money budget;
};

struct AgreementEdit {
  std::int64_t version = 0;
  Party second_party;
  std::vector<ItemEdit> items;
  std::vector<ProgramEdit> programs;
};

struct StepCommand {
  std::string transition;
  std::string comment;
  std::int64_t version = 0;
};

class AgreementService {
 public:
  // REQUIRES: every argument outlives the service.
  AgreementService(PerformanceRepository& repository, const Clock& clock, PerformanceDirectory directory);

  Result<AgreementPage> list(const auth::Principal& caller, const AgreementQuery& query);
  Result<AgreementView> get(const auth::Principal& caller, AgreementId id);
  // The plan's indicators and programs of the agreement's agency and year (what an editor may
  // add).
  Result<AgreementCandidates> candidates(const auth::Principal& caller, AgreementId id);

  // A new original agreement (number 1) for an agency and year: the head of the agency from
  // the registry as the first party, and the agency's objective indicators (with the plan's
  // target of the year and TW IV = the yearly target) and programs from the plan. Conflict when
  // the agency already has one for the year; ValidationFailed when the head post is vacant.
  Result<AgreementView> create(const auth::Principal& caller, const AgreementDraft& draft,
                               const audit::CallContext& context);
  // Replaces a draft's second party, items and programs (names, units, polarity and codes
  // taken from the plan as it is now). Conflict when it is not a draft ("revise instead" for
  // a signed one) or the version moved.
  Result<AgreementView> update(const auth::Principal& caller, AgreementId id, const AgreementEdit& edit,
                               const audit::CallContext& context);
  // A step of the signing workflow (or abandoning a draft revision). Submitting takes the document's SHA-256;
  // each signature records it; the second signature makes the agreement binding and supersedes the one it
  // revises.
  Result<AgreementView> take_step(const auth::Principal& caller, AgreementId id, const StepCommand& command,
                                  const audit::CallContext& context);
  // A revision (perubahan) of a signed agreement in force: a new draft that copies its content
  // and names it and the reason. Conflict when the agreement is not signed, is superseded, or a
  // revision is already under way.
  Result<AgreementView> revise(const auth::Principal& caller, AgreementId id, const std::string& reason,
                               const audit::CallContext& context);

  // The signed agreement in force for an agency and year (the newest signed, not superseded);
  // none when there is none.
  Result<std::optional<AgreementRecord>> in_force(const auth::Principal& caller, AgencyId agency, int year);

 private:
  // The agreement as stored, without its view (timeline, buttons).
  Result<AgreementRecord> stored(const auth::Principal& caller, AgreementId id);

  PerformanceRepository& repository_;
  const Clock& clock_;
  PerformanceDirectory directory_;
};

}  // namespace sinergi::performance
