#include "platform/auth/secured_router.h"

#include "platform/auth/crypto.h"

namespace sinergi::auth {
namespace {

// What a user who must change the password may still do: see who they are, sign out,
// and change it.
bool allowed_before_password_change(Action action) {
  return action == Action::session_read || action == Action::session_delete ||
         action == Action::password_change || action == Action::system_read ||
         action == Action::session_create;
}

bool csrf_token_matches(const http::Request& request, const Principal& principal) {
  auto token = request.headers.get(SecuredRouter::kCsrfHeader);
  if (!token || token->empty() || principal.csrf_token_hash.empty()) {
    return false;
  }
  return constant_time_equals(sha256_hex(*token), principal.csrf_token_hash);
}

}  // namespace

bool changes_state(http::Method method) {
  return method == http::Method::post || method == http::Method::put || method == http::Method::patch ||
         method == http::Method::delete_;
}

SecuredRouter::SecuredRouter(http::Router& router, Authenticator& authenticator, DenialRecorder on_denied)
    : router_(router), authenticator_(authenticator), on_denied_(std::move(on_denied)) {}

void SecuredRouter::add(http::Method method, std::string pattern, std::string operation_id, Action action,
                        SecuredHandler handler) {
  routes_.push_back(SecuredRoute{method, pattern, operation_id, action});
  Authenticator* authenticator = &authenticator_;
  const DenialRecorder* on_denied = &on_denied_;
  router_.add(method, std::move(pattern), std::move(operation_id),
              [authenticator, on_denied, method, action,
               handler = std::move(handler)](http::Request& request) -> Result<http::Response> {
                Result<Principal> authenticated = authenticator->authenticate(request);
                // A stale cookie must not lock anyone out of what needs no login (health
                // checks, the sign-in itself): those proceed as anonymous.
                if (!authenticated.ok() && !may_take(Principal::anonymous(), action)) {
                  return authenticated.release_error();
                }
                Principal principal =
                    authenticated.ok() ? authenticated.release_value() : Principal::anonymous();
                const bool state_changing = changes_state(method);
                auto refuse = [&](Error error) -> Result<http::Response> {
                  if (state_changing && *on_denied) {
                    (*on_denied)(request, principal, action, error);
                  }
                  return error;
                };
                // Cookies travel with every request a browser makes, including those a
                // hostile page triggers; the token proves the page is ours. Signing in
                // has no session yet, and bearer tokens are never sent implicitly.
                if (state_changing && principal.session_id && action != Action::session_create &&
                    !csrf_token_matches(request, principal)) {
                  return refuse(Error(ErrorCode::CsrfTokenInvalid));
                }
                if (principal.must_change_password && !allowed_before_password_change(action)) {
                  return refuse(Error(ErrorCode::PasswordChangeRequired));
                }
                if (!may_take(principal, action)) {
                  if (!principal.is_authenticated()) {
                    return Error(ErrorCode::Unauthenticated);
                  }
                  return refuse(Error(ErrorCode::Forbidden));
                }
                Result<http::Response> response = handler(request, principal);
                if (!response.ok() && response.error().code() == ErrorCode::Forbidden && state_changing &&
                    *on_denied) {
                  (*on_denied)(request, principal, action, response.error());
                }
                return response;
              });
}

}  // namespace sinergi::auth
