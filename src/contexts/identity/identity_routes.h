#pragma once

#include "platform/auth/secured_router.h"

namespace sinergi::identity {

class IdentityService;

// Registers every endpoint of docs/api/identity.md except GET /api/v1/audit, each with its
// Action (the SecuredRouter authenticates, checks CSRF, must-change-password and the
// permission table before a handler runs):
//   POST   /api/v1/session                          createSession      session.create
//   GET    /api/v1/session                          getSession         session.read
//   DELETE /api/v1/session                          deleteSession      session.delete
//   PUT    /api/v1/session/password                 changePassword     password.change
//   GET    /api/v1/sessions                         listSessions       account.manage
//   DELETE /api/v1/sessions/{session_id}            revokeSession      account.manage
//   GET    /api/v1/users                            listUsers          users.manage
//   POST   /api/v1/users                            createUser         users.manage
//   GET    /api/v1/users/{user_id}                  getUser            users.manage
//   PATCH  /api/v1/users/{user_id}                  updateUser         users.manage
//   PUT    /api/v1/users/{user_id}/roles            setUserRoles       users.manage
//   POST   /api/v1/users/{user_id}/password-reset   resetUserPassword  users.manage
//   GET    /api/v1/agencies                         listAgencies       agencies.read
//   GET    /api/v1/agencies/{agency_code}/users     listAgencyUsers    agency_users.read
//   GET    /api/v1/api-tokens                       listApiTokens      api_tokens.manage
//   POST   /api/v1/api-tokens                       createApiToken     api_tokens.manage
//   DELETE /api/v1/api-tokens/{token_id}            revokeApiToken     api_tokens.manage
// Their OpenAPI description is src/contexts/identity/openapi.json.
// REQUIRES: `service` outlives the router.
void register_identity_routes(auth::SecuredRouter& router, IdentityService& service);

}  // namespace sinergi::identity
