#include "contexts/performance/performance_routes.h"

#include <limits>

#include "contexts/performance/agreement_document.h"
#include "contexts/performance/performance_json.h"
#include "contexts/performance/performance_reports.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/input_text.h"
#include "platform/audit/call_context.h"
#include "platform/auth/permissions.h"
#include "platform/http/json_body.h"
#include "platform/http/query_parameters.h"
#include "platform/http/spreadsheet_http.h"

namespace sinergi::performance {
namespace {

using auth::Action;
using auth::Principal;
using http::Method;
using http::Request;
using http::Response;

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxShortText = 500;

Response json_response(int status, const Json& body) {
  Response response = Response::json(status, http::to_json_text(body));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

// RFC 3986 percent-encoding of everything but unreserved characters (for filename*).
std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0x0f];
    }
  }
  return encoded;
}

Response file_response(std::string bytes, const std::string& content_type, const std::string& file_name) {
  Response response = Response::text(200, std::move(bytes), content_type);
  // Only ASCII reaches the quoted name; the full name goes percent-encoded (RFC 6266).
  std::string ascii;
  for (char c : file_name) {
    ascii += (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f && c != '"' &&
              c != '\\')
                 ? c
                 : '_';
  }
  response.headers.set("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" +
                                                  percent_encoded(file_name));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

int current_year(const Clock& clock) {
  return year_of(local_date(clock.now(), kOffsetWita));
}

// --- Agreements ---

AgreementEdit agreement_edit(const Json& body, http::JsonFields& fields) {
  AgreementEdit edit;
  edit.version = fields.required_integer("version", 1, kMaxId).value_or(0);
  edit.second_party = party_field(body, "second_party", fields);
  const Json empty = Json::array();
  // The whole lists are sent: a missing one is an error, never "remove everything".
  for (const char* key : {"items", "programs"}) {
    if (!body.is_object() || !body.contains(key)) {
      fields.add_error(key, "wajib diisi: daftar lengkap (boleh kosong)",
                       "is required: the whole list (may be empty)");
    }
  }
  const Json& items = body.is_object() && body.contains("items") ? body.at("items") : empty;
  if (!items.is_array() || items.size() > kMaxAgreementItems) {
    fields.add_error("items", "harus daftar indikator (paling banyak 200)",
                     "must be a list of indicators (at most 200)");
  } else {
    for (std::size_t index = 0; index < items.size(); ++index) {
      const Json& item = items[index];
      const std::string prefix = "items[" + std::to_string(index) + "]";
      if (!item.is_object() || !item.contains("indicator_id") ||
          !item.at("indicator_id").is_number_integer()) {
        fields.add_error(prefix + ".indicator_id", "wajib diisi dengan nomor indikator",
                         "is required: the indicator's id");
        continue;
      }
      ItemEdit edit_item;
      edit_item.indicator_id = item.at("indicator_id").get<std::int64_t>();
      edit_item.yearly_target = target_field(item, "yearly_target", prefix + ".yearly_target", fields);
      edit_item.yearly_target_cleared = item.contains("yearly_target") && item.at("yearly_target").is_null();
      if (item.contains("quarter_targets") && !item.at("quarter_targets").is_null()) {
        const Json& quarters = item.at("quarter_targets");
        if (!quarters.is_array() || quarters.size() > 4) {
          fields.add_error(prefix + ".quarter_targets", "harus daftar 4 target (TW I-IV), boleh null",
                           "must be a list of 4 targets (Q1-Q4), null allowed");
        } else {
          for (std::size_t quarter = 0; quarter < quarters.size(); ++quarter) {
            // target_field reads a member: each element is read through a one-member holder.
            if (!quarters[quarter].is_null()) {
              Json holder{{"target", quarters[quarter]}};
              edit_item.quarter_targets[quarter] = target_field(
                  holder, "target", prefix + ".quarter_targets[" + std::to_string(quarter) + "]", fields);
            }
          }
        }
      }
      edit.items.push_back(edit_item);
    }
  }
  const Json& programs = body.is_object() && body.contains("programs") ? body.at("programs") : empty;
  if (!programs.is_array() || programs.size() > kMaxAgreementPrograms) {
    fields.add_error("programs", "harus daftar program (paling banyak 500)",
                     "must be a list of programs (at most 500)");
  } else {
    for (std::size_t index = 0; index < programs.size(); ++index) {
      const Json& program = programs[index];
      const std::string prefix = "programs[" + std::to_string(index) + "]";
      if (!program.is_object() || !program.contains("node_id") ||
          !program.at("node_id").is_number_integer()) {
        fields.add_error(prefix + ".node_id", "wajib diisi dengan nomor simpul",
                         "is required: the node's id");
        continue;
      }
      if (!program.contains("budget") || !program.at("budget").is_number_integer()) {
        fields.add_error(prefix + ".budget", "pagu wajib diisi dalam rupiah bulat",
                         "the budget is required in whole rupiah");
        continue;
      }
      edit.programs.push_back(ProgramEdit{program.at("node_id").get<std::int64_t>(),
                                          Money(program.at("budget").get<std::int64_t>())});
    }
  }
  return edit;
}

void register_agreement_routes(auth::SecuredRouter& router, AgreementService& service) {
  router.add(Method::get, "/api/v1/agreements", "listAgreements", Action::performance_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               AgreementQuery query;
               if (auto year = parameters.optional_integer("year", 2000, 2100)) {
                 query.year = static_cast<int>(*year);
               }
               query.agency_code = parameters.text("agency_code", 60);
               query.state = parameters.text("state", 40);
               query.search = parameters.text("search", 100).value_or("");
               query.page = parameters.integer("page", 1, 1, 1'000'000);
               query.page_size = parameters.integer("page_size", 50, 0, 500);
               TRY(parameters.finish());
               const AgreementPage page = TRY(service.list(caller, query));
               Json items = Json::array();
               for (const AgreementView& view : page.items) {
                 items.push_back(agreement_json(view, false));
               }
               return json_response(200, Json{{"items", std::move(items)},
                                              {"total", page.total},
                                              {"page", query.page},
                                              {"page_size", query.page_size}});
             });
  router.add(Method::post, "/api/v1/agreements", "createAgreement", Action::agreement_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               AgreementDraft draft;
               draft.agency_code = fields.required_string("agency_code", 60).value_or("");
               draft.year = static_cast<int>(fields.required_integer("year", 2000, 2100).value_or(0));
               draft.second_party = party_field(body, "second_party", fields);
               TRY(fields.finish());
               return json_response(
                   201, agreement_json(TRY(service.create(caller, draft, audit::context_of(request))), true));
             });
  router.add(Method::get, "/api/v1/agreements/{id}", "getAgreement", Action::performance_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const AgreementId id(TRY(http::path_id(request, "id")));
               return json_response(200, agreement_json(TRY(service.get(caller, id)), true));
             });
  router.add(Method::get, "/api/v1/agreements/{id}/candidates", "agreementCandidates",
             Action::performance_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const AgreementId id(TRY(http::path_id(request, "id")));
               return json_response(200, candidates_json(TRY(service.candidates(caller, id))));
             });
  router.add(Method::put, "/api/v1/agreements/{id}", "updateAgreement", Action::agreement_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const AgreementId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               const AgreementEdit edit = agreement_edit(body, fields);
               TRY(fields.finish());
               return json_response(
                   200,
                   agreement_json(TRY(service.update(caller, id, edit, audit::context_of(request))), true));
             });
  router.add(Method::post, "/api/v1/agreements/{id}/steps", "takeAgreementStep", Action::agreement_workflow,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const AgreementId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               StepCommand command;
               command.transition = fields.required_string("transition", 60).value_or("");
               command.comment = fields.optional_string("comment", kMaxText).value_or("");
               command.version = fields.required_integer("version", 1, kMaxId).value_or(0);
               TRY(fields.finish());
               return json_response(
                   200, agreement_json(
                            TRY(service.take_step(caller, id, command, audit::context_of(request))), true));
             });
  router.add(Method::post, "/api/v1/agreements/{id}/revisions", "reviseAgreement", Action::agreement_manage,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const AgreementId id(TRY(http::path_id(request, "id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               const std::string reason = fields.required_string("reason", kMaxText).value_or("");
               TRY(fields.finish());
               return json_response(
                   201,
                   agreement_json(TRY(service.revise(caller, id, reason, audit::context_of(request))), true));
             });
  router.add(Method::get, "/api/v1/agreements/{id}/document", "agreementDocument", Action::performance_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const AgreementId id(TRY(http::path_id(request, "id")));
               http::QueryParameters parameters(request);
               TRY(parameters.finish());
               const AgreementView view = TRY(service.get(caller, id));
               std::string pdf = TRY(agreement_pdf(view));
               return file_response(std::move(pdf), "application/pdf",
                                    "perjanjian-kinerja-" + view.agency_code + "-" +
                                        std::to_string(view.record.year) + "-" +
                                        std::to_string(view.record.number) + ".pdf");
             });
}

