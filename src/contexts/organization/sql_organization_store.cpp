// The SQL adapter of the organization port, one code path for SQLite and PostgreSQL.
//
// Every value reaches the database as a bound parameter (db::BoundQuery); every statement
// filters on region_id. Dates are stored as 'YYYY-MM-DD' text, enums by their API names.
#include <soci/soci.h>

#include "contexts/organization/organization_store.h"
#include "core/clock.h"
#include "core/input_text.h"
#include "platform/audit/audit_log.h"
#include "platform/db/bound_query.h"
#include "platform/db/bulk_insert.h"
#include "platform/db/database.h"
#include "platform/db/sql_repository.h"

namespace sinergi::organization {
namespace {

using db::BoundQuery;
using db::execute;
using db::for_each_row;
using db::NullableInteger;
using db::NullableText;
using db::optional_of;

// Rows are written only by this adapter from validated values; a value that does not parse
// would mean a newer binary wrote it. The epoch stands out in any list, unlike a guess.
Date stored_date(const std::string& text) {
  return parse_iso_date(text).value_or(Date{});
}

std::optional<Date> stored_optional_date(const std::string& text, soci::indicator indicator) {
  if (indicator != soci::i_ok) {
    return std::nullopt;
  }
  return parse_iso_date(text);
}

std::optional<std::string> date_text(const std::optional<Date>& date) {
  return date ? std::optional<std::string>(format_iso_date(*date)) : std::nullopt;
}

std::optional<std::int64_t> id_value(const auto& id) {
  return id ? std::optional<std::int64_t>(id->value()) : std::nullopt;
}

struct RegionColumns {
  long long id = 0;
  std::string code;
  std::string name;
  std::string level;
  long long parent_id = 0;
  soci::indicator parent_indicator = soci::i_null;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(level));
    statement.exchange(soci::into(parent_id, parent_indicator));
  }
  RegionRecord record() const {
    std::optional<RegionId> parent;
    if (parent_indicator == soci::i_ok) {
      parent = RegionId(parent_id);
    }
    return RegionRecord{RegionId(id), code, name, level, parent};
  }
};
constexpr std::string_view kRegionColumns = "SELECT id, code, name, level, parent_id FROM regions ";

struct AgencyColumns {
  long long id = 0;
  std::string code;
  std::string short_name;
  std::string name;
  std::string kind;
  std::string cluster;
  soci::indicator cluster_indicator = soci::i_null;
  int active = 1;
  std::string active_from;
  soci::indicator active_from_indicator = soci::i_null;
  std::string active_until;
  soci::indicator active_until_indicator = soci::i_null;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(short_name));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(cluster, cluster_indicator));
    statement.exchange(soci::into(active));
    statement.exchange(soci::into(active_from, active_from_indicator));
    statement.exchange(soci::into(active_until, active_until_indicator));
    statement.exchange(soci::into(version));
  }
  AgencyRecord record() const {
    AgencyRecord agency;
    agency.id = AgencyId(id);
    agency.code = code;
    agency.short_name = short_name;
    agency.name = name;
    agency.kind = parse_agency_kind(kind).value_or(AgencyKind::other);
    agency.cluster = optional_of(cluster, cluster_indicator);
    agency.active = active != 0;
    agency.active_from = stored_optional_date(active_from, active_from_indicator);
    agency.active_until = stored_optional_date(active_until, active_until_indicator);
    agency.version = version;
    return agency;
  }
};
constexpr std::string_view kAgencyColumns =
    "SELECT id, code, short_name, name, kind, cluster, active, active_from, active_until, version "
    "FROM agencies ";

struct UnitColumns {
  long long id = 0;
  long long agency_id = 0;
  long long parent_id = 0;
  soci::indicator parent_indicator = soci::i_null;
  std::string code;
  std::string name;
  std::string kind;
  int active = 1;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(agency_id));
    statement.exchange(soci::into(parent_id, parent_indicator));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(active));
    statement.exchange(soci::into(version));
  }
  UnitRecord record() const {
    UnitRecord unit;
    unit.id = UnitId(id);
    unit.agency_id = AgencyId(agency_id);
    if (parent_indicator == soci::i_ok) {
      unit.parent_id = UnitId(parent_id);
    }
    unit.code = code;
    unit.name = name;
    unit.kind = parse_unit_kind(kind).value_or(UnitKind::other);
    unit.active = active != 0;
    unit.version = version;
    return unit;
  }
};
constexpr std::string_view kUnitColumns =
    "SELECT id, agency_id, parent_id, code, name, kind, active, version FROM organization_units ";

