#include "contexts/planning/planning_support.h"

#include "contexts/planning/nomenclature.h"

namespace sinergi::planning::support {

Result<RegionId> region_of(const auth::Principal& caller) {
  if (!caller.region_id) {
    return Error(ErrorCode::Forbidden);
  }
  return RegionId(*caller.region_id);
}

std::optional<std::string> Agencies::code_of(const std::optional<AgencyId>& id) const {
  if (!id) {
    return std::nullopt;
  }
  const auto found = by_id.find(id->value());
  return found == by_id.end() ? std::optional<std::string>("#" + id->to_string()) : found->second.code;
}

Result<Agencies> load_agencies(const AgencyDirectory& directory, RegionId region) {
  Agencies agencies;
  for (AgencyInfo& agency : TRY(directory(region))) {
    agencies.by_code.emplace(agency.code, agency);
    agencies.by_id.emplace(agency.id.value(), std::move(agency));
  }
  return agencies;
}

const NodeRecord* LoadedPlan::find(NodeId id) const {
  if (const auto found = content->node_by_id.find(id.value()); found != content->node_by_id.end()) {
    return found->second;
  }
  const auto found = priority_by_id.find(id.value());
  return found == priority_by_id.end() ? nullptr : found->second;
}

std::shared_ptr<const PlanContent> PlanCache::find(PlanId plan, std::int64_t content_version) const {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(plan.value());
  if (found == entries_.end() || found->second.first != content_version) {
    return nullptr;
  }
  return found->second.second;
}

void PlanCache::put(PlanId plan, std::int64_t content_version, std::shared_ptr<const PlanContent> content) {
  const std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxPlans && !entries_.contains(plan.value())) {
    entries_.clear();  // rare: more plans read than a region has; start over
  }
  entries_[plan.value()] = {content_version, std::move(content)};
}

Result<PlanRecord> find_plan(PlanningStore& store, RegionId region, PlanId plan) {
  auto found = TRY(store.find_plan(region, plan));
  if (!found) {
    return not_found("Rencana " + plan.to_string());
  }
  return std::move(*found);
}

Result<void> load_plan(PlanningStore& store, RegionId region, PlanId plan, LoadedPlan& loaded,
                       PlanCache* cache) {
  loaded.plan = TRY(find_plan(store, region, plan));
  loaded.priorities = TRY(store.national_priorities());
  loaded.priority_by_id.clear();
  for (const NodeRecord& node : loaded.priorities) {
    loaded.priority_by_id.emplace(node.id.value(), &node);
  }
  if (cache != nullptr) {
    loaded.content = cache->find(plan, loaded.plan.content_version);
    if (loaded.content) {
      return success();
    }
  }
  auto content = std::make_shared<PlanContent>();
  content->nodes = TRY(store.plan_nodes(region, plan));
  content->links = TRY(store.plan_links(region, plan));
  content->indicators = TRY(store.plan_indicators(region, plan));
  content->node_by_id.reserve(content->nodes.size());
  for (const NodeRecord& node : content->nodes) {
    content->node_by_id.emplace(node.id.value(), &node);
  }
  loaded.content = content;
  if (cache != nullptr) {
    cache->put(plan, loaded.plan.content_version, std::move(content));
  }
  return success();
}

NodeSummary summary_of(const NodeRecord& node, const Agencies& agencies) {
  return NodeSummary{node.id, node.kind, node.code, node.title, agencies.code_of(node.agency_id)};
}

NodeView view_of(const NodeRecord& node, const Agencies& agencies) {
  NodeView view{node, agencies.code_of(node.agency_id), std::nullopt, false};
  if (node.field_code) {
    if (const UrusanField* field = find_field(*node.field_code)) {
      view.field_name = field->name;
    }
    view.basic_service = is_basic_service_field(*node.field_code);
  }
  return view;
}

IndicatorView view_of(const IndicatorRecord& indicator, const NodeRecord& node, const Agencies& agencies) {
  return IndicatorView{indicator, summary_of(node, agencies),
                       agencies.code_of(indicator.responsible_agency_id)};
}

PlanCounts count(const std::vector<NodeRecord>& nodes, const std::vector<IndicatorRecord>& indicators) {
  PlanCounts counts;
  for (const NodeRecord& node : nodes) {
    switch (node.kind) {
      case PlanNodeKind::region_mission:
        ++counts.missions;
        break;
      case PlanNodeKind::region_goal:
        ++counts.goals;
        break;
      case PlanNodeKind::region_objective:
        ++counts.objectives;
        break;
      case PlanNodeKind::agency_objective:
        ++counts.agency_objectives;
        break;
      case PlanNodeKind::program:
        ++counts.programs;
        break;
      case PlanNodeKind::activity:
        ++counts.activities;
        break;
      case PlanNodeKind::sub_activity:
        ++counts.sub_activities;
        break;
      default:
        break;
    }
  }
  counts.indicators = static_cast<std::int64_t>(indicators.size());
  return counts;
}

Cascade cascade_of(const LoadedPlan& loaded, const Agencies& agencies) {
  Cascade cascade;
  cascade.plan = loaded.plan;
  for (const NodeRecord& node : loaded.priorities) {
    cascade.priorities.push_back(view_of(node, agencies));
  }
  for (const NodeRecord& node : loaded.nodes()) {
    cascade.nodes.push_back(view_of(node, agencies));
  }
  for (const LinkRecord& link : loaded.links()) {
    const NodeRecord* from = loaded.find(link.from);
    const NodeRecord* to = loaded.find(link.to);
    if (from != nullptr && to != nullptr) {
      cascade.links.push_back(LinkView{link, summary_of(*from, agencies), summary_of(*to, agencies)});
    }
  }
  for (const IndicatorRecord& indicator : loaded.indicators()) {
    if (const NodeRecord* node = loaded.find(indicator.node_id)) {
      cascade.indicators.push_back(view_of(indicator, *node, agencies));
    }
  }
  return cascade;
}

audit::AuditEvent event(const auth::Principal& caller, RegionId region, std::string action,
                        std::string entity_type, std::string entity_id,
                        std::vector<audit::FieldChange> changes, const CallContext& context) {
  return audit::event_for(audit::actor_of(caller), region.value(), std::move(action), std::move(entity_type),
                          std::move(entity_id), std::move(changes), context);
}

}  // namespace sinergi::planning::support
