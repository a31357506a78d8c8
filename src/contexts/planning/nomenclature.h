#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

// Codes of the regional budget and work structure (Permendagri 90/2019 and its updates):
//
//   urusan        U                  "1"                  one digit 1..8
//   bidang        U.BB               "1.02" (Kesehatan)   BB two digits 01..99
//   program       U.BB.PP            "1.02.02"            PP two digits 01..99
//                 X.XX.PP            "X.XX.01"            a cross-field program (lintas urusan)
//   kegiatan      U.BB.PP.K.KK       "1.02.02.2.01"       K one digit 1..9, KK two digits 01..99
//   sub-kegiatan  U.BB.PP.K.KK.SSSS  "1.02.02.2.01.0016"  SSSS four digits, or two ("...2.01.16"),
//                                                         not all zero
//
// Decision: "X.XX" is only the prefix of cross-field programs (and of their activities and
// sub-activities); it is not a field of its own, so "X" and "X.XX" alone are rejected, as are
// mixtures such as "X.02" or "1.XX". A cross-field program has no parent in the structure.
// The code is kept as typed (after trimming): "...2.01.16" and "...2.01.0016" are not
// rewritten into each other.

namespace sinergi::planning {

enum class NomenclatureLevel { urusan, bidang, program, activity, sub_activity };
// "urusan", "bidang", "program", "activity", "sub_activity".
std::string_view name(NomenclatureLevel level);
// Exactly one of the names above.
std::optional<NomenclatureLevel> parse_nomenclature_level(std::string_view text);
// "urusan", "bidang urusan", "program", "kegiatan", "sub-kegiatan".
std::string_view label_id(NomenclatureLevel level);
// "government affair", "field", "program", "activity", "sub-activity".
std::string_view label_en(NomenclatureLevel level);

struct NomenclatureCode {
  std::string code;         // "1.02.02.2.01.0016"
  NomenclatureLevel level;  // sub_activity
  // The field (bidang urusan) the code belongs to: "1.02", or "X.XX" for a cross-field
  // program, activity or sub-activity. Empty for an urusan, which spans several fields.
  std::string field_code;
  bool cross_field = false;
  // The code one level up ("1.02.02.2.01"); empty for an urusan and a cross-field program.
  std::optional<std::string> parent_code;

  bool operator==(const NomenclatureCode&) const = default;
};

// Parses a code after trimming ASCII whitespace. Anything else is ValidationFailed with one
// FieldError on "code" that names the wrong part ("bagian kegiatan 'K.KK' harus ...").
Result<NomenclatureCode> parse_nomenclature_code(std::string_view text);

// True when `parent` is the element directly above `child`: the bidang of a program, the
// program of an activity, the activity of a sub-activity, the urusan of a bidang.
bool is_child_of(const NomenclatureCode& child, const NomenclatureCode& parent);

// The problems of placing `child` under `parent`, under the field "parent_code": an urusan
// and a cross-field program have no parent; every other level needs the one its code starts with.
std::vector<FieldError> check_parent(const NomenclatureCode& child,
                                     const std::optional<NomenclatureCode>& parent);

// One row of the field reference (db/seed/urusan_fields.csv, embedded).
struct UrusanField {
  std::string code;      // "1.02"
  std::string group;     // "wajib_pelayanan_dasar"
  std::string name;      // "Kesehatan"
  std::string spm_area;  // "kesehatan": the minimum service standard (SPM) area, if any
};

// The embedded reference, in file order. Throws std::logic_error if the embedded file is
// missing or malformed (a build defect, caught by the tests).
const std::vector<UrusanField>& urusan_fields();
// The field with exactly this code ("1.02"), or nullptr.
const UrusanField* find_field(std::string_view code);
// True for the six basic-service fields (urusan wajib pelayanan dasar, 1.01-1.06) that carry
// minimum service standards.
bool is_basic_service_field(std::string_view code);

// One provincial minimum-service (SPM) service (db/seed/spm_services_province.csv, embedded).
struct SpmService {
  std::string area;     // "kesehatan": an spm_area of urusan_fields()
  std::string service;  // "Pendidikan menengah"
};
const std::vector<SpmService>& spm_services();
// The service with exactly this name, or nullptr.
const SpmService* find_spm_service(std::string_view service);

}  // namespace sinergi::planning
