// The SQL adapter of the identity port, one code path for SQLite and PostgreSQL.
//
// Every value reaches the database as a bound parameter. Statements whose shape depends
// on the request (the user search's filters, IN lists) are assembled from fixed fragments
// of this file by BoundQuery, which appends a fresh placeholder for each value; no input
// is ever part of the SQL text.
#include <soci/soci.h>

#include <deque>
#include <map>
#include <variant>

#include "contexts/identity/identity_repository.h"
#include "core/clock.h"
#include "platform/audit/audit_log.h"
#include "platform/db/bound_query.h"
#include "platform/db/database.h"

namespace sinergi::identity {
namespace {

using db::BoundQuery;
using db::execute;
using db::for_each_row;
using db::NullableInteger;
using db::NullableText;
using db::optional_of;

// The columns of a user row with its region, in kUserColumns order.
constexpr std::string_view kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.nip, u.email, u.active, u.must_change_password, "
    "u.created_at, u.updated_at, u.version, u.password_hash, r.id, r.code, r.name, r.level "
    "FROM users u JOIN regions r ON r.id = u.region_id ";

struct UserColumns {
  long long id = 0;
  std::string username;
  std::string display_name;
  std::string nip;
  soci::indicator nip_indicator = soci::i_null;
  std::string email;
  soci::indicator email_indicator = soci::i_null;
  int active = 0;
  int must_change_password = 0;
  std::string created_at;
  std::string updated_at;
  long long version = 0;
  std::string password_hash;
  long long region_id = 0;
  std::string region_code;
  std::string region_name;
  std::string region_level;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(username));
    statement.exchange(soci::into(display_name));
    statement.exchange(soci::into(nip, nip_indicator));
    statement.exchange(soci::into(email, email_indicator));
    statement.exchange(soci::into(active));
    statement.exchange(soci::into(must_change_password));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(updated_at));
    statement.exchange(soci::into(version));
    statement.exchange(soci::into(password_hash));
    statement.exchange(soci::into(region_id));
    statement.exchange(soci::into(region_code));
    statement.exchange(soci::into(region_name));
    statement.exchange(soci::into(region_level));
  }

  UserRecord record() const {
    UserRecord record;
    User& user = record.user;
    user.id = UserId(id);
    user.region = Region{RegionId(region_id), region_code, region_name, region_level};
    user.username = username;
    user.display_name = display_name;
    user.nip = optional_of(nip, nip_indicator);
    user.email = optional_of(email, email_indicator);
    user.active = active != 0;
    user.must_change_password = must_change_password != 0;
    user.created_at = created_at;
    user.updated_at = updated_at;
    user.version = version;
    record.password_hash = password_hash;
    return record;
  }
};

// One row of user_roles or api_token_roles with its agency.
struct RoleColumns {
  long long owner_id = 0;
  std::string role;
  long long agency_id = 0;
  soci::indicator agency_indicator = soci::i_null;
  std::string agency_code;
  soci::indicator agency_code_indicator = soci::i_null;
  std::string agency_name;
  soci::indicator agency_name_indicator = soci::i_null;
  std::string cluster;
  soci::indicator cluster_indicator = soci::i_null;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(owner_id));
    statement.exchange(soci::into(role));
    statement.exchange(soci::into(agency_id, agency_indicator));
    statement.exchange(soci::into(agency_code, agency_code_indicator));
    statement.exchange(soci::into(agency_name, agency_name_indicator));
    statement.exchange(soci::into(cluster, cluster_indicator));
  }

  auth::RoleGrant grant() const {
    auth::RoleGrant grant;
    // Rows are written only by this adapter from validated grants; an unknown name would
    // mean a newer binary wrote it, and the least privilege is the safe reading.
    grant.role = auth::parse_role(role).value_or(auth::Role::public_);
    if (agency_indicator == soci::i_ok) {
      grant.agency_id = agency_id;
      grant.agency_code = agency_code_indicator == soci::i_ok ? agency_code : "";
      grant.agency_name = agency_name_indicator == soci::i_ok ? agency_name : "";
    }
    grant.cluster = optional_of(cluster, cluster_indicator);
    return grant;
  }
};

