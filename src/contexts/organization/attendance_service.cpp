#include "contexts/organization/attendance_service.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "core/clock.h"
#include "platform/auth/permissions.h"

namespace sinergi::organization {
namespace {

using auth::Action;
using auth::ResourceScope;

// A scope value no agency, user or region ever has: checks with it pass only through a
// role whose scope does not look at that field.
constexpr std::int64_t kNoMatch = -1;

// The rates' trend compares two windows of this many months with records (absence_trend).
constexpr int kTrendWindowMonths = 3;

Result<void> check_year(int year) {
  if (year < kFirstAttendanceYear || year > kLastAttendanceYear) {
    const std::string range =
        std::to_string(kFirstAttendanceYear) + " sampai " + std::to_string(kLastAttendanceYear);
    return Error::with_fields(ErrorCode::InvalidInput,
                              {FieldError{"year", "harus tahun " + range,
                                          "must be a year from " + std::to_string(kFirstAttendanceYear) +
                                              " to " + std::to_string(kLastAttendanceYear)}},
                              {"year"});
  }
  return success();
}

Result<RegionId> region_of(const auth::Principal& caller) {
  if (!caller.region_id) {
    return Error(ErrorCode::Forbidden);
  }
  return RegionId(*caller.region_id);
}

Error agency_not_found() {
  return Error(ErrorCode::NotFound, {"OPD"});
}

// Which people's records the caller may list: every agency of the region (a role with
// region scope) or the agencies of the caller's agency grants that the table allows.
struct DisciplineReach {
  bool whole_region = false;
  std::vector<AgencyId> agencies;