struct PositionColumns {
  long long id = 0;
  long long agency_id = 0;
  long long unit_id = 0;
  soci::indicator unit_indicator = soci::i_null;
  std::string code;
  std::string title;
  std::string level;
  int is_agency_head = 0;
  int is_unit_head = 0;
  std::string established_on;
  int active = 1;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(agency_id));
    statement.exchange(soci::into(unit_id, unit_indicator));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(level));
    statement.exchange(soci::into(is_agency_head));
    statement.exchange(soci::into(is_unit_head));
    statement.exchange(soci::into(established_on));
    statement.exchange(soci::into(active));
    statement.exchange(soci::into(version));
  }
  PositionRecord record() const {
    PositionRecord position;
    position.id = PositionId(id);
    position.agency_id = AgencyId(agency_id);
    if (unit_indicator == soci::i_ok) {
      position.unit_id = UnitId(unit_id);
    }
    position.code = code;
    position.title = title;
    position.level = parse_position_level(level).value_or(PositionLevel::pelaksana);
    position.is_agency_head = is_agency_head != 0;
    position.is_unit_head = is_unit_head != 0;
    position.established_on = stored_date(established_on);
    position.active = active != 0;
    position.version = version;
    return position;
  }
};
constexpr std::string_view kPositionColumns =
    "SELECT id, agency_id, unit_id, code, title, level, is_agency_head, is_unit_head, established_on, "
    "active, "
    "version FROM positions ";

struct PersonColumns {
  long long id = 0;
  std::string nip;
  std::string name;
  std::string rank_grade;
  std::string employment_status;
  long long agency_id = 0;
  soci::indicator agency_indicator = soci::i_null;
  int active = 1;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(nip));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(rank_grade));
    statement.exchange(soci::into(employment_status));
    statement.exchange(soci::into(agency_id, agency_indicator));
    statement.exchange(soci::into(active));
    statement.exchange(soci::into(version));
  }
  PersonRecord record() const {
    PersonRecord person;
    person.id = PersonId(id);
    person.nip = nip;
    person.name = name;
    person.rank_grade = rank_grade;
    person.employment_status = parse_employment_status(employment_status).value_or(EmploymentStatus::pns);
    if (agency_indicator == soci::i_ok) {
      person.agency_id = AgencyId(agency_id);
    }
    person.active = active != 0;
    person.version = version;
    return person;
  }
};
constexpr std::string_view kPersonColumns =
    "SELECT p.id, p.nip, p.name, p.rank_grade, p.employment_status, p.agency_id, p.active, p.version "
    "FROM people p ";

struct AssignmentColumns {
  long long id = 0;
  long long person_id = 0;
  long long position_id = 0;
  std::string kind;
  std::string starts_on;
  std::string ends_on;
  soci::indicator ends_indicator = soci::i_null;
  std::string decree_number;
  std::string note;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(person_id));
    statement.exchange(soci::into(position_id));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(starts_on));
    statement.exchange(soci::into(ends_on, ends_indicator));
    statement.exchange(soci::into(decree_number));
    statement.exchange(soci::into(note));
    statement.exchange(soci::into(version));
  }
  AssignmentRecord record() const {
    AssignmentRecord assignment;
    assignment.id = AssignmentId(id);
    assignment.person_id = PersonId(person_id);
    assignment.position_id = PositionId(position_id);
    assignment.kind = parse_assignment_kind(kind).value_or(AssignmentKind::definitive);
    assignment.starts_on = stored_date(starts_on);
    assignment.ends_on = stored_optional_date(ends_on, ends_indicator);
    assignment.decree_number = decree_number;
    assignment.note = note;
    assignment.version = version;
    return assignment;
  }
};
constexpr std::string_view kAssignmentColumns =
    "SELECT a.id, a.person_id, a.position_id, a.kind, a.starts_on, a.ends_on, a.decree_number, a.note, "
    "a.version "
    "FROM assignments a ";

// " IN (:p0, :p1, ...)" over `ids`.
template <typename IdType>
void append_in_list(BoundQuery& query, const std::vector<IdType>& ids) {
  query.text(" IN (");
  for (std::size_t index = 0; index < ids.size(); ++index) {
    if (index > 0) {
      query.text(", ");
    }
    query.value(static_cast<long long>(ids[index].value()));
  }
  query.text(")");
}

