#include "contexts/performance/performance_demo.h"

#include <array>
#include <cmath>
#include <cstdio>

#include "contexts/performance/agreement_service.h"
#include "contexts/performance/realization_service.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/input_text.h"
#include "platform/document/document.h"

namespace sinergi::performance {
namespace {

constexpr int kYear = 2026;
constexpr std::string_view kHealth = "Dinkes";
// Interactive demo agreements stay with these: the e2e tests and a visitor sign them.
const Party kGovernor{"H. Rudy Mas'ud, S.E., M.E.", "", "", "Gubernur Kalimantan Timur"};

std::chrono::system_clock::time_point at(int month, int day, int hour = 2) {
  using namespace std::chrono;
  return sys_days(year(kYear) / month / day) + hours(hour);
}

// How each agency performs, by its position: achievement factors relative to the target.
constexpr std::array<double, 8> kPerformance = {1.03, 0.99, 0.94, 1.06, 0.88, 0.97, 0.72, 1.01};

// A realistic value: near the target scaled by progress and the agency's performance,
// written with the target's decimals.
std::string value_near(const Decimal& target, double factor, Polarity polarity) {
  const double target_value = std::stod(target.to_string());
  const double value =
      polarity == Polarity::higher_is_better ? target_value * factor : target_value * (2.0 - factor);
  const std::string text = target.to_string();
  const auto point = text.find('.');
  const int decimals = point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::max(0.0, value));
  return buffer;
}

Decimal decimal(const std::string& text) {
  return Decimal::parse(text, NumberFormat::plain).value_or(Decimal{});
}

// A stand-in for an agency head without a demo account.
auth::Principal stand_in_head(const auth::Principal& planner, const AgencyFacts& agency) {
  auth::Principal head;
  head.kind = auth::Principal::Kind::user;
  head.user_id = 1'000'000 + agency.id.value();
  head.name = "kepala." + lower_ascii(agency.code) + " (data demo)";
  head.region_id = planner.region_id;
  head.roles.push_back(
      auth::RoleGrant{auth::Role::agency_head, agency.id.value(), agency.code, agency.name, agency.cluster});
  return head;
}

// A one-page PDF report as evidence, rendered like every Sinergi document.
Result<std::string> evidence_pdf(const AgencyFacts& agency, const AgreementItem& item, int quarter,
                                 const std::string& value) {
  document::Document pdf;
  pdf.title = "Laporan capaian " + item.indicator;
  pdf.blocks.push_back(document::Paragraph{agency.name, {12, true, false, document::Align::center}, 0, 6, 0});
  pdf.blocks.push_back(document::Paragraph{
      "Laporan capaian indikator triwulan " + std::to_string(quarter) + " " + std::to_string(kYear),
      {11, true, false, document::Align::center},
      0,
      12,
      0});
  pdf.blocks.push_back(document::Paragraph{"Indikator: " + item.indicator + "\nSatuan: " + item.unit +
                                               "\nRealisasi: " + value +
                                               "\nSumber: rekapitulasi bidang teknis",
                                           {10, false, false, document::Align::left},
                                           0,
                                           6,
                                           0});
  return TRY(document::render_pdf(pdf)).bytes;
}

// A report waiting for Bapperida, with where it came from.
struct Submitted {
  RealizationView view;
  std::size_t position = 0;
  std::size_t index = 0;
};

class DemoBuilder {
 public:
  DemoBuilder(db::Database& database, PerformanceDirectory directory,
              const files::ContentStore& evidence_store, auth::Principal planner, auth::Principal governor)
      : clock_(at(1, 6)),
        repository_(make_sql_performance_repository(database, clock_)),
        agreements_(*repository_, clock_, directory),
        realizations_(*repository_, clock_, directory, evidence_store),
        directory_(std::move(directory)),
        planner_(std::move(planner)),
        governor_(std::move(governor)) {}

