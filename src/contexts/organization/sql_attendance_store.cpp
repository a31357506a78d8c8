// The SQL adapter of the attendance reading port, one code path for SQLite and PostgreSQL
// except for how a long scan is streamed.
//
// Every value reaches the database as a bound parameter (db::BoundQuery); every statement
// filters on region_id. Days are 'YYYY-MM-DD' text, so a year is the text range
// 'YYYY-01-01'..'YYYY-12-31' (equal-length digit strings order the same under every
// collation) and a month is substr(day, 6, 2) on both backends.
#include <soci/soci.h>

#include <algorithm>

#include "contexts/organization/attendance_store.h"
#include "core/input_text.h"
#include "platform/db/bound_query.h"
#include "platform/db/database.h"

namespace sinergi::organization {
namespace {

using db::BoundQuery;
using db::execute;
using db::for_each_row;
using db::optional_of;

// Rows fetched per round trip by the discipline scan.
constexpr std::size_t kScanBatchRows = 1000;
// The PostgreSQL cursor of the discipline scan; one scan at a time per transaction.
constexpr std::string_view kScanCursor = "sinergi_attendance_scan";

long long bound(const auto& id) {
  return static_cast<long long>(id.value());
}

std::string first_day(int year) {
  return format_iso_date(*make_date(year, 1, 1));
}

std::string last_day(int year) {
  return format_iso_date(*make_date(year, 12, 31));
}

// Status codes are written by the import from validated values; an unknown one (a newer
// binary) counts as present, which never produces a sanction by mistake.
AttendanceStatus stored_status(std::string_view text) {
  for (AttendanceStatus status : kAttendanceStatuses) {
    if (name(status) == text) {
      return status;
    }
  }
  return AttendanceStatus::present;
}

// A LIKE pattern matching `text` anywhere, its own % _ and \ taken literally (ESCAPE '\').
std::string contains_pattern(const std::string& text) {
  std::string pattern = "%";
  for (char character : text) {
    if (character == '%' || character == '_' || character == '\\') {
      pattern += '\\';
    }
    pattern += character;
  }
  pattern += '%';
  return pattern;
}

// " IN (:p0, :p1, ...)" over `ids`.
void append_in_list(BoundQuery& query, const std::vector<AgencyId>& ids) {
  query.text(" IN (");
  for (std::size_t index = 0; index < ids.size(); ++index) {
    if (index > 0) {
      query.text(", ");
    }
    query.value(bound(ids[index]));
  }
  query.text(")");
}

// " AND ..." conditions of `filter` on the people table aliased p.
void add_people_filter(BoundQuery& query, const AttendancePeopleFilter& filter) {
  if (filter.agencies) {
    query.text(" AND p.agency_id");
    append_in_list(query, *filter.agencies);
  }
  if (filter.search && !filter.search->empty()) {
    const std::string pattern = contains_pattern(lower_ascii(*filter.search));
    query.text(" AND (LOWER(p.name) LIKE ")
        .value(pattern)
        .text(" ESCAPE '\\' OR p.nip LIKE ")
        .value(pattern)
        .text(" ESCAPE '\\')");
  }
}

// " AND <column> >= first day AND <column> <= last day" of `year`.
void add_year(BoundQuery& query, std::string_view column, int year) {
  query.text(" AND ").text(column).text(" >= ").value(first_day(year));
  query.text(" AND ").text(column).text(" <= ").value(last_day(year));
}

struct AttendancePersonColumns {
  long long id = 0;
  std::string nip;
  std::string name;
  std::string rank_grade;
  std::string employment_status;
  long long agency_id = 0;
  soci::indicator agency_indicator = soci::i_null;
  int active = 1;
  long long version = 1;
  std::string agency_code;
  soci::indicator agency_code_indicator = soci::i_null;
  std::string agency_name;
  soci::indicator agency_name_indicator = soci::i_null;
  std::string agency_cluster;
  soci::indicator agency_cluster_indicator = soci::i_null;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(nip));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(rank_grade));
    statement.exchange(soci::into(employment_status));
    statement.exchange(soci::into(agency_id, agency_indicator));
    statement.exchange(soci::into(active));
    statement.exchange(soci::into(version));
    statement.exchange(soci::into(agency_code, agency_code_indicator));
    statement.exchange(soci::into(agency_name, agency_name_indicator));
    statement.exchange(soci::into(agency_cluster, agency_cluster_indicator));
  }
  AttendancePerson record() const {
    AttendancePerson result;
    result.person.id = PersonId(id);
    result.person.nip = nip;
    result.person.name = name;
    result.person.rank_grade = rank_grade;
    result.person.employment_status =
        parse_employment_status(employment_status).value_or(EmploymentStatus::pns);
    if (agency_indicator == soci::i_ok) {
      result.person.agency_id = AgencyId(agency_id);
    }
    result.person.active = active != 0;
    result.person.version = version;
    result.agency_code = optional_of(agency_code, agency_code_indicator);
    result.agency_name = optional_of(agency_name, agency_name_indicator);
    result.agency_cluster = optional_of(agency_cluster, agency_cluster_indicator);
    return result;
  }
};

