// The identity demo for organization_demo_test.cpp, in a translation unit of its own: the
// identity and the organization contexts each declare a RegionTag and an AgencyTag in their
// own namespace, which clang-tidy (bugprone-forward-declaration-namespace) reports in any
// file that sees both.
#include "contexts/identity/identity_service.h"
#include "platform/auth/password.h"

namespace sinergi::organization::demo_testing {

Result<void> load_identity_demo_with_fast_hashes(db::Database& database, const Clock& clock) {
  auth::PasswordHasher::Options options;
  options.max_concurrent_hashes = 4;
  options.opslimit = auth::kMinimumOpsLimit;
  options.memlimit = auth::kMinimumMemLimit;
  auth::PasswordHasher hasher(options);
  TRY(identity::load_identity_demo(database, hasher, clock));
  return success();
}

}  // namespace sinergi::organization::demo_testing