// --- Realizations ---

struct PeriodQuery {
  std::string agency_code;
  int year = 0;
  int quarter = 1;
};

PeriodQuery period_query(http::QueryParameters& parameters, const Clock& clock) {
  PeriodQuery query;
  query.agency_code = parameters.text("agency_code", 60).value_or("");
  query.year = static_cast<int>(parameters.integer("year", current_year(clock), 2000, 2100));
  query.quarter = static_cast<int>(parameters.integer("quarter", 1, 1, 4));
  if (query.agency_code.empty()) {
    parameters.refuse("agency_code", "wajib diisi", "is required");
  }
  return query;
}

void register_realization_routes(auth::SecuredRouter& router, RealizationService& service,
                                 const Clock& clock) {
  router.add(Method::get, "/api/v1/realizations", "quarterRealizations", Action::performance_read,
             [&service, &clock](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               const PeriodQuery query = period_query(parameters, clock);
               TRY(parameters.finish());
               return json_response(200, quarter_report_json(TRY(service.quarter(caller, query.agency_code,
                                                                                 query.year, query.quarter)),
                                                             local_date(clock.now(), kOffsetWita)));
             });
  router.add(Method::put, "/api/v1/realizations", "saveRealization", Action::realization_report,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               RealizationEntry entry;
               entry.agency_code = fields.required_string("agency_code", 60).value_or("");
               entry.indicator_id = fields.required_integer("indicator_id", 1, kMaxId).value_or(0);
               entry.year = static_cast<int>(fields.required_integer("year", 2000, 2100).value_or(0));
               entry.quarter = static_cast<int>(fields.required_integer("quarter", 1, 4).value_or(1));
               entry.value = decimal_field(body, "value", "value", fields);
               entry.data_source = fields.optional_string("data_source", kMaxShortText).value_or("");
               entry.supporting_factors = fields.optional_string("supporting_factors", kMaxText).value_or("");
               entry.inhibiting_factors = fields.optional_string("inhibiting_factors", kMaxText).value_or("");
               entry.follow_up_plan = fields.optional_string("follow_up_plan", kMaxText).value_or("");
               entry.version = fields.optional_integer("version", 1, kMaxId);
               TRY(fields.finish());
               return json_response(
                   200, realization_json(TRY(service.save(caller, entry, audit::context_of(request)))));
             });
  router.add(Method::get, "/api/v1/realizations/{id}", "getRealization", Action::performance_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const RealizationId id(TRY(http::path_id(request, "id")));
               return json_response(200, realization_json(TRY(service.get(caller, id))));
             });
  router.add(
      Method::post, "/api/v1/realizations/{id}/steps", "takeRealizationStep", Action::realization_workflow,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        const RealizationId id(TRY(http::path_id(request, "id")));
        const Json body = TRY(http::parse_json_body(request));
        http::JsonFields fields(body);
        RealizationStep step;
        step.transition = fields.required_string("transition", 60).value_or("");
        step.comment = fields.optional_string("comment", kMaxText).value_or("");
        step.verified_value = decimal_field(body, "verified_value", "verified_value", fields);
        step.version = fields.required_integer("version", 1, kMaxId).value_or(0);
        TRY(fields.finish());
        return json_response(
            200, realization_json(TRY(service.take_step(caller, id, step, audit::context_of(request)))));
      });
  router.add(
      Method::post, "/api/v1/realizations/{id}/evidence", "uploadEvidence", Action::realization_report,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        const RealizationId id(TRY(http::path_id(request, "id")));
        const std::string file_name = http::uploaded_file_name(request);
        if (trim_ascii_whitespace(file_name).empty()) {
          return Error::with_fields(ErrorCode::ValidationFailed,
                                    {FieldError{"X-File-Name", "nama berkas wajib dikirim di X-File-Name",
                                                "send the file name in X-File-Name"}});
        }
        return json_response(201, realization_json(TRY(service.add_file(caller, id, request.body, file_name,
                                                                        audit::context_of(request)))));
      });
  router.add(
      Method::post, "/api/v1/realizations/{id}/evidence-links", "addEvidenceLink", Action::realization_report,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        const RealizationId id(TRY(http::path_id(request, "id")));
        const Json body = TRY(http::parse_json_body(request));
        http::JsonFields fields(body);
        const std::string url = fields.required_string("url", 2000).value_or("");
        const std::string title = fields.optional_string("title", 200).value_or("");
        TRY(fields.finish());
        return json_response(
            201, realization_json(TRY(service.add_link(caller, id, url, title, audit::context_of(request)))));
      });
  router.add(Method::delete_, "/api/v1/realizations/{id}/evidence/{evidence_id}", "removeEvidence",
             Action::realization_report,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const RealizationId id(TRY(http::path_id(request, "id")));
               const EvidenceId evidence(TRY(http::path_id(request, "evidence_id")));
               return json_response(200, realization_json(TRY(service.remove_evidence(
                                             caller, id, evidence, audit::context_of(request)))));
             });
  router.add(Method::get, "/api/v1/evidence/{id}/content", "downloadEvidence", Action::performance_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               const EvidenceId id(TRY(http::path_id(request, "id")));
               EvidenceFile file = TRY(service.evidence_file(caller, id));
               return file_response(std::move(file.bytes), file.media_type, file.file_name);
             });
  router.add(Method::get, "/api/v1/verification-queue", "verificationQueue", Action::performance_read,
             [&service](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               QueueQuery query;
               query.agency_code = parameters.text("agency_code", 60);
               if (auto year = parameters.optional_integer("year", 2000, 2100)) {
                 query.year = static_cast<int>(*year);
               }
               if (auto quarter = parameters.optional_integer("quarter", 1, 4)) {
                 query.quarter = static_cast<int>(*quarter);
               }
               TRY(parameters.finish());
               return json_response(200, queue_json(TRY(service.queue(caller, query))));
             });
  router.add(Method::get, "/api/v1/reporting-windows", "reportingWindows", Action::performance_read,
             [&service, &clock](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               const int year = static_cast<int>(parameters.integer("year", current_year(clock), 2000, 2100));
               TRY(parameters.finish());
               return json_response(200, windows_json(TRY(service.windows(caller, year))));
             });
  router.add(
      Method::delete_, "/api/v1/reporting-windows/{year}/{quarter}", "removeReportingWindow",
      Action::reporting_windows_manage,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        const std::int64_t year = TRY(http::path_id(request, "year"));
        const std::int64_t quarter = TRY(http::path_id(request, "quarter"));
        if (year < 2000 || year > 2100 || quarter > 4) {
          const std::string field = quarter > 4 ? "quarter" : "year";
          return Error::with_fields(ErrorCode::InvalidInput,
                                    {FieldError{field, "di luar rentang (tahun 2000-2100, triwulan 1-4)",
                                                "out of range (year 2000-2100, quarter 1-4)"}},
                                    {field});
        }
        return json_response(200, windows_json(TRY(service.remove_window(caller, static_cast<int>(year),
                                                                         static_cast<int>(quarter),
                                                                         audit::context_of(request)))));
      });
  router.add(
      Method::put, "/api/v1/reporting-windows", "putReportingWindows", Action::reporting_windows_manage,
      [&service](Request& request, const Principal& caller) -> Result<Response> {
        const Json body = TRY(http::parse_json_body(request));
        http::JsonFields fields(body);
        const int year = static_cast<int>(fields.required_integer("year", 2000, 2100).value_or(0));
        std::vector<ReportingWindow> windows;
        const Json empty = Json::array();
        const Json& list = body.is_object() && body.contains("windows") ? body.at("windows") : empty;
        if (!list.is_array() || list.empty() || list.size() > 4) {
          fields.add_error("windows", "harus daftar 1-4 jendela {quarter, opens_on, closes_on}",
                           "must be a list of 1-4 windows {quarter, opens_on, closes_on}");
        } else {
          for (std::size_t index = 0; index < list.size(); ++index) {
            const std::string prefix = "windows[" + std::to_string(index) + "]";
            const Json& item = list[index];
            ReportingWindow window;
            window.quarter = item.is_object() && item.value("quarter", Json()).is_number_integer()
                                 ? item.at("quarter").get<int>()
                                 : 0;
            for (auto [key, target] :
                 {std::pair{"opens_on", &window.opens_on}, {"closes_on", &window.closes_on}}) {
              const Json value = item.is_object() ? item.value(key, Json()) : Json();
              const auto date = value.is_string() ? parse_iso_date(value.get<std::string>()) : std::nullopt;
              if (!date) {
                fields.add_error(prefix + "." + key, "tanggal YYYY-MM-DD wajib diisi",
                                 "a YYYY-MM-DD date is required");
              } else {
                *target = *date;
              }
            }
            windows.push_back(window);
          }
        }
        TRY(fields.finish());
        return json_response(
            200, windows_json(TRY(service.put_windows(caller, year, windows, audit::context_of(request)))));
      });
}

