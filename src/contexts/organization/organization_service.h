#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contexts/organization/organization.h"
#include "contexts/organization/organization_store.h"
#include "core/result.h"
#include "platform/audit/call_context.h"
#include "platform/auth/principal.h"

// The organization context's application service: regions, agencies, units, positions,
// people and assignments, with the derived state of every post (filled, acting, vacant),
// the vacancy board and the organisation chart.
//
// Every change runs in ONE transaction with its audit event; a change refused by
// validation writes nothing. Scoping: every call works inside caller.region_id; an agency
// outside the caller's reach (an assistant's cluster, an agency role's own agency) and any
// record of it answer NotFound, exactly like records that do not exist.
//
// "Today" is the calendar date in the region's time zone (options.utc_offset), so a post
// vacated yesterday in Samarinda is one day vacant whatever the server's clock zone.
//
// Thread-safe: one instance serves every request.

namespace sinergi {
class Clock;
}

namespace sinergi::organization {

using CallContext = audit::CallContext;

// system_settings key of the vacancy alert threshold, in days.
inline constexpr std::string_view kVacancyAlertDaysSetting = "organization.vacancy_alert_days";
inline constexpr int kDefaultVacancyAlertDays = 30;

struct OrganizationOptions {
  std::chrono::minutes utc_offset{8 * 60};  // WITA, Kalimantan Timur
};

// A person holding a post, as shown next to it.
struct Holder {
  AssignmentId assignment_id{0};
  PersonId person_id{0};
  std::string name;
  std::string nip;
  AssignmentKind kind = AssignmentKind::definitive;
  Date starts_on{};
};

// A post with its derived state today.
struct PositionView {
  PositionRecord position;
  std::string agency_code;
  std::string agency_name;
  std::optional<std::string> agency_cluster;
  std::optional<std::string> unit_name;
  PositionStatus status;
  bool alert = false;            // vacant or acting longer than the threshold
  std::optional<Holder> holder;  // the definitive holder, else the first acting one
  std::vector<Holder> acting;
};

struct AgencyCounts {
  std::int64_t positions = 0;
  std::int64_t filled = 0;
  std::int64_t acting = 0;
  std::int64_t vacant = 0;
  std::int64_t people = 0;
};

struct AgencyView {
  AgencyRecord agency;
  std::optional<PositionView> head;  // the head-of-agency post, if one is registered
  AgencyCounts counts;
};

struct AssignmentView {
  AssignmentRecord assignment;
  std::string person_name;
  std::string nip;
  std::string position_title;
  std::string agency_code;
  bool current = false;  // covers today
};

struct PersonView {
  PersonRecord person;
  std::optional<std::string> agency_code;
  std::optional<std::string> agency_name;
  std::vector<AssignmentView> current_assignments;
};

// --- Queries ---

// A page request shared by every list; page_size 0 means "everything" (exports).
struct PageRequest {
  std::int64_t page = 1;
  std::int64_t page_size = 20;
  std::string sort;  // a column name, "-" in front for descending; empty for the default
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t page_size = 20;
};

// Applies a page request to a list already filtered and sorted in memory.
template <typename T>
Page<T> page_of(std::vector<T> all, const PageRequest& request) {
  Page<T> page;
  page.total = static_cast<std::int64_t>(all.size());
  page.page = request.page;
  page.page_size = request.page_size;
  if (request.page_size <= 0) {
    page.items = std::move(all);
    return page;
  }
  const auto start = std::min<std::int64_t>(page.total, (request.page - 1) * request.page_size);
  const auto end = std::min<std::int64_t>(page.total, start + request.page_size);
  for (auto index = start; index < end; ++index) {
    page.items.push_back(std::move(all[static_cast<std::size_t>(index)]));
  }
  return page;
}

struct AgencyQuery {
  std::optional<std::string> search;  // code, short name or name
  std::optional<AgencyKind> kind;
  std::optional<std::string> cluster;
  std::optional<bool> active;
  PageRequest page;
};

struct PositionQuery {
  std::optional<std::string> agency_code;
  std::optional<UnitId> unit_id;
  std::optional<PositionLevel> level;
  std::optional<PositionState> state;
  std::optional<std::string> cluster;
  bool head_only = false;
  bool vacancies_only = false;  // vacant or acting
  bool alert_only = false;
  std::optional<std::string> search;  // title, code, or the holder's name or NIP
  PageRequest page;
};

struct VacancySummary {
  std::int64_t vacant = 0;
  std::int64_t acting = 0;
  std::int64_t alerts = 0;
  std::int64_t agencies_led_by_acting = 0;
  std::int64_t agencies_with_vacant_head = 0;
  std::int64_t agencies_total = 0;
  int alert_days = kDefaultVacancyAlertDays;
};

struct VacancyBoard {
  Page<PositionView> page;
  VacancySummary summary;
};

struct PersonListQuery {
  std::optional<std::string> search;
  std::optional<std::string> agency_code;
  std::optional<EmploymentStatus> employment_status;
  std::optional<bool> active;
  PageRequest page;
};

// --- Commands (drafts as the caller sent them; validated by the service) ---

struct RegionDraft {
  std::string code;
  std::string name;
};

struct AgencyDraft {
  std::string code;
  std::string short_name;
  std::string name;
  std::string kind;
  std::optional<std::string> cluster;
  std::optional<std::string> active_from;
  std::optional<std::string> active_until;
};

// PATCH: unset fields stay; a set outer optional holding nullopt clears the value.
struct AgencyChanges {
  std::int64_t version = 0;
  std::optional<std::string> short_name;
  std::optional<std::string> name;
  std::optional<std::string> kind;
  std::optional<std::optional<std::string>> cluster;
  std::optional<bool> active;
  std::optional<std::optional<std::string>> active_from;
  std::optional<std::optional<std::string>> active_until;
};

struct UnitDraft {
  std::string agency_code;
  std::optional<std::int64_t> parent_id;
  std::string code;
  std::string name;
  std::string kind;
};

struct UnitChanges {
  std::int64_t version = 0;
  std::optional<std::optional<std::int64_t>> parent_id;
  std::optional<std::string> name;
  std::optional<std::string> kind;
  std::optional<bool> active;
};

struct PositionDraft {
  std::string agency_code;
  std::optional<std::int64_t> unit_id;
  std::string code;
  std::string title;
  std::string level;
  bool is_agency_head = false;
  bool is_unit_head = false;
  std::string established_on;
};

struct PositionChanges {
  std::int64_t version = 0;
  std::optional<std::optional<std::int64_t>> unit_id;
  std::optional<std::string> title;
  std::optional<std::string> level;
  std::optional<bool> is_agency_head;
  std::optional<bool> is_unit_head;
  std::optional<bool> active;
};

struct PersonDraft {
  std::string nip;
  std::string name;
  std::string rank_grade;
  std::string employment_status;
  std::optional<std::string> agency_code;
};

struct PersonChanges {
  std::int64_t version = 0;
  std::optional<std::string> name;
  std::optional<std::string> rank_grade;
  std::optional<std::string> employment_status;
  std::optional<std::optional<std::string>> agency_code;
  std::optional<bool> active;
};

struct AssignmentDraft {
  std::int64_t person_id = 0;
  std::int64_t position_id = 0;
  std::string kind;
  std::string starts_on;
  std::optional<std::string> ends_on;
  std::string decree_number;
  std::string note;
};

struct AssignmentChanges {
  std::int64_t version = 0;
  std::optional<std::optional<std::string>> ends_on;
  std::optional<std::string> decree_number;
  std::optional<std::string> note;
};

// The organisation chart of one agency: its units as a tree, each with its posts.
struct ChartNode {
  UnitRecord unit;
  std::vector<PositionView> positions;
  std::vector<ChartNode> children;
};

struct OrganizationChart {
  AgencyView agency;
  std::vector<PositionView> positions;  // posts outside every unit (the head, usually)
  std::vector<ChartNode> units;
};

struct PositionDetail {
  PositionView view;
  std::vector<AssignmentView> history;  // newest first
};

struct PersonDetail {
  PersonView view;
  std::vector<AssignmentView> assignments;  // newest first
};

class OrganizationService {
 public:
  // REQUIRES: every argument outlives the service.
  OrganizationService(OrganizationRepository& repository, const Clock& clock,
                      OrganizationOptions options = {});