enum class RoleOwner { user, api_token };

// The grants of each owner among `owner_ids`, in the order they were stored.
std::map<long long, std::vector<auth::RoleGrant>> load_roles(soci::session& session, RoleOwner owner,
                                                             const std::vector<long long>& owner_ids) {
  std::map<long long, std::vector<auth::RoleGrant>> roles;
  if (owner_ids.empty()) {
    return roles;
  }
  BoundQuery query(
      owner == RoleOwner::user
          ? "SELECT g.user_id, g.role, g.agency_id, a.code, a.name, g.cluster FROM user_roles g "
            "LEFT JOIN agencies a ON a.id = g.agency_id WHERE g.user_id IN ("
          : "SELECT g.token_id, g.role, g.agency_id, a.code, a.name, g.cluster FROM api_token_roles g "
            "LEFT JOIN agencies a ON a.id = g.agency_id WHERE g.token_id IN (");
  for (std::size_t index = 0; index < owner_ids.size(); ++index) {
    query.text(index == 0 ? "" : ", ").value(owner_ids[index]);
  }
  query.text(") ORDER BY g.id");
  RoleColumns columns;
  for_each_row(session, query, columns, [&] { roles[columns.owner_id].push_back(columns.grant()); });
  return roles;
}

void insert_roles(soci::session& session, RoleOwner owner, long long owner_id,
                  const std::vector<auth::RoleGrant>& grants) {
  const std::string sql = owner == RoleOwner::user
                              ? "INSERT INTO user_roles (user_id, role, agency_id, cluster) "
                                "VALUES (:owner_id, :role, :agency_id, :cluster)"
                              : "INSERT INTO api_token_roles (token_id, role, agency_id, cluster) "
                                "VALUES (:owner_id, :role, :agency_id, :cluster)";
  for (const auto& grant : grants) {
    std::string role(auth::role_name(grant.role));
    NullableInteger agency(grant.agency_id);
    NullableText cluster(grant.cluster);
    session << sql, soci::use(owner_id), soci::use(role), soci::use(agency.value, agency.indicator),
        soci::use(cluster.value, cluster.indicator);
  }
}

struct SessionColumns {
  long long id = 0;
  long long user_id = 0;
  std::string token_hash;
  std::string csrf_token_hash;
  std::string created_at;
  std::string last_seen_at;
  std::string idle_expires_at;
  std::string absolute_expires_at;
  std::string user_agent;
  std::string remote_address;
  std::string revoked_at;
  soci::indicator revoked_indicator = soci::i_null;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(user_id));
    statement.exchange(soci::into(token_hash));
    statement.exchange(soci::into(csrf_token_hash));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(last_seen_at));
    statement.exchange(soci::into(idle_expires_at));
    statement.exchange(soci::into(absolute_expires_at));
    statement.exchange(soci::into(user_agent));
    statement.exchange(soci::into(remote_address));
    statement.exchange(soci::into(revoked_at, revoked_indicator));
  }

  SessionRecord record() const {
    return SessionRecord{SessionId(id),
                         UserId(user_id),
                         token_hash,
                         csrf_token_hash,
                         created_at,
                         last_seen_at,
                         idle_expires_at,
                         absolute_expires_at,
                         user_agent,
                         remote_address,
                         optional_of(revoked_at, revoked_indicator)};
  }
};

constexpr std::string_view kSessionColumns =
    "SELECT id, user_id, token_hash, csrf_token_hash, created_at, last_seen_at, idle_expires_at, "
    "absolute_expires_at, user_agent, remote_address, revoked_at FROM sessions ";

struct ApiTokenColumns {
  long long id = 0;
  long long region_id = 0;
  std::string name;
  std::string token_hash;
  long long created_by_user_id = 0;
  std::string created_by_name;
  std::string created_at;
  std::string last_used_at;
  soci::indicator last_used_indicator = soci::i_null;
  std::string revoked_at;
  soci::indicator revoked_indicator = soci::i_null;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(region_id));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(token_hash));
    statement.exchange(soci::into(created_by_user_id));
    statement.exchange(soci::into(created_by_name));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(last_used_at, last_used_indicator));
    statement.exchange(soci::into(revoked_at, revoked_indicator));
  }

  ApiTokenRecord record() const {
    ApiTokenRecord record;
    record.id = ApiTokenId(id);
    record.region_id = RegionId(region_id);
    record.name = name;
    record.token_hash = token_hash;
    record.created_by_user_id = UserId(created_by_user_id);
    record.created_by_name = created_by_name;
    record.created_at = created_at;
    record.last_used_at = optional_of(last_used_at, last_used_indicator);
    record.revoked_at = optional_of(revoked_at, revoked_indicator);
    return record;
  }
};

