#include <limits>
#include <nlohmann/json.hpp>

#include "contexts/planning/plan_import.h"
#include "contexts/planning/planning_json.h"
#include "contexts/planning/planning_routes.h"
#include "contexts/planning/planning_service.h"
#include "platform/audit/call_context.h"
#include "platform/auth/permissions.h"
#include "platform/http/json_body.h"
#include "platform/http/query_parameters.h"
#include "platform/http/spreadsheet_http.h"

// The routes of the planning imports, the nomenclature list and the SPM services
// (docs/api/planning.md, "Imports" and "Reference lists").

namespace sinergi::planning {
namespace {

using auth::Action;
using auth::Principal;
using http::Method;
using http::Request;
using http::Response;
using Json = nlohmann::json;

// A plan's kinds only: the nomenclature list has its own path.
Result<PlanImportKind> plan_kind(const Request& request) {
  const auto kind = parse_plan_import_kind(request.path_parameter("kind"));
  if (!kind || *kind == PlanImportKind::nomenclature) {
    return Error(ErrorCode::NotFound, {"Jenis impor"});
  }
  return *kind;
}

tabular::Format requested_format(http::QueryParameters& parameters, std::string_view fallback) {
  static constexpr std::string_view kFormats[] = {"csv", "xlsx"};
  return parameters.one_of("format", kFormats, fallback) == "xlsx" ? tabular::Format::xlsx
                                                                   : tabular::Format::csv;
}

// "templat-impor-simpul", "templat-nomenklatur", ...
std::string template_stem(PlanImportKind kind) {
  switch (kind) {
    case PlanImportKind::nomenclature:
      return "templat-nomenklatur";
    case PlanImportKind::nodes:
      return "templat-impor-simpul";
    case PlanImportKind::links:
      return "templat-impor-keselarasan";
    case PlanImportKind::indicators:
      return "templat-impor-indikator";
    case PlanImportKind::targets:
      break;
  }
  return "templat-impor-target";
}

NomenclatureQuery nomenclature_query(http::QueryParameters& parameters) {
  NomenclatureQuery query;
  query.level = parameters.parsed<NomenclatureLevel>("level", parse_nomenclature_level,
                                                     "urusan, bidang, program, activity, sub_activity");
  query.search = parameters.text("search", 200).value_or("");
  query.code_prefix = parameters.text("code_prefix", 40).value_or("");
  return query;
}

Json entry_json(const NomenclatureEntry& entry) {
  return Json{{"code", entry.code},
              {"level", name(entry.level)},
              {"field_code", entry.field_code ? Json(*entry.field_code) : Json(nullptr)},
              {"name", entry.name},
              {"performance", entry.performance},
              {"indicator", entry.indicator},
              {"unit", entry.unit},
              {"updated_at", entry.updated_at}};
}

tabular::Sheet nomenclature_sheet(const std::vector<NomenclatureEntry>& entries) {
  tabular::Sheet sheet = PlanImporter::template_sheet(PlanImportKind::nomenclature);
  sheet.header.emplace_back("level");
  sheet.header.emplace_back("field_code");
  for (const NomenclatureEntry& entry : entries) {
    sheet.rows.push_back({entry.code, entry.name, entry.performance, entry.indicator, entry.unit,
                          std::string(name(entry.level)), entry.field_code.value_or("")});
  }
  return sheet;
}

}  // namespace

void register_planning_import_routes(auth::SecuredRouter& router, PlanImporter& importer,
                                     PlanningService& service) {
  router.add(Method::post, "/api/v1/plans/{id}/imports/{kind}", "importPlanData",
             Action::planning_agency_manage,
             [&importer](Request& request, const Principal& caller) -> Result<Response> {
               const PlanId plan(TRY(http::path_id(request, "id")));
               const PlanImportKind kind = TRY(plan_kind(request));
               const http::ImportRequest upload = TRY(http::import_request(request));
               const PlanImportReport report = TRY(importer.import_plan(
                   caller, plan, kind, upload.mode, upload.file, audit::context_of(request)));
               return http::import_response(report, name(report.kind), request);
             });
  router.add(Method::get, "/api/v1/plans/{id}/imports/{kind}/template", "getPlanImportTemplate",
             Action::planning_agency_manage,
             [&importer](Request& request, const Principal&) -> Result<Response> {
               TRY(http::path_id(request, "id"));
               const PlanImportKind kind = TRY(plan_kind(request));
               http::QueryParameters parameters(request);
               const tabular::Format format = requested_format(parameters, "csv");
               TRY(parameters.finish());
               return http::sheet_download(PlanImporter::template_sheet(kind), format, template_stem(kind),
                                           importer.today());
             });
  router.add(
      Method::get, "/api/v1/nomenclature", "listNomenclature", Action::planning_read,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        http::QueryParameters parameters(request);
        NomenclatureQuery query = nomenclature_query(parameters);
        const std::int64_t page = parameters.integer("page", 1, 1, std::numeric_limits<std::int32_t>::max());
        const std::int64_t page_size = parameters.integer("page_size", 50, 1, 500);
        TRY(parameters.finish());
        query.offset = (page - 1) * page_size;
        query.limit = page_size;
        const NomenclaturePage found = TRY(service.nomenclature(caller, query));
        Json items = Json::array();
        for (const NomenclatureEntry& entry : found.items) {
          items.push_back(entry_json(entry));
        }
        Response response = Response::json(
            200, http::to_json_text(Json{
                     {"items", items}, {"page", page}, {"page_size", page_size}, {"total", found.total}}));
        response.headers.set("Cache-Control", "no-store");
        return response;
      });
  router.add(Method::get, "/api/v1/nomenclature/export", "exportNomenclature", Action::planning_read,
             [&service, &importer](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               NomenclatureQuery query = nomenclature_query(parameters);
               const tabular::Format format = requested_format(parameters, "xlsx");
               TRY(parameters.finish());
               query.limit = 0;
               const NomenclaturePage found = TRY(service.nomenclature(caller, query));
               return http::sheet_download(nomenclature_sheet(found.items), format, "nomenklatur",
                                           importer.today());
             });
  router.add(Method::post, "/api/v1/nomenclature/imports", "importNomenclature", Action::nomenclature_manage,
             [&importer](Request& request, const Principal& caller) -> Result<Response> {
               const http::ImportRequest upload = TRY(http::import_request(request));
               const PlanImportReport report = TRY(importer.import_nomenclature(
                   caller, upload.mode, upload.file, audit::context_of(request)));
               return http::import_response(report, name(report.kind), request);
             });
  router.add(Method::get, "/api/v1/nomenclature/template", "getNomenclatureTemplate",
             Action::nomenclature_manage,
             [&importer](Request& request, const Principal&) -> Result<Response> {
               http::QueryParameters parameters(request);
               const tabular::Format format = requested_format(parameters, "csv");
               TRY(parameters.finish());
               return http::sheet_download(PlanImporter::template_sheet(PlanImportKind::nomenclature), format,
                                           template_stem(PlanImportKind::nomenclature), importer.today());
             });
  router.add(Method::get, "/api/v1/spm-services", "listSpmServices", Action::planning_read,
             [](Request& request, const Principal&) -> Result<Response> {
               http::QueryParameters parameters(request);
               TRY(parameters.finish());
               Json items = Json::array();
               for (const SpmService& spm : spm_services()) {
                 items.push_back(Json{{"area", spm.area}, {"service", spm.service}});
               }
               Response response = Response::json(200, http::to_json_text(Json{{"items", items}}));
               response.headers.set("Cache-Control", "max-age=3600");
               return response;
             });
}

}  // namespace sinergi::planning