  // Today in the region's time zone.
  Date today() const;

  // --- Regions ---
  Result<std::vector<RegionRecord>> list_regions(const auth::Principal& caller);
  // A regency or city below the caller's province (region.create).
  Result<RegionRecord> create_region(const auth::Principal& caller, const RegionDraft& draft,
                                     const CallContext& context);
  // Renames the caller's region or one below it (region.update); the code never changes.
  Result<RegionRecord> rename_region(const auth::Principal& caller, const std::string& code,
                                     const std::string& name, const CallContext& context);

  // --- Agencies ---
  Result<Page<AgencyView>> list_agencies(const auth::Principal& caller, const AgencyQuery& query);
  Result<AgencyView> get_agency(const auth::Principal& caller, const std::string& code);
  Result<AgencyView> create_agency(const auth::Principal& caller, const AgencyDraft& draft,
                                   const CallContext& context);
  Result<AgencyView> update_agency(const auth::Principal& caller, const std::string& code,
                                   const AgencyChanges& changes, const CallContext& context);
  Result<OrganizationChart> chart(const auth::Principal& caller, const std::string& agency_code);
  // Every agency of a region, by code, without a caller's scope: for other contexts (the
  // planning cascade names agencies the caller may not manage), which check access themselves.
  Result<std::vector<AgencyRecord>> region_agencies(RegionId region);

