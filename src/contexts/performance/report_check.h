#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/performance/achievement.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/result.h"
#include "platform/tabular/import_sheet.h"
#include "platform/tabular/table.h"

// The auditor's arithmetic check (issue 6, "pemeriksaan aritmetika laporan kinerja"): a table
// of published achievements (indicator, polarity, target, realization, the achievement the
// report printed) is recomputed with the achievement engine, and each row gets a verdict.
// Pure: no storage, no clock; the CLI `sinergi check-report` and
// POST /api/v1/tools/check-report share it (docs/api/performance.md, "Report check").
//
// A file-level problem (not a spreadsheet, a required column missing) fails the whole check;
// a row-level one (an unreadable number, an unknown polarity) only makes that row
// `not_computable` with a reason that names the column, because an inspector wants every
// other row checked all the same.

namespace sinergi::performance {

enum class ReportVerdict {
  consistent,      // the formula reproduces the published figure within 0.01
  inconsistent,    // it does not
  not_computable,  // a value is missing or unreadable, or the formula divides by zero
};
// "consistent", "inconsistent", "not_computable".
std::string_view name(ReportVerdict verdict);

// Two published figures that differ by at most this much (after the computed one is rounded
// to 2 decimals, as reports print) are the same figure.
inline constexpr int kReportDecimals = 2;

// One row of the input as typed (each cell trimmed; "" when empty or when the file has no
// such column).
struct ReportLine {
  std::string indicator;
  std::string polarity;
  std::string target;       // "32", "90,89", "80 - 90"
  std::string realization;  // "4,88", "1; 0; 2"
  std::string published;    // published_achievement_percent: "184,75"
  std::string formula;      // optional: ratio, mirror, inverse, binary
  std::string aggregation;  // optional: sum, last, average, max, min
};

struct ReportCheckRow {
  std::size_t row_number = 0;      // as a spreadsheet shows it (the header is usually row 1)
  std::vector<std::string> cells;  // the input row as read, one cell per input header column
  ReportLine line;

  // The achievement of the declared formula, or of the polarity's default one (ratio for
  // higher is better, mirror for lower is better); exact (kPercentScale decimals). Unset when
  // it could not be computed.
  std::optional<Decimal> computed_percent;
  // The variant that fits the polarity and reproduces the published figure (the declared or
  // default one first); unset when none does or nothing could be computed.
  std::optional<FormulaVariant> matching_formula;
  ReportVerdict verdict = ReportVerdict::not_computable;
  // Short and in both languages: why the verdict, with the numbers that decided it.
  std::string reason_id;
  std::string reason_en;

  const std::string& reason(Locale locale) const { return locale == Locale::english ? reason_en : reason_id; }
  // "Why this number": how the periods add up (when there are several) and the arithmetic of
  // computed_percent, step by step; empty when nothing was computed.
  std::vector<ExplanationStep> explanation;
};

struct ReportCheckCounts {
  std::int64_t consistent = 0;
  std::int64_t inconsistent = 0;
  std::int64_t not_computable = 0;
};

struct ReportCheck {
  std::vector<std::string> header;  // the input header as read
  std::vector<ReportCheckRow> rows;
  ReportCheckCounts counts;
};

// The columns of the input: their API names and the Indonesian headers also accepted
// (matched as tabular::normalized_header does: "Capaian (%)" is "capaian").
std::vector<tabular::ColumnSpec> report_check_columns();

// Checks one line (row_number and cells are left for the caller).
ReportCheckRow check_line(const ReportLine& line);

// Checks every data row of `table`. Fails with ValidationFailed and one FieldError on "file"
// when the table has no header, no data rows, a required column missing or a column given
// twice.
Result<ReportCheck> check_report(const tabular::Table& table);

// Reads the file (CSV or XLSX, at most tabular::kMaxImportBytes) and checks it. Fails as
// tabular::detect_format and read_table do, with FileLimitExceeded for a larger file, or as
// check_report(table).
Result<ReportCheck> check_report(const tabular::ImportFile& file);

// The output columns added after the input's.
inline constexpr std::string_view kComputedPercentColumn = "computed_percent";
inline constexpr std::string_view kMatchingFormulaColumn = "matching_formula";
inline constexpr std::string_view kVerdictColumn = "verdict";
inline constexpr std::string_view kReasonColumn = "reason";

// The result as a sheet: the input's columns as read (except columns named like the added
// ones: a checked file can be checked again), then computed_percent (2 decimals, written the
// locale's way), matching_formula, verdict and reason (in the locale's language).
tabular::Sheet report_check_sheet(const ReportCheck& check, Locale locale);

}  // namespace sinergi::performance
