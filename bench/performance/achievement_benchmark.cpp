// The achievement engine at national scale (issue 6): 1,000,000 indicators, each with four
// quarterly realizations aggregated by its rule (40 % sum, 60 % last; about 5 % of quarters
// missing), its achievement by polarity (70 % higher, 30 % lower is better), its predicate on
// the default scale, then a three-level roll-up: 10 indicators per program, 25 programs per
// agency, 40 agencies per region (100,000 programs, 4,000 agencies, 100 regions). One core.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "contexts/performance/achievement.h"
#include "contexts/performance/predicate_scale.h"

namespace sinergi::performance {
namespace {

constexpr std::size_t kIndicators = 1'000'000;
constexpr std::size_t kPerProgram = 10;
constexpr std::size_t kPerAgency = 25;
constexpr std::size_t kPerRegion = 40;

struct Indicator {
  Polarity polarity;
  Aggregation aggregation;
  Decimal target;
  std::array<std::optional<Decimal>, 4> quarters;
};

// Deterministic synthetic data: values with two decimals around the target.
std::vector<Indicator> make_indicators() {
  std::mt19937_64 random(20261124);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<std::int64_t> target_cents(1'000, 100'000);
  std::uniform_int_distribution<std::int64_t> spread(-3'000, 3'000);
  std::vector<Indicator> indicators(kIndicators);
  for (Indicator& indicator : indicators) {
    indicator.polarity = percent(random) < 70 ? Polarity::higher_is_better : Polarity::lower_is_better;
    indicator.aggregation = percent(random) < 40 ? Aggregation::sum : Aggregation::last;
    const std::int64_t target = target_cents(random);
    indicator.target = Decimal(target, 2);
    for (auto& quarter : indicator.quarters) {
      if (percent(random) < 5) {
        continue;
      }
      const std::int64_t value = std::max<std::int64_t>(0, target + spread(random));
      quarter = Decimal(indicator.aggregation == Aggregation::sum ? value / 4 : value, 2);
    }
  }
  return indicators;
}

void NationalAchievementsWithThreeLevelRollup(benchmark::State& state) {
  const std::vector<Indicator> indicators = make_indicators();
  const PredicateScale& scale = default_scale();
  std::vector<RollupChild> indicator_results(kIndicators);
  std::vector<RollupChild> program_results(kIndicators / kPerProgram);
  std::vector<RollupChild> agency_results(program_results.size() / kPerAgency);
  std::vector<RollupChild> region_results(agency_results.size() / kPerRegion);
  std::array<std::int64_t, 8> bands{};
  for (auto _ : state) {
    bands.fill(0);
    for (std::size_t index = 0; index < kIndicators; ++index) {
      const Indicator& indicator = indicators[index];
      const Result<Aggregate> to_date = aggregate(indicator.quarters, indicator.aggregation);
      AchievementInput input;
      input.polarity = indicator.polarity;
      input.variant = default_variant(indicator.polarity);
      input.target = TargetValue::single(indicator.target);
      if (to_date.ok()) {
        input.realization = to_date->value;
      }
      const Achievement achievement = compute_achievement(input);
      const PredicateBand* band = classify(scale, achievement);
      ++bands[band == nullptr ? 7 : static_cast<std::size_t>(band - scale.bands.data())];
      indicator_results[index] = RollupChild::of(achievement);
    }
    auto level = [](const std::vector<RollupChild>& children, std::vector<RollupChild>& parents,
                    std::size_t size) {
      for (std::size_t parent = 0; parent < parents.size(); ++parent) {
        parents[parent] =
            roll_up(std::span(children).subspan(parent * size, size), RollupRule::mean_of_achievements)
                .as_child();
      }
    };
    level(indicator_results, program_results, kPerProgram);
    level(program_results, agency_results, kPerAgency);
    level(agency_results, region_results, kPerRegion);
    benchmark::DoNotOptimize(region_results.data());
    benchmark::DoNotOptimize(bands.data());
  }
  state.counters["indicators"] = static_cast<double>(kIndicators);
  state.counters["sangat_tinggi"] = static_cast<double>(bands[0]);
  state.counters["n_a"] = static_cast<double>(bands[7]);
}
BENCHMARK(NationalAchievementsWithThreeLevelRollup)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace sinergi::performance

BENCHMARK_MAIN();
