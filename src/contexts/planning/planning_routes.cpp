#include "contexts/planning/planning_routes.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "contexts/planning/planning_export.h"
#include "contexts/planning/planning_json.h"
#include "contexts/planning/planning_service.h"
#include "platform/audit/call_context.h"
#include "platform/auth/permissions.h"
#include "platform/http/json_body.h"
#include "platform/http/query_parameters.h"
#include "platform/tabular/table.h"

namespace sinergi::planning {
namespace {

using auth::Action;
using auth::Principal;
using http::Method;
using http::Request;
using http::Response;
using Json = nlohmann::json;

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxShortText = 500;

Response json_response(int status, const Json& body) {
  Response response = Response::json(status, http::to_json_text(body));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

// A decimal field: a JSON string (a number is refused, it would pass through binary floating
// point), absent or null. `field` names it in errors.
std::optional<std::string> decimal_text(const Json& object, const std::string& key, const std::string& field,
                                        http::JsonFields& fields) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return std::nullopt;
  }
  const Json& value = object.at(key);
  if (!value.is_string()) {
    fields.add_error(field, "tulis angka desimal sebagai teks, mis. \"78.25\"",
                     "write decimal numbers as strings, e.g. \"78.25\"");
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() > 60) {
    fields.add_error(field, "terlalu panjang", "too long");
    return std::nullopt;
  }
  return text;
}

std::optional<std::int64_t> integer_in(const Json& object, const std::string& key, const std::string& field,
                                       http::JsonFields& fields) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return std::nullopt;
  }
  const Json& value = object.at(key);
  if (!value.is_number_integer()) {
    fields.add_error(field, "harus bilangan bulat", "must be an integer");
    return std::nullopt;
  }
  return value.get<std::int64_t>();
}

IndicatorDraft indicator_draft(const Json& body, http::JsonFields& fields) {
  IndicatorDraft draft;
  draft.code = fields.optional_string("code", 32).value_or("");
  draft.name = fields.required_string("name", kMaxShortText).value_or("");
  draft.unit = fields.required_string("unit", 60).value_or("");
  draft.definition = fields.optional_string("definition", kMaxText).value_or("");
  draft.formula_text = fields.optional_string("formula_text", kMaxText).value_or("");
  draft.polarity = fields.required_string("polarity", 40).value_or("");
  draft.formula_variant = fields.required_string("formula_variant", 40).value_or("");
  draft.aggregation = fields.required_string("aggregation", 40).value_or("");
  draft.baseline_year = fields.optional_integer("baseline_year", 0, 9999);
  draft.baseline_value = decimal_text(body, "baseline_value", "baseline_value", fields);
  if (body.is_object() && body.contains("targets") && !body.at("targets").is_null()) {
    const Json& targets = body.at("targets");
    if (!targets.is_array() || targets.size() > 20) {
      fields.add_error("targets", "harus daftar target per tahun (paling banyak 20)",
                       "must be a list of yearly targets (at most 20)");
    } else {
      for (std::size_t index = 0; index < targets.size(); ++index) {
        const Json& target = targets[index];
        const std::string prefix = "targets[" + std::to_string(index) + "]";
        if (!target.is_object()) {
          fields.add_error(prefix, "harus objek {year, value} atau {year, lower, upper}",
                           "must be an object {year, value} or {year, lower, upper}");
          continue;
        }
        draft.targets.push_back(TargetDraft{integer_in(target, "year", prefix + ".year", fields),
                                            decimal_text(target, "value", prefix + ".value", fields),
                                            decimal_text(target, "lower", prefix + ".lower", fields),
                                            decimal_text(target, "upper", prefix + ".upper", fields)});
      }
    }
  }
  if (body.is_object() && body.contains("data_source") && !body.at("data_source").is_null()) {
    const Json& source = body.at("data_source");
    if (!source.is_object()) {
      fields.add_error("data_source", "harus objek {kind, name, reference}",
                       "must be an object {kind, name, reference}");
    } else {
      auto text = [&](const char* key, std::size_t max) -> std::optional<std::string> {
        if (!source.contains(key) || source.at(key).is_null()) {
          return std::nullopt;
        }
        if (!source.at(key).is_string() || source.at(key).get_ref<const std::string&>().size() > max * 4) {
          fields.add_error(std::string("data_source.") + key, "harus teks", "must be text");
          return std::nullopt;
        }
        return source.at(key).get<std::string>();
      };
      draft.data_source_kind = text("kind", 40);
      draft.data_source_name = text("name", kMaxShortText).value_or("");
      draft.data_source_reference = text("reference", kMaxShortText).value_or("");
    }
  }
  draft.responsible_agency_code = fields.optional_string("responsible_agency_code", 40);
  draft.key_indicator = fields.optional_boolean("key_indicator").value_or(false);
  draft.spm_service = fields.optional_string("spm_service", kMaxShortText);
  return draft;
}

