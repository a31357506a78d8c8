// summarize_discipline over one person's year of attendance, the unit of work of the
// discipline list (GET /api/v1/discipline runs it once per person of the region).
// Run by bench/discipline/run.sh; the last result is in bench/results/.
#include <benchmark/benchmark.h>

#include <vector>

#include "contexts/organization/discipline.h"

namespace {

using sinergi::Date;
using sinergi::organization::AttendanceDay;
using sinergi::organization::AttendanceStatus;

// Every working day of 2026 with a deterministic mix of statuses: mostly present, a few
// leave, sick, travel and unexcused days, as the demo province has.
std::vector<AttendanceDay> year_of_attendance() {
  std::vector<AttendanceDay> days;
  const Date first = std::chrono::sys_days(std::chrono::year(2026) / 1 / 1);
  for (int offset = 0; offset < 365; ++offset) {
    const Date day = first + std::chrono::days(offset);
    if (sinergi::is_weekend(day)) {
      continue;
    }
    AttendanceStatus status = AttendanceStatus::present;
    if (offset % 97 == 0) {
      status = AttendanceStatus::unexcused;
    } else if (offset % 41 == 0) {
      status = AttendanceStatus::leave;
    } else if (offset % 53 == 0) {
      status = AttendanceStatus::sick;
    } else if (offset % 61 == 0) {
      status = AttendanceStatus::official_travel;
    }
    days.push_back(AttendanceDay{day, status, offset % 7 == 0 ? 15 : 0});
  }
  return days;
}

void BM_SummarizeOnePersonYear(benchmark::State& state) {
  const std::vector<AttendanceDay> days = year_of_attendance();
  const auto& scale = sinergi::organization::DisciplineScale::pp94();
  for (auto _ : state) {
    benchmark::DoNotOptimize(sinergi::organization::summarize_discipline(days, 2026, scale));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(days.size()));
}
BENCHMARK(BM_SummarizeOnePersonYear);

}  // namespace

BENCHMARK_MAIN();