  bool covers(AgencyId agency) const {
    return whole_region || std::find(agencies.begin(), agencies.end(), agency) != agencies.end();
  }
};

DisciplineReach discipline_reach(const auth::Principal& caller, RegionId region) {
  DisciplineReach reach;
  // With an agency and an owner that match no one, only a region-wide permission passes.
  reach.whole_region = auth::may_take_on(caller, Action::attendance_read,
                                         ResourceScope{region.value(), kNoMatch, std::nullopt, kNoMatch});
  if (reach.whole_region) {
    return reach;
  }
  for (const auth::RoleGrant& grant : caller.roles) {
    if (grant.agency_id &&
        auth::may_take_on(caller, Action::attendance_read,
                          ResourceScope{region.value(), *grant.agency_id, std::nullopt, kNoMatch}) &&
        !reach.covers(AgencyId(*grant.agency_id))) {
      reach.agencies.emplace_back(*grant.agency_id);
    }
  }
  return reach;
}

const AgencyRecord* agency_by_code(const std::vector<AgencyRecord>& agencies, const std::string& code) {
  for (const AgencyRecord& agency : agencies) {
    if (agency.code == code) {
      return &agency;
    }
  }
  return nullptr;
}

// Name, then NIP: the order of equal keys, so pages never shuffle.
bool by_name(const DisciplineEntry& left, const DisciplineEntry& right) {
  if (left.person.person.name != right.person.person.name) {
    return left.person.person.name < right.person.person.name;
  }
  return left.person.person.nip < right.person.person.nip;
}

// Each key in its natural order (the most unexcused days, the longest run first; names A
// to Z), "-" in front reversing it, as the organization lists do.
void sort_entries(std::vector<DisciplineEntry>& entries, const std::string& sort) {
  std::string_view key = sort;
  bool reversed = false;
  if (key.starts_with('-')) {
    key.remove_prefix(1);
    reversed = true;
  }
  if (key.empty()) {
    key = "unexcused";
  }
  auto value_of = [key](const DisciplineEntry& entry) {
    return key == "run" ? entry.summary.longest_unexcused_run : entry.summary.unexcused;
  };
  std::sort(entries.begin(), entries.end(), [&](const DisciplineEntry& left, const DisciplineEntry& right) {
    const DisciplineEntry& a = reversed ? right : left;
    const DisciplineEntry& b = reversed ? left : right;
    if (key != "name" && value_of(a) != value_of(b)) {
      return value_of(a) > value_of(b);
    }
    return by_name(a, b);
  });
}

template <typename T>
Page<T> page_of_entries(std::vector<T> all, const PageRequest& request) {
  Page<T> page;
  page.total = static_cast<std::int64_t>(all.size());
  page.page = request.page;
  page.page_size = request.page_size;
  if (request.page_size <= 0) {
    page.items = std::move(all);
    return page;
  }
  const std::int64_t start =
      std::min(page.total, (std::max<std::int64_t>(request.page, 1) - 1) * request.page_size);
  const std::int64_t end = std::min(page.total, start + request.page_size);
  for (std::int64_t index = start; index < end; ++index) {
    page.items.push_back(std::move(all[static_cast<std::size_t>(index)]));
  }
  return page;
}

void add(AbsenceCount& total, const AbsenceCount& part) {
  total.records += part.records;
  total.unexcused += part.unexcused;
}

}  // namespace

std::optional<Decimal> AbsenceCount::rate() const {
  if (records <= 0) {
    return std::nullopt;
  }
  // Exact: the quotient is rounded once, half up, to two decimals.
  Result<Decimal> rate = Decimal::from_int64(unexcused * 100).divide(Decimal::from_int64(records), 2);
  if (!rate.ok()) {
    return std::nullopt;
  }
  return rate.value();
}

std::string_view name(AbsenceTrend trend) {
  switch (trend) {
    case AbsenceTrend::rising:
      return "rising";
    case AbsenceTrend::falling:
      return "falling";
    case AbsenceTrend::flat:
      return "flat";
  }
  return "";
}

// The trend rule. Take the months that have records, in calendar order. The recent window
// is the last three of them, the previous window the (up to) three months with records
// before those. A window's rate is its unexcused records over its records (so a month
// with few records weighs little), in percent. The trend is
//   rising   when the recent rate exceeds the previous one by 0.5 percentage point or more,
//   falling  when it is 0.5 percentage point or more below it,
//   flat     when they differ by less than 0.5 percentage point, and when there is no
//            previous window (three months with records or fewer).
// Compared exactly in integers: |100 (u1/r1 - u2/r2)| < 0.5  <=>  |200 (u1 r2 - u2 r1)| < r1 r2.
AbsenceTrend absence_trend(const std::array<AbsenceCount, 12>& months) {
  std::vector<const AbsenceCount*> with_data;
  for (const AbsenceCount& month : months) {
    if (month.records > 0) {
      with_data.push_back(&month);
    }
  }
  if (with_data.size() <= static_cast<std::size_t>(kTrendWindowMonths)) {
    return AbsenceTrend::flat;
  }
  AbsenceCount recent;
  AbsenceCount previous;
  const std::size_t recent_start = with_data.size() - kTrendWindowMonths;
  const std::size_t previous_start =
      recent_start >= static_cast<std::size_t>(kTrendWindowMonths) ? recent_start - kTrendWindowMonths : 0;
  for (std::size_t index = previous_start; index < with_data.size(); ++index) {
    add(index < recent_start ? previous : recent, *with_data[index]);
  }
  using Wide = __int128;
  const Wide difference =
      Wide{200} * (Wide{recent.unexcused} * previous.records - Wide{previous.unexcused} * recent.records);
  const Wide threshold = Wide{recent.records} * previous.records;
  if (difference >= threshold) {
    return AbsenceTrend::rising;
  }
  if (-difference >= threshold) {
    return AbsenceTrend::falling;
  }
  return AbsenceTrend::flat;
}

AttendanceService::AttendanceService(AttendanceRepository& repository, const Clock& clock,
                                     OrganizationOptions options, NipOfUser nip_of_user)
    : repository_(repository), clock_(clock), options_(options), nip_of_user_(std::move(nip_of_user)) {}

Date AttendanceService::today() const {
  return local_date(clock_.now(), options_.utc_offset);
}

int AttendanceService::current_year() const {
  return year_of(today());
}

Result<PersonAttendance> AttendanceService::person_attendance(const auth::Principal& caller,
                                                              PersonId person_id, int year) {
  TRY(check_year(year));
  const RegionId region = TRY(region_of(caller));

  std::optional<AttendancePerson> person;
  TRY(repository_.read([&](AttendanceStore& store) -> Result<void> {
    person = TRY(store.find_person(region, person_id));
    return success();
  }));
  if (!person) {
    return Error(ErrorCode::NotFound, {"Pegawai"});
  }

  // The person's agency decides for the agency head; a person without one belongs to no
  // agency head. "Self" is only granted when the caller's account NIP is the person's.
  ResourceScope scope{region.value(), person->person.agency_id ? person->person.agency_id->value() : kNoMatch,
                      person->agency_cluster, kNoMatch};
  bool allowed = auth::may_take_on(caller, Action::attendance_read, scope);
  if (!allowed && caller.user_id && nip_of_user_) {
    // Asked only when needed, and outside the transaction: it reads the identity context.
    const std::optional<std::string> nip = TRY(nip_of_user_(*caller.user_id));
    if (nip && !nip->empty() && *nip == person->person.nip) {
      scope.owner_user_id = *caller.user_id;
      allowed = auth::may_take_on(caller, Action::attendance_read, scope);
    }
  }
  if (!allowed) {
    // The person exists in the caller's region: say so plainly rather than pretend not.
    return Error(ErrorCode::Forbidden);
  }

  PersonAttendance result;
  result.year = year;
  result.person.person = std::move(person->person);
  result.person.agency_code = std::move(person->agency_code);
  result.person.agency_name = std::move(person->agency_name);
  const Date day = today();
  TRY(repository_.read([&](AttendanceStore& store) -> Result<void> {
    std::vector<HeldPost> posts = TRY(store.held_posts(region, person_id, day));
    for (HeldPost& post : posts) {
      AssignmentView view;
      view.assignment.id = post.assignment_id;
      view.assignment.person_id = person_id;
      view.assignment.position_id = post.position_id;
      view.assignment.kind = post.kind;
      view.person_name = result.person.person.name;
      view.nip = result.person.person.nip;
      view.position_title = std::move(post.title);
      view.agency_code = std::move(post.agency_code);
      view.current = true;
      result.person.current_assignments.push_back(std::move(view));
    }
    result.records = TRY(store.person_days(region, person_id, year));
    return success();
  }));
  result.summary = summarize_discipline(result.records, year, DisciplineScale::pp94());
  return result;
}

Result<Page<DisciplineEntry>> AttendanceService::discipline_list(const auth::Principal& caller,
                                                                 const DisciplineQuery& query) {
  TRY(check_year(query.year));
  const RegionId region = TRY(region_of(caller));
  const DisciplineReach reach = discipline_reach(caller, region);
  if (!reach.whole_region && reach.agencies.empty()) {
    return Error(ErrorCode::Forbidden);
  }

  const DisciplineScale& scale = DisciplineScale::pp94();
  std::vector<DisciplineEntry> entries;
  TRY(repository_.read([&](AttendanceStore& store) -> Result<void> {
    AttendancePeopleFilter filter;
    filter.search = query.search;
    if (query.agency_code) {
      const std::vector<AgencyRecord> agencies = TRY(store.agencies(region));
      const AgencyRecord* agency = agency_by_code(agencies, *query.agency_code);
      if (agency == nullptr || !reach.covers(agency->id)) {
        return agency_not_found();
      }
      filter.agencies = std::vector<AgencyId>{agency->id};
    } else if (!reach.whole_region) {
      filter.agencies = reach.agencies;
    }

    std::vector<AttendancePerson> people = TRY(store.people_with_records(region, query.year, filter));
    std::unordered_map<PersonId, std::size_t> index_of;
    index_of.reserve(people.size());
    for (std::size_t index = 0; index < people.size(); ++index) {
      index_of.emplace(people[index].person.id, index);
    }
    entries.reserve(query.level_only ? people.size() / 8 : people.size());
    return store.scan_person_days(
        region, query.year, filter,
        [&](PersonId person_id, std::span<const AttendanceDay> days) -> Result<void> {
          DisciplineSummary summary = summarize_discipline(days, query.year, scale);
          if (query.level_only && summary.level == nullptr) {
            return success();
          }
          // A person imported between the two statements is left for the next reading.
          if (auto found = index_of.find(person_id); found != index_of.end()) {
            entries.push_back(DisciplineEntry{std::move(people[found->second]), summary});
          }
          return success();
        });
  }));

  sort_entries(entries, query.page.sort);
  return page_of_entries(std::move(entries), query.page);
}

Result<AbsenceRates> AttendanceService::absence_rates(const auth::Principal& caller, int year,
                                                      const std::optional<std::string>& agency_code,
                                                      const std::optional<std::string>& cluster) {
  TRY(check_year(year));
  const RegionId region = TRY(region_of(caller));
  if (!auth::may_take(caller, Action::attendance_rates_read)) {
    return Error(ErrorCode::Forbidden);
  }

  AbsenceRates rates;
  rates.year = year;
  TRY(repository_.read([&](AttendanceStore& store) -> Result<void> {
    const std::vector<AgencyRecord> agencies = TRY(store.agencies(region));
    std::vector<AgencyAbsence> reach;
    for (const AgencyRecord& agency : agencies) {
      if (auth::may_take_on(caller, Action::attendance_rates_read,
                            ResourceScope{region.value(), agency.id.value(), agency.cluster, std::nullopt})) {
        reach.push_back(AgencyAbsence{agency, {}, {}, AbsenceTrend::flat});
      }
    }
    const bool whole_region = reach.size() == agencies.size();
    if (agency_code) {
      auto found = std::find_if(reach.begin(), reach.end(),
                                [&](const AgencyAbsence& item) { return item.agency.code == *agency_code; });
      if (found == reach.end()) {
        return agency_not_found();
      }
      reach = {std::move(*found)};
    }
    if (cluster) {
      std::erase_if(reach, [&](const AgencyAbsence& item) { return item.agency.cluster != cluster; });
    }

    std::optional<std::vector<AgencyId>> filter;
    if (!whole_region || agency_code || cluster) {
      filter.emplace();
      for (const AgencyAbsence& item : reach) {
        filter->push_back(item.agency.id);
      }
    }
    const std::vector<MonthlyAbsenceCount> counts = TRY(store.monthly_absence_counts(region, year, filter));
    std::unordered_map<AgencyId, std::size_t> index_of;
    for (std::size_t index = 0; index < reach.size(); ++index) {
      index_of.emplace(reach[index].agency.id, index);
    }
    for (const MonthlyAbsenceCount& count : counts) {
      if (auto found = index_of.find(count.agency_id); found != index_of.end()) {
        AgencyAbsence& item = reach[found->second];
        add(item.months[static_cast<std::size_t>(count.month - 1)],
            AbsenceCount{count.records, count.unexcused});
        add(item.total, AbsenceCount{count.records, count.unexcused});
      }
    }
    for (AgencyAbsence& item : reach) {
      if (!item.agency.active && item.total.records == 0 && !agency_code) {
        continue;  // a dissolved agency without records this year says nothing
      }
      item.trend = absence_trend(item.months);
      add(rates.region, item.total);
      rates.items.push_back(std::move(item));
    }
    return success();
  }));
  return rates;
}

}  // namespace sinergi::organization
