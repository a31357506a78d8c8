#include "contexts/organization/organization_service.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "contexts/organization/organization_json.h"
#include "contexts/organization/organization_validation.h"
#include "contexts/organization/region_code.h"
#include "core/clock.h"
#include "core/input_text.h"
#include "platform/auth/permissions.h"
#include "platform/db/unit_of_work.h"

namespace sinergi::organization {
namespace {

using auth::Action;
using auth::Principal;
using db::read_transaction;
using db::write_transaction;

bool contains_folded(std::string_view haystack, const std::string& folded_needle) {
  return lower_ascii(haystack).find(folded_needle) != std::string::npos;
}

Result<RegionId> region_of(const Principal& caller) {
  if (!caller.region_id) {
    return Error(ErrorCode::Forbidden);
  }
  return RegionId(*caller.region_id);
}

auth::ResourceScope scope_of(const Principal& caller, const AgencyRecord& agency) {
  return auth::ResourceScope{
      .region_id = caller.region_id, .agency_id = agency.id.value(), .agency_cluster = agency.cluster};
}

bool may_read(const Principal& caller, const AgencyRecord& agency) {
  return auth::may_take_on(caller, Action::organization_read, scope_of(caller, agency));
}

const AgencyRecord* agency_with_code(const std::vector<AgencyRecord>& agencies, std::string_view code) {
  auto found =
      std::find_if(agencies.begin(), agencies.end(), [&](const AgencyRecord& a) { return a.code == code; });
  return found == agencies.end() ? nullptr : &*found;
}

Error not_found(std::string_view what) {
  return Error(ErrorCode::NotFound, {std::string(what)});
}

// The agency `code` if the caller may read it; NotFound otherwise, like one that does not exist.
Result<const AgencyRecord*> readable_agency(const std::vector<AgencyRecord>& agencies,
                                            const Principal& caller, std::string_view code) {
  const AgencyRecord* agency = agency_with_code(agencies, code);
  if (agency == nullptr || !may_read(caller, *agency)) {
    return not_found("Perangkat daerah");
  }
  return agency;
}

// The agency a form names in its field agency_code; records the field error when unknown.
const AgencyRecord* agency_for_field(const std::vector<AgencyRecord>& agencies, std::string_view code,
                                     std::vector<FieldError>& errors) {
  const AgencyRecord* agency = agency_with_code(agencies, code);
  if (agency == nullptr) {
    add_field_error(errors, "agency_code",
                    "perangkat daerah '" + excerpt_for_message(code) + "' tidak terdaftar",
                    "agency '" + excerpt_for_message(code) + "' is not registered");
  }
  return agency;
}

Result<void> require_manager(const Principal& caller) {
  if (!auth::may_take_on(caller, Action::organization_manage, {.region_id = caller.region_id})) {
    return Error(ErrorCode::Forbidden);
  }
  return success();
}

Error stale_version(std::string_view what) {
  return Error(ErrorCode::Conflict,
               {std::string(what) + " telah diubah orang lain; muat ulang lalu ulangi perubahan Anda"});
}

Result<void> validation_result(std::vector<FieldError> errors) {
  if (errors.empty()) {
    return success();
  }
  return Error::with_fields(ErrorCode::ValidationFailed, std::move(errors));
}

std::string vacancy_setting_key(RegionId region) {
  return std::string(kVacancyAlertDaysSetting) + "." + region.to_string();
}

Result<int> stored_alert_days(OrganizationStore& store, RegionId region) {
  auto text = TRY(store.setting(vacancy_setting_key(region)));
  if (!text) {
    return kDefaultVacancyAlertDays;
  }
  try {
    return std::stoi(*text);
  } catch (const std::exception&) {
    return kDefaultVacancyAlertDays;
  }
}

// Everything needed to show the posts of a region (or one agency) as of one day.
struct Registry {
  std::vector<AgencyRecord> agencies;
  std::unordered_map<std::int64_t, const AgencyRecord*> agency_by_id;
  std::vector<UnitRecord> units;
  std::unordered_map<std::int64_t, const UnitRecord*> unit_by_id;
  std::vector<PositionRecord> positions;
  std::unordered_map<std::int64_t, std::vector<AssignmentRecord>> assignments_by_position;
  std::unordered_map<std::int64_t, PersonRecord> people;  // holders of the assignments
  int alert_days = kDefaultVacancyAlertDays;