constexpr std::string_view kApiTokenColumns =
    "SELECT t.id, t.region_id, t.name, t.token_hash, t.created_by_user_id, u.display_name, t.created_at, "
    "t.last_used_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.created_by_user_id ";

struct AgencyColumns {
  long long id = 0;
  long long region_id = 0;
  std::string code;
  std::string short_name;
  std::string name;
  std::string kind;
  std::string cluster;
  soci::indicator cluster_indicator = soci::i_null;
  int active = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(region_id));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(short_name));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(cluster, cluster_indicator));
    statement.exchange(soci::into(active));
  }

  Agency agency() const {
    return Agency{AgencyId(id),
                  RegionId(region_id),
                  code,
                  short_name,
                  name,
                  kind,
                  optional_of(cluster, cluster_indicator),
                  active != 0};
  }
};

struct RegionColumns {
  long long id = 0;
  std::string code;
  std::string name;
  std::string level;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(level));
  }

  Region region() const { return Region{RegionId(id), code, name, level}; }
};

// The LIKE pattern matching `text` anywhere, with LIKE's wildcards in `text` escaped by '\'.
std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char character : text) {
    if (character == '%' || character == '_' || character == '\\') {
      pattern.push_back('\\');
    }
    pattern.push_back(character);
  }
  pattern.push_back('%');
  return pattern;
}

// Appends the WHERE clause of the user list: always the region, then each filter that is set.
void append_user_filter(BoundQuery& query, RegionId region, const UserQuery& user_query) {
  query.text("WHERE u.region_id = ").value(region.value());
  if (user_query.search) {
    const std::string pattern = contains_pattern(*user_query.search);
    query.text(" AND (lower(u.username) LIKE lower(CAST(").value(pattern).text(" AS TEXT)) ESCAPE '\\'");
    query.text(" OR lower(u.display_name) LIKE lower(CAST(").value(pattern).text(" AS TEXT)) ESCAPE '\\'");
    query.text(" OR lower(u.nip) LIKE lower(CAST(").value(pattern).text(" AS TEXT)) ESCAPE '\\')");
  }
  if (user_query.active) {
    query.text(" AND u.active = ").value(static_cast<long long>(*user_query.active ? 1 : 0));
  }
  if (user_query.role) {
    query.text(" AND EXISTS (SELECT 1 FROM user_roles f WHERE f.user_id = u.id AND f.role = ")
        .value(std::string(auth::role_name(*user_query.role)))
        .text(")");
  }
}

class SqlIdentityStore final : public IdentityStore {
 public:
  SqlIdentityStore(soci::session& session, db::Backend backend, const Clock& clock)
      : session_(session), backend_(backend), clock_(clock) {}

  Result<std::optional<Region>> find_region(RegionId id) override {
    BoundQuery query("SELECT id, code, name, level FROM regions WHERE id = ");
    query.value(id.value());
    return first_region(query);
  }

  Result<std::optional<Region>> find_region_by_code(const std::string& code) override {
    BoundQuery query("SELECT id, code, name, level FROM regions WHERE code = ");
    query.value(code);
    return first_region(query);
  }

  Result<std::vector<Region>> list_regions() override {
    BoundQuery query("SELECT id, code, name, level FROM regions ORDER BY id");
    std::vector<Region> regions;
    RegionColumns columns;
    for_each_row(session_, query, columns, [&] { regions.push_back(columns.region()); });
    return regions;
  }

