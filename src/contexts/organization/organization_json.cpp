#include "contexts/organization/organization_json.h"

namespace sinergi::organization {
namespace {

using Json = nlohmann::json;

Json optional_date(const std::optional<Date>& date) {
  return date ? Json(format_iso_date(*date)) : Json(nullptr);
}

template <typename Value>
Json optional_value(const std::optional<Value>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json holder_json(const Holder& holder) {
  return Json{{"assignment_id", holder.assignment_id.value()},
              {"person_id", holder.person_id.value()},
              {"name", holder.name},
              {"nip", holder.nip},
              {"kind", name(holder.kind)},
              {"starts_on", format_iso_date(holder.starts_on)}};
}

Json chart_node_json(const ChartNode& node, const std::string& agency_code) {
  Json positions = Json::array();
  for (const auto& position : node.positions) {
    positions.push_back(position_json(position));
  }
  Json children = Json::array();
  for (const auto& child : node.children) {
    children.push_back(chart_node_json(child, agency_code));
  }
  return Json{{"unit", unit_json(node.unit, agency_code)}, {"positions", positions}, {"children", children}};
}

}  // namespace

Json region_json(const RegionRecord& region, const std::optional<std::string>& parent_code) {
  return Json{{"id", region.id.value()},
              {"code", region.code},
              {"name", region.name},
              {"level", region.level},
              {"parent_code", optional_value(parent_code)}};
}

Json agency_record_json(const AgencyRecord& agency) {
  return Json{{"id", agency.id.value()},
              {"code", agency.code},
              {"short_name", agency.short_name},
              {"name", agency.name},
              {"kind", name(agency.kind)},
              {"cluster", optional_value(agency.cluster)},
              {"active", agency.active},
              {"active_from", optional_date(agency.active_from)},
              {"active_until", optional_date(agency.active_until)},
              {"version", agency.version}};
}

Json agency_json(const AgencyView& view) {
  Json json = agency_record_json(view.agency);
  if (view.head) {
    const PositionView& head = *view.head;
    json["head"] = Json{{"position_id", head.position.id.value()},
                        {"title", head.position.title},
                        {"state", name(head.status.state)},
                        {"holder", head.holder ? holder_json(*head.holder) : Json(nullptr)},
                        {"days_without_definitive", head.status.days_without_definitive},
                        {"alert", head.alert}};
  } else {
    json["head"] = nullptr;
  }
  json["counts"] = Json{{"positions", view.counts.positions},
                        {"filled", view.counts.filled},
                        {"acting", view.counts.acting},
                        {"vacant", view.counts.vacant},
                        {"people", view.counts.people}};
  return json;
}

Json unit_json(const UnitRecord& unit, const std::string& agency_code) {
  return Json{{"id", unit.id.value()},
              {"agency_code", agency_code},
              {"parent_id", unit.parent_id ? Json(unit.parent_id->value()) : Json(nullptr)},
              {"code", unit.code},
              {"name", unit.name},
              {"kind", name(unit.kind)},
              {"active", unit.active},
              {"version", unit.version}};
}

Json position_record_json(const PositionRecord& position) {
  return Json{{"id", position.id.value()},
              {"agency_id", position.agency_id.value()},
              {"unit_id", position.unit_id ? Json(position.unit_id->value()) : Json(nullptr)},
              {"code", position.code},
              {"title", position.title},
              {"level", name(position.level)},
              {"is_agency_head", position.is_agency_head},
              {"is_unit_head", position.is_unit_head},
              {"established_on", format_iso_date(position.established_on)},
              {"active", position.active},
              {"version", position.version}};
}

Json position_json(const PositionView& view) {
  Json json = position_record_json(view.position);
  json.erase("agency_id");
  json["agency_code"] = view.agency_code;
  json["agency_name"] = view.agency_name;
  json["unit_name"] = optional_value(view.unit_name);
  Json acting = Json::array();
  for (const auto& holder : view.acting) {
    acting.push_back(holder_json(holder));
  }
  const PositionStatus& status = view.status;
  json["status"] = Json{{"state", name(status.state)},
                        {"since", format_iso_date(status.since)},
                        {"days_in_state", status.days_in_state},
                        {"without_definitive_since", optional_date(status.without_definitive_since)},
                        {"days_without_definitive", status.days_without_definitive},
                        {"alert", view.alert},
                        {"holder", view.holder ? holder_json(*view.holder) : Json(nullptr)},
                        {"acting", acting}};
  return json;
}

Json person_record_json(const PersonRecord& person) {
  return Json{{"id", person.id.value()},
              {"nip", person.nip},
              {"name", person.name},
              {"rank_grade", person.rank_grade},
              {"employment_status", name(person.employment_status)},
              {"agency_id", person.agency_id ? Json(person.agency_id->value()) : Json(nullptr)},
              {"active", person.active},
              {"version", person.version}};
}

Json person_json(const PersonView& view) {
  Json json = person_record_json(view.person);
  json.erase("agency_id");
  json["agency_code"] = optional_value(view.agency_code);
  json["agency_name"] = optional_value(view.agency_name);
  Json positions = Json::array();
  for (const auto& current : view.current_assignments) {
    positions.push_back(Json{{"assignment_id", current.assignment.id.value()},
                             {"position_id", current.assignment.position_id.value()},
                             {"title", current.position_title},
                             {"agency_code", current.agency_code},
                             {"kind", name(current.assignment.kind)}});
  }
  json["positions"] = positions;
  return json;
}

Json assignment_record_json(const AssignmentRecord& assignment) {
  return Json{{"id", assignment.id.value()},
              {"person_id", assignment.person_id.value()},
              {"position_id", assignment.position_id.value()},
              {"kind", name(assignment.kind)},
              {"starts_on", format_iso_date(assignment.starts_on)},
              {"ends_on", optional_date(assignment.ends_on)},
              {"decree_number", assignment.decree_number},
              {"note", assignment.note},
              {"version", assignment.version}};
}

Json assignment_json(const AssignmentView& view) {
  Json json = assignment_record_json(view.assignment);
  json["person_name"] = view.person_name;
  json["nip"] = view.nip;
  json["position_title"] = view.position_title;
  json["agency_code"] = view.agency_code;
  json["current"] = view.current;
  return json;
}

Json chart_json(const OrganizationChart& chart) {
  Json positions = Json::array();
  for (const auto& position : chart.positions) {
    positions.push_back(position_json(position));
  }
  Json units = Json::array();
  for (const auto& node : chart.units) {
    units.push_back(chart_node_json(node, chart.agency.agency.code));
  }
  return Json{{"agency", agency_json(chart.agency)}, {"positions", positions}, {"units", units}};
}

}  // namespace sinergi::organization