// The rows of `columns` in a region, optionally of one agency, by agency then code.
BoundQuery of_region_and_agency(std::string_view columns, RegionId region, std::optional<AgencyId> agency) {
  BoundQuery query(columns);
  query.text("WHERE region_id = ").value(static_cast<long long>(region.value()));
  if (agency) {
    query.text(" AND agency_id = ").value(static_cast<long long>(agency->value()));
  }
  query.text(" ORDER BY agency_id, code");
  return query;
}

class SqlOrganizationStore final : public OrganizationStore {
 public:
  SqlOrganizationStore(soci::session& session, db::Backend backend, const Clock& clock)
      : session_(session), backend_(backend), clock_(clock) {}

  // --- Regions ---

  Result<std::optional<RegionRecord>> find_region(RegionId id) override {
    BoundQuery query(kRegionColumns);
    query.text("WHERE id = ").value(static_cast<long long>(id.value()));
    return first_region(query);
  }

  Result<std::optional<RegionRecord>> find_region_by_code(const std::string& code) override {
    BoundQuery query(kRegionColumns);
    query.text("WHERE code = ").value(code);
    return first_region(query);
  }

  Result<std::vector<RegionRecord>> regions_under(RegionId root) override {
    // Two levels (province, then its regencies and cities) are all Kemendagri has.
    BoundQuery query(kRegionColumns);
    query.text("WHERE id = ")
        .value(static_cast<long long>(root.value()))
        .text(" OR parent_id = ")
        .value(static_cast<long long>(root.value()))
        .text(" ORDER BY code");
    std::vector<RegionRecord> regions;
    RegionColumns columns;
    for_each_row(session_, query, columns, [&] { regions.push_back(columns.record()); });
    return regions;
  }

  Result<RegionRecord> insert_region(const RegionRecord& region) override {
    long long id = 0;
    NullableInteger parent(id_value(region.parent_id));
    session_ << "INSERT INTO regions (code, name, level, parent_id) VALUES (:code, :name, :level, :parent) "
                "RETURNING id",
        soci::use(region.code), soci::use(region.name), soci::use(region.level),
        soci::use(parent.value, parent.indicator), soci::into(id);
    RegionRecord stored = region;
    stored.id = RegionId(id);
    return stored;
  }

  Result<void> rename_region(RegionId id, const std::string& name) override {
    BoundQuery query("UPDATE regions SET name = ");
    query.value(name).text(" WHERE id = ").value(static_cast<long long>(id.value()));
    execute(session_, query);
    return success();
  }

  // --- Agencies ---

  Result<std::vector<AgencyRecord>> agencies(RegionId region) override {
    BoundQuery query(kAgencyColumns);
    query.text("WHERE region_id = ").value(static_cast<long long>(region.value())).text(" ORDER BY code");
    std::vector<AgencyRecord> agencies;
    AgencyColumns columns;
    for_each_row(session_, query, columns, [&] { agencies.push_back(columns.record()); });
    return agencies;
  }

  Result<AgencyRecord> insert_agency(RegionId region, const AgencyRecord& agency) override {
    long long id = 0;
    long long region_id = region.value();
    NullableText cluster(agency.cluster);
    NullableText active_from(date_text(agency.active_from));
    NullableText active_until(date_text(agency.active_until));
    int active = agency.active ? 1 : 0;
    std::string kind(name(agency.kind));
    session_
        << "INSERT INTO agencies (region_id, code, short_name, name, kind, cluster, active, active_from, "
           "active_until, version) VALUES (:region_id, :code, :short_name, :name, :kind, :cluster, :active, "
           ":active_from, :active_until, 1) RETURNING id",
        soci::use(region_id), soci::use(agency.code), soci::use(agency.short_name), soci::use(agency.name),
        soci::use(kind), soci::use(cluster.value, cluster.indicator), soci::use(active),
        soci::use(active_from.value, active_from.indicator),
        soci::use(active_until.value, active_until.indicator), soci::into(id);
    AgencyRecord stored = agency;
    stored.id = AgencyId(id);
    stored.version = 1;
    return stored;
  }

