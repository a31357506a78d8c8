#include "contexts/performance/performance_reports.h"

#include <map>

#include "platform/document/document.h"
#include "platform/tabular/table.h"

namespace sinergi::performance {
namespace {

using document::Align;
using document::Column;
using document::Paragraph;
using document::Table;
using document::TextStyle;

struct Words {
  Locale locale;
  std::string operator()(const std::string& indonesian, const std::string& english) const {
    return locale == Locale::english ? english : indonesian;
  }
};

std::string target_text(const std::optional<TargetValue>& target, Locale locale) {
  if (!target) {
    return "-";
  }
  if (target->value) {
    return target->value->format(locale);
  }
  return (target->lower ? target->lower->format(locale) : "?") + " - " +
         (target->upper ? target->upper->format(locale) : "?");
}

// The counted value of a quarter, marked "*" while it waits for verification.
std::string value_text(const QuarterValue& quarter, Locale locale) {
  const CountedValue counted = counted_value(quarter);
  if (!counted.value) {
    return "-";
  }
  return counted.value->format(locale) + (counted.basis == ValueBasis::reported ? "*" : "");
}

std::string percent_text(const Achievement& achievement, Locale locale) {
  return achievement.computed() ? achievement.percent.format(locale, 2) : "n/a";
}

std::string overall_text(const Scorecard& card, const Words& words) {
  if (!card.overall.computed()) {
    return words("Capaian keseluruhan belum dapat dihitung (belum ada realisasi yang dilaporkan).",
                 "The overall achievement cannot be computed yet (no realization reported).");
  }
  return words("Capaian keseluruhan: ", "Overall achievement: ") +
         card.overall.percent.format(words.locale, 2) + "% (" + (card.band ? card.band->predicate : "-") +
         "), " + std::to_string(card.overall.included) + words(" dari ", " of ") +
         std::to_string(card.overall.total) + words(" indikator terukur", " indicators measured") +
         (card.scale ? words("; skala predikat ", "; predicate scale ") + card.scale->name + " v" +
                           std::to_string(card.scale->version)
                     : "");
}

std::string stem(const std::string& kind, const Scorecard& card) {
  return kind + "-" + card.agency.code + "-" + std::to_string(card.year) +
         (kind == "monitoring" ? "-TW" + std::to_string(card.through_quarter) : "");
}

Result<ReportFile> pdf_file(const document::Document& pdf, const std::string& file_stem) {
  document::RenderedPdf rendered = TRY(document::render_pdf(pdf));
  return ReportFile{std::move(rendered.bytes), "application/pdf", file_stem + ".pdf"};
}

Result<ReportFile> xlsx_file(const tabular::Sheet& sheet, const std::string& file_stem) {
  return ReportFile{TRY(tabular::write_xlsx(sheet)),
                    std::string(tabular::content_type(tabular::Format::xlsx)), file_stem + ".xlsx"};
}

Paragraph heading(std::string text, double size, double after) {
  return Paragraph{std::move(text), TextStyle{size, true, false, Align::center}, 0, after, 0};
}

}  // namespace

Result<ReportFile> monitoring_report(const Scorecard& card, ReportFormat format, Locale locale) {
  const Words words{locale};
  const int through = card.through_quarter;
  const std::string title =
      words("Monitoring Capaian Kinerja Triwulan ", "Quarterly Performance Monitoring, Q") +
      (locale == Locale::english ? std::to_string(through) : std::string(kQuarterNames[through - 1])) + " " +
      std::to_string(card.year);
  std::vector<std::string> header = {words("No", "No"), words("Indikator", "Indicator"),
                                     words("Satuan", "Unit")};
  // "Target TW II" in Indonesian, "Target Q2" in English.
  const auto quarter_label = [&](std::size_t index) {
    return locale == Locale::english ? std::to_string(index + 1) : std::string(kQuarterNames[index]);
  };
  for (std::size_t index = 0; index < kQuarterNames.size(); ++index) {
    header.push_back(words("Target TW ", "Target Q") + quarter_label(index));
  }
  for (std::size_t index = 0; index < kQuarterNames.size(); ++index) {
    header.push_back(words("Realisasi TW ", "Realization Q") + quarter_label(index));
  }
  header.insert(header.end(),
                {words("Capaian (%)", "Achievement (%)"), words("Predikat", "Predicate"),
                 words("Faktor pendukung", "Supporting factors"),
                 words("Faktor penghambat", "Inhibiting factors"), words("Tindak lanjut", "Follow-up")});
  std::vector<std::vector<std::string>> rows;
  int number = 0;
  for (const ScorecardItem& item : card.items) {
    std::vector<std::string> row = {std::to_string(++number), item.item.indicator, item.item.unit};
    for (const auto& target : item.item.quarter_targets) {
      row.push_back(target_text(target, locale));
    }
    for (int quarter = 0; quarter < 4; ++quarter) {
      row.push_back(quarter < through ? value_text(item.quarters[quarter], locale) : "");
    }
    const QuarterAchievement& latest = item.trend.back();
    row.push_back(percent_text(latest.achievement, locale));
    row.push_back(latest.band ? latest.band->predicate : "-");
    row.insert(row.end(), {item.supporting_factors, item.inhibiting_factors, item.follow_up_plan});
    rows.push_back(std::move(row));
  }

  if (format == ReportFormat::xlsx) {
    tabular::Sheet sheet;
    sheet.name = "Monitoring TW" + std::to_string(through);
    sheet.header = header;
    for (const auto& row : rows) {
      std::vector<tabular::Cell> cells(row.begin(), row.end());
      sheet.rows.push_back(std::move(cells));
    }
    return xlsx_file(sheet, stem("monitoring", card));
  }
  document::Document pdf;
  pdf.orientation = document::Orientation::landscape;
  pdf.margin_pt = 36;
  pdf.english = locale == Locale::english;
  pdf.title = title + " - " + card.agency.name;
  pdf.subject = title;
  pdf.header_text = card.agency.name + " - " + title;
  pdf.footer_text =
      words("* menunggu verifikasi Bapperida", "* waiting for the planning agency's verification");
  pdf.blocks.push_back(heading(title, 13, 2));
  pdf.blocks.push_back(heading(card.agency.name, 11, 10));
  Table table;
  table.font_size_pt = 7;
  const std::vector<double> widths = {0.35, 2.4, 0.8, 0.6, 0.6, 0.6, 0.6, 0.7,
                                      0.7,  0.7, 0.7, 0.8, 0.9, 1.5, 1.5, 1.5};
  for (std::size_t index = 0; index < header.size(); ++index) {
    const bool numeric = index == 0 || (index >= 3 && index <= 11);
    table.columns.push_back(Column{header[index], widths[index], numeric ? Align::right : Align::left});
  }
  table.rows = std::move(rows);
  pdf.blocks.push_back(std::move(table));
  pdf.blocks.push_back(Paragraph{overall_text(card, words), TextStyle{9, true, false, Align::left}, 4, 4, 0});
  return pdf_file(pdf, stem("monitoring", card));
}

Result<ReportFile> accountability_report(const Scorecard& card, ReportFormat format, Locale locale) {
  const Words words{locale};
  const std::string title = words("Ringkasan Laporan Kinerja Tahun ", "Performance Accountability Summary ") +
                            std::to_string(card.year);
  const std::vector<std::string> header = {words("No", "No"),
                                           words("Sasaran", "Objective"),
                                           words("Indikator", "Indicator"),
                                           words("Satuan", "Unit"),
                                           words("Target", "Target"),
                                           words("Realisasi", "Realization"),
                                           words("Capaian (%)", "Achievement (%)"),
                                           words("Predikat", "Predicate")};
  std::vector<std::vector<std::string>> rows;
  std::map<std::string, int> per_predicate;
  int number = 0;
  for (const ScorecardItem& item : card.items) {
    const QuarterAchievement& year = item.trend.back();
    rows.push_back({std::to_string(++number), item.item.objective, item.item.indicator, item.item.unit,
                    target_text(year.target, locale),
                    year.year_to_date.value ? year.year_to_date.value->format(locale) : "-",
                    percent_text(year.achievement, locale), year.band ? year.band->predicate : "-"});
    per_predicate[year.band ? year.band->predicate : "n/a"] += 1;
  }
  if (format == ReportFormat::xlsx) {
    tabular::Sheet sheet;
    sheet.name = "LKjIP " + std::to_string(card.year);
    sheet.header = header;
    for (const auto& row : rows) {
      sheet.rows.emplace_back(row.begin(), row.end());
    }
    return xlsx_file(sheet, stem("lkjip", card));
  }
  document::Document pdf;
  pdf.english = locale == Locale::english;
  pdf.title = title + " - " + card.agency.name;
  pdf.subject = title;
  pdf.header_text = card.agency.name + " - " + title;
  pdf.blocks.push_back(heading(title, 14, 2));
  pdf.blocks.push_back(heading(card.agency.name, 12, 16));
  pdf.blocks.push_back(
      Paragraph{words("Laporan ini merangkum capaian sasaran dan indikator kinerja yang diperjanjikan dalam "
                      "Perjanjian Kinerja "
                      "tahun ",
                      "This report summarises the achievement of the objectives and indicators committed in "
                      "the performance "
                      "agreement of ") +
                    std::to_string(card.year) +
                    (card.agreement ? words(" (perjanjian nomor urut ", " (agreement number ") +
                                          std::to_string(card.agreement->number) + ")"
                                    : std::string()) +
                    words(", diukur dari realisasi yang dilaporkan dan diverifikasi sampai triwulan IV.",
                          ", measured on the realization reported and verified through the fourth quarter."),
                TextStyle{11, false, false, Align::justify}, 0, 10, 0});
  pdf.blocks.push_back(Paragraph{words("A. Capaian Kinerja", "A. Performance achieved"),
                                 TextStyle{11, true, false, Align::left}, 6, 6, 0});
  Table table;
  table.columns = {Column{header[0], 0.4, Align::right},
                   Column{header[1], 2.2},
                   Column{header[2], 2.4},
                   Column{header[3], 0.8},
                   Column{header[4], 0.9, Align::right},
                   Column{header[5], 0.9, Align::right},
                   Column{header[6], 0.9, Align::right},
                   Column{header[7], 1.1}};
  table.rows = std::move(rows);
  pdf.blocks.push_back(std::move(table));
  pdf.blocks.push_back(
      Paragraph{overall_text(card, words), TextStyle{10, true, false, Align::left}, 0, 10, 0});
  pdf.blocks.push_back(Paragraph{words("B. Sebaran Predikat", "B. Predicates"),
                                 TextStyle{11, true, false, Align::left}, 6, 6, 0});
  Table bands;
  bands.columns = {Column{words("Predikat", "Predicate"), 3},
                   Column{words("Jumlah indikator", "Indicators"), 1, Align::right}};
  for (const auto& [predicate, count] : per_predicate) {
    bands.rows.push_back({predicate, std::to_string(count)});
  }
  pdf.blocks.push_back(std::move(bands));
  if (card.agreement) {
    pdf.blocks.push_back(Paragraph{words("C. Anggaran Program", "C. Program budget"),
                                   TextStyle{11, true, false, Align::left}, 6, 6, 0});
    Table programs;
    programs.columns = {Column{words("Kode", "Code"), 1.2}, Column{words("Program", "Program"), 4},
                        Column{words("Anggaran", "Budget"), 1.6, Align::right}};
    for (const AgreementProgram& program : card.agreement->content.programs) {
      programs.rows.push_back({program.code, program.title, program.budget.format(locale)});
    }
    programs.rows.push_back(
        {"", words("Jumlah", "Total"), total_budget(card.agreement->content).format(locale)});
    programs.bold_rows.push_back(programs.rows.size() - 1);
    pdf.blocks.push_back(std::move(programs));
  }
  return pdf_file(pdf, stem("lkjip", card));
}

}  // namespace sinergi::performance
