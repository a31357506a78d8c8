#include "contexts/organization/import_routes.h"

#include <nlohmann/json.hpp>

#include "contexts/organization/organization_http.h"
#include "contexts/organization/spreadsheet_import.h"
#include "core/input_text.h"
#include "platform/http/query_parameters.h"

namespace sinergi::organization {
namespace {

using http::Method;
using http::Request;
using http::Response;
// Ordered, so the report's members come in the documented order.
using Json = nlohmann::ordered_json;

constexpr std::string_view kOrganizationImportPath = "/api/v1/organization/imports/{kind}";
constexpr std::string_view kOrganizationTemplatePath = "/api/v1/organization/imports/{kind}/template";
constexpr std::string_view kAttendanceImportPath = "/api/v1/attendance/imports";
constexpr std::string_view kAttendanceTemplatePath = "/api/v1/attendance/template";
constexpr std::size_t kMaxFileNameCharacters = 255;

CallContext context_of(const Request& request) {
  CallContext context;
  context.request_id = request.request_id;
  context.remote_address = request.remote_address;
  context.user_agent = std::string(request.headers.get("User-Agent").value_or(""));
  return context;
}

std::string json_text(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json problems_json(const std::vector<ImportProblem>& problems, Locale locale) {
  Json items = Json::array();
  for (const ImportProblem& problem : problems) {
    items.push_back({{"row", problem.row}, {"column", problem.column}, {"message", problem.message(locale)}});
  }
  return items;
}

Json report_json(const ImportReport& report, Locale locale) {
  Json body;
  body["kind"] = std::string(name(report.kind));
  body["mode"] = std::string(name(report.mode));
  body["committed"] = report.committed;
  body["rows"] = report.rows;
  body["created"] = report.created;
  body["updated"] = report.updated;
  body["unchanged"] = report.unchanged;
  body["errors"] = problems_json(report.errors, locale);
  body["error_count"] = report.error_count;
  body["warnings"] = problems_json(report.warnings, locale);
  return body;
}

// The organization kinds only: attendance has its own path.
Result<ImportKind> organization_kind(const Request& request) {
  const auto kind = parse_import_kind(request.path_parameter("kind"));
  if (!kind || *kind == ImportKind::attendance) {
    return Error(ErrorCode::NotFound, {"Jenis impor"});
  }
  return *kind;
}

// File names of templates: "templat-pegawai-2026-11-24.xlsx".
std::string_view template_stem(ImportKind kind) {
  switch (kind) {
    case ImportKind::agencies:
      return "templat-opd";
    case ImportKind::units:
      return "templat-unit-kerja";
    case ImportKind::positions:
      return "templat-jabatan";
    case ImportKind::people:
      return "templat-pegawai";
    case ImportKind::assignments:
      return "templat-penugasan";
    case ImportKind::attendance:
      break;
  }
  return "templat-presensi";
}

// X-File-Name, percent-decoded when it decodes (browsers can send only ASCII in headers).
std::string file_name_of(const Request& request) {
  const std::string_view raw = request.headers.get("X-File-Name").value_or("");
  std::string decoded = http::percent_decode(raw).value_or(std::string(raw));
  return excerpt_for_message(decoded, kMaxFileNameCharacters);
}

Result<Response> run_import(SpreadsheetImporter& importer, const Request& request,
                            const auth::Principal& caller, ImportKind kind) {
  http::QueryParameters parameters(request);
  static constexpr std::string_view kModes[] = {"dry_run", "commit"};
  const std::string mode_text = parameters.one_of("mode", kModes, "dry_run");
  TRY(parameters.finish());
  const ImportMode mode = parse_import_mode(mode_text).value_or(ImportMode::dry_run);
  if (request.body.size() > kMaxImportBytes) {
    return Error(ErrorCode::PayloadTooLarge, {std::to_string(kMaxImportBytes)});
  }
  ImportFile file;
  file.bytes = request.body;
  file.content_type = std::string(request.headers.get("Content-Type").value_or(""));
  file.file_name = file_name_of(request);
  const ImportReport report = TRY(importer.run(caller, kind, mode, file, context_of(request)));
  Json body = report_json(report, request.locale);
  if (report.mode == ImportMode::commit && !report.committed) {
    // The standard problem document, with the report beside its members.
    Response response = http::problem_response(Error(ErrorCode::ValidationFailed), request);
    Json problem = Json::parse(response.body);
    problem["report"] = std::move(body);
    response.body = json_text(problem);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  Response response = Response::json(200, json_text(body));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

Result<Response> template_download(SpreadsheetImporter& importer, const Request& request, ImportKind kind) {
  http::QueryParameters parameters(request);
  static constexpr std::string_view kFormats[] = {"csv", "xlsx"};
  const std::string format = parameters.one_of("format", kFormats, "csv");
  TRY(parameters.finish());
  const tabular::Sheet sheet = TRY(importer.template_sheet(kind));
  return download_response(sheet, format == "xlsx" ? tabular::Format::xlsx : tabular::Format::csv,
                           template_stem(kind), importer.today());
}

}  // namespace

void register_import_routes(auth::SecuredRouter& router, SpreadsheetImporter& importer) {
  using auth::Action;
  router.add(Method::post, std::string(kOrganizationImportPath), "importOrganizationData",
             Action::organization_manage,
             [&importer](Request& request, const auth::Principal& caller) -> Result<Response> {
               const ImportKind kind = TRY(organization_kind(request));
               return run_import(importer, request, caller, kind);
             });
  router.add(Method::get, std::string(kOrganizationTemplatePath), "getOrganizationImportTemplate",
             Action::organization_manage,
             [&importer](Request& request, const auth::Principal&) -> Result<Response> {
               const ImportKind kind = TRY(organization_kind(request));
               return template_download(importer, request, kind);
             });
  router.add(Method::post, std::string(kAttendanceImportPath), "importAttendance", Action::attendance_import,
             [&importer](Request& request, const auth::Principal& caller) -> Result<Response> {
               return run_import(importer, request, caller, ImportKind::attendance);
             });
  router.add(Method::get, std::string(kAttendanceTemplatePath), "getAttendanceTemplate",
             Action::attendance_import,
             [&importer](Request& request, const auth::Principal&) -> Result<Response> {
               return template_download(importer, request, ImportKind::attendance);
             });
}

}  // namespace sinergi::organization