// The people columns plus the employing agency; the caller appends " AND ..." conditions.
BoundQuery people_query(RegionId region) {
  BoundQuery query(
      "SELECT p.id, p.nip, p.name, p.rank_grade, p.employment_status, p.agency_id, p.active, p.version, "
      "g.code, "
      "g.name, g.cluster FROM people p LEFT JOIN agencies g ON g.id = p.agency_id AND g.region_id = ");
  query.value(bound(region)).text(" WHERE p.region_id = ").value(bound(region));
  return query;
}

struct AgencyColumns {
  long long id = 0;
  std::string code;
  std::string short_name;
  std::string name;
  std::string kind;
  std::string cluster;
  soci::indicator cluster_indicator = soci::i_null;
  int active = 1;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(short_name));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(cluster, cluster_indicator));
    statement.exchange(soci::into(active));
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
    agency.version = version;
    return agency;
  }
};

struct DayColumns {
  std::string day;
  std::string status;
  int late_minutes = 0;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(day));
    statement.exchange(soci::into(status));
    statement.exchange(soci::into(late_minutes));
  }
};

// One batch of the discipline scan, fetched through SOCI vectors.
struct ScanBatch {
  std::vector<long long> person_ids;
  std::vector<std::string> days;
  std::vector<std::string> statuses;
  std::vector<int> late_minutes;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(person_ids));
    statement.exchange(soci::into(days));
    statement.exchange(soci::into(statuses));
    statement.exchange(soci::into(late_minutes));
  }
  // SOCI shrinks the vectors to the rows it fetched; they must be full-size again before
  // the next execution of a statement.
  void reset() {
    person_ids.resize(kScanBatchRows);
    days.resize(kScanBatchRows);
    statuses.resize(kScanBatchRows);
    late_minutes.resize(kScanBatchRows);
  }
  std::size_t size() const { return person_ids.size(); }
};

// Groups the scanned rows by person and hands each person's days over once complete.
class PersonGrouper {
 public:
  explicit PersonGrouper(const AttendanceStore::PersonDays& on_person) : on_person_(on_person) {}

  Result<void> add(const ScanBatch& batch) {
    for (std::size_t row = 0; row < batch.size(); ++row) {
      const PersonId person(batch.person_ids[row]);
      if (current_ && *current_ != person) {
        TRY(flush());
      }
      current_ = person;
      // Rows are written by the import from validated dates; the epoch stands out.
      days_.push_back(AttendanceDay{parse_iso_date(batch.days[row]).value_or(Date{}),
                                    stored_status(batch.statuses[row]), batch.late_minutes[row]});
    }
    return success();
  }

  Result<void> flush() {
    if (current_) {
      TRY(on_person_(*current_, days_));
    }
    current_.reset();
    days_.clear();
    return success();
  }

 private:
  const AttendanceStore::PersonDays& on_person_;
  std::optional<PersonId> current_;
  std::vector<AttendanceDay> days_;
};

class SqlAttendanceStore final : public AttendanceStore {
 public:
  SqlAttendanceStore(soci::session& session, db::Backend backend) : session_(session), backend_(backend) {}

  Result<std::optional<AttendancePerson>> find_person(RegionId region, PersonId id) override {
    BoundQuery query = people_query(region);
    query.text(" AND p.id = ").value(bound(id));
    std::optional<AttendancePerson> found;
    AttendancePersonColumns columns;
    for_each_row(session_, query, columns, [&] { found = columns.record(); });
    return found;
  }