  const AgencyRecord* agency_by_code(std::string_view code) const { return agency_with_code(agencies, code); }
};

Result<Registry> load_registry(OrganizationStore& store, RegionId region, std::optional<AgencyId> agency) {
  Registry registry;
  registry.agencies = TRY(store.agencies(region));
  for (const auto& record : registry.agencies) {
    registry.agency_by_id.emplace(record.id.value(), &record);
  }
  registry.units = TRY(store.units(region, agency));
  for (const auto& unit : registry.units) {
    registry.unit_by_id.emplace(unit.id.value(), &unit);
  }
  registry.positions = TRY(store.positions(region, agency));
  AssignmentFilter filter;
  filter.agency = agency;
  std::vector<PersonId> holder_ids;
  for (auto& assignment : TRY(store.assignments(region, filter))) {
    holder_ids.push_back(assignment.person_id);
    registry.assignments_by_position[assignment.position_id.value()].push_back(std::move(assignment));
  }
  std::sort(holder_ids.begin(), holder_ids.end());
  holder_ids.erase(std::unique(holder_ids.begin(), holder_ids.end()), holder_ids.end());
  for (auto& person : TRY(store.people_by_ids(region, holder_ids))) {
    registry.people.emplace(person.id.value(), std::move(person));
  }
  registry.alert_days = TRY(stored_alert_days(store, region));
  return registry;
}

Holder holder_of(const AssignmentRecord& assignment, const Registry& registry) {
  Holder holder;
  holder.assignment_id = assignment.id;
  holder.person_id = assignment.person_id;
  holder.kind = assignment.kind;
  holder.starts_on = assignment.starts_on;
  if (auto found = registry.people.find(assignment.person_id.value()); found != registry.people.end()) {
    holder.name = found->second.name;
    holder.nip = found->second.nip;
  }
  return holder;
}

PositionView view_of(const PositionRecord& position, const Registry& registry, Date today) {
  PositionView view;
  view.position = position;
  if (auto agency = registry.agency_by_id.find(position.agency_id.value());
      agency != registry.agency_by_id.end()) {
    view.agency_code = agency->second->code;
    view.agency_name = agency->second->name;
    view.agency_cluster = agency->second->cluster;
  }
  if (position.unit_id) {
    if (auto unit = registry.unit_by_id.find(position.unit_id->value()); unit != registry.unit_by_id.end()) {
      view.unit_name = unit->second->name;
    }
  }
  static const std::vector<AssignmentRecord> kNone;
  auto found = registry.assignments_by_position.find(position.id.value());
  const auto& assignments = found == registry.assignments_by_position.end() ? kNone : found->second;
  std::vector<AssignmentSpan> spans;
  spans.reserve(assignments.size());
  for (const auto& assignment : assignments) {
    spans.push_back(AssignmentSpan{assignment.id.value(), assignment.person_id.value(), assignment.kind,
                                   assignment.starts_on, assignment.ends_on});
  }
  view.status = position_status(spans, position.established_on, today);
  auto assignment_with_id = [&](std::int64_t id) -> const AssignmentRecord* {
    for (const auto& assignment : assignments) {
      if (assignment.id.value() == id) {
        return &assignment;
      }
    }
    return nullptr;
  };
  for (std::int64_t id : view.status.acting_assignment_ids) {
    if (const auto* assignment = assignment_with_id(id)) {
      view.acting.push_back(holder_of(*assignment, registry));
    }
  }
  if (view.status.definitive_assignment_id) {
    if (const auto* assignment = assignment_with_id(*view.status.definitive_assignment_id)) {
      view.holder = holder_of(*assignment, registry);
    }
  } else if (!view.acting.empty()) {
    view.holder = view.acting.front();
  }
  view.alert = position.active && view.status.state != PositionState::filled &&
               view.status.days_without_definitive > registry.alert_days;
  return view;
}

AgencyView agency_view_of(const AgencyRecord& agency, const Registry& registry, Date today,
                          const std::unordered_map<std::int64_t, std::int64_t>& people_per_agency) {
  AgencyView view;
  view.agency = agency;
  for (const auto& position : registry.positions) {
    if (position.agency_id != agency.id || !position.active) {
      continue;
    }
    PositionView position_view = view_of(position, registry, today);
    ++view.counts.positions;
    switch (position_view.status.state) {
      case PositionState::filled:
        ++view.counts.filled;
        break;
      case PositionState::acting:
        ++view.counts.acting;
        break;
      case PositionState::vacant:
        ++view.counts.vacant;
        break;
    }
    if (position.is_agency_head && !view.head) {
      view.head = std::move(position_view);
    }
  }
  if (auto count = people_per_agency.find(agency.id.value()); count != people_per_agency.end()) {
    view.counts.people = count->second;
  }
  return view;
}

AssignmentView assignment_view_of(const AssignmentRecord& assignment, const PersonRecord* person,
                                  const PositionRecord* position, const AgencyRecord* agency, Date today) {
  AssignmentView view;
  view.assignment = assignment;
  if (person) {
    view.person_name = person->name;
    view.nip = person->nip;
  }
  if (position) {
    view.position_title = position->title;
  }
  if (agency) {
    view.agency_code = agency->code;
  }
  view.current = assignment.starts_on <= today && (!assignment.ends_on || today <= *assignment.ends_on);
  return view;
}

// "-days" -> {"days", true}.
std::pair<std::string, bool> sort_key(const std::string& sort, std::string_view fallback) {
  if (sort.empty()) {
    return {std::string(fallback), false};
  }
  if (sort.front() == '-') {
    return {sort.substr(1), true};
  }
  return {sort, false};
}

int state_order(PositionState state) {
  switch (state) {
    case PositionState::vacant:
      return 0;
    case PositionState::acting:
      return 1;
    case PositionState::filled:
      return 2;
  }
  return 3;
}

void sort_positions(std::vector<PositionView>& views, const std::string& sort, std::string_view fallback) {
  // Plain variables: clang before 16 cannot capture structured bindings in a lambda.
  const auto sort_order = sort_key(sort, fallback);
  const std::string& key = sort_order.first;
  const bool descending = sort_order.second;
  auto tie = [](const PositionView& view) { return std::tie(view.agency_code, view.position.code); };
  std::stable_sort(views.begin(), views.end(), [&](const PositionView& left, const PositionView& right) {
    const PositionView& a = descending ? right : left;
    const PositionView& b = descending ? left : right;
    if (key == "title") {
      return std::tie(a.position.title, a.agency_code) < std::tie(b.position.title, b.agency_code);
    }
    if (key == "level") {
      return std::make_tuple(static_cast<int>(a.position.level), a.agency_code, a.position.code) <
             std::make_tuple(static_cast<int>(b.position.level), b.agency_code, b.position.code);
    }
    if (key == "state") {
      return std::make_tuple(state_order(a.status.state), a.agency_code, a.position.code) <
             std::make_tuple(state_order(b.status.state), b.agency_code, b.position.code);
    }
    if (key == "days") {
      // Longest without a definitive holder first: "oldest first" on the vacancy board.
      return std::make_tuple(-a.status.days_without_definitive, a.agency_code, a.position.code) <
             std::make_tuple(-b.status.days_without_definitive, b.agency_code, b.position.code);
    }
    return tie(a) < tie(b);
  });
}

// Heads of the agency first, then heads of units, then by level and code.
void sort_for_chart(std::vector<PositionView>& views) {
  std::stable_sort(views.begin(), views.end(), [](const PositionView& a, const PositionView& b) {
    return std::make_tuple(!a.position.is_agency_head, !a.position.is_unit_head,
                           static_cast<int>(a.position.level), a.position.code) <
           std::make_tuple(!b.position.is_agency_head, !b.position.is_unit_head,
                           static_cast<int>(b.position.level), b.position.code);
  });
}

bool matches_search(const PositionView& view, const std::optional<std::string>& search) {
  if (!search) {
    return true;
  }
  const std::string needle = lower_ascii(*search);
  if (contains_folded(view.position.title, needle) || contains_folded(view.position.code, needle)) {
    return true;
  }
  auto holder_matches = [&](const Holder& holder) {
    return contains_folded(holder.name, needle) || holder.nip.find(*search) != std::string::npos;
  };
  if (view.holder && holder_matches(*view.holder)) {
    return true;
  }
  return std::any_of(view.acting.begin(), view.acting.end(), holder_matches);
}

// The assignments of a post and of a person, with the names check_assignment quotes.
Result<std::pair<std::vector<ExistingAssignment>, std::vector<ExistingAssignment>>> existing_for(
    OrganizationStore& store, RegionId region, PositionId position, PersonId person) {
  AssignmentFilter by_position;
  by_position.position = position;
  AssignmentFilter by_person;
  by_person.person = person;
  auto of_position = TRY(store.assignments(region, by_position));
  auto of_person = TRY(store.assignments(region, by_person));
  std::vector<PersonId> person_ids;
  for (const auto& assignment : of_position) {
    person_ids.push_back(assignment.person_id);
  }
  person_ids.push_back(person);
  std::unordered_map<std::int64_t, std::string> names;
  for (const auto& record : TRY(store.people_by_ids(region, person_ids))) {
    names.emplace(record.id.value(), record.name);
  }
  std::unordered_map<std::int64_t, std::string> titles;
  for (const auto& record : TRY(store.positions(region, std::nullopt))) {
    titles.emplace(record.id.value(), record.title);
  }
  auto existing = [&](const AssignmentRecord& assignment) {
    return ExistingAssignment{AssignmentSpan{assignment.id.value(), assignment.person_id.value(),
                                             assignment.kind, assignment.starts_on, assignment.ends_on},
                              assignment.position_id.value(), titles[assignment.position_id.value()],
                              names[assignment.person_id.value()]};
  };
  std::pair<std::vector<ExistingAssignment>, std::vector<ExistingAssignment>> result;
  for (const auto& assignment : of_position) {
    result.first.push_back(existing(assignment));
  }
  for (const auto& assignment : of_person) {
    result.second.push_back(existing(assignment));
  }
  return result;
}

// Would `parent` (or one of its ancestors) be `unit` itself?
bool creates_cycle(const std::vector<UnitRecord>& units, UnitId unit, std::optional<UnitId> parent) {
  std::size_t steps = 0;
  while (parent && steps++ <= units.size()) {
    if (*parent == unit) {
      return true;
    }
    auto found = std::find_if(units.begin(), units.end(),
                              [&](const UnitRecord& record) { return record.id == *parent; });
    parent = found == units.end() ? std::nullopt : found->parent_id;
  }
  return false;
}

}  // namespace

OrganizationService::OrganizationService(OrganizationRepository& repository, const Clock& clock,
                                         OrganizationOptions options)
    : repository_(repository), clock_(clock), options_(options) {}

Date OrganizationService::today() const {
  return local_date(clock_.now(), options_.utc_offset);
}

// --- Regions ---

Result<std::vector<RegionRecord>> OrganizationService::list_regions(const Principal& caller) {
  RegionId region = TRY(region_of(caller));
  return read_transaction<std::vector<RegionRecord>>(
      repository_, [&](OrganizationStore& store) { return store.regions_under(region); });
}

Result<RegionRecord> OrganizationService::create_region(const Principal& caller, const RegionDraft& draft,
                                                        const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  return write_transaction<RegionRecord>(repository_, [&](OrganizationStore& store) -> Result<RegionRecord> {
    auto parent = TRY(store.find_region(region));
    if (!parent) {
      return not_found("Wilayah");
    }
    std::vector<FieldError> errors;
    auto code = parse_region_code(trim_ascii_whitespace(draft.code));
    std::string region_name(trim_ascii_whitespace(draft.name));
    check_text_field(region_name, kMaxNameCharacters, errors, "name");
    if (!code.ok()) {
      const auto& fields = code.error().fields();
      errors.insert(errors.end(), fields.begin(), fields.end());
      return validation_result(errors).error();
    }
    auto parent_problems = check_region_parent(code.value(), parent->code);
    errors.insert(errors.end(), parent_problems.begin(), parent_problems.end());
    if (errors.empty() && TRY(store.find_region_by_code(code.value().code))) {
      add_field_error(errors, "code", "kode wilayah " + code.value().code + " sudah terdaftar",
                      "region code " + code.value().code + " is already registered");
    }
    TRY(validation_result(std::move(errors)));
    RegionRecord record;
    record.code = code.value().code;
    record.name = region_name;
    record.level = std::string(name(code.value().level));
    record.parent_id = parent->id;
    RegionRecord stored = TRY(store.insert_region(record));
    TRY(store.append_audit(audit::event_for(
        audit::actor_of(caller), region.value(), "region.create", "region", stored.id.to_string(),
        audit::diff_fields(nullptr, region_json(stored, parent->code)), context)));
    return stored;
  });
}

Result<RegionRecord> OrganizationService::rename_region(const Principal& caller, const std::string& code,
                                                        const std::string& name, const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  std::vector<FieldError> errors;
  std::string new_name(trim_ascii_whitespace(name));
  check_text_field(new_name, kMaxNameCharacters, errors, "name");
  TRY(validation_result(std::move(errors)));
  return write_transaction<RegionRecord>(repository_, [&](OrganizationStore& store) -> Result<RegionRecord> {
    auto regions = TRY(store.regions_under(region));
    auto found =
        std::find_if(regions.begin(), regions.end(), [&](const RegionRecord& r) { return r.code == code; });
    if (found == regions.end()) {
      return not_found("Wilayah");
    }
    RegionRecord after = *found;
    after.name = new_name;
    TRY(store.rename_region(found->id, new_name));
    TRY(store.append_audit(audit::event_for(audit::actor_of(caller), region.value(), "region.update",
                                            "region", found->id.to_string(),
                                            {audit::FieldChange{"name", found->name, new_name}}, context)));
    return after;
  });
}

// --- Agencies ---

Result<std::vector<AgencyRecord>> OrganizationService::region_agencies(RegionId region) {
  return read_transaction<std::vector<AgencyRecord>>(
      repository_, [&](OrganizationStore& store) { return store.agencies(region); });
}

Result<Page<AgencyView>> OrganizationService::list_agencies(const Principal& caller,
                                                            const AgencyQuery& query) {
  RegionId region = TRY(region_of(caller));
  Date on = today();
  return read_transaction<Page<AgencyView>>(
      repository_, [&](OrganizationStore& store) -> Result<Page<AgencyView>> {
        Registry registry = TRY(load_registry(store, region, std::nullopt));
        std::unordered_map<std::int64_t, std::int64_t> people;
        for (const auto& [agency, count] : TRY(store.people_per_agency(region))) {
          people.emplace(agency.value(), count);
        }
        const std::string needle = query.search ? lower_ascii(*query.search) : "";
        std::vector<AgencyView> views;
        for (const auto& agency : registry.agencies) {
          if (!may_read(caller, agency)) {
            continue;
          }
          if (query.search && !contains_folded(agency.code, needle) &&
              !contains_folded(agency.short_name, needle) && !contains_folded(agency.name, needle)) {
            continue;
          }
          if ((query.kind && agency.kind != *query.kind) ||
              (query.cluster && agency.cluster != query.cluster) ||
              (query.active && agency.active != *query.active)) {
            continue;
          }
          views.push_back(agency_view_of(agency, registry, on, people));
        }
        const auto sort_order = sort_key(query.page.sort, "code");
        const std::string& sort = sort_order.first;
        const bool descending = sort_order.second;
        std::stable_sort(views.begin(), views.end(), [&](const AgencyView& left, const AgencyView& right) {
          const AgencyRecord& a = descending ? right.agency : left.agency;
          const AgencyRecord& b = descending ? left.agency : right.agency;
          if (sort == "name") {
            return a.name < b.name;
          }
          if (sort == "kind") {
            return std::tie(a.kind, a.code) < std::tie(b.kind, b.code);
          }
          if (sort == "cluster") {
            return std::tie(a.cluster, a.code) < std::tie(b.cluster, b.code);
          }
          return a.code < b.code;
        });
        return page_of(std::move(views), query.page);
      });
}

Result<AgencyView> OrganizationService::get_agency(const Principal& caller, const std::string& code) {
  RegionId region = TRY(region_of(caller));
  Date on = today();
  return read_transaction<AgencyView>(repository_, [&](OrganizationStore& store) -> Result<AgencyView> {
    Registry registry = TRY(load_registry(store, region, std::nullopt));
    const AgencyRecord* agency = registry.agency_by_code(code);
    if (!agency || !may_read(caller, *agency)) {
      return not_found("Perangkat daerah");
    }
    std::unordered_map<std::int64_t, std::int64_t> people;
    for (const auto& [id, count] : TRY(store.people_per_agency(region))) {
      people.emplace(id.value(), count);
    }
    return agency_view_of(*agency, registry, on, people);
  });
}

Result<AgencyView> OrganizationService::create_agency(const Principal& caller, const AgencyDraft& draft,
                                                      const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  std::vector<FieldError> errors;
  AgencyRecord agency = validate_agency(draft, errors);
  TRY(validation_result(errors));
  TRY(write_transaction<bool>(repository_, [&](OrganizationStore& store) -> Result<bool> {
    for (const auto& existing : TRY(store.agencies(region))) {
      if (lower_ascii(existing.code) == lower_ascii(agency.code)) {
        return Error::with_fields(
            ErrorCode::ValidationFailed,
            {FieldError{"code", "kode " + agency.code + " sudah dipakai " + existing.name,
                        "code " + agency.code + " is already used by " + existing.name}});
      }
    }
    AgencyRecord stored = TRY(store.insert_agency(region, agency));
    TRY(store.append_audit(audit::event_for(
        audit::actor_of(caller), region.value(), "agency.create", "agency", stored.id.to_string(),
        audit::diff_fields(nullptr, agency_record_json(stored)), context)));
    return true;
  }));
  return get_agency(caller, agency.code);
}

Result<AgencyView> OrganizationService::update_agency(const Principal& caller, const std::string& code,
                                                      const AgencyChanges& changes,
                                                      const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  TRY(write_transaction<bool>(repository_, [&](OrganizationStore& store) -> Result<bool> {
    auto agencies = TRY(store.agencies(region));
    const AgencyRecord* found = agency_with_code(agencies, code);
    if (found == nullptr) {
      return not_found("Perangkat daerah");
    }
    const AgencyRecord before = *found;
    if (changes.version != before.version) {
      return stale_version("Perangkat daerah");
    }
    AgencyDraft draft;
    draft.code = before.code;
    draft.short_name = changes.short_name.value_or(before.short_name);
    draft.name = changes.name.value_or(before.name);
    draft.kind = changes.kind.value_or(std::string(name(before.kind)));
    draft.cluster = changes.cluster ? *changes.cluster : before.cluster;
    auto date_or = [](const std::optional<std::optional<std::string>>& change,
                      const std::optional<Date>& stored) {
      if (change) {
        return *change;
      }
      return stored ? std::optional<std::string>(format_iso_date(*stored)) : std::nullopt;
    };
    draft.active_from = date_or(changes.active_from, before.active_from);
    draft.active_until = date_or(changes.active_until, before.active_until);
    std::vector<FieldError> errors;
    AgencyRecord after = validate_agency(draft, errors);
    TRY(validation_result(std::move(errors)));
    after.id = before.id;
    after.version = before.version;
    after.active = changes.active.value_or(before.active);
    if (!TRY(store.update_agency(region, after))) {
      return stale_version("Perangkat daerah");
    }
    after.version = before.version + 1;
    auto diff = audit::diff_fields(agency_record_json(before), agency_record_json(after));
    std::string action = "agency.update";
    if (before.active != after.active) {
      action = after.active ? "agency.activate" : "agency.deactivate";
    }
    TRY(store.append_audit(audit::event_for(audit::actor_of(caller), region.value(), action, "agency",
                                            before.id.to_string(), std::move(diff), context)));
    return true;
  }));
  return get_agency(caller, code);
}

Result<OrganizationChart> OrganizationService::chart(const Principal& caller,
                                                     const std::string& agency_code) {
  RegionId region = TRY(region_of(caller));
  Date on = today();
  return read_transaction<OrganizationChart>(
      repository_, [&](OrganizationStore& store) -> Result<OrganizationChart> {
        auto agencies = TRY(store.agencies(region));
        const AgencyRecord* found = TRY(readable_agency(agencies, caller, agency_code));
        Registry registry = TRY(load_registry(store, region, found->id));
        std::unordered_map<std::int64_t, std::int64_t> people;
        for (const auto& [id, count] : TRY(store.people_per_agency(region))) {
          people.emplace(id.value(), count);
        }
        const AgencyRecord* agency = registry.agency_by_code(agency_code);
        OrganizationChart chart;
        chart.agency = agency_view_of(*agency, registry, on, people);
        std::map<std::optional<std::int64_t>, std::vector<PositionView>> by_unit;
        for (const auto& position : registry.positions) {
          if (!position.active) {
            continue;
          }
          std::optional<std::int64_t> unit;
          if (position.unit_id) {
            unit = position.unit_id->value();
          }
          by_unit[unit].push_back(view_of(position, registry, on));
        }
        for (auto& [unit, views] : by_unit) {
          sort_for_chart(views);
        }
        chart.positions = std::move(by_unit[std::nullopt]);
        // Builds the subtree of `parent` (nullopt: the top-level units).
        std::function<std::vector<ChartNode>(std::optional<UnitId>, std::size_t)> children_of =
            [&](std::optional<UnitId> parent, std::size_t depth) {
              std::vector<ChartNode> nodes;
              if (depth > registry.units.size()) {
                return nodes;  // a cycle in stored data must not hang the request
              }
              for (const auto& unit : registry.units) {
                if (!unit.active || unit.parent_id != parent) {
                  continue;
                }
                ChartNode node;
                node.unit = unit;
                node.positions = std::move(by_unit[unit.id.value()]);
                node.children = children_of(unit.id, depth + 1);
                nodes.push_back(std::move(node));
              }
              return nodes;
            };
        chart.units = children_of(std::nullopt, 0);
        return chart;
      });
}

// --- Units ---

Result<std::vector<UnitRecord>> OrganizationService::list_units(const Principal& caller,
                                                                const std::string& agency_code) {
  RegionId region = TRY(region_of(caller));
  return read_transaction<std::vector<UnitRecord>>(
      repository_, [&](OrganizationStore& store) -> Result<std::vector<UnitRecord>> {
        auto agencies = TRY(store.agencies(region));
        const AgencyRecord* found = TRY(readable_agency(agencies, caller, agency_code));
        return store.units(region, found->id);
      });
}

Result<UnitRecord> OrganizationService::create_unit(const Principal& caller, const UnitDraft& draft,
                                                    const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  return write_transaction<UnitRecord>(repository_, [&](OrganizationStore& store) -> Result<UnitRecord> {
    std::vector<FieldError> errors;
    UnitRecord unit = validate_unit(draft, errors);
    auto agencies = TRY(store.agencies(region));
    const AgencyRecord* agency = agency_for_field(agencies, draft.agency_code, errors);
    if (agency == nullptr) {
      return validation_result(errors).error();
    }
    unit.agency_id = agency->id;
    auto units = TRY(store.units(region, agency->id));
    if (draft.parent_id) {
      if (std::none_of(units.begin(), units.end(),
                       [&](const UnitRecord& u) { return u.id.value() == *draft.parent_id; })) {
        add_field_error(errors, "parent_id", "unit induk tidak ada di perangkat daerah ini",
                        "the parent unit is not in this agency");
      } else {
        unit.parent_id = UnitId(*draft.parent_id);
      }
    }
    if (std::any_of(units.begin(), units.end(), [&](const UnitRecord& u) { return u.code == unit.code; })) {
      add_field_error(errors, "code", "kode unit " + unit.code + " sudah dipakai di perangkat daerah ini",
                      "unit code " + unit.code + " is already used in this agency");
    }
    TRY(validation_result(std::move(errors)));
    UnitRecord stored = TRY(store.insert_unit(region, unit));
    TRY(store.append_audit(audit::event_for(
        audit::actor_of(caller), region.value(), "unit.create", "unit", stored.id.to_string(),
        audit::diff_fields(nullptr, unit_json(stored, agency->code)), context)));
    return stored;
  });
}

Result<UnitRecord> OrganizationService::update_unit(const Principal& caller, UnitId id,
                                                    const UnitChanges& changes, const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  return write_transaction<UnitRecord>(repository_, [&](OrganizationStore& store) -> Result<UnitRecord> {
    auto all_units = TRY(store.units(region, std::nullopt));
    auto found =
        std::find_if(all_units.begin(), all_units.end(), [&](const UnitRecord& u) { return u.id == id; });
    if (found == all_units.end()) {
      return not_found("Unit kerja");
    }
    const UnitRecord before = *found;
    if (changes.version != before.version) {
      return stale_version("Unit kerja");
    }
    UnitDraft draft;
    draft.code = before.code;
    draft.name = changes.name.value_or(before.name);
    draft.kind = changes.kind.value_or(std::string(name(before.kind)));
    std::vector<FieldError> errors;
    UnitRecord after = validate_unit(draft, errors);
    after.id = before.id;
    after.agency_id = before.agency_id;
    after.version = before.version;
    after.active = changes.active.value_or(before.active);
    after.parent_id = before.parent_id;
    if (changes.parent_id) {
      after.parent_id =
          *changes.parent_id ? std::optional<UnitId>(UnitId(**changes.parent_id)) : std::nullopt;
      if (after.parent_id) {
        auto parent = std::find_if(all_units.begin(), all_units.end(),
                                   [&](const UnitRecord& u) { return u.id == *after.parent_id; });
        if (parent == all_units.end() || parent->agency_id != before.agency_id) {
          add_field_error(errors, "parent_id", "unit induk tidak ada di perangkat daerah ini",
                          "the parent unit is not in this agency");
        } else if (creates_cycle(all_units, before.id, after.parent_id)) {
          add_field_error(errors, "parent_id", "unit tidak boleh menjadi induk dari dirinya sendiri",
                          "a unit cannot become its own ancestor");
        }
      }
    }
    TRY(validation_result(std::move(errors)));
    if (!TRY(store.update_unit(region, after))) {
      return stale_version("Unit kerja");
    }
    after.version = before.version + 1;
    TRY(store.append_audit(audit::event_for(
        audit::actor_of(caller), region.value(), "unit.update", "unit", before.id.to_string(),
        audit::diff_fields(unit_json(before, ""), unit_json(after, "")), context)));
    return after;
  });
}

// --- Positions ---

Result<Page<PositionView>> OrganizationService::list_positions(const Principal& caller,
                                                               const PositionQuery& query) {
  RegionId region = TRY(region_of(caller));
  Date on = today();
  return read_transaction<Page<PositionView>>(
      repository_, [&](OrganizationStore& store) -> Result<Page<PositionView>> {
        std::optional<AgencyId> only;
        if (query.agency_code) {
          auto agencies = TRY(store.agencies(region));
          only = TRY(readable_agency(agencies, caller, *query.agency_code))->id;
        }
        Registry registry = TRY(load_registry(store, region, only));
        std::vector<PositionView> views;
        for (const auto& position : registry.positions) {
          const AgencyRecord* agency = registry.agency_by_id.at(position.agency_id.value());
          if (!may_read(caller, *agency)) {
            continue;
          }
          if ((query.unit_id && position.unit_id != query.unit_id) ||
              (query.level && position.level != *query.level) ||
              (query.head_only && !position.is_agency_head) ||
              (query.cluster && agency->cluster != query.cluster)) {
            continue;
          }
          if (query.vacancies_only && (!position.active || !agency->active)) {
            continue;
          }
          PositionView view = view_of(position, registry, on);
          if ((query.state && view.status.state != *query.state) ||
              (query.vacancies_only && view.status.state == PositionState::filled) ||
              (query.alert_only && !view.alert) || !matches_search(view, query.search)) {
            continue;
          }
          views.push_back(std::move(view));
        }
        sort_positions(views, query.page.sort, query.vacancies_only ? "days" : "agency");
        return page_of(std::move(views), query.page);
      });
}

Result<VacancyBoard> OrganizationService::vacancy_board(const Principal& caller, PositionQuery query) {
  query.vacancies_only = true;
  VacancyBoard board;
  // The summary counts the whole scope (all filters but paging), so it matches the list.
  PositionQuery everything = query;
  everything.page = PageRequest{1, 0, query.page.sort};
  everything.alert_only = false;
  everything.state.reset();
  Page<PositionView> all = TRY(list_positions(caller, everything));
  std::map<std::string, std::pair<bool, bool>> heads;  // agency -> (acting head, vacant head)
  for (const auto& view : all.items) {
    if (view.status.state == PositionState::vacant) {
      ++board.summary.vacant;
    } else {
      ++board.summary.acting;
    }
    if (view.alert) {
      ++board.summary.alerts;
    }
    if (view.position.is_agency_head) {
      auto& [acting, vacant] = heads[view.agency_code];
      acting = acting || view.status.state == PositionState::acting;
      vacant = vacant || view.status.state == PositionState::vacant;
    }
  }
  for (const auto& [agency, state] : heads) {
    board.summary.agencies_led_by_acting += state.first ? 1 : 0;
    board.summary.agencies_with_vacant_head += state.second ? 1 : 0;
  }
  AgencyQuery agencies;
  agencies.active = true;
  agencies.cluster = query.cluster;
  agencies.page = PageRequest{1, 0, ""};
  Page<AgencyView> visible = TRY(list_agencies(caller, agencies));
  board.summary.agencies_total = visible.total;
  board.summary.alert_days = TRY(vacancy_alert_days(caller));
  if (query.page.page_size == 0 && !query.alert_only && !query.state) {
    board.page = std::move(all);
    return board;
  }
  board.page = TRY(list_positions(caller, query));
  return board;
}

Result<PositionDetail> OrganizationService::get_position(const Principal& caller, PositionId id) {
  RegionId region = TRY(region_of(caller));
  Date on = today();
  return read_transaction<PositionDetail>(
      repository_, [&](OrganizationStore& store) -> Result<PositionDetail> {
        auto positions = TRY(store.positions(region, std::nullopt));
        auto found = std::find_if(positions.begin(), positions.end(),
                                  [&](const PositionRecord& p) { return p.id == id; });
        if (found == positions.end()) {
          return not_found("Jabatan");
        }
        Registry registry = TRY(load_registry(store, region, found->agency_id));
        const AgencyRecord* agency = registry.agency_by_id.at(found->agency_id.value());
        if (!may_read(caller, *agency)) {
          return not_found("Jabatan");
        }
        PositionDetail detail;
        detail.view = view_of(*found, registry, on);
        auto assignments = registry.assignments_by_position[id.value()];
        for (auto it = assignments.rbegin(); it != assignments.rend(); ++it) {
          auto person = registry.people.find(it->person_id.value());
          detail.history.push_back(assignment_view_of(
              *it, person == registry.people.end() ? nullptr : &person->second, &*found, agency, on));
        }
        return detail;
      });
}

Result<PositionView> OrganizationService::create_position(const Principal& caller, const PositionDraft& draft,
                                                          const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  PositionId created{0};
  TRY(write_transaction<bool>(repository_, [&](OrganizationStore& store) -> Result<bool> {
    std::vector<FieldError> errors;
    PositionRecord position = validate_position(draft, errors);
    auto agencies = TRY(store.agencies(region));
    const AgencyRecord* agency = agency_for_field(agencies, draft.agency_code, errors);
    if (agency == nullptr) {
      return validation_result(errors).error();
    }
    position.agency_id = agency->id;
    if (draft.unit_id) {
      auto units = TRY(store.units(region, agency->id));
      if (std::none_of(units.begin(), units.end(),
                       [&](const UnitRecord& u) { return u.id.value() == *draft.unit_id; })) {
        add_field_error(errors, "unit_id", "unit tidak ada di perangkat daerah ini",
                        "the unit is not in this agency");
      } else {
        position.unit_id = UnitId(*draft.unit_id);
      }
    }
    auto existing = TRY(store.positions(region, agency->id));
    if (std::any_of(existing.begin(), existing.end(),
                    [&](const PositionRecord& p) { return p.code == position.code; })) {
      add_field_error(errors, "code",
                      "kode jabatan " + position.code + " sudah dipakai di perangkat daerah ini",
                      "position code " + position.code + " is already used in this agency");
    }
    if (position.is_agency_head && std::any_of(existing.begin(), existing.end(), [](const PositionRecord& p) {
          return p.is_agency_head && p.active;
        })) {
      add_field_error(errors, "is_agency_head", "perangkat daerah ini sudah memiliki jabatan kepala",
                      "this agency already has a head-of-agency post");
    }
    TRY(validation_result(std::move(errors)));
    PositionRecord stored = TRY(store.insert_position(region, position));
    created = stored.id;
    TRY(store.append_audit(audit::event_for(
        audit::actor_of(caller), region.value(), "position.create", "position", stored.id.to_string(),
        audit::diff_fields(nullptr, position_record_json(stored)), context)));
    return true;
  }));
  return TRY(get_position(caller, created)).view;
}

Result<PositionView> OrganizationService::update_position(const Principal& caller, PositionId id,
                                                          const PositionChanges& changes,
                                                          const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  TRY(write_transaction<bool>(repository_, [&](OrganizationStore& store) -> Result<bool> {
    auto positions = TRY(store.positions(region, std::nullopt));
    auto found =
        std::find_if(positions.begin(), positions.end(), [&](const PositionRecord& p) { return p.id == id; });
    if (found == positions.end()) {
      return not_found("Jabatan");
    }
    const PositionRecord before = *found;
    if (changes.version != before.version) {
      return stale_version("Jabatan");
    }
    PositionDraft draft;
    draft.code = before.code;
    draft.title = changes.title.value_or(before.title);
    draft.level = changes.level.value_or(std::string(name(before.level)));
    draft.is_agency_head = changes.is_agency_head.value_or(before.is_agency_head);
    draft.is_unit_head = changes.is_unit_head.value_or(before.is_unit_head);
    draft.established_on = format_iso_date(before.established_on);
    std::vector<FieldError> errors;
    PositionRecord after = validate_position(draft, errors);
    after.id = before.id;
    after.agency_id = before.agency_id;
    after.version = before.version;
    after.active = changes.active.value_or(before.active);
    after.unit_id = before.unit_id;
    if (changes.unit_id) {
      after.unit_id = *changes.unit_id ? std::optional<UnitId>(UnitId(**changes.unit_id)) : std::nullopt;
      if (after.unit_id) {
        auto units = TRY(store.units(region, before.agency_id));
        if (std::none_of(units.begin(), units.end(),
                         [&](const UnitRecord& u) { return u.id == *after.unit_id; })) {
          add_field_error(errors, "unit_id", "unit tidak ada di perangkat daerah ini",
                          "the unit is not in this agency");
        }
      }
    }
    if (after.is_agency_head && after.active &&
        std::any_of(positions.begin(), positions.end(), [&](const PositionRecord& p) {
          return p.agency_id == before.agency_id && p.id != before.id && p.is_agency_head && p.active;
        })) {
      add_field_error(errors, "is_agency_head", "perangkat daerah ini sudah memiliki jabatan kepala",
                      "this agency already has a head-of-agency post");
    }
    TRY(validation_result(std::move(errors)));
    if (!TRY(store.update_position(region, after))) {
      return stale_version("Jabatan");
    }
    after.version = before.version + 1;
    TRY(store.append_audit(audit::event_for(
        audit::actor_of(caller), region.value(), "position.update", "position", before.id.to_string(),
        audit::diff_fields(position_record_json(before), position_record_json(after)), context)));
    return true;
  }));
  return TRY(get_position(caller, id)).view;
}

// --- People ---

Result<Page<PersonView>> OrganizationService::list_people(const Principal& caller,
                                                          const PersonListQuery& query) {
  RegionId region = TRY(region_of(caller));
  Date on = today();
  return read_transaction<Page<PersonView>>(
      repository_, [&](OrganizationStore& store) -> Result<Page<PersonView>> {
        auto agencies = TRY(store.agencies(region));
        std::unordered_map<std::int64_t, const AgencyRecord*> agency_by_id;
        std::vector<AgencyId> visible;
        for (const auto& agency : agencies) {
          agency_by_id.emplace(agency.id.value(), &agency);
          if (may_read(caller, agency)) {
            visible.push_back(agency.id);
          }
        }
        PersonQuery request;
        request.search = query.search;
        request.employment_status = query.employment_status;
        request.active = query.active;
        if (query.agency_code) {
          request.agencies =
              std::vector<AgencyId>{TRY(readable_agency(agencies, caller, *query.agency_code))->id};
        } else if (visible.size() != agencies.size()) {
          request.agencies = visible;  // people of no agency are seen only region-wide
        }
        auto [key, descending] = sort_key(query.page.sort, "name");
        request.sort = key == "nip"      ? PersonSort::nip
                       : key == "agency" ? PersonSort::agency
                                         : PersonSort::name;
        request.descending = descending;
        request.limit = query.page.page_size;
        request.offset = query.page.page_size > 0 ? (query.page.page - 1) * query.page.page_size : 0;
        PersonPage people = TRY(store.search_people(region, request));

        std::vector<PersonId> ids;
        for (const auto& person : people.items) {
          ids.push_back(person.id);
        }
        AssignmentFilter filter;
        filter.people = ids;
        std::unordered_map<std::int64_t, std::vector<AssignmentRecord>> current;
        for (auto& assignment : TRY(store.assignments(region, filter))) {
          if (assignment.starts_on <= on && (!assignment.ends_on || on <= *assignment.ends_on)) {
            current[assignment.person_id.value()].push_back(std::move(assignment));
          }
        }
        std::unordered_map<std::int64_t, PositionRecord> positions;
        if (!current.empty()) {
          for (auto& position : TRY(store.positions(region, std::nullopt))) {
            positions.emplace(position.id.value(), std::move(position));
          }
        }
        Page<PersonView> page;
        page.total = people.total;
        page.page = query.page.page;
        page.page_size = query.page.page_size;
        for (auto& person : people.items) {
          PersonView view;
          if (person.agency_id) {
            if (auto agency = agency_by_id.find(person.agency_id->value()); agency != agency_by_id.end()) {
              view.agency_code = agency->second->code;
              view.agency_name = agency->second->name;
            }
          }
          for (const auto& assignment : current[person.id.value()]) {
            auto position = positions.find(assignment.position_id.value());
            const PositionRecord* post = position == positions.end() ? nullptr : &position->second;
            const AgencyRecord* agency = post ? agency_by_id[post->agency_id.value()] : nullptr;
            view.current_assignments.push_back(assignment_view_of(assignment, &person, post, agency, on));
          }
          view.person = std::move(person);
          page.items.push_back(std::move(view));
        }
        return page;
      });
}

Result<PersonDetail> OrganizationService::get_person(const Principal& caller, PersonId id) {
  RegionId region = TRY(region_of(caller));
  Date on = today();
  return read_transaction<PersonDetail>(repository_, [&](OrganizationStore& store) -> Result<PersonDetail> {
    auto person = TRY(store.find_person(region, id));
    if (!person) {
      return not_found("Pegawai");
    }
    auto agencies = TRY(store.agencies(region));
    std::unordered_map<std::int64_t, const AgencyRecord*> agency_by_id;
    for (const auto& agency : agencies) {
      agency_by_id.emplace(agency.id.value(), &agency);
    }
    const AgencyRecord* home = person->agency_id ? agency_by_id[person->agency_id->value()] : nullptr;
    bool visible = home ? may_read(caller, *home)
                        : std::all_of(agencies.begin(), agencies.end(),
                                      [&](const AgencyRecord& agency) { return may_read(caller, agency); });
    if (!visible) {
      return not_found("Pegawai");
    }
    AssignmentFilter filter;
    filter.person = id;
    auto assignments = TRY(store.assignments(region, filter));
    std::unordered_map<std::int64_t, PositionRecord> positions;
    for (auto& position : TRY(store.positions(region, std::nullopt))) {
      positions.emplace(position.id.value(), std::move(position));
    }
    PersonDetail detail;
    detail.view.person = *person;
    if (home) {
      detail.view.agency_code = home->code;
      detail.view.agency_name = home->name;
    }
    for (auto it = assignments.rbegin(); it != assignments.rend(); ++it) {
      auto position = positions.find(it->position_id.value());
      const PositionRecord* post = position == positions.end() ? nullptr : &position->second;
      const AgencyRecord* agency = post ? agency_by_id[post->agency_id.value()] : nullptr;
      AssignmentView view = assignment_view_of(*it, &*person, post, agency, on);
      if (view.current) {
        detail.view.current_assignments.push_back(view);
      }
      detail.assignments.push_back(std::move(view));
    }
    return detail;
  });
}

Result<PersonView> OrganizationService::create_person(const Principal& caller, const PersonDraft& draft,
                                                      const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  PersonId created{0};
  TRY(write_transaction<bool>(repository_, [&](OrganizationStore& store) -> Result<bool> {
    std::vector<FieldError> errors;
    PersonRecord person = validate_person(draft, errors);
    if (draft.agency_code && !draft.agency_code->empty()) {
      auto agencies = TRY(store.agencies(region));
      if (const AgencyRecord* agency = agency_for_field(agencies, *draft.agency_code, errors)) {
        person.agency_id = agency->id;
      }
    }
    if (errors.empty()) {
      if (auto existing = TRY(store.find_person_by_nip(region, person.nip))) {
        add_field_error(errors, "nip", "NIP " + person.nip + " sudah terdaftar atas nama " + existing->name,
                        "NIP " + person.nip + " is already registered to " + existing->name);
      }
    }
    TRY(validation_result(std::move(errors)));
    PersonRecord stored = TRY(store.insert_person(region, person));
    created = stored.id;
    TRY(store.append_audit(audit::event_for(
        audit::actor_of(caller), region.value(), "person.create", "person", stored.id.to_string(),
        audit::diff_fields(nullptr, person_record_json(stored)), context)));
    return true;
  }));
  return TRY(get_person(caller, created)).view;
}

Result<PersonView> OrganizationService::update_person(const Principal& caller, PersonId id,
                                                      const PersonChanges& changes,
                                                      const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  TRY(write_transaction<bool>(repository_, [&](OrganizationStore& store) -> Result<bool> {
    auto found = TRY(store.find_person(region, id));
    if (!found) {
      return not_found("Pegawai");
    }
    const PersonRecord before = *found;
    if (changes.version != before.version) {
      return stale_version("Data pegawai");
    }
    PersonDraft draft;
    draft.nip = before.nip;
    draft.name = changes.name.value_or(before.name);
    draft.rank_grade = changes.rank_grade.value_or(before.rank_grade);
    draft.employment_status = changes.employment_status.value_or(std::string(name(before.employment_status)));
    std::vector<FieldError> errors;
    PersonRecord after = validate_person(draft, errors);
    after.id = before.id;
    after.version = before.version;
    after.active = changes.active.value_or(before.active);
    after.agency_id = before.agency_id;
    if (changes.agency_code) {
      after.agency_id.reset();
      if (*changes.agency_code && !(*changes.agency_code)->empty()) {
        auto agencies = TRY(store.agencies(region));
        if (const AgencyRecord* agency = agency_for_field(agencies, **changes.agency_code, errors)) {
          after.agency_id = agency->id;
        }
      }
    }
    TRY(validation_result(std::move(errors)));
    if (!TRY(store.update_person(region, after))) {
      return stale_version("Data pegawai");
    }
    after.version = before.version + 1;
    std::string action = "person.update";
    if (before.active != after.active) {
      action = after.active ? "person.activate" : "person.deactivate";
    }
    TRY(store.append_audit(audit::event_for(
        audit::actor_of(caller), region.value(), action, "person", before.id.to_string(),
        audit::diff_fields(person_record_json(before), person_record_json(after)), context)));
    return true;
  }));
  return TRY(get_person(caller, id)).view;
}

// --- Assignments ---

Result<AssignmentView> OrganizationService::create_assignment(const Principal& caller,
                                                              const AssignmentDraft& draft,
                                                              const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  Date on = today();
  return write_transaction<AssignmentView>(
      repository_, [&](OrganizationStore& store) -> Result<AssignmentView> {
        std::vector<FieldError> errors;
        AssignmentRecord assignment = validate_assignment(draft, errors);
        auto person = TRY(store.find_person(region, PersonId(draft.person_id)));
        if (!person) {
          add_field_error(errors, "person_id", "pegawai tidak ditemukan", "the person is not found");
        } else if (!person->active) {
          add_field_error(errors, "person_id", person->name + " tidak aktif",
                          person->name + " is not active");
        }
        auto positions = TRY(store.positions(region, std::nullopt));
        auto position = std::find_if(positions.begin(), positions.end(), [&](const PositionRecord& p) {
          return p.id.value() == draft.position_id;
        });
        if (position == positions.end()) {
          add_field_error(errors, "position_id", "jabatan tidak ditemukan", "the position is not found");
        } else if (!position->active) {
          add_field_error(errors, "position_id", "jabatan " + position->title + " tidak aktif",
                          "the position " + position->title + " is not active");
        }
        TRY(validation_result(std::move(errors)));
        auto [same_position, same_person] = TRY(existing_for(store, region, position->id, person->id));
        AssignmentCandidate candidate{std::nullopt,    person->id.value(),   position->id.value(),
                                      assignment.kind, assignment.starts_on, assignment.ends_on};
        TRY(validation_result(check_assignment(candidate, same_position, same_person)));
        AssignmentRecord stored = TRY(store.insert_assignment(region, assignment));
        auto agencies = TRY(store.agencies(region));
        auto agency = std::find_if(agencies.begin(), agencies.end(),
                                   [&](const AgencyRecord& a) { return a.id == position->agency_id; });
        TRY(store.append_audit(audit::event_for(
            audit::actor_of(caller), region.value(), "assignment.create", "assignment", stored.id.to_string(),
            audit::diff_fields(nullptr, assignment_record_json(stored)), context)));
        return assignment_view_of(stored, &*person, &*position, agency == agencies.end() ? nullptr : &*agency,
                                  on);
      });
}

Result<AssignmentView> OrganizationService::update_assignment(const Principal& caller, AssignmentId id,
                                                              const AssignmentChanges& changes,
                                                              const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  Date on = today();
  return write_transaction<AssignmentView>(
      repository_, [&](OrganizationStore& store) -> Result<AssignmentView> {
        auto all = TRY(store.assignments(region, AssignmentFilter{}));
        auto found =
            std::find_if(all.begin(), all.end(), [&](const AssignmentRecord& a) { return a.id == id; });
        if (found == all.end()) {
          return not_found("Penugasan");
        }
        const AssignmentRecord before = *found;
        if (changes.version != before.version) {
          return stale_version("Penugasan");
        }
        std::vector<FieldError> errors;
        AssignmentRecord after = before;
        if (changes.ends_on) {
          after.ends_on =
              *changes.ends_on ? check_date(**changes.ends_on, false, errors, "ends_on") : std::nullopt;
        }
        if (changes.decree_number) {
          after.decree_number = std::string(trim_ascii_whitespace(*changes.decree_number));
        }
        if (changes.note) {
          after.note = std::string(trim_ascii_whitespace(*changes.note));
        }
        TRY(validation_result(std::move(errors)));
        auto [same_position, same_person] =
            TRY(existing_for(store, region, before.position_id, before.person_id));
        AssignmentCandidate candidate{before.id.value(), before.person_id.value(), before.position_id.value(),
                                      before.kind,       after.starts_on,          after.ends_on};
        TRY(validation_result(check_assignment(candidate, same_position, same_person)));
        if (!TRY(store.update_assignment(region, after))) {
          return stale_version("Penugasan");
        }
        after.version = before.version + 1;
        std::string action = !before.ends_on && after.ends_on ? "assignment.end" : "assignment.update";
        TRY(store.append_audit(audit::event_for(
            audit::actor_of(caller), region.value(), action, "assignment", before.id.to_string(),
            audit::diff_fields(assignment_record_json(before), assignment_record_json(after)), context)));
        auto person = TRY(store.find_person(region, before.person_id));
        auto positions = TRY(store.positions(region, std::nullopt));
        auto position = std::find_if(positions.begin(), positions.end(),
                                     [&](const PositionRecord& p) { return p.id == before.position_id; });
        const PositionRecord* post = position == positions.end() ? nullptr : &*position;
        auto agencies = TRY(store.agencies(region));
        const AgencyRecord* agency = nullptr;
        for (const auto& record : agencies) {
          if (post && record.id == post->agency_id) {
            agency = &record;
          }
        }
        return assignment_view_of(after, person ? &*person : nullptr, post, agency, on);
      });
}

// --- Settings ---

Result<int> OrganizationService::vacancy_alert_days(const Principal& caller) {
  RegionId region = TRY(region_of(caller));
  return read_transaction<int>(repository_,
                               [&](OrganizationStore& store) { return stored_alert_days(store, region); });
}

Result<int> OrganizationService::set_vacancy_alert_days(const Principal& caller, int days,
                                                        const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_manager(caller));
  if (days < 1 || days > 3650) {
    return Error::with_fields(ErrorCode::ValidationFailed,
                              {FieldError{"vacancy_alert_days", "harus bilangan bulat 1 sampai 3650",
                                          "must be an integer from 1 to 3650"}});
  }
  return write_transaction<int>(repository_, [&](OrganizationStore& store) -> Result<int> {
    int before = TRY(stored_alert_days(store, region));
    TRY(store.put_setting(vacancy_setting_key(region), std::to_string(days)));
    TRY(store.append_audit(audit::event_for(audit::actor_of(caller), region.value(), "setting.update",
                                            "setting", std::string(kVacancyAlertDaysSetting),
                                            {audit::FieldChange{"vacancy_alert_days", before, days}},
                                            context)));
    return days;
  });
}

}  // namespace sinergi::organization
