#include "contexts/identity/identity_json.h"

#include <nlohmann/json.hpp>

namespace sinergi::identity {
namespace {

nlohmann::json optional_json(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json role_audit_json(const std::vector<auth::RoleGrant>& grants) {
  auto roles = nlohmann::json::array();
  for (const auto& grant : grants) {
    roles.push_back(
        {{"role", auth::role_name(grant.role)},
         {"agency_code", grant.agency_id ? nlohmann::json(grant.agency_code) : nlohmann::json(nullptr)},
         {"cluster", optional_json(grant.cluster)}});
  }
  return roles;
}

}  // namespace

nlohmann::json role_grants_json(const std::vector<auth::RoleGrant>& grants) {
  auto roles = nlohmann::json::array();
  for (const auto& grant : grants) {
    roles.push_back(
        {{"role", auth::role_name(grant.role)},
         {"agency_code", grant.agency_id ? nlohmann::json(grant.agency_code) : nlohmann::json(nullptr)},
         {"agency_name", grant.agency_id ? nlohmann::json(grant.agency_name) : nlohmann::json(nullptr)},
         {"cluster", optional_json(grant.cluster)}});
  }
  return roles;
}

nlohmann::json user_json(const User& user) {
  return {
      {"id", user.id.value()},
      {"username", user.username},
      {"display_name", user.display_name},
      {"nip", optional_json(user.nip)},
      {"email", optional_json(user.email)},
      {"active", user.active},
      {"must_change_password", user.must_change_password},
      {"region", {{"id", user.region.id.value()}, {"code", user.region.code}, {"name", user.region.name}}},
      {"roles", role_grants_json(user.roles)},
      {"created_at", user.created_at},
      {"updated_at", user.updated_at},
      {"version", user.version}};
}

nlohmann::json agency_json(const Agency& agency) {
  return {{"code", agency.code},
          {"short_name", agency.short_name},
          {"name", agency.name},
          {"kind", agency.kind},
          {"cluster", optional_json(agency.cluster)}};
}

nlohmann::json api_token_json(const ApiTokenRecord& token) {
  return {{"id", token.id.value()},
          {"name", token.name},
          {"roles", role_grants_json(token.roles)},
          {"created_at", token.created_at},
          {"created_by", {{"id", token.created_by_user_id.value()}, {"name", token.created_by_name}}},
          {"last_used_at", optional_json(token.last_used_at)},
          {"revoked_at", optional_json(token.revoked_at)}};
}

nlohmann::json user_audit_snapshot(const User& user) {
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"nip", optional_json(user.nip)},
          {"email", optional_json(user.email)},
          {"active", user.active},
          {"must_change_password", user.must_change_password},
          {"roles", role_audit_json(user.roles)}};
}

nlohmann::json api_token_audit_snapshot(const ApiTokenRecord& token) {
  return {{"name", token.name}, {"roles", role_audit_json(token.roles)}};
}

}  // namespace sinergi::identity
