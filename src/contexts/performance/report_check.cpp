#include "contexts/performance/report_check.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/input_text.h"

namespace sinergi::performance {
namespace {

// One sentence in both languages.
struct Message {
  std::string id;
  std::string en;
};

Message join(const std::vector<Message>& parts) {
  Message joined;
  for (const Message& part : parts) {
    joined.id += (joined.id.empty() ? "" : "; ") + part.id;
    joined.en += (joined.en.empty() ? "" : "; ") + part.en;
  }
  return joined;
}

// How the report would write the formula, so the reason can be checked by hand.
Message formula_text(FormulaVariant variant) {
  switch (variant) {
    case FormulaVariant::ratio:
      return {"R/T", "R/T"};
    case FormulaVariant::mirror:
      return {"(2T - R)/T", "(2T - R)/T"};
    case FormulaVariant::inverse:
      return {"T/R", "T/R"};
    case FormulaVariant::binary:
      break;
  }
  return {"tercapai atau tidak", "met or not"};
}

// "rumus mirror ((2T - R)/T)" / "the mirror formula ((2T - R)/T)".
Message formula_phrase(FormulaVariant variant) {
  const std::string variant_name(name(variant));
  const Message text = formula_text(variant);
  return {"rumus " + variant_name + " (" + text.id + ")",
          "the " + variant_name + " formula (" + text.en + ")"};
}

Message percent_text(const Decimal& value) {
  return {value.format(Locale::indonesian, kReportDecimals), value.format(Locale::english, kReportDecimals)};
}

// A typed number as the reader's language writes it, every typed digit kept.
Message number_text(const Decimal& value) {
  return {value.format(Locale::indonesian), value.format(Locale::english)};
}

// The cell, cut for a message: a cell may hold a megabyte of text.
std::string quoted(std::string_view text) {
  return tabular::quote_text(text);
}

Message empty_column(std::string_view column) {
  const std::string name(column);
  return {"kolom " + name + " kosong", "the " + name + " column is empty"};
}

Message unreadable_number(std::string_view column, std::string_view text) {
  const std::string name(column);
  return {"kolom " + name + ": " + quoted(text) + " bukan angka yang sah",
          "the " + name + " column: " + quoted(text) + " is not a valid number"};
}

Message unknown_value(std::string_view column, std::string_view text, std::string_view accepted) {
  const std::string name(column);
  return {"kolom " + name + ": " + quoted(text) + " tidak dikenal (" + std::string(accepted) + ")",
          "the " + name + " column: " + quoted(text) + " is not known (" + std::string(accepted) + ")"};
}

// Reports print "184,75 %" as often as "184,75": the sign says nothing the column does not.
std::string_view without_percent_sign(std::string_view text) {
  text = trim_ascii_whitespace(text);
  if (!text.empty() && text.back() == '%') {
    text.remove_suffix(1);
  }
  return trim_ascii_whitespace(text);
}

// Indonesian decimal comma, plain and comma thousands alike (core/decimal.h, "automatic").
std::optional<Decimal> parse_number(std::string_view text) {
  auto parsed = Decimal::parse(without_percent_sign(text), NumberFormat::automatic);
  if (!parsed.ok()) {
    return std::nullopt;
  }
  return *parsed;
}

struct RangeText {
  std::string_view lower;
  std::string_view upper;
};

// Splits "80 - 90", "80-90", "80 – 90" or "80 s.d. 90" (sampai dengan) into its bounds. A '-'
// counts as the range's only after a digit, so "-5" stays one negative number and "-5 - 5"
// is a range.
std::optional<RangeText> split_range(std::string_view text) {
  const std::string lowered = lower_ascii(text);
  static constexpr std::array<std::string_view, 4> kWordSeparators = {"\xE2\x80\x93", "\xE2\x80\x94", "s.d.",
                                                                      "s/d"};
  for (std::string_view separator : kWordSeparators) {
    const std::size_t position = lowered.find(separator);
    if (position != std::string::npos) {
      return RangeText{text.substr(0, position), text.substr(position + separator.size())};
    }
  }
  for (std::size_t position = 1; position < text.size(); ++position) {
    if (text[position] != '-') {
      continue;
    }
    std::size_t before = position;
    while (before > 0 && text[before - 1] == ' ') {
      --before;
    }
    if (before > 0 && is_ascii_digit(text[before - 1])) {
      return RangeText{text.substr(0, position), text.substr(position + 1)};
    }
  }
  return std::nullopt;
}

std::optional<Polarity> polarity_of(std::string_view text) {
  const std::string key = tabular::normalized_header(text);
  if (auto polarity = parse_polarity(key)) {
    return polarity;
  }
  // The words of Indonesian reports: "indikator positif" rises, "indikator negatif" falls.
  if (key == "positif" || key == "semakin_tinggi_semakin_baik") {
    return Polarity::higher_is_better;
  }
  if (key == "negatif" || key == "semakin_rendah_semakin_baik") {
    return Polarity::lower_is_better;
  }
  return std::nullopt;
}

std::optional<FormulaVariant> formula_of(std::string_view text) {
  const std::string key = tabular::normalized_header(text);
  if (auto variant = parse_formula_variant(key)) {
    return variant;
  }
  if (key == "rasio") {
    return FormulaVariant::ratio;
  }
  if (key == "biner") {
    return FormulaVariant::binary;
  }
  return std::nullopt;
}

std::optional<Aggregation> aggregation_of(std::string_view text) {
  const std::string key = tabular::normalized_header(text);
  if (auto aggregation = parse_aggregation(key)) {
    return aggregation;
  }
  // The words of the reports' own column titles (Jumlah, Rata-rata, ...).
  if (key == "jumlah" || key == "kumulatif") {
    return Aggregation::sum;
  }
  if (key == "terakhir") {
    return Aggregation::last;
  }
  if (key == "rata_rata") {
    return Aggregation::average;
  }
  if (key == "tertinggi" || key == "maksimum") {
    return Aggregation::max;
  }
  if (key == "terendah" || key == "minimum") {
    return Aggregation::min;
  }
  return std::nullopt;
}

std::optional<TargetValue> parse_target(std::string_view text, std::vector<Message>& problems) {
  if (text.empty()) {
    problems.push_back(empty_column("target"));
    return std::nullopt;
  }
  if (const auto range = split_range(text)) {
    const auto lower = parse_number(range->lower);
    const auto upper = parse_number(range->upper);
    if (!lower || !upper) {
      problems.push_back(unreadable_number("target", text));
      return std::nullopt;
    }
    if (*lower > *upper) {
      problems.push_back(
          {"kolom target: batas bawah " + quoted(text) + " lebih besar dari batas atas",
           "the target column: the lower bound of " + quoted(text) + " is above the upper one"});
      return std::nullopt;
    }
    return TargetValue::range(*lower, *upper);
  }
  const auto value = parse_number(text);
  if (!value) {
    problems.push_back(unreadable_number("target", text));
    return std::nullopt;
  }
  return TargetValue::single(*value);
}

// The periodic values of "1; 0; 2"; an empty place is a period not reported.
std::optional<std::vector<std::optional<Decimal>>> parse_periods(std::string_view text,
                                                                 std::vector<Message>& problems) {
  if (text.empty()) {
    problems.push_back(empty_column("realization"));
    return std::nullopt;
  }
  std::vector<std::optional<Decimal>> periods;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string_view part = trim_ascii_whitespace(text.substr(start, end - start));
    if (part.empty()) {
      periods.emplace_back(std::nullopt);
    } else if (auto value = parse_number(part)) {
      periods.emplace_back(*value);
    } else {
      problems.push_back(unreadable_number("realization", part));
      return std::nullopt;
    }
    start = end + 1;
  }
  return periods;
}

// The achievement of one variant; nullopt when it cannot be computed.
struct Attempt {
  Achievement achievement;
  std::optional<Decimal> shown;  // rounded to kReportDecimals, when computed
};

Attempt attempt(Polarity polarity, FormulaVariant variant, const TargetValue& target,
                const Decimal& realization) {
  AchievementInput input;
  input.polarity = polarity;
  input.variant = variant;
  input.target = target;
  input.realization = realization;
  Attempt result{compute_achievement(input), std::nullopt};
  if (result.achievement.computed()) {
    result.shown = result.achievement.percent.round(kReportDecimals);
  }
  return result;
}

// |shown - published| <= 0.01: the report printed the same figure.
bool reproduces(const Decimal& shown, const Decimal& published) {
  const auto difference = shown.checked_subtract(published);
  return difference.ok() && difference->abs() <= Decimal(1, kReportDecimals);
}

// The variants that fit the polarity, the preferred one first.
std::vector<FormulaVariant> candidates(Polarity polarity, FormulaVariant preferred) {
  std::vector<FormulaVariant> variants = {preferred};
  for (FormulaVariant variant :
       {FormulaVariant::ratio, FormulaVariant::mirror, FormulaVariant::inverse, FormulaVariant::binary}) {
    if (variant != preferred && fits(polarity, variant)) {
      variants.push_back(variant);
    }
  }
  return variants;
}

Message not_computed(FormulaVariant variant, const Achievement& achievement) {
  const Message phrase = formula_phrase(variant);
  return {phrase.id + " tidak dapat dihitung: " + std::string(message_id(achievement.reason)),
          phrase.en + " cannot be computed: " + std::string(message_en(achievement.reason))};
}

// The verdict once every input was read.
void decide(ReportCheckRow& row, Polarity polarity, std::optional<FormulaVariant> declared,
            const TargetValue& target, const Decimal& realization, const std::optional<Decimal>& published,
            std::vector<Message>& reasons) {
  const FormulaVariant primary = declared.value_or(default_variant(polarity));
  const Attempt main = attempt(polarity, primary, target, realization);
  if (main.achievement.computed()) {
    row.computed_percent = main.achievement.percent;
  }
  if (!published) {
    // The row is already not computable (the published column is empty or unreadable);
    // the computed figure is still worth showing.
    return;
  }
  std::optional<Decimal> matching_shown;
  for (FormulaVariant variant : candidates(polarity, primary)) {
    const Attempt other = variant == primary ? main : attempt(polarity, variant, target, realization);
    if (other.shown && reproduces(*other.shown, *published)) {
      row.matching_formula = variant;
      matching_shown = other.shown;
      break;
    }
  }
  const Message primary_phrase = formula_phrase(primary);
  const Message published_text = number_text(*published);
  if (row.matching_formula == primary) {
    const Message shown = percent_text(*main.shown);
    row.verdict = ReportVerdict::consistent;
    reasons.insert(reasons.begin(),
                   {primary_phrase.id + " menghasilkan " + shown.id + ", sesuai angka terbitan",
                    primary_phrase.en + " gives " + shown.en + ", as published"});
    return;
  }
  if (row.matching_formula && !declared) {
    // No formula declared: any variant of the polarity is the report's right to choose.
    const Message matching_phrase = formula_phrase(*row.matching_formula);
    const Message shown = percent_text(*matching_shown);
    Message reason{"angka terbitan cocok dengan " + matching_phrase.id + ": " + shown.id,
                   "the published figure matches " + matching_phrase.en + ": " + shown.en};
    if (main.shown) {
      const Message primary_shown = percent_text(*main.shown);
      reason.id += "; rumus baku " + std::string(name(primary)) + " menghasilkan " + primary_shown.id;
      reason.en += "; the default " + std::string(name(primary)) + " formula gives " + primary_shown.en;
    } else {
      reason.id += "; rumus baku " + std::string(name(primary)) +
                   " tidak dapat dihitung: " + std::string(message_id(main.achievement.reason));
      reason.en += "; the default " + std::string(name(primary)) +
                   " formula cannot be computed: " + std::string(message_en(main.achievement.reason));
    }
    row.verdict = ReportVerdict::consistent;
    reasons.insert(reasons.begin(), std::move(reason));
    return;
  }
  if (!main.shown) {
    row.verdict = ReportVerdict::not_computable;
    reasons.insert(reasons.begin(), not_computed(primary, main.achievement));
    return;
  }
  const Message shown = percent_text(*main.shown);
  const Message difference = percent_text(main.shown->checked_subtract(*published).value_or(Decimal()).abs());
  Message reason{primary_phrase.id + " menghasilkan " + shown.id + ", bukan " + published_text.id +
                     " (selisih " + difference.id + ")",
                 primary_phrase.en + " gives " + shown.en + ", not " + published_text.en +
                     " (a difference of " + difference.en + ")"};
  if (row.matching_formula) {
    const Message matching_phrase = formula_phrase(*row.matching_formula);
    reason.id += "; angka terbitan cocok dengan " + matching_phrase.id;
    reason.en += "; the published figure matches " + matching_phrase.en;
  } else {
    reason.id += "; tidak ada rumus lain yang cocok";
    reason.en += "; no other formula matches";
  }
  row.verdict = ReportVerdict::inconsistent;
  reasons.insert(reasons.begin(), std::move(reason));
}

Error file_error(std::string message_id, std::string message_en) {
  return Error::with_fields(ErrorCode::ValidationFailed,
                            {FieldError{"file", std::move(message_id), std::move(message_en)}});
}

// The header mapped to the input's fields by the imports' own rules; a column given twice or
// a required one missing fails the whole file (other columns travel along unchecked).
Result<tabular::Layout> map_header(const tabular::Table& table) {
  tabular::ImportOutcome outcome;
  tabular::Problems problems(outcome);
  const std::vector<tabular::ColumnSpec> specs = report_check_columns();
  tabular::Layout layout = tabular::map_columns(specs, table, problems);
  if (outcome.error_count == 0) {
    return layout;
  }
  std::vector<Message> messages;
  for (const tabular::ImportProblem& problem : outcome.errors) {
    messages.push_back({problem.message_id, problem.message_en});
  }
  Message joined = join(messages);
  joined.id += " (kolom wajib: indicator, polarity, target, realization, published_achievement_percent)";
  joined.en += " (required columns: indicator, polarity, target, realization, published_achievement_percent)";
  return file_error(std::move(joined.id), std::move(joined.en));
}

void count(ReportCheckCounts& counts, ReportVerdict verdict) {
  switch (verdict) {
    case ReportVerdict::consistent:
      ++counts.consistent;
      return;
    case ReportVerdict::inconsistent:
      ++counts.inconsistent;
      return;
    case ReportVerdict::not_computable:
      ++counts.not_computable;
      return;
  }
}

bool is_added_column(std::string_view title) {
  const std::string normalized = tabular::normalized_header(title);
  return normalized == kComputedPercentColumn || normalized == kMatchingFormulaColumn ||
         normalized == kVerdictColumn || normalized == kReasonColumn;
}

}  // namespace