  Result<bool> update_agency(RegionId region, const AgencyRecord& agency) override {
    BoundQuery query("UPDATE agencies SET short_name = ");
    query.value(agency.short_name)
        .text(", name = ")
        .value(agency.name)
        .text(", kind = ")
        .value(std::string(name(agency.kind)))
        .text(", cluster = ");
    nullable(query, agency.cluster);
    query.text(", active = ").value(agency.active ? 1LL : 0LL).text(", active_from = ");
    nullable(query, date_text(agency.active_from));
    query.text(", active_until = ");
    nullable(query, date_text(agency.active_until));
    query.text(", version = version + 1");
    versioned_where(query, region, agency.id.value(), agency.version);
    return execute(session_, query) == 1;
  }

  // --- Units ---

  Result<std::vector<UnitRecord>> units(RegionId region, std::optional<AgencyId> agency) override {
    BoundQuery query = of_region_and_agency(kUnitColumns, region, agency);
    return db::collect_rows<UnitColumns>(session_, query);
  }

  Result<UnitRecord> insert_unit(RegionId region, const UnitRecord& unit) override {
    long long id = 0;
    long long region_id = region.value();
    long long agency_id = unit.agency_id.value();
    NullableInteger parent(id_value(unit.parent_id));
    std::string kind(name(unit.kind));
    int active = unit.active ? 1 : 0;
    session_ << "INSERT INTO organization_units (region_id, agency_id, parent_id, code, name, kind, active, "
                "version) VALUES (:region_id, :agency_id, :parent_id, :code, :name, :kind, :active, 1) "
                "RETURNING id",
        soci::use(region_id), soci::use(agency_id), soci::use(parent.value, parent.indicator),
        soci::use(unit.code), soci::use(unit.name), soci::use(kind), soci::use(active), soci::into(id);
    UnitRecord stored = unit;
    stored.id = UnitId(id);
    stored.version = 1;
    return stored;
  }

  Result<bool> update_unit(RegionId region, const UnitRecord& unit) override {
    BoundQuery query("UPDATE organization_units SET parent_id = ");
    nullable(query, id_value(unit.parent_id));
    query.text(", name = ")
        .value(unit.name)
        .text(", kind = ")
        .value(std::string(name(unit.kind)))
        .text(", active = ")
        .value(unit.active ? 1LL : 0LL)
        .text(", version = version + 1");
    versioned_where(query, region, unit.id.value(), unit.version);
    return execute(session_, query) == 1;
  }

  // --- Positions ---

  Result<std::vector<PositionRecord>> positions(RegionId region, std::optional<AgencyId> agency) override {
    BoundQuery query = of_region_and_agency(kPositionColumns, region, agency);
    return db::collect_rows<PositionColumns>(session_, query);
  }

  Result<PositionRecord> insert_position(RegionId region, const PositionRecord& position) override {
    long long id = 0;
    long long region_id = region.value();
    long long agency_id = position.agency_id.value();
    NullableInteger unit(id_value(position.unit_id));
    std::string level(name(position.level));
    int agency_head = position.is_agency_head ? 1 : 0;
    int unit_head = position.is_unit_head ? 1 : 0;
    int active = position.active ? 1 : 0;
    std::string established = format_iso_date(position.established_on);
    session_
        << "INSERT INTO positions (region_id, agency_id, unit_id, code, title, level, is_agency_head, "
           "is_unit_head, established_on, active, version) VALUES (:region_id, :agency_id, :unit_id, :code, "
           ":title, :level, :agency_head, :unit_head, :established, :active, 1) RETURNING id",
        soci::use(region_id), soci::use(agency_id), soci::use(unit.value, unit.indicator),
        soci::use(position.code), soci::use(position.title), soci::use(level), soci::use(agency_head),
        soci::use(unit_head), soci::use(established), soci::use(active), soci::into(id);
    PositionRecord stored = position;
    stored.id = PositionId(id);
    stored.version = 1;
    return stored;
  }

  Result<bool> update_position(RegionId region, const PositionRecord& position) override {
    BoundQuery query("UPDATE positions SET unit_id = ");
    nullable(query, id_value(position.unit_id));
    query.text(", title = ")
        .value(position.title)
        .text(", level = ")
        .value(std::string(name(position.level)))
        .text(", is_agency_head = ")
        .value(position.is_agency_head ? 1LL : 0LL)
        .text(", is_unit_head = ")
        .value(position.is_unit_head ? 1LL : 0LL)
        .text(", established_on = ")
        .value(format_iso_date(position.established_on))
        .text(", active = ")
        .value(position.active ? 1LL : 0LL)
        .text(", version = version + 1");
    versioned_where(query, region, position.id.value(), position.version);
    return execute(session_, query) == 1;
  }

  // --- People ---