PlanDraft plan_draft(http::JsonFields& fields) {
  PlanDraft draft;
  draft.kind = fields.required_string("kind", 10).value_or("");
  draft.title = fields.required_string("title", 250).value_or("");
  draft.first_year = fields.required_integer("first_year", 0, 9999);
  draft.last_year = fields.required_integer("last_year", 0, 9999);
  draft.vision = fields.optional_string("vision", kMaxText).value_or("");
  return draft;
}

Json page_json(const Json& items, std::int64_t total, std::int64_t page, std::int64_t page_size) {
  return Json{{"items", items}, {"page", page}, {"page_size", page_size}, {"total", total}};
}

// A 409 for a node others depend on: the problem document plus `dependants` as node summaries.
Response dependants_problem(const Error& error, const Request& request,
                            const std::vector<NodeSummary>& dependants) {
  Response response = http::problem_response(error, request);
  Json problem = Json::parse(response.body, nullptr, false);
  if (problem.is_object()) {
    Json list = Json::array();
    for (const NodeSummary& dependant : dependants) {
      list.push_back(node_summary_json(dependant));
    }
    problem["dependants"] = list;
    response.body = http::to_json_text(problem);
  }
  return response;
}

// 204 for a deleted node; a refusal because others depend on it becomes a 409 problem that
// also lists the dependants as node summaries (the web links each one).
Result<Response> deletion_response(Result<void> deleted, PlanningService& service, const Principal& caller,
                                   NodeId id, const Request& request) {
  if (deleted.ok()) {
    return Response::no_content();
  }
  if (deleted.error().code() != ErrorCode::Conflict) {
    return deleted.release_error();
  }
  auto dependants = service.dependants(caller, id);
  return dependants_problem(deleted.error(), request,
                            dependants.ok() ? *dependants : std::vector<NodeSummary>{});
}

void register_priority_routes(auth::SecuredRouter& router, PlanningService& service) {
  router.add(Method::get, "/api/v1/national-priorities", "listNationalPriorities", Action::planning_read,
             [&service](Request&, const Principal& caller) -> Result<Response> {
               Json items = Json::array();
               for (const NodeView& view : TRY(service.national_priorities(caller))) {
                 items.push_back(node_json(view));
               }
               return json_response(200, {{"items", items}});
             });
  router.add(Method::post, "/api/v1/national-priorities", "createNationalPriority",
             Action::national_priorities_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto code = fields.required_string("code", 32);
               auto title = fields.required_string("title", 1000);
               TRY(fields.finish());
               return json_response(201, node_json(TRY(service.create_national_priority(
                                             caller, *code, *title, audit::context_of(request)))));
             });
  router.add(Method::patch, "/api/v1/national-priorities/{id}", "updateNationalPriority",
             Action::national_priorities_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const NodeId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto title = fields.required_string("title", 1000);
               auto version = fields.required_integer("version", 1, kMaxId);
               TRY(fields.finish());
               return json_response(200, node_json(TRY(service.update_national_priority(
                                             caller, id, *title, *version, audit::context_of(request)))));
             });
  router.add(Method::delete_, "/api/v1/national-priorities/{id}", "deleteNationalPriority",
             Action::national_priorities_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const NodeId id(TRY(http::path_id(request, "id")));
               return deletion_response(
                   service.delete_national_priority(caller, id, audit::context_of(request)), service, caller,
                   id, request);
             });
}