std::string_view name(ReportVerdict verdict) {
  switch (verdict) {
    case ReportVerdict::consistent:
      return "consistent";
    case ReportVerdict::inconsistent:
      return "inconsistent";
    case ReportVerdict::not_computable:
      break;
  }
  return "not_computable";
}

std::vector<tabular::ColumnSpec> report_check_columns() {
  return {
      {"indicator", {"indikator", "nama_indikator", "indikator_kinerja"}, true},
      {"polarity", {"polaritas", "arah", "sifat_indikator"}, true},
      {"target", {"target_kinerja", "", ""}, true},
      {"realization", {"realisasi", "realisasi_kinerja", ""}, true},
      {"published_achievement_percent", {"capaian", "persentase_capaian", "capaian_persen"}, true},
      {"formula", {"rumus", "rumus_capaian", ""}, false},
      {"aggregation", {"agregasi", "cara_agregasi", ""}, false},
  };
}

ReportCheckRow check_line(const ReportLine& line) {
  ReportCheckRow row;
  row.line = line;
  std::vector<Message> problems;
  std::vector<Message> notes;

  std::optional<Polarity> polarity;
  if (line.polarity.empty()) {
    problems.push_back(empty_column("polarity"));
  } else if (polarity = polarity_of(line.polarity); !polarity) {
    problems.push_back(unknown_value("polarity", line.polarity, "higher_is_better, lower_is_better"));
  }

  std::optional<FormulaVariant> declared;
  if (!line.formula.empty()) {
    declared = formula_of(line.formula);
    if (!declared) {
      problems.push_back(unknown_value("formula", line.formula, "ratio, mirror, inverse, binary"));
    } else if (polarity && !fits(*polarity, *declared)) {
      const std::string variant(name(*declared));
      const std::string polarity_name(name(*polarity));
      problems.push_back({"kolom formula: rumus " + variant + " tidak sesuai polaritas " + polarity_name,
                          "the formula column: the " + variant + " formula does not fit " + polarity_name});
    }
  }

  std::optional<Aggregation> aggregation;
  if (!line.aggregation.empty()) {
    aggregation = aggregation_of(line.aggregation);
    if (!aggregation) {
      problems.push_back(unknown_value("aggregation", line.aggregation, "sum, last, average, max, min"));
    }
  }

  const std::optional<TargetValue> target = parse_target(line.target, problems);

  std::optional<Decimal> realization;
  std::vector<ExplanationStep> period_steps;
  if (const auto periods = parse_periods(line.realization, problems)) {
    const bool defaulted = !aggregation && line.aggregation.empty() && periods->size() > 1;
    const Aggregation used = aggregation.value_or(Aggregation::sum);
    auto aggregated = aggregate(*periods, used);
    if (!aggregated.ok()) {
      problems.push_back({"kolom realization: jumlah nilai periode di luar jangkauan",
                          "the realization column: the periods add up beyond the range of numbers"});
    } else if (!aggregated->value) {
      problems.push_back(empty_column("realization"));
    } else {
      realization = aggregated->value;
      if (periods->size() > 1) {
        period_steps = explain_aggregation(*periods, used);
        const std::string used_name(name(used));
        const std::string count_text = std::to_string(periods->size());
        const Message value = number_text(*realization);
        notes.push_back({"realisasi = " + used_name + " dari " + count_text + " nilai periode = " + value.id +
                             (defaulted ? " (kolom aggregation kosong: dijumlahkan)" : ""),
                         "realization = " + used_name + " of " + count_text + " periodic values = " +
                             value.en + (defaulted ? " (the aggregation column is empty: summed)" : "")});
      }
    }
  }

  std::optional<Decimal> published;
  if (line.published.empty()) {
    problems.push_back(empty_column("published_achievement_percent"));
  } else if (published = parse_number(line.published); !published) {
    problems.push_back(unreadable_number("published_achievement_percent", line.published));
  }

  const bool formula_usable = line.formula.empty() || (declared && polarity && fits(*polarity, *declared));
  std::vector<Message> reasons;
  if (polarity && target && realization && formula_usable) {
    decide(row, *polarity, declared, *target, *realization, problems.empty() ? published : std::nullopt,
           reasons);
  }
  if (!problems.empty()) {
    row.verdict = ReportVerdict::not_computable;
    row.matching_formula.reset();
    reasons = std::move(problems);
  } else if (row.computed_percent && polarity && target && realization) {
    AchievementInput input;
    input.polarity = *polarity;
    input.variant = declared.value_or(default_variant(*polarity));
    input.target = *target;
    input.realization = realization;
    row.explanation = std::move(period_steps);
    for (ExplanationStep& step : explain_achievement(input)) {
      row.explanation.push_back(std::move(step));
    }
  }
  reasons.insert(reasons.end(), notes.begin(), notes.end());
  Message reason = join(reasons);
  row.reason_id = std::move(reason.id);
  row.reason_en = std::move(reason.en);
  return row;
}

