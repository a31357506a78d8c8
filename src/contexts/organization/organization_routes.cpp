#include "contexts/organization/organization_routes.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "contexts/organization/organization_http.h"
#include "contexts/organization/organization_json.h"
#include "contexts/organization/organization_service.h"
#include "platform/audit/call_context.h"
#include "platform/auth/permissions.h"
#include "platform/http/json_body.h"
#include "platform/http/query_parameters.h"

namespace sinergi::organization {
namespace {

using auth::Action;
using auth::Principal;
using http::Method;
using http::Request;
using http::Response;
using Json = nlohmann::json;

constexpr std::int64_t kMaxVersion = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kMaxTextLength = 2000;

Response json_response(int status, const Json& body) {
  Response response = Response::json(status, http::to_json_text(body));
  // The registry names people: no shared cache may keep it.
  response.headers.set("Cache-Control", "no-store");
  return response;
}

template <typename T, typename ToJson>
Json page_json(const Page<T>& page, ToJson&& to_json) {
  Json items = Json::array();
  for (const auto& item : page.items) {
    items.push_back(to_json(item));
  }
  return Json{{"items", items}, {"page", page.page}, {"page_size", page.page_size}, {"total", page.total}};
}

// A PATCH field that may be set to null: absent -> nullopt, null -> {nullopt}, text -> {text}.
template <typename Value, typename Read>
std::optional<std::optional<Value>> nullable_field(const Json& body, const char* key, Read&& read) {
  if (body.is_object() && body.contains(key) && body.at(key).is_null()) {
    return std::optional<std::optional<Value>>(std::in_place);
  }
  auto value = read();
  if (value) {
    return std::optional<std::optional<Value>>(std::in_place, std::move(*value));
  }
  return std::nullopt;
}

std::optional<std::int64_t> positive_or_null(const Json& body, const char* key, http::JsonFields& fields) {
  if (!body.is_object() || !body.contains(key) || body.at(key).is_null()) {
    return std::nullopt;
  }
  return fields.optional_integer(key, 1, kMaxId);
}

// --- Exports: the columns of every list, in the order a spreadsheet user expects ---

std::string_view state_label(PositionState state) {
  return label_id(state);
}

tabular::Sheet agencies_sheet(const Page<AgencyView>& page) {
  tabular::Sheet sheet;
  sheet.name = "Perangkat Daerah";
  sheet.header = {"kode",    "singkatan",      "nama",          "jenis",          "asisten",
                  "aktif",   "kepala_jabatan", "kepala_status", "kepala_pejabat", "kepala_nip",
                  "jabatan", "terisi",         "plt_plh",       "kosong",         "pegawai"};
  for (const auto& view : page.items) {
    const auto& agency = view.agency;
    std::vector<tabular::Cell> row{agency.code,
                                   agency.short_name,
                                   agency.name,
                                   std::string(label_id(agency.kind)),
                                   agency.cluster.value_or(""),
                                   std::string(agency.active ? "ya" : "tidak")};
    if (view.head) {
      row.emplace_back(view.head->position.title);
      row.emplace_back(std::string(state_label(view.head->status.state)));
      row.emplace_back(view.head->holder ? view.head->holder->name : std::string());
      row.emplace_back(view.head->holder ? view.head->holder->nip : std::string());
    } else {
      row.insert(row.end(), 4, std::string());
    }
    row.emplace_back(view.counts.positions);
    row.emplace_back(view.counts.filled);
    row.emplace_back(view.counts.acting);
    row.emplace_back(view.counts.vacant);
    row.emplace_back(view.counts.people);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

tabular::Sheet positions_sheet(const Page<PositionView>& page, std::string name) {
  tabular::Sheet sheet;
  sheet.name = std::move(name);
  sheet.header = {"kode_opd",
                  "kode_jabatan",
                  "nama_jabatan",
                  "unit",
                  "eselon",
                  "kepala_opd",
                  "status",
                  "sejak",
                  "tanpa_definitif_sejak",
                  "hari_tanpa_definitif",
                  "peringatan",
                  "pejabat",
                  "nip",
                  "jenis_penugasan"};
  for (const auto& view : page.items) {
    const auto& position = view.position;
    const auto& status = view.status;
    sheet.rows.push_back(
        {view.agency_code, position.code, position.title, view.unit_name.value_or(""),
         std::string(label_id(position.level)), std::string(position.is_agency_head ? "ya" : ""),
         std::string(label_id(status.state)), format_iso_date(status.since),
         status.without_definitive_since ? format_iso_date(*status.without_definitive_since) : std::string(),
         static_cast<std::int64_t>(status.days_without_definitive), std::string(view.alert ? "ya" : ""),
         view.holder ? view.holder->name : std::string(), view.holder ? view.holder->nip : std::string(),
         view.holder ? std::string(label_id(view.holder->kind)) : std::string()});
  }
  return sheet;
}

tabular::Sheet people_sheet(const Page<PersonView>& page) {
  tabular::Sheet sheet;
  sheet.name = "Pegawai";
  sheet.header = {"nip", "nama", "pangkat_golongan", "status", "kode_opd", "aktif", "jabatan_saat_ini"};
  for (const auto& view : page.items) {
    std::string posts;
    for (const auto& current : view.current_assignments) {
      posts += (posts.empty() ? "" : "; ") +
               std::string(current.assignment.kind == AssignmentKind::definitive
                               ? ""
                               : std::string(label_id(current.assignment.kind)) + " ") +
               current.position_title + " (" + current.agency_code + ")";
    }
    sheet.rows.push_back({view.person.nip, view.person.name, view.person.rank_grade,
                          std::string(label_id(view.person.employment_status)), view.agency_code.value_or(""),
                          std::string(view.person.active ? "ya" : "tidak"), posts});
  }
  return sheet;
}

Result<Response> export_or_json(const ListParameters& list, const tabular::Sheet& sheet,
                                std::string_view stem, Date today, const Json& json) {
  if (list.export_format) {
    return download_response(sheet, *list.export_format, stem, today);
  }
  return json_response(200, json);
}

// --- Query parsing ---

AgencyQuery all_agencies() {
  AgencyQuery query;
  query.page = PageRequest{1, 0, ""};
  return query;
}

constexpr std::string_view kAgencySortKeys[] = {"code", "name", "kind", "cluster"};
constexpr std::string_view kPositionSortKeys[] = {"agency", "title", "level", "state", "days"};
constexpr std::string_view kPersonSortKeys[] = {"name", "nip", "agency"};

std::optional<std::string> cluster_parameter(http::QueryParameters& parameters) {
  static constexpr std::string_view kClusters[] = {"asisten_1", "asisten_2", "asisten_3"};
  std::string cluster = parameters.one_of("cluster", kClusters, "");
  return cluster.empty() ? std::nullopt : std::optional<std::string>(cluster);
}

PositionQuery position_query(http::QueryParameters& parameters, ListParameters& list) {
  PositionQuery query;
  query.agency_code = parameters.text("agency_code", 40);
  if (auto unit = parameters.optional_integer("unit_id", 1, kMaxId)) {
    query.unit_id = UnitId(*unit);
  }
  query.level =
      parameters.parsed<PositionLevel>("level", parse_position_level,
                                       "jpt_madya, jpt_pratama, administrator, pengawas, fungsional, "
                                       "pelaksana");
  query.state = parameters.parsed<PositionState>("state", parse_position_state, "filled, acting, vacant");
  query.cluster = cluster_parameter(parameters);
  query.head_only = parameters.boolean("head_only").value_or(false);
  query.alert_only = parameters.boolean("alert_only").value_or(false);
  query.search = parameters.text("q");
  list = list_parameters(parameters, kPositionSortKeys);
  query.page = list.page;
  return query;
}

void register_region_routes(auth::SecuredRouter& router, OrganizationService& service) {
  router.add(Method::get, "/api/v1/regions", "listRegions", Action::organization_read,
             [&service](Request&, const Principal& caller) -> Result<Response> {
               auto regions = TRY(service.list_regions(caller));
               Json items = Json::array();
               for (const auto& region : regions) {
                 std::optional<std::string> parent_code;
                 for (const auto& other : regions) {
                   if (region.parent_id && other.id == *region.parent_id) {
                     parent_code = other.code;
                   }
                 }
                 items.push_back(region_json(region, parent_code));
               }
               return json_response(200, {{"items", items}});
             });

  router.add(Method::post, "/api/v1/regions", "createRegion", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto code = fields.required_string("code", 16);
               auto name = fields.required_string("name", 250);
               TRY(fields.finish());
               auto region =
                   TRY(service.create_region(caller, RegionDraft{*code, *name}, audit::context_of(request)));
               auto regions = TRY(service.list_regions(caller));
               std::optional<std::string> parent_code;
               for (const auto& other : regions) {
                 if (region.parent_id && other.id == *region.parent_id) {
                   parent_code = other.code;
                 }
               }
               return json_response(201, region_json(region, parent_code));
             });
}

void register_region_rename_route(auth::SecuredRouter& router, OrganizationService& service) {
  router.add(Method::patch, "/api/v1/regions/{region_code}", "updateRegion", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               std::string code(request.path_parameter("region_code"));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto name = fields.required_string("name", 250);
               TRY(fields.finish());
               auto region = TRY(service.rename_region(caller, code, *name, audit::context_of(request)));
               std::optional<std::string> parent_code;
               for (const auto& other : TRY(service.list_regions(caller))) {
                 if (region.parent_id && other.id == *region.parent_id) {
                   parent_code = other.code;
                 }
               }
               return json_response(200, region_json(region, parent_code));
             });
}

void register_agency_routes(auth::SecuredRouter& router, OrganizationService& service) {
  router.add(Method::get, "/api/v1/agencies", "listAgencies", Action::agencies_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               AgencyQuery query;
               query.search = parameters.text("q");
               query.kind = parameters.parsed<AgencyKind>(
                   "kind", parse_agency_kind,
                   "dinas, badan, biro, sekretariat, inspektorat, satpol_pp, rsud, kantor");
               query.cluster = cluster_parameter(parameters);
               query.active = parameters.boolean("active");
               ListParameters list = list_parameters(parameters, kAgencySortKeys);
               query.page = list.page;
               TRY(parameters.finish());
               auto page = TRY(service.list_agencies(caller, query));
               return export_or_json(list, agencies_sheet(page), "perangkat-daerah", service.today(),
                                     page_json(page, agency_json));
             });