  Result<PersonPage> search_people(RegionId region, const PersonQuery& request) override {
    if (request.agencies && request.agencies->empty()) {
      return PersonPage{};
    }
    // The same filters for the count and the page.
    auto add_filters = [&](BoundQuery& query) {
      query.text(" WHERE p.region_id = ").value(static_cast<long long>(region.value()));
      if (request.search && !request.search->empty()) {
        std::string pattern = "%" + lower_ascii(*request.search) + "%";
        query.text(" AND (LOWER(p.name) LIKE ")
            .value(pattern)
            .text(" OR p.nip LIKE ")
            .value(pattern)
            .text(")");
      }
      if (request.agencies) {
        query.text(" AND p.agency_id");
        append_in_list(query, *request.agencies);
      }
      if (request.employment_status) {
        query.text(" AND p.employment_status = ").value(std::string(name(*request.employment_status)));
      }
      if (request.active) {
        query.text(" AND p.active = ").value(*request.active ? 1LL : 0LL);
      }
    };

    PersonPage page;
    {
      BoundQuery count("SELECT COUNT(*) FROM people p");
      add_filters(count);
      soci::statement statement(session_);
      long long total = 0;
      statement.exchange(soci::into(total));
      count.bind(statement);
      statement.alloc();
      statement.prepare(count.sql());
      statement.define_and_bind();
      statement.execute(true);
      page.total = total;
    }

    BoundQuery query(kPersonColumns);
    if (request.sort == PersonSort::agency) {
      query.text("LEFT JOIN agencies g ON g.id = p.agency_id");
    }
    add_filters(query);
    const char* direction = request.descending ? " DESC" : " ASC";
    switch (request.sort) {
      case PersonSort::name:
        query.text(" ORDER BY p.name").text(direction).text(", p.nip");
        break;
      case PersonSort::nip:
        query.text(" ORDER BY p.nip").text(direction);
        break;
      case PersonSort::agency:
        query.text(" ORDER BY g.code").text(direction).text(", p.name");
        break;
    }
    if (request.limit > 0) {
      query.text(" LIMIT ")
          .value(static_cast<long long>(request.limit))
          .text(" OFFSET ")
          .value(static_cast<long long>(request.offset));
    }
    PersonColumns columns;
    for_each_row(session_, query, columns, [&] { page.items.push_back(columns.record()); });
    return page;
  }

  Result<std::optional<PersonRecord>> find_person(RegionId region, PersonId id) override {
    BoundQuery query(kPersonColumns);
    query.text("WHERE p.region_id = ")
        .value(static_cast<long long>(region.value()))
        .text(" AND p.id = ")
        .value(static_cast<long long>(id.value()));
    return first_person(query);
  }

  Result<std::optional<PersonRecord>> find_person_by_nip(RegionId region, const std::string& nip) override {
    BoundQuery query(kPersonColumns);
    query.text("WHERE p.region_id = ")
        .value(static_cast<long long>(region.value()))
        .text(" AND p.nip = ")
        .value(nip);
    return first_person(query);
  }

