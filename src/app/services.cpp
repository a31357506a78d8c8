#include "app/services.h"

#include <unordered_map>

namespace sinergi::app {

Services::Services(db::Database& database, const Clock& clock, auth::PasswordHasher& hasher,
                   auth::LoginThrottle& throttle, const files::ContentStore& evidence_store,
                   identity::IdentityOptions identity_options)
    : database_(database),
      clock_(clock),
      identity_(
          std::make_unique<identity::IdentityService>(database, hasher, throttle, clock, identity_options)),
      organization_repository_(organization::make_sql_organization_repository(database, clock)),
      organization_(std::make_unique<organization::OrganizationService>(*organization_repository_, clock)),
      importer_(std::make_unique<organization::SpreadsheetImporter>(*organization_repository_, clock)),
      attendance_repository_(organization::make_sql_attendance_repository(database)),
      attendance_(std::make_unique<organization::AttendanceService>(
          *attendance_repository_, clock, organization::OrganizationOptions{},
          // The person a caller is: the one whose NIP is on the caller's account.
          [identity = identity_.get()](std::int64_t user_id) {
            return identity->nip_of_user(identity::UserId(user_id));
          })),
      planning_repository_(planning::make_sql_planning_repository(database, clock)),
      planning_(
          std::make_unique<planning::PlanningService>(*planning_repository_, clock, agency_directory())),
      plan_importer_(
          std::make_unique<planning::PlanImporter>(*planning_repository_, clock, agency_directory())),
      performance_repository_(performance::make_sql_performance_repository(database, clock)),
      agreements_(std::make_unique<performance::AgreementService>(*performance_repository_, clock,
                                                                  performance_directory())),
      realizations_(std::make_unique<performance::RealizationService>(
          *performance_repository_, clock, performance_directory(), evidence_store)),
      scales_(std::make_unique<performance::ScaleService>(*performance_repository_)) {}

planning::AgencyDirectory agency_directory_of(organization::OrganizationService& organization_service) {
  return
      [organization = &organization_service](RegionId region) -> Result<std::vector<planning::AgencyInfo>> {
        std::vector<planning::AgencyInfo> agencies;
        for (const auto& agency : TRY(organization->region_agencies(region))) {
          agencies.push_back(planning::AgencyInfo{agency.id, agency.code, agency.name});
        }
        return agencies;
      };
}

planning::AgencyDirectory Services::agency_directory() {
  return agency_directory_of(*organization_);
}

namespace {

std::string acting_prefix(organization::AssignmentKind kind) {
  switch (kind) {
    case organization::AssignmentKind::acting:
      return "Plt. ";
    case organization::AssignmentKind::daily_acting:
      return "Plh. ";
    case organization::AssignmentKind::definitive:
      break;
  }
  return "";
}

// The plan that covers `year`: the adopted one when there is one, else a draft.
std::optional<planning::PlanId> plan_covering(const std::vector<planning::PlanView>& plans, int year) {
  std::optional<planning::PlanId> found;
  for (const planning::PlanView& view : plans) {
    if (!view.plan.period.contains(year)) {
      continue;
    }
    if (view.plan.status == planning::PlanStatus::adopted) {
      return view.plan.id;
    }
    found = found.value_or(view.plan.id);
  }
  return found;
}

}  // namespace

performance::PerformanceDirectory Services::performance_directory() {
  performance::PerformanceDirectory directory;
  organization::OrganizationService* organization = organization_.get();
  planning::PlanningService* planning = planning_.get();
  directory.agencies =
      [organization](const auth::Principal& caller) -> Result<std::vector<performance::AgencyFacts>> {
    if (!caller.region_id) {
      return Error(ErrorCode::Forbidden);
    }
    std::vector<performance::AgencyFacts> agencies;
    for (const auto& agency : TRY(organization->region_agencies(RegionId(*caller.region_id)))) {
      agencies.push_back(performance::AgencyFacts{agency.id, agency.code, agency.name, agency.cluster});
    }
    return agencies;
  };
  directory.region_name = [organization](const auth::Principal& caller) -> Result<std::string> {
    for (const auto& region : TRY(organization->list_regions(caller))) {
      if (caller.region_id && region.id.value() == *caller.region_id) {
        return region.name;
      }
    }
    return std::string();
  };
  directory.head_of =
      [organization](const auth::Principal& caller,
                     const performance::AgencyFacts& agency) -> Result<std::optional<performance::Party>> {
    const organization::AgencyView view = TRY(organization->get_agency(caller, agency.code));
    if (!view.head || !view.head->holder) {
      return std::optional<performance::Party>();
    }
    const organization::Holder& holder = *view.head->holder;
    const organization::PersonDetail person = TRY(organization->get_person(caller, holder.person_id));
    return std::optional<performance::Party>(
        performance::Party{holder.name, holder.nip, person.view.person.rank_grade,
                           acting_prefix(holder.kind) + view.head->position.title});
  };
  directory.plan = [planning](const auth::Principal& caller, AgencyId agency,
                              int year) -> Result<performance::PlanFacts> {
    performance::PlanFacts facts;
    const auto plan = plan_covering(TRY(planning->plans(caller)), year);
    if (!plan) {
      return facts;
    }
    const planning::Cascade cascade = TRY(planning->cascade(caller, *plan));
    std::unordered_map<std::int64_t, const planning::NodeRecord*> nodes;
    for (const planning::NodeView& view : cascade.nodes) {
      nodes[view.node.id.value()] = &view.node;
      const std::string kind(planning::name(view.node.kind));
      if (view.node.agency_id == agency &&
          (kind == "program" || kind == "activity" || kind == "sub_activity")) {
        facts.programs.push_back(
            performance::PlannedProgram{view.node.id.value(), kind, view.node.code, view.node.title});
      }
    }
    for (const planning::IndicatorView& view : cascade.indicators) {
      const planning::IndicatorRecord& indicator = view.indicator;
      const auto node = nodes.find(indicator.node_id.value());
      if (node == nodes.end()) {
        continue;
      }
      const bool own = node->second->agency_id == agency || indicator.responsible_agency_id == agency;
      if (!own) {
        continue;
      }
      performance::PlannedIndicator planned;
      planned.id = indicator.id.value();
      planned.objective_code = node->second->code;
      planned.objective = node->second->title;
      planned.node_kind = std::string(planning::name(node->second->kind));
      planned.name = indicator.name;
      planned.unit = indicator.unit;
      planned.polarity = indicator.polarity;
      planned.variant = indicator.formula_variant;
      planned.aggregation = indicator.aggregation;
      planned.key_indicator = indicator.key_indicator;
      for (const planning::Target& target : indicator.targets) {
        if (target.year == year) {
          planned.target = performance::TargetValue{target.value, target.lower, target.upper};
        }
      }
      facts.indicators.push_back(std::move(planned));
    }
    return facts;
  };
  return directory;
}

Services::~Services() = default;

}  // namespace sinergi::app
