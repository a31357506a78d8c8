#pragma once

#include <nlohmann/json.hpp>

#include "contexts/organization/organization.h"
#include "contexts/organization/organization_service.h"

// The JSON of the organization context's records and views (docs/api/organization.md).
// Record JSON is also what the audit trail diffs, so every stored field appears in it.

namespace sinergi::organization {

nlohmann::json region_json(const RegionRecord& region, const std::optional<std::string>& parent_code);
nlohmann::json agency_record_json(const AgencyRecord& agency);
nlohmann::json agency_json(const AgencyView& view);
nlohmann::json unit_json(const UnitRecord& unit, const std::string& agency_code);
nlohmann::json position_record_json(const PositionRecord& position);
nlohmann::json position_json(const PositionView& view);
nlohmann::json person_record_json(const PersonRecord& person);
nlohmann::json person_json(const PersonView& view);
nlohmann::json assignment_record_json(const AssignmentRecord& assignment);
nlohmann::json assignment_json(const AssignmentView& view);
nlohmann::json chart_json(const OrganizationChart& chart);

}  // namespace sinergi::organization
