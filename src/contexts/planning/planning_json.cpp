#include "contexts/planning/planning_json.h"

#include "core/input_text.h"
#include "platform/http/json_body.h"

namespace sinergi::planning {

using Json = nlohmann::json;

namespace {

Json optional_text(const std::optional<std::string>& text) {
  return text ? Json(*text) : Json(nullptr);
}

}  // namespace

Json decimal_json(const std::optional<Decimal>& value) {
  return value ? Json(value->to_string()) : Json(nullptr);
}

Json plan_record_json(const PlanRecord& plan) {
  return Json{{"id", plan.id.value()},
              {"kind", name(plan.kind)},
              {"title", plan.title},
              {"first_year", plan.period.first_year},
              {"last_year", plan.period.last_year},
              {"vision", plan.vision},
              {"status", name(plan.status)},
              {"regulation_number", optional_text(plan.regulation_number)},
              {"regulation_date",
               plan.regulation_date ? Json(format_iso_date(*plan.regulation_date)) : Json(nullptr)},
              {"current_version", plan.current_version},
              {"version", plan.version}};
}

Json plan_json(const PlanView& view) {
  Json json = plan_record_json(view.plan);
  const PlanCounts& counts = view.counts;
  json["counts"] = Json{{"missions", counts.missions},
                        {"goals", counts.goals},
                        {"objectives", counts.objectives},
                        {"agency_objectives", counts.agency_objectives},
                        {"programs", counts.programs},
                        {"activities", counts.activities},
                        {"sub_activities", counts.sub_activities},
                        {"indicators", counts.indicators}};
  return json;
}

Json node_summary_json(const NodeSummary& summary) {
  return Json{{"id", summary.id.value()},
              {"kind", name(summary.kind)},
              {"code", summary.code},
              {"title", summary.title},
              {"agency_code", optional_text(summary.agency_code)}};
}

Json node_json(const NodeView& view) {
  const NodeRecord& node = view.node;
  return Json{{"id", node.id.value()},
              {"plan_id", node.plan_id ? Json(node.plan_id->value()) : Json(nullptr)},
              {"kind", name(node.kind)},
              {"code", node.code},
              {"title", node.title},
              {"parent_id", node.parent_id ? Json(node.parent_id->value()) : Json(nullptr)},
              {"agency_id", node.agency_id ? Json(node.agency_id->value()) : Json(nullptr)},
              {"agency_code", optional_text(view.agency_code)},
              {"field_code", optional_text(node.field_code)},
              {"field_name", optional_text(view.field_name)},
              {"basic_service", view.basic_service},
              {"builtin", node.builtin},
              {"version", node.version}};
}

Json link_json(const LinkView& view) {
  return Json{{"id", view.link.id.value()},
              {"plan_id", view.link.plan_id.value()},
              {"from", node_summary_json(view.from)},
              {"to", node_summary_json(view.to)},
              {"weight", decimal_json(view.link.weight)}};
}

Json target_json(const Target& target) {
  Json json{{"year", target.year}};
  if (target.value) {
    json["value"] = target.value->to_string();
  } else {
    json["lower"] = decimal_json(target.lower);
    json["upper"] = decimal_json(target.upper);
  }
  return json;
}

Json indicator_json(const IndicatorView& view) {
  const IndicatorRecord& indicator = view.indicator;
  Json targets = Json::array();
  for (const Target& target : indicator.targets) {
    targets.push_back(target_json(target));
  }
  return Json{
      {"id", indicator.id.value()},
      {"plan_id", indicator.plan_id.value()},
      {"node_id", indicator.node_id.value()},
      {"node", node_summary_json(view.node)},
      {"code", indicator.code},
      {"name", indicator.name},
      {"unit", indicator.unit},
      {"definition", indicator.definition},
      {"formula_text", indicator.formula_text},
      {"polarity", name(indicator.polarity)},
      {"formula_variant", name(indicator.formula_variant)},
      {"aggregation", name(indicator.aggregation)},
      {"baseline_year", indicator.baseline_year ? Json(*indicator.baseline_year) : Json(nullptr)},
      {"baseline_value", decimal_json(indicator.baseline_value)},
      {"targets", targets},
      {"data_source",
       Json{{"kind", indicator.data_source_kind ? Json(name(*indicator.data_source_kind)) : Json(nullptr)},
            {"name", indicator.data_source_name},
            {"reference", indicator.data_source_reference}}},
      {"responsible_agency_id",
       indicator.responsible_agency_id ? Json(indicator.responsible_agency_id->value()) : Json(nullptr)},
      {"responsible_agency_code", optional_text(view.responsible_agency_code)},
      {"key_indicator", indicator.key_indicator},
      {"spm_service", optional_text(indicator.spm_service)},
      {"version", indicator.version}};
}

Json node_detail_json(const NodeDetail& detail) {
  Json json = node_json(detail.node);
  json["parent"] = detail.parent ? node_summary_json(*detail.parent) : Json(nullptr);
  Json children = Json::array();
  for (const NodeSummary& child : detail.children) {
    children.push_back(node_summary_json(child));
  }
  json["children"] = children;
  Json out = Json::array();
  for (const LinkView& link : detail.links_out) {
    out.push_back(link_json(link));
  }
  json["links_out"] = out;
  Json in = Json::array();
  for (const LinkView& link : detail.links_in) {
    in.push_back(link_json(link));
  }
  json["links_in"] = in;
  Json indicators = Json::array();
  for (const IndicatorView& indicator : detail.indicators) {
    indicators.push_back(indicator_json(indicator));
  }
  json["indicators"] = indicators;
  return json;
}

namespace {

// Appends `text` as a JSON string: quotes, backslashes and control characters escaped,
// ill-formed UTF-8 replaced by U+FFFD (as to_json_text does).
void append_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t index = 0;
  while (index < text.size()) {
    const auto byte = static_cast<unsigned char>(text[index]);
    if (byte < 0x80) {
      if (byte == '"' || byte == '\\') {
        out += '\\';
        out += static_cast<char>(byte);
      } else if (byte < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
      } else {
        out += static_cast<char>(byte);
      }
      ++index;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text.substr(index));
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++index;
    } else {
      out.append(text.substr(index, length));
      index += length;
    }
  }
  out += '"';
}