  Result<std::vector<HeldPost>> held_posts(RegionId region, PersonId person, Date day) override {
    const std::string day_text = format_iso_date(day);
    BoundQuery query(
        "SELECT a.id, a.position_id, s.title, g.code, a.kind FROM assignments a "
        "JOIN positions s ON s.id = a.position_id JOIN agencies g ON g.id = s.agency_id WHERE a.region_id "
        "= ");
    query.value(bound(region))
        .text(" AND s.region_id = ")
        .value(bound(region))
        .text(" AND a.person_id = ")
        .value(bound(person))
        .text(" AND a.starts_on <= ")
        .value(day_text)
        .text(" AND (a.ends_on IS NULL OR a.ends_on >= ")
        .value(day_text)
        .text(") ORDER BY a.starts_on, a.id");
    struct Columns {
      long long id = 0;
      long long position_id = 0;
      std::string title;
      std::string agency_code;
      std::string kind;
      void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(position_id));
        statement.exchange(soci::into(title));
        statement.exchange(soci::into(agency_code));
        statement.exchange(soci::into(kind));
      }
    } columns;
    std::vector<HeldPost> posts;
    for_each_row(session_, query, columns, [&] {
      posts.push_back(HeldPost{AssignmentId(columns.id), PositionId(columns.position_id), columns.title,
                               columns.agency_code,
                               parse_assignment_kind(columns.kind).value_or(AssignmentKind::definitive)});
    });
    return posts;
  }

  Result<std::vector<AttendanceDay>> person_days(RegionId region, PersonId person, int year) override {
    BoundQuery query("SELECT day, status, late_minutes FROM attendance_records WHERE region_id = ");
    query.value(bound(region)).text(" AND person_id = ").value(bound(person));
    add_year(query, "day", year);
    query.text(" ORDER BY day");
    std::vector<AttendanceDay> days;
    DayColumns columns;
    for_each_row(session_, query, columns, [&] {
      days.push_back(AttendanceDay{parse_iso_date(columns.day).value_or(Date{}),
                                   stored_status(columns.status), columns.late_minutes});
    });
    return days;
  }

  Result<std::vector<AgencyRecord>> agencies(RegionId region) override {
    BoundQuery query(
        "SELECT id, code, short_name, name, kind, cluster, active, version FROM agencies "
        "WHERE region_id = ");
    query.value(bound(region)).text(" ORDER BY code");
    std::vector<AgencyRecord> agencies;
    AgencyColumns columns;
    for_each_row(session_, query, columns, [&] { agencies.push_back(columns.record()); });
    return agencies;
  }

  Result<std::vector<AttendancePerson>> people_with_records(RegionId region, int year,
                                                            const AttendancePeopleFilter& filter) override {
    if (filter.agencies && filter.agencies->empty()) {
      return std::vector<AttendancePerson>{};
    }
    BoundQuery query = people_query(region);
    add_people_filter(query, filter);
    query.text(" AND EXISTS (SELECT 1 FROM attendance_records r WHERE r.person_id = p.id AND r.region_id = ")
        .value(bound(region));
    add_year(query, "r.day", year);
    query.text(")");
    std::vector<AttendancePerson> people;
    AttendancePersonColumns columns;
    for_each_row(session_, query, columns, [&] { people.push_back(columns.record()); });
    return people;
  }

  Result<void> scan_person_days(RegionId region, int year, const AttendancePeopleFilter& filter,
                                const PersonDays& on_person) override {
    if (filter.agencies && filter.agencies->empty()) {
      return success();
    }
    BoundQuery query(backend_ == db::Backend::postgresql
                         ? "DECLARE " + std::string(kScanCursor) + " NO SCROLL CURSOR FOR "
                         : std::string());
    // Planner hints for SQLite only: a unary + hides the region indexes, which SQLite
    // would otherwise prefer and then sort every row. Region-wide, it then walks the
    // (person_id, day) index in the order asked for, streaming from the first row (2.5
    // million rows: 2.6 s instead of 8 s); for some agencies or a name it starts from the
    // matching people (their region index kept usable) and sorts only their rows.
    // PostgreSQL plans well from its statistics, which the + would blind.
    const bool sqlite = backend_ == db::Backend::sqlite;
    const bool narrow = filter.agencies || (filter.search && !filter.search->empty());
    query.text(
        "SELECT r.person_id, r.day, r.status, r.late_minutes FROM attendance_records r "
        "JOIN people p ON p.id = r.person_id WHERE ");
    query.text(sqlite ? "+r.region_id = " : "r.region_id = ")
        .value(bound(region))
        .text(sqlite && !narrow ? " AND +p.region_id = " : " AND p.region_id = ")
        .value(bound(region));
    add_year(query, "r.day", year);
    add_people_filter(query, filter);
    query.text(" ORDER BY r.person_id, r.day");

    PersonGrouper grouper(on_person);
    ScanBatch batch;
    batch.reset();
    if (backend_ == db::Backend::postgresql) {
      // libpq would hold a statement's whole result in memory (2.5 million rows for a
      // large region); a cursor hands it over kScanBatchRows at a time.
      execute(session_, query);
      soci::statement fetch(session_);
      batch.exchange_into(fetch);
      fetch.alloc();
      fetch.prepare("FETCH FORWARD " + std::to_string(kScanBatchRows) + " FROM " + std::string(kScanCursor));
      fetch.define_and_bind();
      Result<void> outcome = success();
      while (outcome.ok()) {
        batch.reset();
        fetch.execute(true);
        if (batch.size() == 0) {
          break;
        }
        outcome = grouper.add(batch);
        if (batch.size() < kScanBatchRows) {
          break;
        }
      }
      session_ << "CLOSE " + std::string(kScanCursor);
      TRY(std::move(outcome));
    } else {
      // SQLite steps through the result as it is fetched.
      soci::statement statement(session_);
      batch.exchange_into(statement);
      query.bind(statement);
      statement.alloc();
      statement.prepare(query.sql());
      statement.define_and_bind();
      statement.execute(false);
      while (statement.fetch()) {
        TRY(grouper.add(batch));
      }
    }
    return grouper.flush();
  }

  Result<std::vector<MonthlyAbsenceCount>> monthly_absence_counts(
      RegionId region, int year, const std::optional<std::vector<AgencyId>>& agencies) override {
    if (agencies && agencies->empty()) {
      return std::vector<MonthlyAbsenceCount>{};
    }
    BoundQuery query(
        "SELECT r.agency_id, substr(r.day, 6, 2), COUNT(*), "
        "SUM(CASE WHEN r.status = 'unexcused' THEN 1 ELSE 0 END) FROM attendance_records r WHERE r.region_id "
        "= ");
    query.value(bound(region));
    add_year(query, "r.day", year);
    query.text(" AND r.agency_id IS NOT NULL");
    if (agencies) {
      query.text(" AND r.agency_id");
      append_in_list(query, *agencies);
    }
    query.text(" GROUP BY r.agency_id, substr(r.day, 6, 2)");
    struct Columns {
      long long agency_id = 0;
      std::string month;
      long long records = 0;
      long long unexcused = 0;
      void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(agency_id));
        statement.exchange(soci::into(month));
        statement.exchange(soci::into(records));
        statement.exchange(soci::into(unexcused));
      }
    } columns;
    std::vector<MonthlyAbsenceCount> counts;
    for_each_row(session_, query, columns, [&] {
      int month = 0;
      for (char digit : columns.month) {
        month = month * 10 + (digit - '0');
      }
      if (month >= 1 && month <= 12) {
        counts.push_back(
            MonthlyAbsenceCount{AgencyId(columns.agency_id), month, columns.records, columns.unexcused});
      }
    });
    return counts;
  }

 private:
  soci::session& session_;
  db::Backend backend_;
};

class SqlAttendanceRepository final : public AttendanceRepository {
 public:
  explicit SqlAttendanceRepository(db::Database& database) : database_(database) {}

  Result<void> read(const Work& work) override {
    return database_.with_read_transaction([&](soci::session& session) -> Result<void> {
      SqlAttendanceStore store(session, database_.backend());
      return work(store);
    });
  }

 private:
  db::Database& database_;
};

}  // namespace

std::unique_ptr<AttendanceRepository> make_sql_attendance_repository(db::Database& database) {
  return std::make_unique<SqlAttendanceRepository>(database);
}

}  // namespace sinergi::organization
