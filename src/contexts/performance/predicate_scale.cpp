#include "contexts/performance/predicate_scale.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "core/input_text.h"

namespace sinergi::performance {

std::vector<std::pair<std::string_view, std::string_view>> embedded_performance_seed_files();

namespace {

const Decimal kHundred = Decimal::from_int64(100);

// The cells of one line of a simple CSV without quoted commas (the embedded seed).
std::vector<std::string> split_line(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    cells.emplace_back(trim_ascii_whitespace(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) {
      return cells;
    }
    start = comma + 1;
  }
}

std::optional<BandTest> parse_test(std::string_view text) {
  if (text == "ge") {
    return BandTest::ge;
  }
  if (text == "gt") {
    return BandTest::gt;
  }
  if (text == "any") {
    return BandTest::any;
  }
  return std::nullopt;
}

std::vector<PredicateScale> load_presets() {
  std::string_view text;
  for (const auto& [file, contents] : embedded_performance_seed_files()) {
    if (file == "predicate_scales.csv") {
      text = contents;
    }
  }
  if (text.empty()) {
    throw std::logic_error("predicate_scales.csv is not embedded");
  }
  std::vector<PredicateScale> scales;
  std::vector<std::pair<int, std::size_t>> order;  // rank of each band, to sort within a scale
  bool header = true;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = trim_ascii_whitespace(text.substr(start, end - start));
    start = end + 1;
    if (line.empty()) {
      continue;
    }
    std::vector<std::string> cells = split_line(line);
    if (header) {
      if (cells != std::vector<std::string>{"scale", "rank", "test", "bound", "predicate"}) {
        throw std::logic_error("predicate_scales.csv: unexpected header");
      }
      header = false;
      continue;
    }
    const auto test = cells.size() == 5 ? parse_test(cells[2]) : std::nullopt;
    if (!test) {
      throw std::logic_error("predicate_scales.csv: malformed line " + std::string(line));
    }
    PredicateBand band;
    band.test = *test;
    if (*test != BandTest::any) {
      Result<Decimal> bound = Decimal::parse(cells[3], NumberFormat::plain);
      if (!bound.ok()) {
        throw std::logic_error("predicate_scales.csv: bad bound in " + std::string(line));
      }
      band.bound = *bound;
    }
    band.predicate = cells[4];
    if (scales.empty() || scales.back().name != cells[0]) {
      scales.push_back(PredicateScale{cells[0], 1, {}});
    }
    scales.back().bands.push_back(std::move(band));
  }
  for (const PredicateScale& scale : scales) {
    if (!check_scale(scale).empty()) {
      throw std::logic_error("predicate_scales.csv: scale " + scale.name + " is not valid");
    }
  }
  return scales;
}

// 100 x numerator / denominator compared with `bound`, exactly: the sign of
// 100 x numerator - bound x denominator, flipped when the denominator is negative.
std::optional<int> compare_fraction(const Decimal& numerator, const Decimal& denominator,
                                    const Decimal& bound) {
  Result<Decimal> left = kHundred.checked_multiply(numerator);
  Result<Decimal> right = bound.checked_multiply(denominator);
  if (!left.ok() || !right.ok()) {
    return std::nullopt;
  }
  const int sign = *left < *right ? -1 : (*right < *left ? 1 : 0);
  return denominator.sign() < 0 ? -sign : sign;
}

bool passes(BandTest test, int comparison) {
  switch (test) {
    case BandTest::ge:
      return comparison >= 0;
    case BandTest::gt:
      return comparison > 0;
    case BandTest::any:
      break;
  }
  return true;
}

int compare(const Decimal& left, const Decimal& right) {
  return left < right ? -1 : (right < left ? 1 : 0);
}

}  // namespace

std::vector<FieldError> check_scale(const PredicateScale& scale) {
  std::vector<FieldError> errors;
  const bool name_ok =
      !scale.name.empty() && scale.name.size() <= 40 &&
      std::all_of(scale.name.begin(), scale.name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || c == '_';
      });
  if (!name_ok) {
    add_field_error(errors, "name", "nama skala: 1-40 huruf, angka atau garis bawah",
                    "scale name: 1-40 letters, digits or underscores");
  }
  if (scale.bands.empty() || scale.bands.size() > 20) {
    add_field_error(errors, "bands", "skala memerlukan 1 sampai 20 predikat",
                    "a scale needs 1 to 20 predicates");
    return errors;
  }
  for (std::size_t index = 0; index < scale.bands.size(); ++index) {
    const PredicateBand& band = scale.bands[index];
    const std::string prefix = "bands[" + std::to_string(index) + "]";
    const bool last = index + 1 == scale.bands.size();
    check_text_field(band.predicate, 100, errors, prefix + ".predicate");
    if (last != (band.test == BandTest::any)) {
      add_field_error(errors, prefix + ".bound",
                      last ? "predikat terakhir menampung semua nilai lainnya (tanpa batas)"
                           : "hanya predikat terakhir yang tanpa batas",
                      last ? "the last predicate takes every other value (no bound)"
                           : "only the last predicate has no bound");
    }
    // Each band must take values the previous ones left: a lower bound, or the same bound
    // with "at least" after "above" (tercapai3: > 100 Melampaui, >= 100 Tercapai).
    const PredicateBand* previous = index > 0 ? &scale.bands[index - 1] : nullptr;
    const bool weaker =
        previous == nullptr || band.test == BandTest::any || previous->test == BandTest::any ||
        band.bound < previous->bound ||
        (band.bound == previous->bound && previous->test == BandTest::gt && band.test == BandTest::ge);
    if (!weaker) {
      add_field_error(errors, prefix + ".bound", "batas harus lebih kecil dari batas predikat sebelumnya",
                      "the bound must be below the previous predicate's bound");
    }
  }
  return errors;
}

const std::vector<PredicateScale>& preset_scales() {
  static const std::vector<PredicateScale> scales = load_presets();
  return scales;
}

const PredicateScale* find_preset(std::string_view name) {
  for (const PredicateScale& scale : preset_scales()) {
    if (scale.name == name) {
      return &scale;
    }
  }
  return nullptr;
}

const PredicateScale& default_scale() {
  return preset_scales().front();
}

const PredicateBand* classify(const PredicateScale& scale, const Achievement& achievement) {
  if (!achievement.computed()) {
    return nullptr;
  }
  if (achievement.capped) {
    return classify(scale, achievement.percent);
  }
  for (const PredicateBand& band : scale.bands) {
    if (band.test == BandTest::any) {
      return &band;
    }
    const auto comparison = compare_fraction(achievement.numerator, achievement.denominator, band.bound);
    // A fraction too large to compare exactly is far above every bound.
    if (passes(band.test, comparison.value_or(1))) {
      return &band;
    }
  }
  return nullptr;
}

const PredicateBand* classify(const PredicateScale& scale, const Decimal& percent) {
  for (const PredicateBand& band : scale.bands) {
    if (band.test == BandTest::any || passes(band.test, compare(percent, band.bound))) {
      return &band;
    }
  }
  return nullptr;
}

}  // namespace sinergi::performance
