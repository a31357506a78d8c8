#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/performance/achievement.h"
#include "core/error.h"
#include "core/id.h"
#include "core/money.h"
#include "core/result.h"
#include "platform/workflow/workflow.h"

// The performance agreement (Perjanjian Kinerja, RULES.md section 6; PermenPANRB 53/2014): what
// an agency head commits to for a year, signed by the head (pihak pertama) and the superior
// (pihak kedua). Pure rules: the content, its checks, its canonical form and hash, and the
// signing workflow. The content is a document: the signed SHA-256 is taken over
// canonical_json(), so any change after signing is visible.

namespace sinergi::performance {

using AgreementId = Id<struct AgreementTag>;

inline constexpr std::size_t kMaxAgreementItems = 200;
inline constexpr std::size_t kMaxAgreementPrograms = 500;

// A party as printed on the agreement: from the organization registry (the first party) or
// as typed (the governor, who is not a civil servant).
struct Party {
  std::string name;
  std::string nip;  // empty for an elected official
  std::string rank;
  std::string position;  // "Kepala Dinas Kesehatan Provinsi Kalimantan Timur"
  bool operator==(const Party&) const = default;
};

// One indicator the head commits to: a snapshot of the plan indicator at drafting time, with
// the year's target and the quarterly targets (TW I-IV). Quarterly targets are cumulative,
// year-to-date targets: TW II is what the year-to-date value (RULES.md section 2) should be by
// the end of June, so it is measured against the aggregate of quarters I and II.
struct AgreementItem {
  std::int64_t indicator_id = 0;
  std::string objective_code;  // the plan node the indicator measures ("SS-1", "1.02.02")
  std::string objective;       // its title (sasaran)
  std::string indicator;
  std::string unit;
  Polarity polarity = Polarity::higher_is_better;
  FormulaVariant variant = FormulaVariant::ratio;
  Aggregation aggregation = Aggregation::last;
  TargetValue yearly_target;
  std::array<std::optional<TargetValue>, 4> quarter_targets;
};

// A program, activity or sub-activity the agreement funds, with its budget (pagu) in rupiah.
struct AgreementProgram {
  std::int64_t node_id = 0;
  std::string kind;  // "program", "activity", "sub_activity"
  std::string code;
  std::string title;
  Money budget;
};

struct AgreementContent {
  int year = 0;
  std::string region_name;  // "Provinsi Kalimantan Timur"
  std::string agency_code;
  std::string agency_name;
  Party first_party;
  Party second_party;
  std::vector<AgreementItem> items;
  std::vector<AgreementProgram> programs;
};

// The problems of a content, on fields "second_party.name", "items[i].quarter_targets[q]",
// "programs[i].budget", ...: parties named (name and position, 1-200 characters; a NIP of 18
// digits when given), 1..kMaxAgreementItems items with distinct indicators, each with a yearly
// target (a value, or a range with lower <= upper) and quarterly targets of the same shape, a
// variant that fits the polarity; programs distinct, budgets not negative.
std::vector<FieldError> check_content(const AgreementContent& content);

// The content as canonical JSON: fixed member order, decimals as written, no whitespace.
// Equal contents give equal bytes; the agreement's SHA-256 is taken over these bytes.
std::string canonical_json(const AgreementContent& content);
// Reads canonical_json() back; fails with InvalidInput on anything else.
Result<AgreementContent> parse_content(std::string_view json);
// Lower-case hex SHA-256 of canonical_json(content).
std::string document_sha256(const AgreementContent& content);

// The total budget of the programs (a sum that overflows is refused by check_content).
Money total_budget(const AgreementContent& content);

// Where an agreement stands: its workflow item's state.
inline constexpr std::string_view kDraft = "draft";
inline constexpr std::string_view kSubmitted = "submitted";
inline constexpr std::string_view kSignedByFirstParty = "signed_by_first_party";
inline constexpr std::string_view kSigned = "signed";
inline constexpr std::string_view kAbandoned = "abandoned";
// Every state, for filters.
inline constexpr std::string_view kAgreementStates[] = {kDraft, kSubmitted, kSignedByFirstParty, kSigned,
                                                        kAbandoned};

// draft -(submit: the agency's head or staff)-> submitted
//       -(sign_first_party: the agency head)-> signed_by_first_party
//       -(sign_second_party: the governor, not the one who signed first)-> signed (final).
// A submitted or half-signed agreement can be returned to draft with a comment (before the head
// signs: by the head, or by the planning agency for review; after: by the governor or the
// planning agency).
// A draft revision that is no longer wanted is abandoned (abandon: the agency's head or staff,
// with a comment; final, kept with its history); an original is edited instead (the service
// refuses abandoning number 1).
// Both signing steps carry the field "document_sha256". An item waits at most 14 days for each
// signature; past that it escalates to the Sekda.
const workflow::Definition& agreement_workflow();

}  // namespace sinergi::performance