void append_decimal(std::string& out, const std::optional<Decimal>& value) {
  if (value) {
    append_string(out, value->to_string());
  } else {
    out += "null";
  }
}

}  // namespace

// Written by hand rather than through nlohmann objects: a province's tree has thousands of
// nodes and indicator chips, and building the object tree took ~100 ms of a 103 ms answer
// (bench/planning, bench/results/planning_service.md).
std::string tree_json_text(const TreeView& view, const std::string& search) {
  std::string out;
  out.reserve(256 + view.tree.nodes.size() * 256);
  out += "{\"plan\":";
  out += http::to_json_text(plan_json(view.plan));
  out += ",\"q\":";
  append_string(out, search);
  out += ",\"nodes\":[";
  for (std::size_t index = 0; index < view.tree.nodes.size(); ++index) {
    const TreeNode& node = view.tree.nodes[index];
    if (index > 0) {
      out += ',';
    }
    out += "{\"id\":" + std::to_string(node.id) + ",\"kind\":";
    append_string(out, name(node.kind));
    out += ",\"code\":";
    append_string(out, node.code);
    out += ",\"title\":";
    append_string(out, node.title);
    out += ",\"agency_code\":";
    if (view.agency_codes[index]) {
      append_string(out, *view.agency_codes[index]);
    } else {
      out += "null";
    }
    out += ",\"indicators\":[";
    bool first_chip = true;
    for (const std::int64_t id : node.indicator_ids) {
      const auto found = view.indicators.find(id);
      if (found == view.indicators.end()) {
        continue;
      }
      const IndicatorRecord& indicator = *found->second;
      out += first_chip ? "" : ",";
      first_chip = false;
      out += "{\"id\":" + std::to_string(id) + ",\"name\":";
      append_string(out, indicator.name);
      out += ",\"unit\":";
      append_string(out, indicator.unit);
      out += indicator.key_indicator ? ",\"key_indicator\":true" : ",\"key_indicator\":false";
      out += ",\"baseline_value\":";
      append_decimal(out, indicator.baseline_value);
      out += ",\"targets\":[";
      for (std::size_t t = 0; t < indicator.targets.size(); ++t) {
        const Target& target = indicator.targets[t];
        out += t > 0 ? ",{\"year\":" : "{\"year\":";
        out += std::to_string(target.year);
        if (target.value) {
          out += ",\"value\":";
          append_decimal(out, target.value);
        } else {
          out += ",\"lower\":";
          append_decimal(out, target.lower);
          out += ",\"upper\":";
          append_decimal(out, target.upper);
        }
        out += '}';
      }
      out += "]}";
    }
    out += "],\"children\":[";
    for (std::size_t c = 0; c < node.children.size(); ++c) {
      out += (c > 0 ? "," : "") + std::to_string(node.children[c]);
    }
    out += node.matches ? "],\"matches\":true" : "],\"matches\":false";
    out += node.on_match_path ? ",\"on_match_path\":true}" : ",\"on_match_path\":false}";
  }
  out += "],\"roots\":[";
  for (std::size_t r = 0; r < view.tree.roots.size(); ++r) {
    out += (r > 0 ? "," : "") + std::to_string(view.tree.roots[r]);
  }
  out += "],\"unplaced\":[";
  for (std::size_t u = 0; u < view.tree.unplaced.size(); ++u) {
    out += (u > 0 ? "," : "") + std::to_string(view.tree.unplaced[u]);
  }
  out += "]}";
  return out;
}

