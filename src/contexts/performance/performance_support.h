#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "contexts/performance/performance_directory.h"
#include "contexts/performance/performance_store.h"
#include "platform/audit/audit_log.h"
#include "platform/audit/call_context.h"
#include "platform/auth/permissions.h"

// Helpers shared by the performance services' translation units; not part of the context's
// interface.

namespace sinergi::performance {

Result<RegionId> region_of(const auth::Principal& caller);

// The agencies of the caller's region by id and by code.
struct Agencies {
  std::vector<AgencyFacts> all;

  const AgencyFacts* find(AgencyId id) const;
  const AgencyFacts* find(std::string_view code) const;
  // The agency with this code, or a validation error on `field`.
  Result<AgencyFacts> require(std::string_view code, std::string_view field) const;
  Result<AgencyFacts> require_id(AgencyId id) const;
};
Result<Agencies> load_agencies(const PerformanceDirectory& directory, const auth::Principal& caller);

// The caller may take `action` on the agency's data (its region, cluster and own agency).
bool may_act_on(const auth::Principal& caller, auth::Action action, const AgencyFacts& agency);
// Forbidden unless may_act_on.
Result<void> require_permission(const auth::Principal& caller, auth::Action action,
                                const AgencyFacts& agency);

// A year of 2000..2100 on `field`.
std::vector<FieldError> check_year(int year, std::string_view field);

// The [first, last) indexes of a page of `total` rows (page from 1; page_size 0: all).
std::pair<std::size_t, std::size_t> page_bounds(std::int64_t total, std::int64_t page,
                                                std::int64_t page_size);

audit::AuditEvent event(const auth::Principal& caller, RegionId region, std::string action,
                        std::string entity_type, std::string entity_id,
                        std::vector<audit::FieldChange> changes, const audit::CallContext& context);

// What an edit changed in an agreement's content, for the audit trail: the second party,
// the items (indicator and targets) and the programs (budget), by indicator and node.
std::vector<audit::FieldChange> content_changes(const AgreementContent& before,
                                                const AgreementContent& after);

// The signed agreement in force for an agency among `agreements` (of one year): the newest
// signed, not superseded.
std::optional<AgreementRecord> in_force_among(const std::vector<AgreementRecord>& agreements,
                                              AgencyId agency);
// The same, read from the store.
Result<std::optional<AgreementRecord>> agreement_in_force(PerformanceStore& store, RegionId region,
                                                          AgencyId agency, int year);

}  // namespace sinergi::performance