  router.add(Method::post, "/api/v1/agencies", "createAgency", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               AgencyDraft draft;
               draft.code = fields.required_string("code", 40).value_or("");
               draft.short_name = fields.required_string("short_name", 80).value_or("");
               draft.name = fields.required_string("name", 250).value_or("");
               draft.kind = fields.required_string("kind", 40).value_or("");
               draft.cluster = fields.optional_string("cluster", 40);
               draft.active_from = fields.optional_string("active_from", 40);
               draft.active_until = fields.optional_string("active_until", 40);
               TRY(fields.finish());
               return json_response(
                   201, agency_json(TRY(service.create_agency(caller, draft, audit::context_of(request)))));
             });

  router.add(Method::get, "/api/v1/agencies/{agency_code}", "getAgency", Action::organization_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               std::string code(request.path_parameter("agency_code"));
               return json_response(200, agency_json(TRY(service.get_agency(caller, code))));
             });

  router.add(
      Method::patch, "/api/v1/agencies/{agency_code}", "updateAgency", Action::organization_manage,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        std::string code(request.path_parameter("agency_code"));
        const Json body = TRY(http::parse_json_body(request));
        http::JsonFields fields(body);
        AgencyChanges changes;
        changes.version = fields.required_integer("version", 1, kMaxVersion).value_or(0);
        changes.short_name = fields.optional_string("short_name", 80);
        changes.name = fields.optional_string("name", 250);
        changes.kind = fields.optional_string("kind", 40);
        changes.cluster = nullable_field<std::string>(body, "cluster",
                                                      [&] { return fields.optional_string("cluster", 40); });
        changes.active_from = nullable_field<std::string>(
            body, "active_from", [&] { return fields.optional_string("active_from", 40); });
        changes.active_until = nullable_field<std::string>(
            body, "active_until", [&] { return fields.optional_string("active_until", 40); });
        changes.active = fields.optional_boolean("active");
        TRY(fields.finish());
        return json_response(
            200, agency_json(TRY(service.update_agency(caller, code, changes, audit::context_of(request)))));
      });

  router.add(Method::get, "/api/v1/agencies/{agency_code}/chart", "getOrganizationChart",
             Action::organization_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               std::string code(request.path_parameter("agency_code"));
               return json_response(200, chart_json(TRY(service.chart(caller, code))));
             });
}

