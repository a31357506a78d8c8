#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/organization/organization.h"
#include "contexts/organization/organization_service.h"
#include "core/error.h"

// Field validation shared by the service's create/edit calls and the spreadsheet imports,
// so a row of a file is held to exactly the rules of the form. Each function appends every
// problem it finds as a FieldError named after the API field, and returns the parsed value
// (meaningful only when it appended nothing).

namespace sinergi::organization {

inline constexpr std::size_t kMaxCodeCharacters = 40;
inline constexpr std::size_t kMaxNameCharacters = 250;
inline constexpr std::size_t kMaxNoteCharacters = 2000;

// A natural key (agency, unit or position code): 1..40 characters of letters, digits and
// . - _ / (no spaces), e.g. "PUPR-PERA", "BID.P2P".
void check_code(std::string_view code, std::vector<FieldError>& errors, std::string_view field = "code");
// A strict ISO date; empty text is "required" when `required`, else nullopt.
std::optional<Date> check_date(std::string_view text, bool required, std::vector<FieldError>& errors,
                               std::string_view field);
// An assistant's cluster: asisten_1..asisten_3 (also "Asisten I".."Asisten III", "1".."3").
std::optional<std::string> check_cluster(std::string_view text, std::vector<FieldError>& errors,
                                         std::string_view field = "cluster");

// The agency's own fields (not its uniqueness).
AgencyRecord validate_agency(const AgencyDraft& draft, std::vector<FieldError>& errors);
// The unit's own fields; agency and parent are resolved by the caller.
UnitRecord validate_unit(const UnitDraft& draft, std::vector<FieldError>& errors);
// The post's own fields; agency and unit are resolved by the caller.
PositionRecord validate_position(const PositionDraft& draft, std::vector<FieldError>& errors);
// The person's own fields (NIP per core/nip.h); the agency is resolved by the caller.
PersonRecord validate_person(const PersonDraft& draft, std::vector<FieldError>& errors);
// The assignment's own fields (kind, dates, texts); overlaps are checked by check_assignment.
AssignmentRecord validate_assignment(const AssignmentDraft& draft, std::vector<FieldError>& errors);

}  // namespace sinergi::organization