// --- Scorecards and reports ---

void register_scorecard_routes(auth::SecuredRouter& router, RealizationService& service, const Clock& clock) {
  router.add(
      Method::get, "/api/v1/scorecards", "regionScorecard", Action::performance_read,
      [&service, &clock](Request& request, const Principal& caller) -> Result<Response> {
        http::QueryParameters parameters(request);
        const int year = static_cast<int>(parameters.integer("year", current_year(clock), 2000, 2100));
        const int quarter = static_cast<int>(parameters.integer("quarter", 4, 1, 4));
        TRY(parameters.finish());
        return json_response(
            200, region_scorecard_json(TRY(service.region_scorecard(caller, year, quarter)), request.locale));
      });
  router.add(
      Method::get, "/api/v1/scorecards/{agency_code}", "agencyScorecard", Action::performance_read,
      [&service, &clock](Request& request, const Principal& caller) -> Result<Response> {
        const std::string agency_code(request.path_parameter("agency_code"));
        http::QueryParameters parameters(request);
        const int year = static_cast<int>(parameters.integer("year", current_year(clock), 2000, 2100));
        const int quarter = static_cast<int>(parameters.integer("quarter", 4, 1, 4));
        TRY(parameters.finish());
        return json_response(
            200, scorecard_json(TRY(service.scorecard(caller, agency_code, year, quarter)), request.locale));
      });
  router.add(Method::get, "/api/v1/scorecards/{agency_code}/explanation", "explainAchievement",
             Action::performance_read,
             [&service, &clock](Request& request, const Principal& caller) -> Result<Response> {
               const std::string agency_code(request.path_parameter("agency_code"));
               http::QueryParameters parameters(request);
               const auto indicator = parameters.optional_integer("indicator_id", 1, kMaxId);
               const int year = static_cast<int>(parameters.integer("year", current_year(clock), 2000, 2100));
               const int quarter = static_cast<int>(parameters.integer("quarter", 4, 1, 4));
               if (!indicator) {
                 parameters.refuse("indicator_id", "wajib diisi", "is required");
               }
               TRY(parameters.finish());
               return json_response(
                   200, explanation_json(TRY(service.explain(caller, agency_code, *indicator, year, quarter)),
                                         request.locale));
             });
  router.add(Method::get, "/api/v1/reports/monitoring", "monitoringReport", Action::performance_read,
             [&service, &clock](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               const PeriodQuery query = period_query(parameters, clock);
               static constexpr std::string_view kFormats[] = {"pdf", "xlsx"};
               const std::string format = parameters.one_of("format", kFormats, "pdf");
               TRY(parameters.finish());
               const Scorecard card =
                   TRY(service.scorecard(caller, query.agency_code, query.year, query.quarter));
               const ReportFile file = TRY(monitoring_report(
                   card, format == "xlsx" ? ReportFormat::xlsx : ReportFormat::pdf, request.locale));
               return file_response(file.bytes, file.content_type, file.file_name);
             });
  router.add(Method::get, "/api/v1/reports/accountability", "accountabilityReport", Action::performance_read,
             [&service, &clock](Request& request, const Principal& caller) -> Result<Response> {
               http::QueryParameters parameters(request);
               const std::string agency_code = parameters.text("agency_code", 60).value_or("");
               const int year = static_cast<int>(parameters.integer("year", current_year(clock), 2000, 2100));
               static constexpr std::string_view kFormats[] = {"pdf", "xlsx"};
               const std::string format = parameters.one_of("format", kFormats, "pdf");
               if (agency_code.empty()) {
                 parameters.refuse("agency_code", "wajib diisi", "is required");
               }
               TRY(parameters.finish());
               const Scorecard card = TRY(service.scorecard(caller, agency_code, year, 4));
               const ReportFile file = TRY(accountability_report(
                   card, format == "xlsx" ? ReportFormat::xlsx : ReportFormat::pdf, request.locale));
               return file_response(file.bytes, file.content_type, file.file_name);
             });
}

}  // namespace

void register_performance_routes(auth::SecuredRouter& router, AgreementService& agreements,
                                 RealizationService& realizations, const Clock& clock) {
  register_agreement_routes(router, agreements);
  register_realization_routes(router, realizations, clock);
  register_scorecard_routes(router, realizations, clock);
}

}  // namespace sinergi::performance