  Result<Region> insert_region(const std::string& code, const std::string& name,
                               const std::string& level) override {
    long long id = 0;
    session_ << "INSERT INTO regions (code, name, level) VALUES (:code, :name, :level) RETURNING id",
        soci::use(code), soci::use(name), soci::use(level), soci::into(id);
    return Region{RegionId(id), code, name, level};
  }

  Result<std::vector<Agency>> agencies_of_region(RegionId region) override {
    BoundQuery query(
        "SELECT id, region_id, code, short_name, name, kind, cluster, active FROM agencies WHERE region_id "
        "= ");
    query.value(region.value()).text(" ORDER BY id");
    std::vector<Agency> agencies;
    AgencyColumns columns;
    for_each_row(session_, query, columns, [&] { agencies.push_back(columns.agency()); });
    return agencies;
  }

  Result<bool> insert_agency_if_missing(const Agency& agency) override {
    long long existing = 0;
    const long long region_id = agency.region_id.value();
    session_ << "SELECT COUNT(*) FROM agencies WHERE region_id = :region_id AND code = :code",
        soci::use(region_id), soci::use(agency.code), soci::into(existing);
    if (existing > 0) {
      return false;
    }
    NullableText cluster(agency.cluster);
    const int active = agency.active ? 1 : 0;
    session_ << "INSERT INTO agencies (region_id, code, short_name, name, kind, cluster, active) "
                "VALUES (:region_id, :code, :short_name, :name, :kind, :cluster, :active)",
        soci::use(region_id), soci::use(agency.code), soci::use(agency.short_name), soci::use(agency.name),
        soci::use(agency.kind), soci::use(cluster.value, cluster.indicator), soci::use(active);
    return true;
  }

  Result<std::optional<User>> find_user(RegionId region, UserId id) override {
    BoundQuery query(kUserColumns);
    query.text("WHERE u.region_id = ").value(region.value()).text(" AND u.id = ").value(id.value());
    auto records = users_of(query);
    if (records.empty()) {
      return std::optional<User>();
    }
    return std::optional<User>(std::move(records.front().user));
  }

  Result<std::optional<UserRecord>> find_user_by_id(UserId id) override {
    BoundQuery query(kUserColumns);
    query.text("WHERE u.id = ").value(id.value());
    auto records = users_of(query);
    if (records.empty()) {
      return std::optional<UserRecord>();
    }
    return std::optional<UserRecord>(std::move(records.front()));
  }

  Result<std::optional<UserRecord>> find_user_by_username(const std::string& username) override {
    BoundQuery query(kUserColumns);
    query.text("WHERE u.username = ").value(username);
    auto records = users_of(query);
    if (records.empty()) {
      return std::optional<UserRecord>();
    }
    return std::optional<UserRecord>(std::move(records.front()));
  }

  Result<UserPage> search_users(RegionId region, const UserQuery& user_query) override {
    UserPage page;
    BoundQuery count_query("SELECT COUNT(*) FROM users u ");
    append_user_filter(count_query, region, user_query);
    long long total = 0;
    {
      soci::statement statement(session_);
      statement.exchange(soci::into(total));
      count_query.bind(statement);
      statement.alloc();
      statement.prepare(count_query.sql());
      statement.define_and_bind();
      statement.execute(true);
    }
    page.total = total;

    BoundQuery page_query(kUserColumns);
    append_user_filter(page_query, region, user_query);
    page_query.text(" ORDER BY u.username LIMIT ").value(static_cast<long long>(user_query.page_size));
    const long long offset = (static_cast<long long>(user_query.page) - 1) * user_query.page_size;
    page_query.text(" OFFSET ").value(offset);
    for (auto& record : users_of(page_query)) {
      page.items.push_back(std::move(record.user));
    }
    return page;
  }

  Result<std::vector<User>> users_with_access_to(RegionId region, const Agency& agency) override {
    BoundQuery query(kUserColumns);
    query.text("WHERE u.region_id = ").value(region.value());
    query.text(" AND u.active = 1 AND EXISTS (SELECT 1 FROM user_roles g WHERE g.user_id = u.id AND (");
    query.text("(g.role IN ('agency_head', 'agency_staff') AND g.agency_id = ")
        .value(agency.id.value())
        .text(")");
    if (agency.cluster) {
      query.text(" OR (g.role = 'assistant' AND g.cluster = ").value(*agency.cluster).text(")");
    }
    query.text(" OR g.role IN ('governor', 'vice_governor', 'secretary', 'auditor', 'admin')))");
    query.text(" ORDER BY u.username");
    auto records = users_of(query);
    std::vector<User> users;
    users.reserve(records.size());
    for (auto& record : records) {
      users.push_back(std::move(record.user));
    }
    return users;
  }

