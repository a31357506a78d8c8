#include "contexts/organization/attendance_routes.h"

#include <nlohmann/json.hpp>

#include "contexts/organization/attendance_service.h"
#include "contexts/organization/organization_http.h"
#include "contexts/organization/organization_json.h"
#include "contexts/organization/organization_validation.h"
#include "platform/auth/permissions.h"
#include "platform/http/json_body.h"
#include "platform/http/query_parameters.h"

namespace sinergi::organization {
namespace {

using http::Method;
using http::Request;
using http::Response;
using Json = nlohmann::json;

constexpr std::size_t kMaxSearchCharacters = 100;
constexpr std::string_view kDisciplineSortKeys[] = {"unexcused", "name", "run"};
constexpr std::string_view kFormats[] = {"json", "csv", "xlsx"};
constexpr std::string_view kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                            "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};

Response json_response(int status, const Json& body) {
  Response response = Response::json(status, http::to_json_text(body));
  // Attendance is personal data: no cache may keep it.
  response.headers.set("Cache-Control", "no-store");
  return response;
}

int year_parameter(http::QueryParameters& parameters, const AttendanceService& service) {
  return static_cast<int>(
      parameters.integer("year", service.current_year(), kFirstAttendanceYear, kLastAttendanceYear));
}

Json nullable(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json rate_json(const AbsenceCount& count) {
  const std::optional<Decimal> rate = count.rate();
  return rate ? Json(rate->to_string()) : Json(nullptr);
}

Json discipline_json(const DisciplineSummary& summary) {
  Json level = nullptr;
  if (summary.level != nullptr) {
    level = {{"rank", summary.level->rank},
             {"min_days", summary.level->min_days},
             {"max_days", summary.level->max_days ? Json(*summary.level->max_days) : Json(nullptr)},
             {"sanction", summary.level->sanction}};
  }
  return {
      {"year", summary.year},
      {"present", summary.present},
      {"leave", summary.leave},
      {"sick", summary.sick},
      {"official_travel", summary.official_travel},
      {"unexcused", summary.unexcused},
      {"late_minutes", summary.late_minutes},
      {"longest_unexcused_run", summary.longest_unexcused_run},
      {"longest_run_starts_on",
       summary.longest_run_starts_on ? Json(format_iso_date(*summary.longest_run_starts_on)) : Json(nullptr)},
      {"level", level},
      {"reason", summary.reason ? Json(name(*summary.reason)) : Json(nullptr)}};
}

Json person_attendance_json(const PersonAttendance& attendance) {
  Json records = Json::array();
  for (const AttendanceDay& record : attendance.records) {
    records.push_back({{"day", format_iso_date(record.day)},
                       {"status", name(record.status)},
                       {"late_minutes", record.late_minutes}});
  }
  return {{"person", person_json(attendance.person)},
          {"year", attendance.year},
          {"summary", discipline_json(attendance.summary)},
          {"records", records}};
}

tabular::Cell text_cell(const std::optional<std::string>& value) {
  return value ? tabular::Cell(*value) : tabular::Cell();
}

tabular::Sheet discipline_sheet(const std::vector<DisciplineEntry>& entries) {
  tabular::Sheet sheet;
  sheet.name = "Disiplin";
  sheet.header = {"NIP",
                  "Nama",
                  "OPD",
                  "Hadir",
                  "Cuti/Izin",
                  "Sakit",
                  "Dinas Luar",
                  "Tanpa Keterangan",
                  "Terlambat (menit)",
                  "TK Berturut-turut Terpanjang",
                  "Mulai",
                  "Tingkat",
                  "Sanksi",
                  "Dasar"};
  sheet.column_widths = {22, 32, 14, 8, 10, 8, 11, 17, 17, 27, 12, 8, 50, 44};
  for (const DisciplineEntry& entry : entries) {
    const DisciplineSummary& summary = entry.summary;
    std::vector<tabular::Cell> row{entry.person.person.nip,
                                   entry.person.person.name,
                                   text_cell(entry.person.agency_code),
                                   std::int64_t{summary.present},
                                   std::int64_t{summary.leave},
                                   std::int64_t{summary.sick},
                                   std::int64_t{summary.official_travel},
                                   std::int64_t{summary.unexcused},
                                   std::int64_t{summary.late_minutes},
                                   std::int64_t{summary.longest_unexcused_run},
                                   summary.longest_run_starts_on
                                       ? tabular::Cell(format_iso_date(*summary.longest_run_starts_on))
                                       : tabular::Cell()};
    if (summary.level != nullptr) {
      row.emplace_back(std::int64_t{summary.level->rank});
      row.emplace_back(summary.level->sanction);
    } else {
      row.emplace_back();
      row.emplace_back();
    }
    row.push_back(summary.reason ? tabular::Cell(std::string(label_id(*summary.reason))) : tabular::Cell());
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

Json absence_rates_json(const AbsenceRates& rates) {
  Json items = Json::array();
  for (const AgencyAbsence& item : rates.items) {
    Json months = Json::array();
    for (std::size_t index = 0; index < item.months.size(); ++index) {
      const AbsenceCount& month = item.months[index];
      months.push_back({{"month", index + 1},
                        {"records", month.records},
                        {"unexcused", month.unexcused},
                        {"rate", rate_json(month)}});
    }
    items.push_back({{"agency_code", item.agency.code},
                     {"agency_name", item.agency.name},
                     {"records", item.total.records},
                     {"unexcused", item.total.unexcused},
                     {"rate", rate_json(item.total)},
                     {"months", months},
                     {"trend", name(item.trend)}});
  }
  return {{"year", rates.year},
          {"items", items},
          {"region",
           {{"records", rates.region.records},
            {"unexcused", rates.region.unexcused},
            {"rate", rate_json(rates.region)}}}};
}

tabular::Cell rate_cell(const AbsenceCount& count) {
  const std::optional<Decimal> rate = count.rate();
  return rate ? tabular::Cell(rate->to_string()) : tabular::Cell();
}

tabular::Sheet absence_rates_sheet(const AbsenceRates& rates) {
  tabular::Sheet sheet;
  sheet.name = "Ketidakhadiran " + std::to_string(rates.year);
  sheet.header = {"Kode OPD", "Nama OPD", "Catatan", "Tanpa Keterangan", "Persentase (%)", "Tren"};
  for (std::string_view month : kMonthNames) {
    sheet.header.push_back(std::string(month) + " (%)");
  }
  sheet.column_widths = {14, 44, 10, 17, 15, 10};
  auto add_row = [&](std::string code, std::string agency_name, const AbsenceCount& total,
                     tabular::Cell trend, const std::array<AbsenceCount, 12>* months) {
    std::vector<tabular::Cell> row{std::move(code), std::move(agency_name), total.records,
                                   total.unexcused, rate_cell(total),       std::move(trend)};
    for (std::size_t index = 0; index < 12; ++index) {
      row.push_back(months != nullptr ? rate_cell((*months)[index]) : tabular::Cell());
    }
    sheet.rows.push_back(std::move(row));
  };
  for (const AgencyAbsence& item : rates.items) {
    add_row(item.agency.code, item.agency.name, item.total, std::string(name(item.trend)), &item.months);
  }
  add_row("", "Jumlah", rates.region, tabular::Cell(), nullptr);
  return sheet;
}

}  // namespace

void register_attendance_routes(auth::SecuredRouter& router, AttendanceService& service) {
  router.add(Method::get, "/api/v1/people/{person_id}/attendance", "getPersonAttendance",
             auth::Action::attendance_read,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const PersonId person(TRY(http::path_id(request, "person_id")));
               http::QueryParameters parameters(request);
               const int year = year_parameter(parameters, service);
               TRY(parameters.finish());
               const PersonAttendance attendance = TRY(service.person_attendance(caller, person, year));
               return json_response(200, person_attendance_json(attendance));
             });

  router.add(
      Method::get, "/api/v1/discipline", "listDiscipline", auth::Action::attendance_read,
      [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
        http::QueryParameters parameters(request);
        DisciplineQuery query;
        query.year = year_parameter(parameters, service);
        query.agency_code = parameters.text("agency_code", kMaxCodeCharacters);
        query.level_only = parameters.boolean("level_only").value_or(false);
        query.search = parameters.text("q", kMaxSearchCharacters);
        const ListParameters list = list_parameters(parameters, kDisciplineSortKeys);
        query.page = list.page;
        TRY(parameters.finish());
        const Page<DisciplineEntry> page = TRY(service.discipline_list(caller, query));
        if (list.export_format) {
          return download_response(discipline_sheet(page.items), *list.export_format, "disiplin",
                                   service.today());
        }
        Json items = Json::array();
        for (const DisciplineEntry& entry : page.items) {
          items.push_back({{"person_id", entry.person.person.id.value()},
                           {"nip", entry.person.person.nip},
                           {"name", entry.person.person.name},
                           {"agency_code", nullable(entry.person.agency_code)},
                           {"summary", discipline_json(entry.summary)}});
        }
        return json_response(
            200,
            {{"items", items}, {"page", page.page}, {"page_size", page.page_size}, {"total", page.total}});
      });

  router.add(
      Method::get, "/api/v1/attendance/rates", "listAbsenceRates", auth::Action::attendance_rates_read,
      [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
        http::QueryParameters parameters(request);
        const int year = year_parameter(parameters, service);
        const std::optional<std::string> agency_code = parameters.text("agency_code", kMaxCodeCharacters);
        std::optional<std::string> cluster;
        if (auto text = parameters.text("cluster", kMaxCodeCharacters)) {
          std::vector<FieldError> problems;
          cluster = check_cluster(*text, problems);
          for (FieldError& problem : problems) {
            parameters.refuse(problem.field, std::move(problem.message_id), std::move(problem.message_en));
          }
        }
        const std::string format = parameters.one_of("format", kFormats, "json");
        TRY(parameters.finish());
        const AbsenceRates rates = TRY(service.absence_rates(caller, year, agency_code, cluster));
        if (format != "json") {
          return download_response(absence_rates_sheet(rates),
                                   format == "csv" ? tabular::Format::csv : tabular::Format::xlsx,
                                   "ketidakhadiran", service.today());
        }
        return json_response(200, absence_rates_json(rates));
      });
}

}  // namespace sinergi::organization