  // --- Units ---
  Result<std::vector<UnitRecord>> list_units(const auth::Principal& caller, const std::string& agency_code);
  Result<UnitRecord> create_unit(const auth::Principal& caller, const UnitDraft& draft,
                                 const CallContext& context);
  Result<UnitRecord> update_unit(const auth::Principal& caller, UnitId id, const UnitChanges& changes,
                                 const CallContext& context);

  // --- Positions ---
  Result<Page<PositionView>> list_positions(const auth::Principal& caller, const PositionQuery& query);
  Result<VacancyBoard> vacancy_board(const auth::Principal& caller, PositionQuery query);
  Result<PositionDetail> get_position(const auth::Principal& caller, PositionId id);
  Result<PositionView> create_position(const auth::Principal& caller, const PositionDraft& draft,
                                       const CallContext& context);
  Result<PositionView> update_position(const auth::Principal& caller, PositionId id,
                                       const PositionChanges& changes, const CallContext& context);

  // --- People ---
  Result<Page<PersonView>> list_people(const auth::Principal& caller, const PersonListQuery& query);
  Result<PersonDetail> get_person(const auth::Principal& caller, PersonId id);
  Result<PersonView> create_person(const auth::Principal& caller, const PersonDraft& draft,
                                   const CallContext& context);
  Result<PersonView> update_person(const auth::Principal& caller, PersonId id, const PersonChanges& changes,
                                   const CallContext& context);

  // --- Assignments ---
  Result<AssignmentView> create_assignment(const auth::Principal& caller, const AssignmentDraft& draft,
                                           const CallContext& context);
  Result<AssignmentView> update_assignment(const auth::Principal& caller, AssignmentId id,
                                           const AssignmentChanges& changes, const CallContext& context);

  // --- Settings ---
  Result<int> vacancy_alert_days(const auth::Principal& caller);
  Result<int> set_vacancy_alert_days(const auth::Principal& caller, int days, const CallContext& context);

 private:
  OrganizationRepository& repository_;
  const Clock& clock_;
  OrganizationOptions options_;
};

}  // namespace sinergi::organization