  Result<User> insert_user(const NewUser& user) override {
    long long id = 0;
    const long long region_id = user.region_id.value();
    NullableText nip(user.nip);
    NullableText email(user.email);
    const int must_change_password = user.must_change_password ? 1 : 0;
    const int active = user.active ? 1 : 0;
    session_
        << "INSERT INTO users (region_id, username, display_name, nip, email, password_hash, "
           "must_change_password, active, created_at, updated_at, version) VALUES (:region_id, :username, "
           ":display_name, :nip, :email, :password_hash, :must_change_password, :active, :created_at, "
           ":updated_at, 1) RETURNING id",
        soci::use(region_id), soci::use(user.username), soci::use(user.display_name),
        soci::use(nip.value, nip.indicator), soci::use(email.value, email.indicator),
        soci::use(user.password_hash), soci::use(must_change_password), soci::use(active),
        soci::use(user.now), soci::use(user.now), soci::into(id);
    insert_roles(session_, RoleOwner::user, id, user.roles);
    auto stored = TRY(find_user(user.region_id, UserId(id)));
    if (!stored) {
      return Error(ErrorCode::DatabaseError, {"insert_user"}).with_log_detail("inserted user not found");
    }
    return std::move(*stored);
  }

  Result<UserRecord> update_user(RegionId region, UserId id, std::optional<std::int64_t> expected_version,
                                 const std::string& now, const UserUpdate& update) override {
    BoundQuery query(kUserColumns);
    query.text("WHERE u.region_id = ").value(region.value()).text(" AND u.id = ").value(id.value());
    if (backend_ == db::Backend::postgresql) {
      query.text(" FOR UPDATE OF u");
    }
    auto records = users_of(query);
    if (records.empty()) {
      return Error(ErrorCode::NotFound, {"Pengguna"});
    }
    UserRecord before = std::move(records.front());
    if (expected_version && *expected_version != before.user.version) {
      return Error(ErrorCode::Conflict, {"data pengguna sudah diubah orang lain; muat ulang lalu ulangi"});
    }
    UserRecord after = before;
    TRY(update(after));
    if (after.user == before.user && after.password_hash == before.password_hash) {
      return before;
    }

    const long long user_id = id.value();
    const long long read_version = before.user.version;
    const long long next_version = read_version + 1;
    NullableText nip(after.user.nip);
    NullableText email(after.user.email);
    const int active = after.user.active ? 1 : 0;
    const int must_change_password = after.user.must_change_password ? 1 : 0;
    soci::statement statement =
        (session_.prepare
             << "UPDATE users SET display_name = :display_name, nip = :nip, email = :email, "
                "active = :active, must_change_password = :must_change_password, "
                "password_hash = :password_hash, updated_at = :updated_at, version = :next_version "
                "WHERE id = :id AND version = :read_version",
         soci::use(after.user.display_name), soci::use(nip.value, nip.indicator),
         soci::use(email.value, email.indicator), soci::use(active), soci::use(must_change_password),
         soci::use(after.password_hash), soci::use(now), soci::use(next_version), soci::use(user_id),
         soci::use(read_version));
    statement.execute(true);
    if (statement.get_affected_rows() != 1) {
      return Error(ErrorCode::Conflict, {"data pengguna sudah diubah orang lain; muat ulang lalu ulangi"});
    }
    if (after.user.roles != before.user.roles) {
      session_ << "DELETE FROM user_roles WHERE user_id = :user_id", soci::use(user_id);
      insert_roles(session_, RoleOwner::user, user_id, after.user.roles);
    }
    after.user.version = next_version;
    after.user.updated_at = now;
    return after;
  }

