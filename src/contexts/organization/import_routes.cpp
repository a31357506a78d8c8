#include "contexts/organization/import_routes.h"

#include "contexts/organization/organization_http.h"
#include "contexts/organization/spreadsheet_import.h"
#include "core/input_text.h"
#include "platform/http/query_parameters.h"
#include "platform/http/spreadsheet_http.h"

namespace sinergi::organization {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr std::string_view kOrganizationImportPath = "/api/v1/organization/imports/{kind}";
constexpr std::string_view kOrganizationTemplatePath = "/api/v1/organization/imports/{kind}/template";
constexpr std::string_view kAttendanceImportPath = "/api/v1/attendance/imports";
constexpr std::string_view kAttendanceTemplatePath = "/api/v1/attendance/template";

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

Result<Response> run_import(SpreadsheetImporter& importer, const Request& request,
                            const auth::Principal& caller, ImportKind kind) {
  const http::ImportRequest upload = TRY(http::import_request(request));
  const ImportReport report =
      TRY(importer.run(caller, kind, upload.mode, upload.file, audit::context_of(request)));
  return http::import_response(report, name(report.kind), request);
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
