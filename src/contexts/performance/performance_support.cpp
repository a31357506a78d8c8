#include "contexts/performance/performance_support.h"

#include <algorithm>
#include <map>

#include "core/input_text.h"
#include "core/refusals.h"

namespace sinergi::performance {
namespace {

std::string target_text(const TargetValue& target) {
  if (target.value) {
    return target.value->to_string();
  }
  return (target.lower ? target.lower->to_string() : "") + " - " +
         (target.upper ? target.upper->to_string() : "");
}

// One line per item, as the audit trail shows it: "IKU-1 98 | TW: -, -, -, 98".
std::string item_text(const AgreementItem& item) {
  std::string text = item.indicator + ": " + target_text(item.yearly_target) + " | TW:";
  for (const auto& quarter : item.quarter_targets) {
    text += " " + (quarter ? target_text(*quarter) : std::string("-"));
  }
  return text;
}

}  // namespace

Result<RegionId> region_of(const auth::Principal& caller) {
  if (!caller.region_id) {
    return Error(ErrorCode::Forbidden);
  }
  return RegionId(*caller.region_id);
}

const AgencyFacts* Agencies::find(AgencyId id) const {
  const auto found =
      std::find_if(all.begin(), all.end(), [&](const AgencyFacts& agency) { return agency.id == id; });
  return found == all.end() ? nullptr : &*found;
}

const AgencyFacts* Agencies::find(std::string_view code) const {
  const auto found =
      std::find_if(all.begin(), all.end(), [&](const AgencyFacts& agency) { return agency.code == code; });
  return found == all.end() ? nullptr : &*found;
}

Result<AgencyFacts> Agencies::require(std::string_view code, std::string_view field) const {
  if (const AgencyFacts* agency = find(code)) {
    return *agency;
  }
  const std::string shown = excerpt_for_message(code);
  return Error::with_fields(ErrorCode::ValidationFailed,
                            {FieldError{std::string(field), "perangkat daerah '" + shown + "' tidak dikenal",
                                        "unknown agency '" + shown + "'"}});
}

Result<AgencyFacts> Agencies::require_id(AgencyId id) const {
  if (const AgencyFacts* agency = find(id)) {
    return *agency;
  }
  return not_found("Perangkat daerah " + id.to_string());
}

Result<Agencies> load_agencies(const PerformanceDirectory& directory, const auth::Principal& caller) {
  return Agencies{TRY(directory.agencies(caller))};
}

bool may_act_on(const auth::Principal& caller, auth::Action action, const AgencyFacts& agency) {
  return auth::may_take_on(
      caller, action,
      auth::ResourceScope{
          .region_id = caller.region_id, .agency_id = agency.id.value(), .agency_cluster = agency.cluster});
}

Result<void> require_permission(const auth::Principal& caller, auth::Action action,
                                const AgencyFacts& agency) {
  if (!may_act_on(caller, action, agency)) {
    return Error(ErrorCode::Forbidden);
  }
  return success();
}

std::vector<FieldError> check_year(int year, std::string_view field) {
  std::vector<FieldError> errors;
  if (year < 2000 || year > 2100) {
    add_field_error(errors, field, "tahun harus antara 2000 dan 2100",
                    "the year must be between 2000 and 2100");
  }
  return errors;
}

std::pair<std::size_t, std::size_t> page_bounds(std::int64_t total, std::int64_t page,
                                                std::int64_t page_size) {
  if (page_size <= 0) {
    return {0, static_cast<std::size_t>(total)};
  }
  const std::int64_t first = std::min(total, std::max<std::int64_t>(0, page - 1) * page_size);
  const std::int64_t last = std::min(total, first + page_size);
  return {static_cast<std::size_t>(first), static_cast<std::size_t>(last)};
}

audit::AuditEvent event(const auth::Principal& caller, RegionId region, std::string action,
                        std::string entity_type, std::string entity_id,
                        std::vector<audit::FieldChange> changes, const audit::CallContext& context) {
  return audit::event_for(audit::actor_of(caller), region.value(), std::move(action), std::move(entity_type),
                          std::move(entity_id), std::move(changes), context);
}

std::vector<audit::FieldChange> content_changes(const AgreementContent& before,
                                                const AgreementContent& after) {
  std::vector<audit::FieldChange> changes;
  if (before.second_party != after.second_party) {
    changes.push_back({"second_party", before.second_party.name + ", " + before.second_party.position,
                       after.second_party.name + ", " + after.second_party.position});
  }
  std::map<std::int64_t, std::string> items_before;
  for (const AgreementItem& item : before.items) {
    items_before[item.indicator_id] = item_text(item);
  }
  std::map<std::int64_t, std::string> items_after;
  for (const AgreementItem& item : after.items) {
    items_after[item.indicator_id] = item_text(item);
  }
  for (const auto& [id, text] : items_before) {
    const auto found = items_after.find(id);
    if (found == items_after.end()) {
      changes.push_back({"items." + std::to_string(id), text, nullptr});
    } else if (found->second != text) {
      changes.push_back({"items." + std::to_string(id), text, found->second});
    }
  }
  for (const auto& [id, text] : items_after) {
    if (!items_before.contains(id)) {
      changes.push_back({"items." + std::to_string(id), nullptr, text});
    }
  }
  std::map<std::int64_t, std::int64_t> budgets_before;
  for (const AgreementProgram& program : before.programs) {
    budgets_before[program.node_id] = program.budget.rupiah();
  }
  std::map<std::int64_t, std::int64_t> budgets_after;
  for (const AgreementProgram& program : after.programs) {
    budgets_after[program.node_id] = program.budget.rupiah();
  }
  for (const auto& [id, budget] : budgets_before) {
    const auto found = budgets_after.find(id);
    if (found == budgets_after.end()) {
      changes.push_back({"programs." + std::to_string(id), budget, nullptr});
    } else if (found->second != budget) {
      changes.push_back({"programs." + std::to_string(id), budget, found->second});
    }
  }
  for (const auto& [id, budget] : budgets_after) {
    if (!budgets_before.contains(id)) {
      changes.push_back({"programs." + std::to_string(id), nullptr, budget});
    }
  }
  return changes;
}

std::optional<AgreementRecord> in_force_among(const std::vector<AgreementRecord>& agreements,
                                              AgencyId agency) {
  const AgreementRecord* found = nullptr;
  for (const AgreementRecord& agreement : agreements) {
    if (agreement.agency_id == agency && agreement.state == kSigned && !agreement.superseded &&
        (!found || agreement.number > found->number)) {
      found = &agreement;
    }
  }
  return found ? std::optional<AgreementRecord>(*found) : std::nullopt;
}

Result<std::optional<AgreementRecord>> agreement_in_force(PerformanceStore& store, RegionId region,
                                                          AgencyId agency, int year) {
  return in_force_among(TRY(store.agreements(region, AgreementFilter{agency, year})), agency);
}

}  // namespace sinergi::performance