  Result<SessionId> insert_session(const SessionRecord& record) override {
    long long id = 0;
    const long long user_id = record.user_id.value();
    session_
        << "INSERT INTO sessions (user_id, token_hash, csrf_token_hash, created_at, last_seen_at, "
           "idle_expires_at, absolute_expires_at, user_agent, remote_address) VALUES (:user_id, :token_hash, "
           ":csrf_token_hash, :created_at, :last_seen_at, :idle_expires_at, :absolute_expires_at, "
           ":user_agent, :remote_address) RETURNING id",
        soci::use(user_id), soci::use(record.token_hash), soci::use(record.csrf_token_hash),
        soci::use(record.created_at), soci::use(record.last_seen_at), soci::use(record.idle_expires_at),
        soci::use(record.absolute_expires_at), soci::use(record.user_agent), soci::use(record.remote_address),
        soci::into(id);
    return SessionId(id);
  }

  Result<std::optional<SessionRecord>> find_session_by_token_hash(const std::string& token_hash) override {
    BoundQuery query(kSessionColumns);
    query.text("WHERE token_hash = ").value(token_hash);
    std::optional<SessionRecord> found;
    SessionColumns columns;
    for_each_row(session_, query, columns, [&] { found = columns.record(); });
    return found;
  }

  Result<std::vector<SessionRecord>> live_sessions_of_user(UserId user, const std::string& now) override {
    BoundQuery query(kSessionColumns);
    query.text("WHERE user_id = ").value(user.value());
    query.text(" AND revoked_at IS NULL AND idle_expires_at > ").value(now);
    query.text(" AND absolute_expires_at > ").value(now).text(" ORDER BY id DESC");
    std::vector<SessionRecord> sessions;
    SessionColumns columns;
    for_each_row(session_, query, columns, [&] { sessions.push_back(columns.record()); });
    return sessions;
  }

  Result<void> touch_session(SessionId id, const std::string& last_seen_at,
                             const std::string& idle_expires_at) override {
    BoundQuery query("UPDATE sessions SET last_seen_at = ");
    query.value(last_seen_at).text(", idle_expires_at = ").value(idle_expires_at);
    query.text(" WHERE id = ").value(id.value());
    execute(session_, query);
    return success();
  }

  Result<bool> revoke_session(UserId user, SessionId id, const std::string& now) override {
    BoundQuery query("UPDATE sessions SET revoked_at = ");
    query.value(now).text(" WHERE id = ").value(id.value());
    query.text(" AND user_id = ").value(user.value()).text(" AND revoked_at IS NULL");
    return execute(session_, query) == 1;
  }

  Result<std::int64_t> revoke_sessions_of_user(UserId user, std::optional<SessionId> keep,
                                               const std::string& now) override {
    BoundQuery query("UPDATE sessions SET revoked_at = ");
    query.value(now).text(" WHERE user_id = ").value(user.value()).text(" AND revoked_at IS NULL");
    if (keep) {
      query.text(" AND id <> ").value(keep->value());
    }
    return static_cast<std::int64_t>(execute(session_, query));
  }

  Result<ApiTokenRecord> insert_api_token(const ApiTokenRecord& token) override {
    long long id = 0;
    const long long region_id = token.region_id.value();
    const long long created_by = token.created_by_user_id.value();
    session_ << "INSERT INTO api_tokens (region_id, name, token_hash, created_by_user_id, created_at) "
                "VALUES (:region_id, :name, :token_hash, :created_by, :created_at) RETURNING id",
        soci::use(region_id), soci::use(token.name), soci::use(token.token_hash), soci::use(created_by),
        soci::use(token.created_at), soci::into(id);
    insert_roles(session_, RoleOwner::api_token, id, token.roles);
    auto stored = TRY(find_api_token(token.region_id, ApiTokenId(id)));
    if (!stored) {
      return Error(ErrorCode::DatabaseError, {"insert_api_token"})
          .with_log_detail("inserted token not found");
    }
    return std::move(*stored);
  }

  Result<std::optional<ApiTokenRecord>> find_api_token_by_hash(const std::string& token_hash) override {
    BoundQuery query(kApiTokenColumns);
    query.text("WHERE t.token_hash = ").value(token_hash);
    auto tokens = tokens_of(query);
    if (tokens.empty()) {
      return std::optional<ApiTokenRecord>();
    }
    return std::optional<ApiTokenRecord>(std::move(tokens.front()));
  }

