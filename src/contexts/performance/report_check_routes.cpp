#include "contexts/performance/report_check_routes.h"

#include <nlohmann/json.hpp>

#include "contexts/performance/report_check.h"
#include "core/input_text.h"
#include "platform/auth/permissions.h"
#include "platform/http/query_parameters.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/http/spreadsheet_http.h"

namespace sinergi::performance {
namespace {

// Ordered, so each item lists the input's columns first, as the CSV does.
using Json = nlohmann::ordered_json;

std::string json_text(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Exact decimals travel as strings with a dot (docs/api/planning.md); here as a report shows
// them: 2 decimals, "150.00".
Json percent_json(const std::optional<Decimal>& percent) {
  if (!percent) {
    return nullptr;
  }
  const Decimal shown = percent->round(kReportDecimals);
  return shown.rescale(kReportDecimals).value_or(shown).to_string();
}

Json row_json(const ReportCheckRow& row, Locale locale) {
  const ReportLine& line = row.line;
  Json item;
  item["row"] = row.row_number;
  item["indicator"] = line.indicator;
  item["polarity"] = line.polarity;
  item["target"] = line.target;
  item["realization"] = line.realization;
  item["published_achievement_percent"] = line.published;
  item["formula"] = line.formula;
  item["aggregation"] = line.aggregation;
  item["computed_percent"] = percent_json(row.computed_percent);
  item["matching_formula"] =
      row.matching_formula ? Json(std::string(name(*row.matching_formula))) : Json(nullptr);
  item["verdict"] = std::string(name(row.verdict));
  item["reason"] = row.reason(locale);
  Json explanation = Json::array();
  for (const ExplanationStep& step : row.explanation) {
    explanation.push_back(locale == Locale::english ? step.text_en : step.text_id);
  }
  item["explanation"] = std::move(explanation);
  return item;
}

Json check_json(const ReportCheck& check, Locale locale) {
  Json items = Json::array();
  for (const ReportCheckRow& row : check.rows) {
    items.push_back(row_json(row, locale));
  }
  Json body;
  body["items"] = std::move(items);
  body["counts"] = Json{{"consistent", check.counts.consistent},
                        {"inconsistent", check.counts.inconsistent},
                        {"not_computable", check.counts.not_computable}};
  return body;
}

}  // namespace

void register_report_check_routes(auth::SecuredRouter& router) {
  router.add(http::Method::post, "/api/v1/tools/check-report", "checkReport", auth::Action::report_check,
             [](http::Request& request, const auth::Principal&) -> Result<http::Response> {
               http::QueryParameters parameters(request);
               static constexpr std::string_view kFormats[] = {"json", "csv"};
               const std::string format = parameters.one_of("format", kFormats, "json");
               TRY(parameters.finish());
               if (request.body.size() > tabular::kMaxImportBytes) {
                 return Error(ErrorCode::PayloadTooLarge, {std::to_string(tabular::kMaxImportBytes)});
               }
               const ReportCheck check = TRY(check_report(http::uploaded_file(request)));
               http::Response response =
                   format == "csv" ? http::Response::text(
                                         200, tabular::write_csv(report_check_sheet(check, request.locale)),
                                         std::string(tabular::content_type(tabular::Format::csv)))
                                   : http::Response::json(200, json_text(check_json(check, request.locale)));
               if (format == "csv") {
                 response.headers.set("Content-Disposition", "attachment; filename=\"periksa-laporan.csv\"");
               }
               // The file may be a confidential draft report: no cache keeps its rows.
               response.headers.set("Cache-Control", "no-store");
               return response;
             });
}

}  // namespace sinergi::performance