void register_plan_routes(auth::SecuredRouter& router, PlanningService& service) {
  router.add(Method::get, "/api/v1/plans", "listPlans", Action::planning_read,
             [&service](Request&, const Principal& caller) -> Result<Response> {
               Json items = Json::array();
               for (const PlanView& view : TRY(service.plans(caller))) {
                 items.push_back(plan_json(view));
               }
               return json_response(200, {{"items", items}});
             });
  router.add(Method::post, "/api/v1/plans", "createPlan", Action::planning_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               const PlanDraft draft = plan_draft(fields);
               TRY(fields.finish());
               return json_response(
                   201, plan_json(TRY(service.create_plan(caller, draft, audit::context_of(request)))));
             });
  router.add(Method::get, "/api/v1/plans/{id}", "getPlan", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               return json_response(200, plan_json(TRY(service.plan(caller, id))));
             });
  router.add(Method::patch, "/api/v1/plans/{id}", "updatePlan", Action::planning_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               const PlanDraft draft = plan_draft(fields);
               auto version = fields.required_integer("version", 1, kMaxId);
               TRY(fields.finish());
               return json_response(200, plan_json(TRY(service.update_plan(caller, id, draft, *version,
                                                                           audit::context_of(request)))));
             });
  router.add(Method::post, "/api/v1/plans/{id}/adopt", "adoptPlan", Action::planning_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto number = fields.required_string("regulation_number", 250);
               auto date = fields.required_string("regulation_date", 20);
               auto version = fields.required_integer("version", 1, kMaxId);
               TRY(fields.finish());
               return json_response(200,
                                    plan_json(TRY(service.adopt_plan(caller, id, *number, *date, *version,
                                                                     audit::context_of(request)))));
             });
  router.add(Method::get, "/api/v1/plans/{id}/export.xlsx", "exportPlan", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               const Cascade cascade = TRY(service.cascade(caller, id));
               std::string body = TRY(tabular::write_xlsx(cascade_sheet(cascade)));
               Response response = Response::text(200, std::move(body),
                                                  std::string(tabular::content_type(tabular::Format::xlsx)));
               response.headers.set("Content-Disposition",
                                    "attachment; filename=\"kaskade-rencana-" + id.to_string() + ".xlsx\"");
               response.headers.set("Cache-Control", "no-store");
               return response;
             });
}

void register_node_routes(auth::SecuredRouter& router, PlanningService& service) {
  router.add(Method::get, "/api/v1/plans/{id}/nodes", "listPlanNodes", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               http::QueryParameters parameters(request);
               NodeQuery query;
               query.kind =
                   parameters.parsed<PlanNodeKind>("kind", parse_plan_node_kind,
                                                   "region_mission, region_goal, region_objective, "
                                                   "agency_goal, agency_objective, program, activity, "
                                                   "sub_activity");
               query.agency_code = parameters.text("agency", 40);
               query.search = parameters.text("q", 200);
               query.page = parameters.integer("page", 1, 1, std::numeric_limits<std::int32_t>::max());
               query.page_size = parameters.integer("page_size", 20, 1, 500);
               TRY(parameters.finish());
               const NodePage page = TRY(service.nodes(caller, id, query));
               Json items = Json::array();
               for (const NodeView& view : page.items) {
                 items.push_back(node_json(view));
               }
               return json_response(200, page_json(items, page.total, page.page, page.page_size));
             });
  router.add(Method::post, "/api/v1/plans/{id}/nodes", "createPlanNode", Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               NodeDraft draft;
               draft.kind = fields.required_string("kind", 40).value_or("");
               draft.code = fields.required_string("code", 64).value_or("");
               draft.title = fields.required_string("title", 1000).value_or("");
               draft.parent_id = fields.optional_integer("parent_id", 1, kMaxId);
               draft.agency_code = fields.optional_string("agency_code", 40);
               TRY(fields.finish());
               return json_response(
                   201, node_json(TRY(service.create_node(caller, id, draft, audit::context_of(request)))));
             });
  router.add(Method::get, "/api/v1/plan-nodes/{id}", "getPlanNode", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const NodeId id(TRY(http::path_id(request, "id")));
               return json_response(200, node_detail_json(TRY(service.node(caller, id))));
             });
  router.add(Method::patch, "/api/v1/plan-nodes/{id}", "updatePlanNode", Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const NodeId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto code = fields.required_string("code", 64);
               auto title = fields.required_string("title", 1000);
               auto version = fields.required_integer("version", 1, kMaxId);
               TRY(fields.finish());
               return json_response(200,
                                    node_json(TRY(service.update_node(caller, id, *code, *title, *version,
                                                                      audit::context_of(request)))));
             });
  router.add(Method::delete_, "/api/v1/plan-nodes/{id}", "deletePlanNode", Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const NodeId id(TRY(http::path_id(request, "id")));
               return deletion_response(service.delete_node(caller, id, audit::context_of(request)), service,
                                        caller, id, request);
             });
}