  Result<std::optional<ApiTokenRecord>> find_api_token(RegionId region, ApiTokenId id) override {
    BoundQuery query(kApiTokenColumns);
    query.text("WHERE t.region_id = ").value(region.value()).text(" AND t.id = ").value(id.value());
    auto tokens = tokens_of(query);
    if (tokens.empty()) {
      return std::optional<ApiTokenRecord>();
    }
    return std::optional<ApiTokenRecord>(std::move(tokens.front()));
  }

  Result<std::vector<ApiTokenRecord>> api_tokens_of_region(RegionId region) override {
    BoundQuery query(kApiTokenColumns);
    query.text("WHERE t.region_id = ").value(region.value()).text(" ORDER BY t.id DESC");
    return tokens_of(query);
  }

  Result<void> revoke_api_token(ApiTokenId id, const std::string& now) override {
    BoundQuery query("UPDATE api_tokens SET revoked_at = ");
    query.value(now).text(" WHERE id = ").value(id.value()).text(" AND revoked_at IS NULL");
    execute(session_, query);
    return success();
  }

  Result<void> touch_api_token(ApiTokenId id, const std::string& last_used_at) override {
    BoundQuery query("UPDATE api_tokens SET last_used_at = ");
    query.value(last_used_at).text(" WHERE id = ").value(id.value());
    execute(session_, query);
    return success();
  }

  Result<void> append_audit(const audit::AuditEvent& event) override {
    TRY(audit::append(session_, backend_, event, clock_));
    return success();
  }

 private:
  Result<std::optional<Region>> first_region(BoundQuery& query) {
    std::optional<Region> found;
    RegionColumns columns;
    for_each_row(session_, query, columns, [&] {
      if (!found) {
        found = columns.region();
      }
    });
    return found;
  }

  std::vector<UserRecord> users_of(BoundQuery& query) {
    std::vector<UserRecord> records;
    UserColumns columns;
    for_each_row(session_, query, columns, [&] { records.push_back(columns.record()); });
    attach_roles(records);
    return records;
  }

  void attach_roles(std::vector<UserRecord>& records) {
    std::vector<long long> ids;
    ids.reserve(records.size());
    for (const auto& record : records) {
      ids.push_back(record.user.id.value());
    }
    auto roles = load_roles(session_, RoleOwner::user, ids);
    for (auto& record : records) {
      record.user.roles = std::move(roles[record.user.id.value()]);
    }
  }

  std::vector<ApiTokenRecord> tokens_of(BoundQuery& query) {
    std::vector<ApiTokenRecord> tokens;
    ApiTokenColumns columns;
    for_each_row(session_, query, columns, [&] { tokens.push_back(columns.record()); });
    std::vector<long long> ids;
    ids.reserve(tokens.size());
    for (const auto& token : tokens) {
      ids.push_back(token.id.value());
    }
    auto roles = load_roles(session_, RoleOwner::api_token, ids);
    for (auto& token : tokens) {
      token.roles = std::move(roles[token.id.value()]);
    }
    return tokens;
  }

  soci::session& session_;
  db::Backend backend_;
  const Clock& clock_;
};

class SqlIdentityRepository final : public IdentityRepository {
 public:
  SqlIdentityRepository(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  Result<void> write(const Work& work) override {
    return database_.with_transaction([&](soci::session& session) -> Result<void> {
      SqlIdentityStore store(session, database_.backend(), clock_);
      return work(store);
    });
  }

  Result<void> read(const Work& work) override {
    return database_.with_read_transaction([&](soci::session& session) -> Result<void> {
      SqlIdentityStore store(session, database_.backend(), clock_);
      return work(store);
    });
  }

 private:
  db::Database& database_;
  const Clock& clock_;
};

}  // namespace

std::unique_ptr<IdentityRepository> make_sql_identity_repository(db::Database& database, const Clock& clock) {
  return std::make_unique<SqlIdentityRepository>(database, clock);
}

}  // namespace sinergi::identity
