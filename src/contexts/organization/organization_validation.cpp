#include "contexts/organization/organization_validation.h"

#include <algorithm>

#include "core/input_text.h"
#include "core/nip.h"

namespace sinergi::organization {
namespace {

std::string quoted(std::string_view text) {
  return "'" + excerpt_for_message(text) + "'";
}

std::string trimmed(std::string_view text) {
  return std::string(trim_ascii_whitespace(text));
}

bool is_code_character(char character) {
  return (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z') ||
         is_ascii_digit(character) || character == '.' || character == '-' || character == '_' ||
         character == '/';
}

void check_optional_text(std::string_view text, std::size_t max_characters, std::vector<FieldError>& errors,
                         std::string_view field) {
  if (!trim_ascii_whitespace(text).empty()) {
    check_text_field(text, max_characters, errors, field);
  }
}

template <typename Parsed>
Parsed parsed_or(std::optional<Parsed> parsed, Parsed fallback, std::string_view text,
                 std::string_view allowed, std::vector<FieldError>& errors, std::string_view field) {
  if (parsed) {
    return *parsed;
  }
  if (trim_ascii_whitespace(text).empty()) {
    add_field_error(errors, field, "wajib diisi", "is required");
  } else {
    add_field_error(errors, field, quoted(text) + " tidak dikenal; pilih salah satu: " + std::string(allowed),
                    quoted(text) + " is not known; choose one of: " + std::string(allowed));
  }
  return fallback;
}

}  // namespace

void check_code(std::string_view code, std::vector<FieldError>& errors, std::string_view field) {
  if (code.empty()) {
    add_field_error(errors, field, "wajib diisi", "is required");
    return;
  }
  if (code.size() > kMaxCodeCharacters) {
    add_field_error(errors, field, "paling banyak " + std::to_string(kMaxCodeCharacters) + " karakter",
                    "at most " + std::to_string(kMaxCodeCharacters) + " characters");
    return;
  }
  if (!std::all_of(code.begin(), code.end(), is_code_character)) {
    add_field_error(errors, field, quoted(code) + " hanya boleh berisi huruf, angka dan . - _ / tanpa spasi",
                    quoted(code) + " may contain only letters, digits and . - _ / without spaces");
  }
}

std::optional<Date> check_date(std::string_view text, bool required, std::vector<FieldError>& errors,
                               std::string_view field) {
  std::string_view value = trim_ascii_whitespace(text);
  if (value.empty()) {
    if (required) {
      add_field_error(errors, field, "wajib diisi", "is required");
    }
    return std::nullopt;
  }
  auto date = parse_date_flexible(value);
  if (!date) {
    add_field_error(errors, field, quoted(value) + " bukan tanggal yang sah (TTTT-BB-HH atau HH/BB/TTTT)",
                    quoted(value) + " is not a valid date (YYYY-MM-DD or DD/MM/YYYY)");
  }
  return date;
}

std::optional<std::string> check_cluster(std::string_view text, std::vector<FieldError>& errors,
                                         std::string_view field) {
  std::string value = trimmed(text);
  std::transform(value.begin(), value.end(), value.begin(), [](char character) {
    return character == ' ' ? '_' : static_cast<char>(std::tolower(character));
  });
  static const std::pair<std::string_view, std::string_view> kAliases[] = {
      {"asisten_1", "asisten_1"}, {"asisten_i", "asisten_1"},   {"1", "asisten_1"},
      {"asisten_2", "asisten_2"}, {"asisten_ii", "asisten_2"},  {"2", "asisten_2"},
      {"asisten_3", "asisten_3"}, {"asisten_iii", "asisten_3"}, {"3", "asisten_3"}};
  for (const auto& [alias, cluster] : kAliases) {
    if (value == alias) {
      return std::string(cluster);
    }
  }
  add_field_error(errors, field,
                  quoted(text) + " bukan asisten yang dikenal (asisten_1, asisten_2, asisten_3)",
                  quoted(text) + " is not a known assistant (asisten_1, asisten_2, asisten_3)");
  return std::nullopt;
}

AgencyRecord validate_agency(const AgencyDraft& draft, std::vector<FieldError>& errors) {
  AgencyRecord agency;
  agency.code = trimmed(draft.code);
  check_code(agency.code, errors);
  agency.short_name = trimmed(draft.short_name);
  check_text_field(agency.short_name, kMaxCodeCharacters * 2, errors, "short_name");
  agency.name = trimmed(draft.name);
  check_text_field(agency.name, kMaxNameCharacters, errors, "name");
  agency.kind = parsed_or(parse_agency_kind(draft.kind), AgencyKind::other, draft.kind,
                          "dinas, badan, biro, sekretariat, inspektorat, satpol_pp, rsud, kantor, other",
                          errors, "kind");
  if (draft.cluster && !trim_ascii_whitespace(*draft.cluster).empty()) {
    agency.cluster = check_cluster(*draft.cluster, errors);
  }
  if (draft.active_from) {
    agency.active_from = check_date(*draft.active_from, false, errors, "active_from");
  }
  if (draft.active_until) {
    agency.active_until = check_date(*draft.active_until, false, errors, "active_until");
  }
  if (agency.active_from && agency.active_until && *agency.active_until < *agency.active_from) {
    add_field_error(errors, "active_until", "tanggal berakhir sebelum tanggal mulai berlaku",
                    "the end date is before the start date");
  }
  return agency;
}

UnitRecord validate_unit(const UnitDraft& draft, std::vector<FieldError>& errors) {
  UnitRecord unit;
  unit.code = trimmed(draft.code);
  check_code(unit.code, errors);
  unit.name = trimmed(draft.name);
  check_text_field(unit.name, kMaxNameCharacters, errors, "name");
  unit.kind = parsed_or(parse_unit_kind(draft.kind), UnitKind::other, draft.kind,
                        "sekretariat, bidang, bagian, sub_bagian, seksi, uptd, other", errors, "kind");
  return unit;
}

PositionRecord validate_position(const PositionDraft& draft, std::vector<FieldError>& errors) {
  PositionRecord position;
  position.code = trimmed(draft.code);
  check_code(position.code, errors);
  position.title = trimmed(draft.title);
  check_text_field(position.title, kMaxNameCharacters, errors, "title");
  position.level =
      parsed_or(parse_position_level(draft.level), PositionLevel::pelaksana, draft.level,
                "jpt_madya, jpt_pratama, administrator, pengawas, fungsional, pelaksana", errors, "level");
  position.is_agency_head = draft.is_agency_head;
  position.is_unit_head = draft.is_unit_head;
  if (auto established = check_date(draft.established_on, true, errors, "established_on")) {
    position.established_on = *established;
  }
  return position;
}

PersonRecord validate_person(const PersonDraft& draft, std::vector<FieldError>& errors) {
  PersonRecord person;
  person.nip = trimmed(draft.nip);
  check_nip(person.nip, errors, "nip");
  person.name = trimmed(draft.name);
  check_text_field(person.name, kMaxNameCharacters, errors, "name");
  person.rank_grade = trimmed(draft.rank_grade);
  check_optional_text(person.rank_grade, kMaxNameCharacters, errors, "rank_grade");
  person.employment_status =
      parsed_or(parse_employment_status(draft.employment_status), EmploymentStatus::pns,
                draft.employment_status, "pns, pppk", errors, "employment_status");
  return person;
}

AssignmentRecord validate_assignment(const AssignmentDraft& draft, std::vector<FieldError>& errors) {
  AssignmentRecord assignment;
  assignment.person_id = PersonId(draft.person_id);
  assignment.position_id = PositionId(draft.position_id);
  assignment.kind = parsed_or(parse_assignment_kind(draft.kind), AssignmentKind::definitive, draft.kind,
                              "definitive (definitif), acting (Plt), daily_acting (Plh)", errors, "kind");
  if (auto starts = check_date(draft.starts_on, true, errors, "starts_on")) {
    assignment.starts_on = *starts;
  }
  if (draft.ends_on) {
    assignment.ends_on = check_date(*draft.ends_on, false, errors, "ends_on");
  }
  assignment.decree_number = trimmed(draft.decree_number);
  check_optional_text(assignment.decree_number, kMaxNameCharacters, errors, "decree_number");
  assignment.note = trimmed(draft.note);
  check_optional_text(assignment.note, kMaxNoteCharacters, errors, "note");
  return assignment;
}

}  // namespace sinergi::organization
