#include "contexts/organization/region_code.h"

#include <algorithm>

#include "core/input_text.h"

namespace sinergi::organization {
namespace {

std::string lower_case(std::string_view text) {
  std::string result(trim_ascii_whitespace(text));
  for (char& character : result) {
    if (character >= 'A' && character <= 'Z') {
      character = static_cast<char>(character - 'A' + 'a');
    }
  }
  return result;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

int two_digit_value(std::string_view digits) {
  return (digits[0] - '0') * 10 + (digits[1] - '0');
}

Error code_error(std::string message_id, std::string message_en) {
  return Error::with_fields(ErrorCode::ValidationFailed,
                            {FieldError{"code", std::move(message_id), std::move(message_en)}});
}

Error shape_error(std::string_view text) {
  const std::string quoted = "'" + excerpt_for_message(text) + "'";
  return code_error(
      "kode wilayah Kemendagri harus berbentuk 64 (provinsi), 64.02 (kabupaten) atau 64.71 (kota), bukan " +
          quoted,
      "a Kemendagri region code must look like 64 (province), 64.02 (regency) or 64.71 (city), not " +
          quoted);
}

}  // namespace

std::string_view name(RegionLevel level) {
  switch (level) {
    case RegionLevel::province:
      return "province";
    case RegionLevel::regency:
      return "regency";
    case RegionLevel::city:
      return "city";
  }
  return "";
}

std::string_view label_id(RegionLevel level) {
  switch (level) {
    case RegionLevel::province:
      return "Provinsi";
    case RegionLevel::regency:
      return "Kabupaten";
    case RegionLevel::city:
      return "Kota";
  }
  return "";
}

std::optional<RegionLevel> parse_region_level(std::string_view text) {
  const std::string key = lower_case(text);
  if (key == "province" || key == "provinsi" || key == "prov") {
    return RegionLevel::province;
  }
  if (key == "regency" || key == "kabupaten" || key == "kab") {
    return RegionLevel::regency;
  }
  if (key == "city" || key == "kota") {
    return RegionLevel::city;
  }
  return std::nullopt;
}

Result<RegionCode> parse_region_code(std::string_view text) {
  const std::string_view code = trim_ascii_whitespace(text);
  const bool province_shape = code.size() == 2 && all_digits(code);
  const bool local_shape =
      code.size() == 5 && all_digits(code.substr(0, 2)) && code[2] == '.' && all_digits(code.substr(3));
  if (!province_shape && !local_shape) {
    return shape_error(text);
  }
  const std::string province(code.substr(0, 2));
  if (two_digit_value(province) < 11) {
    return code_error("kode provinsi " + province + " harus antara 11 dan 99",
                      "the province code " + province + " must be between 11 and 99");
  }
  if (province_shape) {
    return RegionCode{province, RegionLevel::province, std::nullopt};
  }
  const std::string local(code.substr(3, 2));
  const int number = two_digit_value(local);
  if (number == 0 || number == 70) {
    return code_error("nomor kabupaten/kota " + local + " pada " + std::string(code) +
                          " harus 01 sampai 69 (kabupaten) atau 71 sampai 99 (kota)",
                      "the regency/city number " + local + " in " + std::string(code) +
                          " must be 01 to 69 (regency) or 71 to 99 (city)");
  }
  return RegionCode{std::string(code), number >= 71 ? RegionLevel::city : RegionLevel::regency, province};
}

std::vector<FieldError> check_region_parent(const RegionCode& child,
                                            std::optional<std::string_view> parent_code) {
  std::vector<FieldError> errors;
  if (parent_code) {
    parent_code = trim_ascii_whitespace(*parent_code);
    if (parent_code->empty()) {
      parent_code.reset();
    }
  }
  if (child.level == RegionLevel::province) {
    if (parent_code) {
      errors.push_back(FieldError{"parent_code", "provinsi " + child.code + " tidak memiliki wilayah induk",
                                  "the province " + child.code + " has no parent region"});
    }
    return errors;
  }
  const std::string expected = child.code.substr(0, 2);
  const std::string what_id = std::string(label_id(child.level)) + " " + child.code;
  const std::string what_en = std::string(name(child.level)) + " " + child.code;
  if (!parent_code) {
    errors.push_back(FieldError{"parent_code",
                                "wajib diisi: " + what_id + " berada di bawah provinsi " + expected,
                                "is required: the " + what_en + " belongs to the province " + expected});
  } else if (*parent_code != expected) {
    const std::string quoted = "'" + excerpt_for_message(*parent_code) + "'";
    errors.push_back(
        FieldError{"parent_code", "induk " + what_id + " harus provinsi " + expected + ", bukan " + quoted,
                   "the parent of the " + what_en + " must be the province " + expected + ", not " + quoted});
  }
  return errors;
}

}  // namespace sinergi::organization