  Result<std::vector<PersonRecord>> people_by_ids(RegionId region,
                                                  const std::vector<PersonId>& ids) override {
    std::vector<PersonRecord> people;
    // In slices, so that no statement outgrows a backend's parameter limit.
    constexpr std::size_t kSlice = 500;
    for (std::size_t start = 0; start < ids.size(); start += kSlice) {
      std::vector<PersonId> slice(
          ids.begin() + static_cast<std::ptrdiff_t>(start),
          ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + kSlice)));
      BoundQuery query(kPersonColumns);
      query.text("WHERE p.region_id = ").value(static_cast<long long>(region.value())).text(" AND p.id");
      append_in_list(query, slice);
      PersonColumns columns;
      for_each_row(session_, query, columns, [&] { people.push_back(columns.record()); });
    }
    return people;
  }

  Result<PersonRecord> insert_person(RegionId region, const PersonRecord& person) override {
    long long id = 0;
    long long region_id = region.value();
    NullableInteger agency(id_value(person.agency_id));
    std::string status(name(person.employment_status));
    int active = person.active ? 1 : 0;
    session_ << "INSERT INTO people (region_id, nip, name, rank_grade, employment_status, agency_id, active, "
                "version) VALUES (:region_id, :nip, :name, :rank_grade, :status, :agency_id, :active, 1) "
                "RETURNING id",
        soci::use(region_id), soci::use(person.nip), soci::use(person.name), soci::use(person.rank_grade),
        soci::use(status), soci::use(agency.value, agency.indicator), soci::use(active), soci::into(id);
    PersonRecord stored = person;
    stored.id = PersonId(id);
    stored.version = 1;
    return stored;
  }

  Result<bool> update_person(RegionId region, const PersonRecord& person) override {
    BoundQuery query("UPDATE people SET name = ");
    query.value(person.name)
        .text(", rank_grade = ")
        .value(person.rank_grade)
        .text(", employment_status = ")
        .value(std::string(name(person.employment_status)))
        .text(", agency_id = ");
    nullable(query, id_value(person.agency_id));
    query.text(", active = ").value(person.active ? 1LL : 0LL).text(", version = version + 1");
    versioned_where(query, region, person.id.value(), person.version);
    return execute(session_, query) == 1;
  }

  Result<std::vector<std::pair<AgencyId, std::int64_t>>> people_per_agency(RegionId region) override {
    BoundQuery query("SELECT agency_id, COUNT(*) FROM people WHERE region_id = ");
    query.value(static_cast<long long>(region.value()))
        .text(" AND active = 1 AND agency_id IS NOT NULL GROUP BY agency_id");
    struct Columns {
      long long agency_id = 0;
      long long count = 0;
      void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(agency_id));
        statement.exchange(soci::into(count));
      }
    } columns;
    std::vector<std::pair<AgencyId, std::int64_t>> counts;
    for_each_row(session_, query, columns,
                 [&] { counts.emplace_back(AgencyId(columns.agency_id), columns.count); });
    return counts;
  }

  // --- Assignments ---

  Result<std::vector<AssignmentRecord>> assignments(RegionId region,
                                                    const AssignmentFilter& filter) override {
    BoundQuery query(kAssignmentColumns);
    if (filter.agency) {
      query.text("JOIN positions s ON s.id = a.position_id ");
    }
    query.text("WHERE a.region_id = ").value(static_cast<long long>(region.value()));
    if (filter.position) {
      query.text(" AND a.position_id = ").value(static_cast<long long>(filter.position->value()));
    }
    if (filter.person) {
      query.text(" AND a.person_id = ").value(static_cast<long long>(filter.person->value()));
    }
    if (filter.agency) {
      query.text(" AND s.agency_id = ").value(static_cast<long long>(filter.agency->value()));
    }
    if (filter.people) {
      if (filter.people->empty()) {
        return std::vector<AssignmentRecord>{};
      }
      query.text(" AND a.person_id");
      append_in_list(query, *filter.people);
    }
    query.text(" ORDER BY a.starts_on, a.id");
    std::vector<AssignmentRecord> assignments;
    AssignmentColumns columns;
    for_each_row(session_, query, columns, [&] { assignments.push_back(columns.record()); });
    return assignments;
  }

  Result<AssignmentRecord> insert_assignment(RegionId region, const AssignmentRecord& assignment) override {
    long long id = 0;
    long long region_id = region.value();
    long long person_id = assignment.person_id.value();
    long long position_id = assignment.position_id.value();
    std::string kind(name(assignment.kind));
    std::string starts_on = format_iso_date(assignment.starts_on);
    NullableText ends_on(date_text(assignment.ends_on));
    session_
        << "INSERT INTO assignments (region_id, person_id, position_id, kind, starts_on, ends_on, "
           "decree_number, note, version) VALUES (:region_id, :person_id, :position_id, :kind, :starts_on, "
           ":ends_on, :decree_number, :note, 1) RETURNING id",
        soci::use(region_id), soci::use(person_id), soci::use(position_id), soci::use(kind),
        soci::use(starts_on), soci::use(ends_on.value, ends_on.indicator),
        soci::use(assignment.decree_number), soci::use(assignment.note), soci::into(id);
    AssignmentRecord stored = assignment;
    stored.id = AssignmentId(id);
    stored.version = 1;
    return stored;
  }

  Result<bool> update_assignment(RegionId region, const AssignmentRecord& assignment) override {
    BoundQuery query("UPDATE assignments SET starts_on = ");
    query.value(format_iso_date(assignment.starts_on)).text(", ends_on = ");
    nullable(query, date_text(assignment.ends_on));
    query.text(", decree_number = ")
        .value(assignment.decree_number)
        .text(", note = ")
        .value(assignment.note)
        .text(", version = version + 1");
    versioned_where(query, region, assignment.id.value(), assignment.version);
    return execute(session_, query) == 1;
  }

  // --- Bulk ---

  Result<void> insert_people(RegionId region, const std::vector<PersonRecord>& people) override {
    std::vector<db::BulkRow> rows;
    rows.reserve(people.size());
    const std::string region_text = std::to_string(region.value());
    for (const PersonRecord& person : people) {
      rows.push_back(db::BulkRow{
          region_text, person.nip, person.name, person.rank_grade,
          std::string(name(person.employment_status)),
          person.agency_id ? std::optional<std::string>(person.agency_id->to_string()) : std::nullopt,
          person.active ? "1" : "0", "1"});
    }
    TRY(db::bulk_insert(
        session_, backend_, "people",
        {"region_id", "nip", "name", "rank_grade", "employment_status", "agency_id", "active", "version"},
        rows));
    return success();
  }

  Result<void> update_people(RegionId region, const std::vector<PersonRecord>& people) override {
    if (people.empty()) {
      return success();
    }
    long long region_id = region.value();
    long long id = 0;
    std::string person_name;
    std::string rank_grade;
    std::string status;
    long long agency_id = 0;
    soci::indicator agency_indicator = soci::i_null;
    int active = 1;
    soci::statement statement =
        (session_.prepare << "UPDATE people SET name = :name, rank_grade = :rank_grade, employment_status = "
                             ":status, agency_id = :agency_id, active = :active, version = version + 1 WHERE "
                             "region_id = :region_id AND id = :id",
         soci::use(person_name), soci::use(rank_grade), soci::use(status),
         soci::use(agency_id, agency_indicator), soci::use(active), soci::use(region_id), soci::use(id));
    for (const PersonRecord& person : people) {
      id = person.id.value();
      person_name = person.name;
      rank_grade = person.rank_grade;
      status = std::string(name(person.employment_status));
      agency_id = person.agency_id ? person.agency_id->value() : 0;
      agency_indicator = person.agency_id ? soci::i_ok : soci::i_null;
      active = person.active ? 1 : 0;
      statement.execute(true);
    }
    return success();
  }

  Result<void> insert_assignments(RegionId region,
                                  const std::vector<AssignmentRecord>& assignments) override {
    std::vector<db::BulkRow> rows;
    rows.reserve(assignments.size());
    const std::string region_text = std::to_string(region.value());
    for (const AssignmentRecord& assignment : assignments) {
      rows.push_back(db::BulkRow{region_text, assignment.person_id.to_string(),
                                 assignment.position_id.to_string(), std::string(name(assignment.kind)),
                                 format_iso_date(assignment.starts_on), date_text(assignment.ends_on),
                                 assignment.decree_number, assignment.note, "1"});
    }
    TRY(db::bulk_insert(session_, backend_, "assignments",
                        {"region_id", "person_id", "position_id", "kind", "starts_on", "ends_on",
                         "decree_number", "note", "version"},
                        rows));
    return success();
  }

  // --- Settings ---

  Result<std::optional<std::string>> setting(const std::string& key) override {
    std::string value;
    soci::indicator indicator = soci::i_null;
    session_ << "SELECT value FROM system_settings WHERE key = :key", soci::use(key),
        soci::into(value, indicator);
    if (!session_.got_data() || indicator != soci::i_ok) {
      return std::optional<std::string>();
    }
    return std::optional<std::string>(value);
  }

  Result<void> put_setting(const std::string& key, const std::string& value) override {
    std::string now = format_iso8601_utc_milliseconds(clock_.now());
    session_ << "INSERT INTO system_settings (key, value, updated_at) VALUES (:key, :value, :updated_at) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        soci::use(key), soci::use(value), soci::use(now);
    return success();
  }

  Result<void> append_audit(const audit::AuditEvent& event) override {
    TRY(audit::append(session_, backend_, event, clock_));
    return success();
  }

  // --- Attendance (imports) ---

  Result<std::vector<AttendanceRecord>> attendance_between(RegionId region, Date first, Date last) override {
    BoundQuery query(
        "SELECT person_id, agency_id, day, status, late_minutes FROM attendance_records WHERE region_id = ");
    query.value(static_cast<long long>(region.value()))
        .text(" AND day >= ")
        .value(format_iso_date(first))
        .text(" AND day <= ")
        .value(format_iso_date(last));
    struct Columns {
      long long person_id = 0;
      long long agency_id = 0;
      soci::indicator agency_indicator = soci::i_null;
      std::string day;
      std::string status;
      int late_minutes = 0;
      void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(person_id));
        statement.exchange(soci::into(agency_id, agency_indicator));
        statement.exchange(soci::into(day));
        statement.exchange(soci::into(status));
        statement.exchange(soci::into(late_minutes));
      }
    } columns;
    std::vector<AttendanceRecord> records;
    for_each_row(session_, query, columns, [&] {
      AttendanceRecord record;
      record.person_id = PersonId(columns.person_id);
      if (columns.agency_indicator == soci::i_ok) {
        record.agency_id = AgencyId(columns.agency_id);
      }
      record.day = stored_date(columns.day);
      record.status = parse_attendance_status(columns.status).value_or(AttendanceStatus::present);
      record.late_minutes = columns.late_minutes;
      records.push_back(record);
    });
    return records;
  }

  Result<void> insert_attendance(RegionId region, const std::vector<AttendanceRecord>& records) override {
    std::vector<db::BulkRow> rows;
    rows.reserve(records.size());
    const std::string region_text = std::to_string(region.value());
    for (const AttendanceRecord& record : records) {
      rows.push_back(db::BulkRow{
          region_text, record.person_id.to_string(),
          record.agency_id ? std::optional<std::string>(record.agency_id->to_string()) : std::nullopt,
          format_iso_date(record.day), std::string(name(record.status)),
          std::to_string(record.late_minutes)});
    }
    TRY(db::bulk_insert(session_, backend_, "attendance_records",
                        {"region_id", "person_id", "agency_id", "day", "status", "late_minutes"}, rows));
    return success();
  }

  Result<void> update_attendance(RegionId region, const std::vector<AttendanceRecord>& records) override {
    if (records.empty()) {
      return success();
    }
    long long region_id = region.value();
    long long person_id = 0;
    std::string day;
    long long agency_id = 0;
    soci::indicator agency_indicator = soci::i_null;
    std::string status;
    int late_minutes = 0;
    soci::statement statement =
        (session_.prepare << "UPDATE attendance_records SET agency_id = :agency_id, status = :status, "
                             "late_minutes = :late_minutes WHERE region_id = :region_id AND person_id = "
                             ":person_id AND day = :day",
         soci::use(agency_id, agency_indicator), soci::use(status), soci::use(late_minutes),
         soci::use(region_id), soci::use(person_id), soci::use(day));
    for (const AttendanceRecord& record : records) {
      person_id = record.person_id.value();
      day = format_iso_date(record.day);
      agency_id = record.agency_id ? record.agency_id->value() : 0;
      agency_indicator = record.agency_id ? soci::i_ok : soci::i_null;
      status = std::string(name(record.status));
      late_minutes = record.late_minutes;
      statement.execute(true);
    }
    return success();
  }

 private:
  static void nullable(BoundQuery& query, const std::optional<std::string>& value) {
    if (value) {
      query.value(*value);
    } else {
      query.text("NULL");
    }
  }
  static void nullable(BoundQuery& query, const std::optional<std::int64_t>& value) {
    if (value) {
      query.value(static_cast<long long>(*value));
    } else {
      query.text("NULL");
    }
  }
  static void versioned_where(BoundQuery& query, RegionId region, std::int64_t id, std::int64_t version) {
    query.text(" WHERE region_id = ")
        .value(static_cast<long long>(region.value()))
        .text(" AND id = ")
        .value(static_cast<long long>(id))
        .text(" AND version = ")
        .value(static_cast<long long>(version));
  }

  Result<std::optional<RegionRecord>> first_region(BoundQuery& query) {
    std::optional<RegionRecord> found;
    RegionColumns columns;
    for_each_row(session_, query, columns, [&] {
      if (!found) {
        found = columns.record();
      }
    });
    return found;
  }

  Result<std::optional<PersonRecord>> first_person(BoundQuery& query) {
    std::optional<PersonRecord> found;
    PersonColumns columns;
    for_each_row(session_, query, columns, [&] {
      if (!found) {
        found = columns.record();
      }
    });
    return found;
  }

  soci::session& session_;
  db::Backend backend_;
  const Clock& clock_;
};

}  // namespace

std::unique_ptr<OrganizationRepository> make_sql_organization_repository(db::Database& database,
                                                                         const Clock& clock) {
  return std::make_unique<db::SqlRepository<OrganizationRepository, SqlOrganizationStore>>(database, clock);
}

}  // namespace sinergi::organization