Result<ReportCheck> check_report(const tabular::Table& table) {
  if (table.header.empty()) {
    return file_error("berkas kosong: tidak ada baris judul kolom maupun data",
                      "the file is empty: it has neither a header row nor data");
  }
  const tabular::Layout layout = TRY(map_header(table));
  if (table.rows.empty()) {
    return file_error("berkas tidak berisi baris data di bawah baris judul",
                      "the file has no data rows below the header row");
  }
  ReportCheck check;
  check.header = table.header;
  check.rows.reserve(table.rows.size());
  for (std::size_t index = 0; index < table.rows.size(); ++index) {
    const std::vector<std::string>& cells = table.rows[index];
    ReportLine line;
    const tabular::RowView view(cells, layout);
    line.indicator = view.text("indicator");
    line.polarity = view.text("polarity");
    line.target = view.text("target");
    line.realization = view.text("realization");
    line.published = view.text("published_achievement_percent");
    line.formula = view.text("formula");
    line.aggregation = view.text("aggregation");
    ReportCheckRow row = check_line(line);
    row.row_number = index < table.row_numbers.size() ? table.row_numbers[index] : index + 2;
    row.cells.assign(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(
                                                        std::min(cells.size(), table.header.size())));
    row.cells.resize(table.header.size());
    count(check.counts, row.verdict);
    check.rows.push_back(std::move(row));
  }
  return check;
}