Json version_json(const PlanVersionRecord& version) {
  Json json{{"number", version.number},
            {"kind", name(version.kind)},
            {"revision_id", version.revision_id ? Json(version.revision_id->value()) : Json(nullptr)},
            {"reason", version.reason},
            {"approved_by_name", version.approved_by_name},
            {"approved_at", version.approved_at}};
  if (!version.snapshot.empty()) {
    json["snapshot"] = Json::parse(version.snapshot, nullptr, false);
  }
  return json;
}

Json revision_json(const RevisionView& view) {
  const RevisionRecord& revision = view.revision;
  Json changes = Json::array();
  for (const TargetChange& change : revision.changes) {
    const auto name_of = view.indicator_names.find(change.indicator_id.value());
    changes.push_back(Json{
        {"indicator_id", change.indicator_id.value()},
        {"indicator_name", name_of == view.indicator_names.end() ? Json(nullptr) : Json(name_of->second)},
        {"year", change.year},
        {"value", decimal_json(change.value)},
        {"lower", decimal_json(change.lower)},
        {"upper", decimal_json(change.upper)},
        {"previous_value", decimal_json(change.previous_value)},
        {"previous_lower", decimal_json(change.previous_lower)},
        {"previous_upper", decimal_json(change.previous_upper)}});
  }
  return Json{{"id", revision.id.value()},
              {"plan_id", revision.plan_id.value()},
              {"reason", revision.reason},
              {"status", name(revision.status)},
              {"changes", changes},
              {"proposed_by_name", revision.proposed_by_name},
              {"proposed_at", revision.proposed_at},
              {"decided_by_name", revision.decided_by_name},
              {"decided_at", optional_text(revision.decided_at)},
              {"decision_note", revision.decision_note},
              {"version_number", revision.version_number ? Json(*revision.version_number) : Json(nullptr)},
              {"version", revision.version}};
}

Json cascade_json(const Cascade& cascade) {
  Json priorities = Json::array();
  for (const NodeView& node : cascade.priorities) {
    priorities.push_back(node_json(node));
  }
  Json nodes = Json::array();
  for (const NodeView& node : cascade.nodes) {
    nodes.push_back(node_json(node));
  }
  Json links = Json::array();
  for (const LinkView& link : cascade.links) {
    links.push_back(link_json(link));
  }
  Json indicators = Json::array();
  for (const IndicatorView& indicator : cascade.indicators) {
    indicators.push_back(indicator_json(indicator));
  }
  return Json{{"plan", plan_record_json(cascade.plan)},
              {"national_priorities", priorities},
              {"nodes", nodes},
              {"links", links},
              {"indicators", indicators}};
}

}  // namespace sinergi::planning
