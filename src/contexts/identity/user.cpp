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

// Checks a human-readable name (display name, token name).
void check_name_text(std::string_view text, std::size_t max_characters, std::vector<FieldError>& errors,
                     std::string_view field) {
  check_text_field(text, max_characters, errors, field);
}

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