Result<ReportCheck> check_report(const tabular::ImportFile& file) {
  // The imports' reading (size limit, format, damage); their content problems are this
  // check's own, decided below.
  tabular::ImportOutcome ignored;
  const tabular::ImportTable read = TRY(tabular::read_import_table(file, report_check_columns(), ignored));
  return check_report(read.table);
}

tabular::Sheet report_check_sheet(const ReportCheck& check, Locale locale) {
  tabular::Sheet sheet;
  sheet.name = locale == Locale::english ? "Report check" : "Periksa laporan";
  std::vector<std::size_t> kept;
  for (std::size_t column = 0; column < check.header.size(); ++column) {
    if (!is_added_column(check.header[column])) {
      kept.push_back(column);
      sheet.header.push_back(check.header[column]);
    }
  }
  for (std::string_view added :
       {kComputedPercentColumn, kMatchingFormulaColumn, kVerdictColumn, kReasonColumn}) {
    sheet.header.emplace_back(added);
  }
  sheet.rows.reserve(check.rows.size());
  for (const ReportCheckRow& row : check.rows) {
    std::vector<tabular::Cell> cells;
    cells.reserve(sheet.header.size());
    for (std::size_t column : kept) {
      cells.emplace_back(column < row.cells.size() ? row.cells[column] : std::string());
    }
    cells.emplace_back(row.computed_percent ? row.computed_percent->format(locale, kReportDecimals)
                                            : std::string());
    cells.emplace_back(row.matching_formula ? std::string(name(*row.matching_formula)) : std::string());
    cells.emplace_back(std::string(name(row.verdict)));
    cells.emplace_back(row.reason(locale));
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

}  // namespace sinergi::performance
