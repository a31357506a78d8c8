#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

// Region codes of the Ministry of Home Affairs (kode wilayah Kemendagri, Permendagri
// 72/2019 and its successors): "64" the province of Kalimantan Timur, "64.02" a regency
// (kabupaten, numbers 01..69) in it, "64.71" a city (kota, numbers 71..99) in it. Codes of
// districts and villages ("64.02.01") are not regions of this product.

namespace sinergi::organization {

enum class RegionLevel { province, regency, city };
inline constexpr std::array kRegionLevels{RegionLevel::province, RegionLevel::regency, RegionLevel::city};
// "province", "regency", "city".
std::string_view name(RegionLevel level);
// "Provinsi", "Kabupaten", "Kota".
std::string_view label_id(RegionLevel level);
// The code or the Indonesian word ("provinsi", "kabupaten", "kab", "kota"),
// case-insensitive, surrounding whitespace ignored.
std::optional<RegionLevel> parse_region_level(std::string_view text);

struct RegionCode {
  std::string code;                        // "64.02"
  RegionLevel level;                       // regency
  std::optional<std::string> parent_code;  // "64"; empty for a province

  bool operator==(const RegionCode&) const = default;
};

// After trimming ASCII whitespace: two digits 11..99 (province), or the province's two
// digits, a dot and two digits 01..69 (regency) or 71..99 (city). Anything else is
// ValidationFailed with one FieldError on "code" explaining the expected shape.
Result<RegionCode> parse_region_code(std::string_view text);

// The problems of giving `child` the parent `parent_code`, under the field "parent_code":
// a province has no parent; a regency or city needs one, and it must be the province its
// code starts with ("64" for "64.02").
std::vector<FieldError> check_region_parent(const RegionCode& child,
                                            std::optional<std::string_view> parent_code);

}  // namespace sinergi::organization