  Result<PerformanceDemoReport> run(const PrincipalLookup& principal_of) {
    PerformanceDemoReport report;
    if (TRY(agreements_.list(planner_, AgreementQuery{kYear, std::nullopt, std::nullopt, "", 1, 1})).total >
        0) {
      report.already_present = true;
      return report;
    }
    TRY(realizations_.put_windows(
        planner_, kYear,
        {{kYear, 1, Date(std::chrono::year(kYear) / 4 / 1), Date(std::chrono::year(kYear) / 4 / 15)},
         {kYear, 2, Date(std::chrono::year(kYear) / 7 / 1), Date(std::chrono::year(kYear) / 7 / 15)},
         {kYear, 3, Date(std::chrono::year(kYear) / 10 / 1), Date(std::chrono::year(kYear) / 10 / 15)},
         {kYear, 4, Date(std::chrono::year(kYear + 1) / 1 / 4), Date(std::chrono::year(kYear + 1) / 1 / 15)}},
        context_));
    const std::vector<AgencyFacts> agencies = TRY(directory_.agencies(planner_));
    const auto health_head = TRY(principal_of("kadis.dinkes"));
    const auto health_staff = TRY(principal_of("staf.dinkes"));

    // January: every agency with objectives in the plan drafts, and most sign.
    struct Signed {
      AgencyFacts agency;
      AgreementView view;
      auth::Principal head;
      std::size_t position = 0;
    };
    std::vector<Signed> signed_agreements;
    std::size_t position = 0;
    for (const AgencyFacts& agency : agencies) {
      const PlanFacts plan = TRY(directory_.plan(planner_, agency.id, kYear));
      const bool has_objectives = std::any_of(
          plan.indicators.begin(), plan.indicators.end(),
          [](const PlannedIndicator& indicator) { return indicator.node_kind == "agency_objective"; });
      if (!has_objectives) {
        continue;
      }
      const bool health = agency.code == kHealth && health_head && health_staff;
      const auth::Principal head = health ? *health_head : stand_in_head(planner_, agency);
      const auth::Principal drafter = health ? *health_staff : planner_;
      tick();
      auto created = agreements_.create(drafter, AgreementDraft{agency.code, kYear, kGovernor}, context_);
      if (!created.ok()) {
        continue;  // e.g. a vacant head post: the demo shows that agency without an agreement
      }
      AgreementView view = TRY(fill_in(drafter, created.value(), plan, position));
      ++report.agreements;
      tick();
      view = TRY(agreements_.take_step(health ? drafter : head, view.record.id,
                                       StepCommand{"submit", "", view.record.version}, context_));
      if (health) {
        ++position;
        continue;  // left for the visitor to sign
      }
      tick();
      view = TRY(agreements_.take_step(head, view.record.id,
                                       StepCommand{"sign_first_party", "", view.record.version}, context_));
      tick();
      view = TRY(agreements_.take_step(governor_, view.record.id,
                                       StepCommand{"sign_second_party", "", view.record.version}, context_));
      ++report.signed_agreements;
      signed_agreements.push_back(Signed{agency, std::move(view), head, position});
      ++position;
    }

    // Each quarter: the agencies report within the window (one late), then Bapperida works
    // through its queue. The clock only moves forward, so the audit trail reads in order.
    for (int quarter = 1; quarter <= 3; ++quarter) {
      const int month = quarter * 3 + 1;
      forward_to(at(month, 8));
      std::vector<Submitted> submitted;
      for (const Signed& entry : signed_agreements) {
        if (quarter == 2 && entry.position % kPerformance.size() == 1) {
          continue;  // reports after the window closes, below
        }
        TRY(report_quarter(entry.agency, entry.view, entry.head, entry.position, quarter, report, submitted));
      }
      for (const Signed& entry : signed_agreements) {
        if (quarter == 2 && entry.position % kPerformance.size() == 1) {
          forward_to(at(month, 22));
          TRY(report_quarter(entry.agency, entry.view, entry.head, entry.position, quarter, report,
                             submitted));
        }
      }
      forward_to(at(month, 24));
      TRY(verify_quarter(quarter, submitted));
    }
    return report;
  }

 private:
  // Quarterly targets (cumulative), budgets, and the governor's name on the draft.
  Result<AgreementView> fill_in(const auth::Principal& drafter, const AgreementView& view,
                                const PlanFacts& plan, std::size_t position) {
    AgreementEdit edit;
    edit.version = view.record.version;
    edit.second_party = kGovernor;
    for (const AgreementItem& item : view.record.content.items) {
      ItemEdit item_edit;
      item_edit.indicator_id = item.indicator_id;
      item_edit.yearly_target = item.yearly_target;
      for (int quarter = 0; quarter < 4; ++quarter) {
        if (item.aggregation == Aggregation::sum && item.yearly_target.value) {
          item_edit.quarter_targets[quarter] = TargetValue::single(decimal(
              value_near(*item.yearly_target.value, (quarter + 1) * 0.25, Polarity::higher_is_better)));
        } else {
          item_edit.quarter_targets[quarter] = item.yearly_target;
        }
      }
      edit.items.push_back(item_edit);
    }
    std::int64_t budget = 8'750'000'000 + static_cast<std::int64_t>(position) * 1'315'400'000;
    for (const PlannedProgram& program : plan.programs) {
      if (program.kind == "program") {
        edit.programs.push_back(ProgramEdit{program.node_id, Money(budget)});
        budget = budget * 7 / 10 + 412'500'000;
      }
    }
    return agreements_.update(drafter, view.record.id, edit, context_);
  }

  void forward_to(std::chrono::system_clock::time_point time) {
    if (clock_.now() < time) {
      clock_.set(time);
    }
  }

  void tick() { clock_.advance(std::chrono::minutes(9)); }

