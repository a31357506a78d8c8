#include "platform/http/spreadsheet_http.h"

#include <nlohmann/json.hpp>

#include "core/input_text.h"
#include "platform/http/json_body.h"
#include "platform/http/query_parameters.h"

namespace sinergi::http {
namespace {

// Ordered, so the report's members come in the documented order.
using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxFileNameCharacters = 255;

Json problems_json(const std::vector<tabular::ImportProblem>& problems, Locale locale) {
  Json items = Json::array();
  for (const tabular::ImportProblem& problem : problems) {
    items.push_back({{"row", problem.row}, {"column", problem.column}, {"message", problem.message(locale)}});
  }
  return items;
}

std::string json_text(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string uploaded_file_name(const Request& request) {
  const std::string_view raw = request.headers.get("X-File-Name").value_or("");
  std::string name = percent_decode(raw).value_or(std::string(raw));
  if (name.size() <= kMaxFileNameCharacters) {
    return name;
  }
  const auto dot = name.rfind('.');
  const std::string extension = dot != std::string::npos && name.size() - dot <= 10 ? name.substr(dot) : "";
  return excerpt_for_message(name.substr(0, name.size() - extension.size()),
                             kMaxFileNameCharacters - extension.size() - 4) +
         extension;
}

tabular::ImportFile uploaded_file(const Request& request) {
  tabular::ImportFile file;
  file.bytes = request.body;
  file.content_type = std::string(request.headers.get("Content-Type").value_or(""));
  file.file_name = uploaded_file_name(request);
  return file;
}

Result<ImportRequest> import_request(const Request& request) {
  QueryParameters parameters(request);
  static constexpr std::string_view kModes[] = {"dry_run", "commit"};
  const std::string mode_text = parameters.one_of("mode", kModes, "dry_run");
  TRY(parameters.finish());
  if (request.body.size() > tabular::kMaxImportBytes) {
    return Error(ErrorCode::PayloadTooLarge, {std::to_string(tabular::kMaxImportBytes)});
  }
  ImportRequest result;
  result.mode = tabular::parse_import_mode(mode_text).value_or(tabular::ImportMode::dry_run);
  result.file = uploaded_file(request);
  return result;
}

Response import_response(const tabular::ImportOutcome& outcome, std::string_view kind,
                         const Request& request) {
  Json body;
  body["kind"] = std::string(kind);
  body["mode"] = std::string(tabular::name(outcome.mode));
  body["committed"] = outcome.committed;
  body["rows"] = outcome.rows;
  body["created"] = outcome.created;
  body["updated"] = outcome.updated;
  body["unchanged"] = outcome.unchanged;
  body["errors"] = problems_json(outcome.errors, request.locale);
  body["error_count"] = outcome.error_count;
  body["warnings"] = problems_json(outcome.warnings, request.locale);
  if (outcome.mode == tabular::ImportMode::commit && !outcome.committed) {
    Response response = problem_response(Error(ErrorCode::ValidationFailed), request);
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

Result<Response> sheet_download(const tabular::Sheet& sheet, tabular::Format format,
                                std::string_view file_stem, Date date) {
  std::string body =
      format == tabular::Format::csv ? tabular::write_csv(sheet) : TRY(tabular::write_xlsx(sheet));
  const std::string extension = format == tabular::Format::csv ? "csv" : "xlsx";
  Response response = Response::text(200, std::move(body), std::string(tabular::content_type(format)));
  response.headers.set("Content-Disposition", "attachment; filename=\"" + std::string(file_stem) + "-" +
                                                  format_iso_date(date) + "." + extension + "\"");
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace sinergi::http