void register_unit_routes(auth::SecuredRouter& router, OrganizationService& service) {
  router.add(Method::get, "/api/v1/units", "listUnits", Action::organization_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               auto agency_code = parameters.text("agency_code", 40);
               if (!agency_code) {
                 parameters.refuse("agency_code", "wajib diisi", "is required");
               }
               static constexpr std::string_view kFormats[] = {"json", "csv", "xlsx"};
               std::string format = parameters.one_of("format", kFormats, "json");
               TRY(parameters.finish());
               auto units = TRY(service.list_units(caller, *agency_code));
               if (format != "json") {
                 tabular::Sheet sheet;
                 sheet.name = "Unit Kerja";
                 sheet.header = {"kode_opd", "kode", "kode_induk", "nama", "jenis", "aktif"};
                 for (const auto& unit : units) {
                   std::string parent_code;
                   for (const auto& other : units) {
                     if (unit.parent_id && other.id == *unit.parent_id) {
                       parent_code = other.code;
                     }
                   }
                   sheet.rows.push_back({*agency_code, unit.code, parent_code, unit.name,
                                         std::string(label_id(unit.kind)),
                                         std::string(unit.active ? "ya" : "tidak")});
                 }
                 return download_response(sheet,
                                          format == "csv" ? tabular::Format::csv : tabular::Format::xlsx,
                                          "unit-kerja", service.today());
               }
               Json items = Json::array();
               for (const auto& unit : units) {
                 items.push_back(unit_json(unit, *agency_code));
               }
               return json_response(200, {{"items", items}});
             });

  router.add(Method::post, "/api/v1/units", "createUnit", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               UnitDraft draft;
               draft.agency_code = fields.required_string("agency_code", 40).value_or("");
               draft.parent_id = positive_or_null(body, "parent_id", fields);
               draft.code = fields.required_string("code", 40).value_or("");
               draft.name = fields.required_string("name", 250).value_or("");
               draft.kind = fields.required_string("kind", 40).value_or("");
               TRY(fields.finish());
               auto unit = TRY(service.create_unit(caller, draft, audit::context_of(request)));
               return json_response(201, unit_json(unit, draft.agency_code));
             });

  router.add(Method::patch, "/api/v1/units/{unit_id}", "updateUnit", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const UnitId id(TRY(http::path_id(request, "unit_id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               UnitChanges changes;
               changes.version = fields.required_integer("version", 1, kMaxVersion).value_or(0);
               changes.parent_id = nullable_field<std::int64_t>(
                   body, "parent_id", [&] { return fields.optional_integer("parent_id", 1, kMaxId); });
               changes.name = fields.optional_string("name", 250);
               changes.kind = fields.optional_string("kind", 40);
               changes.active = fields.optional_boolean("active");
               TRY(fields.finish());
               auto unit = TRY(service.update_unit(caller, id, changes, audit::context_of(request)));
               std::string agency_code;
               for (const auto& agency : TRY(service.list_agencies(caller, all_agencies())).items) {
                 if (agency.agency.id == unit.agency_id) {
                   agency_code = agency.agency.code;
                 }
               }
               return json_response(200, unit_json(unit, agency_code));
             });
}

void register_position_routes(auth::SecuredRouter& router, OrganizationService& service) {
  router.add(Method::get, "/api/v1/positions", "listPositions", Action::organization_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               ListParameters list;
               PositionQuery query = position_query(parameters, list);
               TRY(parameters.finish());
               auto page = TRY(service.list_positions(caller, query));
               return export_or_json(list, positions_sheet(page, "Jabatan"), "jabatan", service.today(),
                                     page_json(page, position_json));
             });

  router.add(Method::get, "/api/v1/vacancies", "listVacancies", Action::organization_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               ListParameters list;
               PositionQuery query = position_query(parameters, list);
               TRY(parameters.finish());
               if (query.state == PositionState::filled) {
                 query.state.reset();  // the board shows vacant and acting posts only
               }
               auto board = TRY(service.vacancy_board(caller, query));
               Json json = page_json(board.page, position_json);
               const auto& summary = board.summary;
               json["summary"] = Json{{"vacant", summary.vacant},
                                      {"acting", summary.acting},
                                      {"alerts", summary.alerts},
                                      {"agencies_led_by_acting", summary.agencies_led_by_acting},
                                      {"agencies_with_vacant_head", summary.agencies_with_vacant_head},
                                      {"agencies_total", summary.agencies_total},
                                      {"alert_days", summary.alert_days}};
               return export_or_json(list, positions_sheet(board.page, "Kekosongan Jabatan"),
                                     "kekosongan-jabatan", service.today(), json);
             });

  router.add(Method::post, "/api/v1/positions", "createPosition", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               PositionDraft draft;
               draft.agency_code = fields.required_string("agency_code", 40).value_or("");
               draft.unit_id = positive_or_null(body, "unit_id", fields);
               draft.code = fields.required_string("code", 40).value_or("");
               draft.title = fields.required_string("title", 250).value_or("");
               draft.level = fields.required_string("level", 40).value_or("");
               draft.is_agency_head = fields.optional_boolean("is_agency_head").value_or(false);
               draft.is_unit_head = fields.optional_boolean("is_unit_head").value_or(false);
               draft.established_on = fields.required_string("established_on", 40).value_or("");
               TRY(fields.finish());
               return json_response(
                   201,
                   position_json(TRY(service.create_position(caller, draft, audit::context_of(request)))));
             });

  router.add(Method::get, "/api/v1/positions/{position_id}", "getPosition", Action::organization_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PositionId id(TRY(http::path_id(request, "position_id")));
               auto detail = TRY(service.get_position(caller, id));
               Json json = position_json(detail.view);
               Json history = Json::array();
               for (const auto& assignment : detail.history) {
                 history.push_back(assignment_json(assignment));
               }
               json["history"] = history;
               return json_response(200, json);
             });

  router.add(Method::patch, "/api/v1/positions/{position_id}", "updatePosition", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PositionId id(TRY(http::path_id(request, "position_id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               PositionChanges changes;
               changes.version = fields.required_integer("version", 1, kMaxVersion).value_or(0);
               changes.unit_id = nullable_field<std::int64_t>(
                   body, "unit_id", [&] { return fields.optional_integer("unit_id", 1, kMaxId); });
               changes.title = fields.optional_string("title", 250);
               changes.level = fields.optional_string("level", 40);
               changes.is_agency_head = fields.optional_boolean("is_agency_head");
               changes.is_unit_head = fields.optional_boolean("is_unit_head");
               changes.active = fields.optional_boolean("active");
               TRY(fields.finish());
               return json_response(200, position_json(TRY(service.update_position(
                                             caller, id, changes, audit::context_of(request)))));
             });
}

void register_people_routes(auth::SecuredRouter& router, OrganizationService& service) {
  router.add(Method::get, "/api/v1/people", "listPeople", Action::organization_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               PersonListQuery query;
               query.search = parameters.text("q");
               query.agency_code = parameters.text("agency_code", 40);
               query.employment_status = parameters.parsed<EmploymentStatus>(
                   "employment_status", parse_employment_status, "pns, pppk");
               query.active = parameters.boolean("active");
               ListParameters list = list_parameters(parameters, kPersonSortKeys);
               query.page = list.page;
               TRY(parameters.finish());
               auto page = TRY(service.list_people(caller, query));
               return export_or_json(list, people_sheet(page), "pegawai", service.today(),
                                     page_json(page, person_json));
             });

  router.add(Method::post, "/api/v1/people", "createPerson", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               PersonDraft draft;
               draft.nip = fields.required_string("nip", 40).value_or("");
               draft.name = fields.required_string("name", 250).value_or("");
               draft.rank_grade = fields.optional_string("rank_grade", 250).value_or("");
               draft.employment_status = fields.required_string("employment_status", 10).value_or("");
               draft.agency_code = fields.optional_string("agency_code", 40);
               TRY(fields.finish());
               return json_response(
                   201, person_json(TRY(service.create_person(caller, draft, audit::context_of(request)))));
             });

  router.add(Method::get, "/api/v1/people/{person_id}", "getPerson", Action::organization_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PersonId id(TRY(http::path_id(request, "person_id")));
               auto detail = TRY(service.get_person(caller, id));
               Json json = person_json(detail.view);
               Json assignments = Json::array();
               for (const auto& assignment : detail.assignments) {
                 assignments.push_back(assignment_json(assignment));
               }
               json["assignments"] = assignments;
               return json_response(200, json);
             });

  router.add(Method::patch, "/api/v1/people/{person_id}", "updatePerson", Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const PersonId id(TRY(http::path_id(request, "person_id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               PersonChanges changes;
               changes.version = fields.required_integer("version", 1, kMaxVersion).value_or(0);
               changes.name = fields.optional_string("name", 250);
               changes.rank_grade = fields.optional_string("rank_grade", 250);
               changes.employment_status = fields.optional_string("employment_status", 10);
               changes.agency_code = nullable_field<std::string>(
                   body, "agency_code", [&] { return fields.optional_string("agency_code", 40); });
               changes.active = fields.optional_boolean("active");
               TRY(fields.finish());
               return json_response(
                   200,
                   person_json(TRY(service.update_person(caller, id, changes, audit::context_of(request)))));
             });
}

void register_assignment_routes(auth::SecuredRouter& router, OrganizationService& service) {
  router.add(
      Method::post, "/api/v1/assignments", "createAssignment", Action::organization_manage,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        const Json body = TRY(http::parse_json_body(request));
        http::JsonFields fields(body);
        AssignmentDraft draft;
        draft.person_id = fields.required_integer("person_id", 1, kMaxId).value_or(0);
        draft.position_id = fields.required_integer("position_id", 1, kMaxId).value_or(0);
        draft.kind = fields.required_string("kind", 20).value_or("");
        draft.starts_on = fields.required_string("starts_on", 40).value_or("");
        draft.ends_on = fields.optional_string("ends_on", 40);
        draft.decree_number = fields.optional_string("decree_number", 250).value_or("");
        draft.note = fields.optional_string("note", kMaxTextLength).value_or("");
        TRY(fields.finish());
        return json_response(
            201, assignment_json(TRY(service.create_assignment(caller, draft, audit::context_of(request)))));
      });

  router.add(Method::patch, "/api/v1/assignments/{assignment_id}", "updateAssignment",
             Action::organization_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const AssignmentId id(TRY(http::path_id(request, "assignment_id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               AssignmentChanges changes;
               changes.version = fields.required_integer("version", 1, kMaxVersion).value_or(0);
               changes.ends_on = nullable_field<std::string>(
                   body, "ends_on", [&] { return fields.optional_string("ends_on", 40); });
               changes.decree_number = fields.optional_string("decree_number", 250);
               changes.note = fields.optional_string("note", kMaxTextLength);
               TRY(fields.finish());
               return json_response(200, assignment_json(TRY(service.update_assignment(
                                             caller, id, changes, audit::context_of(request)))));
             });

  router.add(Method::get, "/api/v1/organization/settings", "getOrganizationSettings",
             Action::organization_read, [&service](Request&, const Principal& caller) -> Result<Response> {
               return json_response(200, {{"vacancy_alert_days", TRY(service.vacancy_alert_days(caller))}});
             });

  router.add(
      Method::put, "/api/v1/organization/settings", "updateOrganizationSettings", Action::organization_manage,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        const Json body = TRY(http::parse_json_body(request));
        http::JsonFields fields(body);
        auto days = fields.required_integer("vacancy_alert_days", 1, 3650);
        TRY(fields.finish());
        int stored =
            TRY(service.set_vacancy_alert_days(caller, static_cast<int>(*days), audit::context_of(request)));
        return json_response(200, {{"vacancy_alert_days", stored}});
      });
}

}  // namespace

void register_organization_routes(auth::SecuredRouter& router, OrganizationService& service) {
  register_region_routes(router, service);
  register_region_rename_route(router, service);
  register_agency_routes(router, service);
  register_unit_routes(router, service);
  register_position_routes(router, service);
  register_people_routes(router, service);
  register_assignment_routes(router, service);
}

}  // namespace sinergi::organization
