#include "platform/audit/query.h"

#include <utility>

#include "core/clock.h"
#include "platform/audit/stored_event.h"

namespace sinergi::audit {
namespace {

// The filter's values, in the order their placeholders appear in the SQL, kept alive while
// the statements that bind them run.
struct BoundFilter {
  std::vector<std::string> conditions;  // fixed SQL fragments only
  std::optional<long long> region_id;
  std::optional<std::string> entity_type;
  std::optional<std::string> entity_id;
  std::optional<long long> actor_id;
  std::optional<std::string> action;
  std::optional<std::string> from;
  std::optional<std::string> to;

  std::string where_clause() const {
    std::string clause;
    for (const std::string& condition : conditions) {
      clause += clause.empty() ? " WHERE " : " AND ";
      clause += condition;
    }
    return clause;
  }

  // Binds the set values to `statement` in the order bound_filter() adds their conditions.
  void bind(soci::statement& statement) {
    if (region_id) {
      statement.exchange(soci::use(*region_id));
    }
    if (entity_type) {
      statement.exchange(soci::use(*entity_type));
    }
    if (entity_id) {
      statement.exchange(soci::use(*entity_id));
    }
    if (actor_id) {
      statement.exchange(soci::use(*actor_id));
    }
    if (action) {
      statement.exchange(soci::use(*action));
    }
    if (from) {
      statement.exchange(soci::use(*from));
    }
    if (to) {
      statement.exchange(soci::use(*to));
    }
  }
};

// occurred_at is stored as "YYYY-MM-DDTHH:MM:SS.mmmZ", fixed width, so text order is time
// order; a bound must be written the same way ("...:00Z" would sort after "...:00.000Z").
Result<std::optional<std::string>> normalized_time(const std::optional<std::string>& text) {
  if (!text) {
    return std::optional<std::string>();
  }
  const auto time = TRY(parse_iso8601_utc(*text));
  return std::optional<std::string>(format_iso8601_utc_milliseconds(time));
}

Result<BoundFilter> bound_filter(const AuditFilter& filter) {
  BoundFilter bound;
  if (filter.region_id) {
    bound.region_id = *filter.region_id;
    bound.conditions.emplace_back("region_id = :region_id");
  }
  if (filter.entity_type) {
    bound.entity_type = filter.entity_type;
    bound.conditions.emplace_back("entity_type = :entity_type");
  }
  if (filter.entity_id) {
    bound.entity_id = filter.entity_id;
    bound.conditions.emplace_back("entity_id = :entity_id");
  }
  if (filter.actor_id) {
    bound.actor_id = *filter.actor_id;
    bound.conditions.emplace_back("actor_id = :actor_id");
  }
  if (filter.action) {
    bound.action = filter.action;
    bound.conditions.emplace_back("action = :action");
  }
  bound.from = TRY(normalized_time(filter.from));
  if (bound.from) {
    bound.conditions.emplace_back("occurred_at >= :from_time");
  }
  bound.to = TRY(normalized_time(filter.to));
  if (bound.to) {
    bound.conditions.emplace_back("occurred_at < :to_time");
  }
  return bound;
}

}  // namespace

Result<AuditPage> list_events(soci::session& session, const AuditFilter& filter) {
  if (filter.page < 1) {
    return Error(ErrorCode::InvalidInput, {"page must be at least 1"});
  }
  if (filter.page_size < 1 || filter.page_size > kMaxPageSize) {
    return Error(ErrorCode::InvalidInput,
                 {"page_size must be between 1 and " + std::to_string(kMaxPageSize)});
  }
  BoundFilter bound = TRY(bound_filter(filter));
  const std::string where = bound.where_clause();

  AuditPage page;
  page.page = filter.page;
  page.page_size = filter.page_size;
  {
    long long total = 0;
    soci::statement count(session);
    count.exchange(soci::into(total));
    bound.bind(count);
    count.alloc();
    count.prepare("SELECT count(*) FROM audit_events" + where);
    count.define_and_bind();
    count.execute(true);
    page.total = total;
  }

  long long limit = filter.page_size;
  long long offset = static_cast<long long>(filter.page - 1) * filter.page_size;
  internal::StoredEventReader reader;
  soci::statement select(session);
  reader.bind(select);
  bound.bind(select);
  select.exchange(soci::use(limit));
  select.exchange(soci::use(offset));
  select.alloc();
  select.prepare("SELECT " + std::string(internal::kStoredEventColumns) + " FROM audit_events" + where +
                 " ORDER BY sequence DESC LIMIT :limit OFFSET :offset");
  select.define_and_bind();
  select.execute();
  while (select.fetch()) {
    page.items.push_back(TRY(internal::to_record(reader.row())));
  }
  return page;
}

nlohmann::json to_json(const AuditRecord& record) {
  const auto optional_integer = [](const std::optional<std::int64_t>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  const auto optional_text = [](const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
  };
  nlohmann::json changes = nlohmann::json::array();
  for (const FieldChange& change : record.changes) {
    changes.push_back({{"field", change.field}, {"before", change.before}, {"after", change.after}});
  }
  return {
      {"sequence", record.sequence},
      {"occurred_at", record.occurred_at},
      {"actor",
       {{"type", std::string(actor_type_name(record.actor.type))},
        {"id", optional_integer(record.actor.id)},
        {"name", record.actor.name}}},
      {"region_id", optional_integer(record.region_id)},
      {"action", record.action},
      {"outcome", std::string(outcome_name(record.outcome))},
      {"entity_type", record.entity_type},
      {"entity_id", record.entity_id ? nlohmann::json(*record.entity_id) : nlohmann::json(nullptr)},
      {"changes", std::move(changes)},
      {"request_id", optional_text(record.request_id)},
      {"remote_address", optional_text(record.remote_address)},
      {"previous_hash", record.previous_hash},
      {"hash", record.hash},
  };
}

}  // namespace sinergi::audit
