#pragma once

#include <nlohmann/json.hpp>

#include "contexts/planning/planning_service.h"

// The JSON of the planning context's records and views (docs/api/planning.md). Record JSON is
// also what the audit trail diffs and what a plan version's snapshot stores, so every stored
// field appears in it. Exact decimals are strings with a dot ("78.20").

namespace sinergi::planning {

nlohmann::json decimal_json(const std::optional<Decimal>& value);
nlohmann::json plan_json(const PlanView& view);
nlohmann::json plan_record_json(const PlanRecord& plan);
nlohmann::json node_summary_json(const NodeSummary& summary);
nlohmann::json node_json(const NodeView& view);
nlohmann::json link_json(const LinkView& view);
nlohmann::json target_json(const Target& target);
nlohmann::json indicator_json(const IndicatorView& view);
nlohmann::json node_detail_json(const NodeDetail& detail);
// The performance tree as JSON text (docs/api/planning.md), written directly for speed.
std::string tree_json_text(const TreeView& view, const std::string& search);
nlohmann::json version_json(const PlanVersionRecord& version);
nlohmann::json revision_json(const RevisionView& view);
// The whole plan as stored: {"plan", "national_priorities", "nodes", "links", "indicators"}.
nlohmann::json cascade_json(const Cascade& cascade);

}  // namespace sinergi::planning