void register_link_routes(auth::SecuredRouter& router, PlanningService& service) {
  router.add(Method::post, "/api/v1/plans/{id}/links", "createAlignmentLink", Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto from = fields.required_integer("from_id", 1, kMaxId);
               auto to = fields.required_integer("to_id", 1, kMaxId);
               auto weight = decimal_text(body, "weight", "weight", fields);
               TRY(fields.finish());
               return json_response(201, link_json(TRY(service.create_link(caller, id, *from, *to, weight,
                                                                           audit::context_of(request)))));
             });
  router.add(Method::patch, "/api/v1/alignment-links/{id}", "updateAlignmentLink",
             Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const LinkId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               if (!body.is_object() || !body.contains("weight")) {
                 fields.add_error("weight", "wajib ada (teks angka, atau null untuk tanpa bobot)",
                                  "is required (a number as text, or null for no weight)");
               }
               auto weight = decimal_text(body, "weight", "weight", fields);
               TRY(fields.finish());
               return json_response(
                   200, link_json(TRY(service.update_link(caller, id, weight, audit::context_of(request)))));
             });
  router.add(Method::delete_, "/api/v1/alignment-links/{id}", "deleteAlignmentLink",
             Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const LinkId id(TRY(http::path_id(request, "id")));
               TRY(service.delete_link(caller, id, audit::context_of(request)));
               return Response::no_content();
             });
}

void register_indicator_routes(auth::SecuredRouter& router, PlanningService& service) {
  router.add(Method::post, "/api/v1/plan-nodes/{id}/indicators", "createIndicator",
             Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const NodeId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               const IndicatorDraft draft = indicator_draft(body, fields);
               TRY(fields.finish());
               return json_response(201, indicator_json(TRY(service.create_indicator(
                                             caller, id, draft, audit::context_of(request)))));
             });
  router.add(Method::get, "/api/v1/indicators/{id}", "getIndicator", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const IndicatorId id(TRY(http::path_id(request, "id")));
               return json_response(200, indicator_json(TRY(service.indicator(caller, id))));
             });
  router.add(Method::patch, "/api/v1/indicators/{id}", "updateIndicator", Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const IndicatorId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               const IndicatorDraft draft = indicator_draft(body, fields);
               auto version = fields.required_integer("version", 1, kMaxId);
               TRY(fields.finish());
               return json_response(200, indicator_json(TRY(service.update_indicator(
                                             caller, id, draft, *version, audit::context_of(request)))));
             });
  router.add(Method::delete_, "/api/v1/indicators/{id}", "deleteIndicator", Action::planning_agency_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const IndicatorId id(TRY(http::path_id(request, "id")));
               TRY(service.delete_indicator(caller, id, audit::context_of(request)));
               return Response::no_content();
             });
}

void register_view_routes(auth::SecuredRouter& router, PlanningService& service) {
  router.add(Method::get, "/api/v1/plans/{id}/tree", "getPerformanceTree", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               http::QueryParameters parameters(request);
               const std::string search = parameters.text("q", 200).value_or("");
               const std::optional<std::string> agency = parameters.text("agency", 40);
               TRY(parameters.finish());
               Response response =
                   Response::json(200, tree_json_text(TRY(service.tree(caller, id, search, agency)), search));
               response.headers.set("Cache-Control", "no-store");
               return response;
             });
  router.add(
      Method::get, "/api/v1/plans/{id}/alignment-report", "getAlignmentReport", Action::planning_read,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        const PlanId id(TRY(http::path_id(request, "id")));
        http::QueryParameters parameters(request);
        AlignmentReportQuery query;
        query.kind = parameters.parsed<FindingKind>(
            "kind", parse_finding_kind,
            "mission_without_priority, objective_without_program, unaligned_agency_objective, "
            "unaligned_program, unaligned_sub_activity, agency_not_connected, weights, "
            "indicator_missing_target, indicator_missing_baseline, indicator_missing_source, synergy_hint");
        query.agency_code = parameters.text("agency", 40);
        query.page = parameters.integer("page", 1, 1, std::numeric_limits<std::int32_t>::max());
        query.page_size = parameters.integer("page_size", 50, 1, 500);
        static constexpr std::string_view kFormats[] = {"json", "csv", "xlsx"};
        const std::string format = parameters.one_of("format", kFormats, "json");
        TRY(parameters.finish());
        if (format != "json") {
          query.page = 1;
          query.page_size = 0;
        }
        const AlignmentReportPage report = TRY(service.alignment_report(caller, id, query));
        const Locale locale = request.locale;
        if (format != "json") {
          const tabular::Format file_format = format == "csv" ? tabular::Format::csv : tabular::Format::xlsx;
          tabular::Sheet sheet = findings_sheet(report, locale);
          std::string body = file_format == tabular::Format::csv ? tabular::write_csv(sheet)
                                                                 : TRY(tabular::write_xlsx(sheet));
          Response response =
              Response::text(200, std::move(body), std::string(tabular::content_type(file_format)));
          response.headers.set("Content-Disposition", "attachment; filename=\"laporan-keselarasan-" +
                                                          id.to_string() + "." + format + "\"");
          response.headers.set("Cache-Control", "no-store");
          return response;
        }
        Json counts = Json::object();
        for (const auto& [kind, total] : report.counts) {
          counts[std::string(name(kind))] = total;
        }
        Json items = Json::array();
        for (const ReportFinding& finding : report.items) {
          items.push_back(
              Json{{"kind", name(finding.finding.kind)},
                   {"node", finding.node ? node_summary_json(*finding.node) : Json(nullptr)},
                   {"agency_code", finding.agency_code ? Json(*finding.agency_code) : Json(nullptr)},
                   {"message",
                    locale == Locale::english ? finding.finding.message_en : finding.finding.message_id},
                   {"related", [&] {
                      Json related = Json::array();
                      for (const NodeSummary& node : finding.related) {
                        related.push_back(node_summary_json(node));
                      }
                      return related;
                    }()}});
        }
        Json body = page_json(items, report.total, report.page, report.page_size);
        body["plan_id"] = report.plan_id.value();
        body["counts"] = counts;
        return json_response(200, body);
      });
}