  Result<void> report_quarter(const AgencyFacts& agency, const AgreementView& agreement,
                              const auth::Principal& head, std::size_t position, int quarter,
                              PerformanceDemoReport& report, std::vector<Submitted>& submitted) {
    const double performance = kPerformance[position % kPerformance.size()];
    // The seventh agency has not reported its third quarter.
    if (quarter == 3 && position % kPerformance.size() == 6) {
      return success();
    }
    std::size_t index = 0;
    for (const AgreementItem& item : agreement.record.content.items) {
      const auto& target = item.quarter_targets[quarter - 1];
      if (!target || !target->value) {
        ++index;
        continue;
      }
      const double progress = item.aggregation == Aggregation::sum ? 1.0 : 0.97 + 0.01 * quarter;
      // A sum indicator reports each quarter's own amount: a quarter of the yearly target.
      const Decimal base =
          item.aggregation == Aggregation::sum && item.yearly_target.value
              ? decimal(value_near(*item.yearly_target.value, 0.25, Polarity::higher_is_better))
              : *target->value;
      const double factor = performance * progress * (1.0 + 0.015 * static_cast<double>(index % 3));
      const std::string value = value_near(base, factor, item.polarity);
      tick();
      RealizationEntry entry;
      entry.agency_code = agency.code;
      entry.indicator_id = item.indicator_id;
      entry.year = kYear;
      entry.quarter = quarter;
      entry.value = decimal(value);
      entry.data_source =
          "Rekapitulasi bidang teknis " + agency.code + " triwulan " + std::to_string(quarter);
      entry.supporting_factors = factor >= 1.0
                                     ? "Dukungan anggaran dan koordinasi lintas sektor berjalan baik"
                                     : "Program prioritas berjalan sesuai jadwal";
      entry.inhibiting_factors =
          factor < 0.9 ? "Keterlambatan pengadaan dan keterbatasan tenaga di lapangan" : "";
      entry.follow_up_plan = factor < 0.9 ? "Percepatan pengadaan dan penambahan tenaga pendamping" : "";
      RealizationView saved = TRY(realizations_.save(head, entry, context_));
      ++report.realizations;
      tick();
      if (index == 0 && quarter == 1) {
        const std::string pdf = TRY(evidence_pdf(agency, item, quarter, value));
        saved = TRY(realizations_.add_file(
            head, saved.record.id, pdf, "laporan-capaian-tw" + std::to_string(quarter) + ".pdf", context_));
      } else {
        saved = TRY(realizations_.add_link(
            head, saved.record.id,
            "https://kaltim.bps.go.id/id/statistics-table?tw=" + std::to_string(quarter),
            "Tabel statistik BPS Kalimantan Timur", context_));
      }
      ++report.evidence;
      tick();
      saved = TRY(realizations_.take_step(head, saved.record.id,
                                          RealizationStep{"submit", "", std::nullopt, saved.record.version},
                                          context_));
      submitted.push_back(Submitted{std::move(saved), position, index});
      ++index;
    }
    return success();
  }

  Result<void> verify_quarter(int quarter, const std::vector<Submitted>& submitted) {
    for (const Submitted& entry : submitted) {
      // The third quarter is still partly in Bapperida's queue.
      if (quarter == 3 && (entry.position + entry.index) % 3 == 0) {
        continue;
      }
      tick();
      const RealizationRecord& record = entry.view.record;
      if (quarter == 2 && entry.index == 1 && entry.position % 4 == 2) {
        TRY(realizations_.take_step(
            planner_, record.id,
            RealizationStep{"return",
                            "Bukti dukung belum memuat rincian per kabupaten/kota; mohon dilengkapi",
                            std::nullopt, record.version},
            context_));
        continue;
      }
      TRY(realizations_.take_step(
          planner_, record.id, RealizationStep{"verify", "Sesuai bukti dukung", std::nullopt, record.version},
          context_));
    }
    return success();
  }

  ManualClock clock_;
  std::unique_ptr<PerformanceRepository> repository_;
  AgreementService agreements_;
  RealizationService realizations_;
  PerformanceDirectory directory_;
  auth::Principal planner_;
  auth::Principal governor_;
  audit::CallContext context_{"demo", "", "sinergi demo"};
};

}  // namespace

Result<PerformanceDemoReport> load_performance_demo(db::Database& database, PerformanceDirectory directory,
                                                    const files::ContentStore& evidence_store,
                                                    const PrincipalLookup& principal_of) {
  const auto planner = TRY(principal_of("bapperida"));
  const auto governor = TRY(principal_of("gubernur"));
  if (!planner || !governor) {
    return Error(ErrorCode::NotFound, {"akun demo bapperida atau gubernur"});
  }
  DemoBuilder builder(database, std::move(directory), evidence_store, *planner, *governor);
  return builder.run(principal_of);
}

}  // namespace sinergi::performance
