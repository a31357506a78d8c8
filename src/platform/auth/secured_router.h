#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/auth/permissions.h"
#include "platform/auth/principal.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/http/router.h"

namespace sinergi::auth {

// Resolves who is calling. Implemented by the identity context (sessions and tokens).
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // Principal::anonymous() when the request carries no credentials; an Unauthenticated
  // error when it carries a session cookie or bearer token that is unknown, revoked or
  // expired (so the web app can tell "signed out" from "never signed in").
  virtual Result<Principal> authenticate(http::Request& request) = 0;
};

using SecuredHandler = std::function<Result<http::Response>(http::Request&, const Principal&)>;

// Called after a request that tried to change data was refused (403), to record the
// attempt in the audit trail. Must not throw.
using DenialRecorder = std::function<void(const http::Request&, const Principal&, Action, const Error&)>;

struct SecuredRoute {
  http::Method method;
  std::string pattern;
  std::string operation_id;
  Action action;
};

// The only way routes are registered: each declares its Action, and before the handler
// runs the request is authenticated, a state-changing request made with a session
// cookie must carry the session's CSRF token, a user who must change the password may
// do only that, and the permission table must allow the action (401 for an anonymous
// caller, 403 otherwise). Handlers then check the resource's scope themselves with
// may_take_on(); a Forbidden they return is recorded like any other denial.
class SecuredRouter {
 public:
  static constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

  SecuredRouter(http::Router& router, Authenticator& authenticator, DenialRecorder on_denied);

  void add(http::Method method, std::string pattern, std::string operation_id, Action action,
           SecuredHandler handler);

  // Every route added here, for the permission test and documentation.
  const std::vector<SecuredRoute>& routes() const { return routes_; }

 private:
  http::Router& router_;
  Authenticator& authenticator_;
  DenialRecorder on_denied_;
  std::vector<SecuredRoute> routes_;
};

// True for POST, PUT, PATCH and DELETE.
bool changes_state(http::Method method);

}  // namespace sinergi::auth
