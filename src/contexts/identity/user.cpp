#include "contexts/identity/user.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/input_text.h"

namespace sinergi::identity {
namespace {

std::string quoted(std::string_view text) {
  return "'" + excerpt_for_message(text) + "'";
}

void add(std::vector<FieldError>& errors, std::string_view field, std::string message_id,
         std::string message_en) {
  errors.push_back(FieldError{std::string(field), std::move(message_id), std::move(message_en)});
}

// Code points of `text`, or nullopt when it is not valid UTF-8 or holds a control character.
std::optional<std::size_t> printable_code_points(std::string_view text) {
  std::size_t count = 0;
  std::size_t position = 0;
  while (position < text.size()) {
    const auto lead = static_cast<unsigned char>(text[position]);
    std::size_t length = 0;
    char32_t code_point = 0;
    if (lead < 0x80) {
      length = 1;
      code_point = lead;
    } else if ((lead & 0xE0U) == 0xC0U) {
      length = 2;
      code_point = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
      length = 3;
      code_point = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
      length = 4;
      code_point = lead & 0x07U;
    } else {
      return std::nullopt;
    }
    if (position + length > text.size()) {
      return std::nullopt;
    }
    for (std::size_t offset = 1; offset < length; ++offset) {
      const auto continuation = static_cast<unsigned char>(text[position + offset]);
      if ((continuation & 0xC0U) != 0x80U) {
        return std::nullopt;
      }
      code_point = (code_point << 6U) | (continuation & 0x3FU);
    }
    const bool overlong = (length == 2 && code_point < 0x80) || (length == 3 && code_point < 0x800) ||
                          (length == 4 && code_point < 0x10000);
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    const bool control = code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point < 0xA0);
    if (overlong || surrogate || control || code_point > 0x10FFFF) {
      return std::nullopt;
    }
    position += length;
    ++count;
  }
  return count;
}

// Checks a human-readable name (display name, token name).
void check_name_text(std::string_view text, std::size_t max_characters, std::vector<FieldError>& errors,
                     std::string_view field) {
  if (trim_ascii_whitespace(text).empty()) {
    add(errors, field, "wajib diisi", "is required");
    return;
  }
  const auto characters = printable_code_points(text);
  if (!characters) {
    add(errors, field, "memuat karakter kendali atau bukan UTF-8 yang sah",
        "contains control characters or is not valid UTF-8");
    return;
  }
  if (*characters > max_characters) {
    add(errors, field, "paling banyak " + std::to_string(max_characters) + " karakter",
        "at most " + std::to_string(max_characters) + " characters");
  }
}

int digits_value(std::string_view digits) {
  int value = 0;
  for (char digit : digits) {
    value = value * 10 + (digit - '0');
  }
  return value;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

constexpr int kFirstBirthYear = 1940;
constexpr int kLastBirthYear = 2010;
constexpr int kFirstAppointmentYear = 1960;
constexpr int kLastAppointmentYear = 2100;

}  // namespace

std::string normalize_username(std::string_view username) {
  std::string result(trim_ascii_whitespace(username));
  for (char& character : result) {
    if (character >= 'A' && character <= 'Z') {
      character = static_cast<char>(character - 'A' + 'a');
    }
  }
  return result;
}

void check_username(std::string_view username, std::vector<FieldError>& errors, std::string_view field) {
  if (username.empty()) {
    add(errors, field, "wajib diisi", "is required");
    return;
  }
  auto is_lower_alphanumeric = [](char character) {
    return (character >= 'a' && character <= 'z') || is_ascii_digit(character);
  };
  const bool characters_allowed =
      is_lower_alphanumeric(username.front()) &&
      std::all_of(username.begin(), username.end(), [&](char character) {
        return is_lower_alphanumeric(character) || character == '.' || character == '_' || character == '-';
      });
  if (!characters_allowed) {
    add(errors, field,
        "hanya huruf a-z, angka, titik, garis bawah dan tanda hubung, diawali huruf atau angka",
        "only letters a-z, digits, dots, underscores and hyphens, starting with a letter or digit");
  }
  if (username.size() < 3 || username.size() > kMaxUsernameLength) {
    add(errors, field, "harus 3 sampai " + std::to_string(kMaxUsernameLength) + " karakter",
        "must be 3 to " + std::to_string(kMaxUsernameLength) + " characters");
  }
}

void check_display_name(std::string_view display_name, std::vector<FieldError>& errors,
                        std::string_view field) {
  check_name_text(display_name, kMaxDisplayNameCharacters, errors, field);
}

void check_token_name(std::string_view name, std::vector<FieldError>& errors, std::string_view field) {
  check_name_text(name, kMaxTokenNameCharacters, errors, field);
}

void check_nip(std::string_view nip, std::vector<FieldError>& errors, std::string_view field) {
  if (nip.size() != 18 || !std::all_of(nip.begin(), nip.end(), is_ascii_digit)) {
    add(errors, field, "NIP harus tepat 18 angka", "an NIP must be exactly 18 digits");
    return;
  }
  const std::string_view birth = nip.substr(0, 8);
  const int birth_year = digits_value(birth.substr(0, 4));
  const int birth_month = digits_value(birth.substr(4, 2));
  const int birth_day = digits_value(birth.substr(6, 2));
  bool birth_valid = true;
  if (birth_month < 1 || birth_month > 12 || birth_day < 1 ||
      birth_day > days_in_month(birth_year, birth_month)) {
    add(errors, field,
        "angka 1-8 (tanggal lahir " + std::string(birth) + ") bukan tanggal yang sah (TTTTBBHH)",
        "digits 1-8 (birth date " + std::string(birth) + ") are not a real date (YYYYMMDD)");
    birth_valid = false;
  } else if (birth_year < kFirstBirthYear || birth_year > kLastBirthYear) {
    add(errors, field, "angka 1-8: tahun lahir " + std::to_string(birth_year) + " harus antara 1940 dan 2010",
        "digits 1-8: birth year " + std::to_string(birth_year) + " must be between 1940 and 2010");
    birth_valid = false;
  }

  const std::string_view appointment = nip.substr(8, 6);
  const int appointment_year = digits_value(appointment.substr(0, 4));
  const int appointment_month = digits_value(appointment.substr(4, 2));
  if (appointment_month < 1 || appointment_month > 12) {
    add(errors, field,
        "angka 9-14 (TMT pengangkatan " + std::string(appointment) + "): bulan " +
            std::to_string(appointment_month) + " harus 01 sampai 12",
        "digits 9-14 (appointment " + std::string(appointment) + "): month " +
            std::to_string(appointment_month) + " must be 01 to 12");
  } else if (appointment_year < kFirstAppointmentYear || appointment_year > kLastAppointmentYear) {
    add(errors, field,
        "angka 9-14: tahun pengangkatan " + std::to_string(appointment_year) + " harus antara 1960 dan 2100",
        "digits 9-14: appointment year " + std::to_string(appointment_year) +
            " must be between 1960 and 2100");
  } else if (birth_valid &&
             std::tie(appointment_year, appointment_month) <= std::tie(birth_year, birth_month)) {
    add(errors, field, "angka 9-14: TMT pengangkatan harus sesudah tanggal lahir",
        "digits 9-14: the appointment must come after the birth date");
  }

  const char gender = nip[14];
  if (gender != '1' && gender != '2') {
    add(errors, field, std::string("angka 15 (jenis kelamin) harus 1 atau 2, bukan ") + gender,
        std::string("digit 15 (gender) must be 1 or 2, not ") + gender);
  }

  if (digits_value(nip.substr(15, 3)) == 0) {
    add(errors, field, "angka 16-18 (nomor urut) harus 001 sampai 999",
        "digits 16-18 (serial number) must be 001 to 999");
  }
}

void check_email(std::string_view email, std::vector<FieldError>& errors, std::string_view field) {
  if (email.size() > kMaxEmailLength) {
    add(errors, field, "paling banyak " + std::to_string(kMaxEmailLength) + " karakter",
        "at most " + std::to_string(kMaxEmailLength) + " characters");
    return;
  }
  const bool has_forbidden = std::any_of(email.begin(), email.end(), [](char character) {
    const auto byte = static_cast<unsigned char>(character);
    return byte <= 0x20 || byte == 0x7F;
  });
  const std::size_t at = email.find('@');
  const bool one_at = at != std::string_view::npos && email.find('@', at + 1) == std::string_view::npos;
  bool shape_ok = !has_forbidden && one_at && at > 0;
  if (shape_ok) {
    const std::string_view domain = email.substr(at + 1);
    const std::size_t dot = domain.find('.');
    shape_ok = dot != std::string_view::npos && domain.front() != '.' && domain.back() != '.' &&
               domain.find("..") == std::string_view::npos;
  }
  if (!shape_ok || !printable_code_points(email)) {
    add(errors, field, "bukan alamat surel yang sah (contoh: nama@kaltimprov.go.id)",
        "is not a valid email address (e.g. name@kaltimprov.go.id)");
  }
}

std::vector<auth::RoleGrant> resolve_roles(const std::vector<RoleRequest>& requests,
                                           const std::vector<Agency>& agencies,
                                           std::vector<FieldError>& errors, std::string_view field) {
  std::vector<auth::RoleGrant> grants;
  if (requests.empty()) {
    add(errors, field, "minimal satu peran", "at least one role");
    return grants;
  }
  if (requests.size() > kMaxRolesPerAccount) {
    add(errors, field, "paling banyak " + std::to_string(kMaxRolesPerAccount) + " peran",
        "at most " + std::to_string(kMaxRolesPerAccount) + " roles");
    return grants;
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (std::size_t index = 0; index < requests.size(); ++index) {
    const RoleRequest& request = requests[index];
    const std::string prefix = std::string(field) + "[" + std::to_string(index) + "]";
    const auto role = auth::parse_role(request.role);
    if (!role || *role == auth::Role::public_) {
      add(errors, prefix + ".role", "peran " + quoted(request.role) + " tidak dikenal",
          "unknown role " + quoted(request.role));
      continue;
    }
    const std::string name(auth::role_name(*role));
    auth::RoleGrant grant;
    grant.role = *role;
    bool grant_ok = true;

    if (auth::role_needs_agency(*role)) {
      if (!request.agency_code || request.agency_code->empty()) {
        add(errors, prefix + ".agency_code", "wajib diisi untuk peran " + name,
            "is required for the role " + name);
        grant_ok = false;
      } else {
        const auto agency = std::find_if(agencies.begin(), agencies.end(), [&](const Agency& candidate) {
          return candidate.active && candidate.code == *request.agency_code;
        });
        if (agency == agencies.end()) {
          add(errors, prefix + ".agency_code",
              "perangkat daerah " + quoted(*request.agency_code) + " tidak ada di wilayah ini",
              "no agency " + quoted(*request.agency_code) + " in this region");
          grant_ok = false;
        } else {
          grant.agency_id = agency->id.value();
          grant.agency_code = agency->code;
          grant.agency_name = agency->name;
        }
      }
    } else if (request.agency_code) {
      add(errors, prefix + ".agency_code", "tidak berlaku untuk peran " + name,
          "does not apply to the role " + name);
      grant_ok = false;
    }

    if (auth::role_needs_cluster(*role)) {
      if (!request.cluster || request.cluster->empty()) {
        add(errors, prefix + ".cluster",
            "wajib diisi untuk peran " + name + " (asisten_1, asisten_2 atau asisten_3)",
            "is required for the role " + name + " (asisten_1, asisten_2 or asisten_3)");
        grant_ok = false;
      } else if (!auth::is_cluster(*request.cluster)) {
        add(errors, prefix + ".cluster",
            "kelompok " + quoted(*request.cluster) + " tidak dikenal (asisten_1, asisten_2 atau asisten_3)",
            "unknown cluster " + quoted(*request.cluster) + " (asisten_1, asisten_2 or asisten_3)");
        grant_ok = false;
      } else {
        grant.cluster = *request.cluster;
      }
    } else if (request.cluster) {
      add(errors, prefix + ".cluster", "tidak berlaku untuk peran " + name,
          "does not apply to the role " + name);
      grant_ok = false;
    }

    if (!grant_ok) {
      continue;
    }
    if (!seen.emplace(name, grant.agency_code, grant.cluster.value_or("")).second) {
      add(errors, prefix, "peran ini sudah disebut sebelumnya", "this role is listed twice");
      continue;
    }
    grants.push_back(std::move(grant));
  }
  return grants;
}

std::optional<std::string> optional_text(const std::optional<std::string>& text) {
  if (!text) {
    return std::nullopt;
  }
  std::string_view trimmed = trim_ascii_whitespace(*text);
  if (trimmed.empty()) {
    return std::nullopt;
  }
  return std::string(trimmed);
}

void check_user_draft(UserDraft& draft, std::vector<FieldError>& errors) {
  draft.username = normalize_username(draft.username);
  check_username(draft.username, errors);
  draft.display_name = std::string(trim_ascii_whitespace(draft.display_name));
  check_display_name(draft.display_name, errors);
  draft.nip = optional_text(draft.nip);
  draft.email = optional_text(draft.email);
  if (draft.nip) {
    check_nip(*draft.nip, errors);
  }
  if (draft.email) {
    check_email(*draft.email, errors);
  }
}

Result<void> validation_result(std::vector<FieldError> errors) {
  if (errors.empty()) {
    return success();
  }
  return Error::with_fields(ErrorCode::ValidationFailed, std::move(errors));
}

}  // namespace sinergi::identity