void register_change_control_routes(auth::SecuredRouter& router, PlanningService& service) {
  router.add(Method::get, "/api/v1/plans/{id}/versions", "listPlanVersions", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               Json items = Json::array();
               for (const PlanVersionRecord& version : TRY(service.versions(caller, id))) {
                 items.push_back(version_json(version));
               }
               return json_response(200, {{"items", items}});
             });
  router.add(Method::get, "/api/v1/plans/{id}/versions/{number}", "getPlanVersion", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               const std::int64_t number = TRY(http::path_id(request, "number"));
               if (number > std::numeric_limits<int>::max()) {
                 return Error(ErrorCode::NotFound, {"Versi " + std::to_string(number)});
               }
               return json_response(200,
                                    version_json(TRY(service.version(caller, id, static_cast<int>(number)))));
             });
  router.add(Method::get, "/api/v1/plans/{id}/revisions", "listPlanRevisions", Action::planning_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               Json items = Json::array();
               for (const RevisionView& revision : TRY(service.revisions(caller, id))) {
                 items.push_back(revision_json(revision));
               }
               return json_response(200, {{"items", items}});
             });
  router.add(Method::post, "/api/v1/plans/{id}/revisions", "proposePlanRevision", Action::planning_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto reason = fields.required_string("reason", 2000);
               std::vector<TargetChangeDraft> changes;
               if (!body.is_object() || !body.contains("changes") || !body.at("changes").is_array()) {
                 fields.add_error("changes", "harus daftar perubahan target",
                                  "must be a list of target changes");
               } else {
                 const Json& list = body.at("changes");
                 for (std::size_t index = 0; index < list.size() && index <= 500; ++index) {
                   const Json& change = list[index];
                   const std::string prefix = "changes[" + std::to_string(index) + "]";
                   if (!change.is_object()) {
                     fields.add_error(prefix, "harus objek", "must be an object");
                     continue;
                   }
                   changes.push_back(
                       TargetChangeDraft{integer_in(change, "indicator_id", prefix + ".indicator_id", fields),
                                         integer_in(change, "year", prefix + ".year", fields),
                                         decimal_text(change, "value", prefix + ".value", fields),
                                         decimal_text(change, "lower", prefix + ".lower", fields),
                                         decimal_text(change, "upper", prefix + ".upper", fields)});
                 }
               }
               TRY(fields.finish());
               return json_response(201, revision_json(TRY(service.propose_revision(
                                             caller, id, *reason, changes, audit::context_of(request)))));
             });
  router.add(Method::post, "/api/v1/plan-revisions/{id}/approve", "approvePlanRevision",
             Action::planning_revisions_approve,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const RevisionId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto version = fields.required_integer("version", 1, kMaxId);
               TRY(fields.finish());
               return json_response(200, revision_json(TRY(service.approve_revision(
                                             caller, id, *version, audit::context_of(request)))));
             });
  router.add(Method::post, "/api/v1/plan-revisions/{id}/reject", "rejectPlanRevision",
             Action::planning_revisions_approve,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const RevisionId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto note = fields.required_string("note", 2000);
               auto version = fields.required_integer("version", 1, kMaxId);
               TRY(fields.finish());
               return json_response(200, revision_json(TRY(service.reject_revision(
                                             caller, id, *note, *version, audit::context_of(request)))));
             });
}

}  // namespace

void register_planning_routes(auth::SecuredRouter& router, PlanningService& service) {
  register_priority_routes(router, service);
  register_plan_routes(router, service);
  register_node_routes(router, service);
  register_link_routes(router, service);
  register_indicator_routes(router, service);
  register_view_routes(router, service);
  register_change_control_routes(router, service);
}

}  // namespace sinergi::planning
