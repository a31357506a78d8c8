#include "platform/workflow/workflow_store.h"

#include <soci/soci.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/refusals.h"
#include "platform/db/bound_query.h"

namespace sinergi::workflow {
namespace {

using db::BoundQuery;
using Json = nlohmann::json;

struct ItemColumns {
  long long id = 0;
  long long region_id = 0;
  std::string definition;
  int definition_version = 1;
  std::string subject;
  long long agency_id = 0;
  soci::indicator agency_indicator = soci::i_null;
  std::string cluster;
  soci::indicator cluster_indicator = soci::i_null;
  std::string state;
  std::string entered_at;
  long long version = 1;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(region_id));
    statement.exchange(soci::into(definition));
    statement.exchange(soci::into(definition_version));
    statement.exchange(soci::into(subject));
    statement.exchange(soci::into(agency_id, agency_indicator));
    statement.exchange(soci::into(cluster, cluster_indicator));
    statement.exchange(soci::into(state));
    statement.exchange(soci::into(entered_at));
    statement.exchange(soci::into(version));
  }
  StoredItem record() const {
    StoredItem stored;
    stored.id = id;
    stored.definition = definition;
    stored.definition_version = definition_version;
    stored.subject = subject;
    stored.item.region_id = region_id;
    stored.item.agency_id = db::optional_of(agency_id, agency_indicator);
    stored.item.cluster = db::optional_of(cluster, cluster_indicator);
    stored.item.state = state;
    // Stored by this file from the clock; a damaged value reads as the epoch rather than
    // failing every view of the item.
    stored.item.entered_at = parse_iso8601_utc(entered_at).value_or(std::chrono::system_clock::time_point{});
    stored.version = version;
    return stored;
  }
};

constexpr std::string_view kItemColumns =
    "SELECT id, region_id, definition, definition_version, subject, agency_id, cluster, state, entered_at, "
    "version FROM workflow_items ";

struct StepColumns {
  long long item_id = 0;
  int sequence = 0;
  std::string transition;
  std::string from_state;
  std::string to_state;
  long long actor_user_id = 0;
  std::string actor_name;
  std::string at;
  std::string comment;
  std::string fields;
  std::string attachments;

  void exchange_into(soci::statement& statement) {
    statement.exchange(soci::into(item_id));
    statement.exchange(soci::into(sequence));
    statement.exchange(soci::into(transition));
    statement.exchange(soci::into(from_state));
    statement.exchange(soci::into(to_state));
    statement.exchange(soci::into(actor_user_id));
    statement.exchange(soci::into(actor_name));
    statement.exchange(soci::into(at));
    statement.exchange(soci::into(comment));
    statement.exchange(soci::into(fields));
    statement.exchange(soci::into(attachments));
  }
  std::pair<std::int64_t, Step> record() const {
    Step step;
    step.sequence = sequence;
    step.transition = transition;
    step.from = from_state;
    step.to = to_state;
    step.actor_user_id = actor_user_id;
    step.actor_name = actor_name;
    step.at = at;
    step.comment = comment;
    // Written by this file as JSON; anything else is skipped rather than failing the read.
    const Json parsed_fields = Json::parse(fields, nullptr, false);
    if (parsed_fields.is_object()) {
      for (const auto& [key, value] : parsed_fields.items()) {
        if (value.is_string()) {
          step.fields[key] = value.get<std::string>();
        }
      }
    }
    const Json parsed_attachments = Json::parse(attachments, nullptr, false);
    if (parsed_attachments.is_array()) {
      for (const Json& value : parsed_attachments) {
        if (value.is_string()) {
          step.attachments.push_back(value.get<std::string>());
        }
      }
    }
    return {item_id, std::move(step)};
  }
};

constexpr std::string_view kStepColumns =
    "SELECT item_id, sequence, transition, from_state, to_state, actor_user_id, actor_name, at, comment, "
    "fields, attachments FROM workflow_steps ";

std::string fields_json(const std::map<std::string, std::string>& fields) {
  Json object = Json::object();
  for (const auto& [key, value] : fields) {
    object[key] = value;
  }
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string attachments_json(const std::vector<std::string>& attachments) {
  Json array = Json::array();
  for (const std::string& attachment : attachments) {
    array.push_back(attachment);
  }
  return array.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

WorkflowStore::WorkflowStore(soci::session& session, const Clock& clock) : session_(session), clock_(clock) {}

Result<StoredItem> WorkflowStore::create(const Definition& definition, std::int64_t region_id,
                                         std::optional<std::int64_t> agency_id,
                                         std::optional<std::string> cluster, const std::string& subject) {
  const auto now = clock_.now();
  std::string now_text = format_iso8601_utc_milliseconds(now);
  long long id = 0;
  long long region = region_id;
  db::NullableInteger agency(agency_id);
  db::NullableText cluster_text(cluster);
  std::string name = definition.name;
  int definition_version = definition.version;
  std::string subject_text = subject;
  std::string state = definition.initial;
  session_ << "INSERT INTO workflow_items (region_id, definition, definition_version, subject, agency_id, "
              "cluster, state, entered_at, created_at, version) VALUES (:region_id, :definition, "
              ":definition_version, :subject, :agency_id, :cluster, :state, :entered_at, :created_at, 1) "
              "RETURNING id",
      soci::use(region), soci::use(name), soci::use(definition_version), soci::use(subject_text),
      soci::use(agency.value, agency.indicator), soci::use(cluster_text.value, cluster_text.indicator),
      soci::use(state), soci::use(now_text), soci::use(now_text), soci::into(id);
  StoredItem stored;
  stored.id = id;
  stored.definition = name;
  stored.definition_version = definition_version;
  stored.subject = subject;
  stored.item.region_id = region_id;
  stored.item.agency_id = agency_id;
  stored.item.cluster = std::move(cluster);
  stored.item.state = state;
  // As stored (millisecond precision), so a re-read item compares equal.
  stored.item.entered_at = parse_iso8601_utc(now_text).value_or(now);
  return stored;
}

Result<std::vector<Step>> WorkflowStore::steps_of(std::int64_t item_id) {
  BoundQuery query(kStepColumns);
  query.text("WHERE item_id = ").value(static_cast<long long>(item_id)).text(" ORDER BY sequence");
  std::vector<Step> steps;
  for (auto& [owner, step] : db::collect_rows<StepColumns>(session_, query)) {
    steps.push_back(std::move(step));
  }
  return steps;
}

Result<std::optional<StoredItem>> WorkflowStore::find(std::int64_t region_id, std::int64_t id) {
  BoundQuery query(kItemColumns);
  query.text("WHERE region_id = ")
      .value(static_cast<long long>(region_id))
      .text(" AND id = ")
      .value(static_cast<long long>(id));
  auto rows = db::collect_rows<ItemColumns>(session_, query);
  if (rows.empty()) {
    return std::optional<StoredItem>();
  }
  StoredItem item = std::move(rows.front());
  item.item.steps = TRY(steps_of(item.id));
  return std::optional<StoredItem>(std::move(item));
}

Result<std::vector<StoredItem>> WorkflowStore::in_states(std::int64_t region_id, std::string_view definition,
                                                         const std::vector<std::string>& states) {
  std::vector<StoredItem> items;
  if (states.empty()) {
    return items;
  }
  BoundQuery query(kItemColumns);
  query.text("WHERE region_id = ")
      .value(static_cast<long long>(region_id))
      .text(" AND definition = ")
      .value(std::string(definition))
      .text(" AND state IN (");
  for (std::size_t index = 0; index < states.size(); ++index) {
    query.text(index == 0 ? "" : ", ").value(states[index]);
  }
  query.text(") ORDER BY entered_at, id");
  items = db::collect_rows<ItemColumns>(session_, query);
  if (items.empty()) {
    return items;
  }
  // The timelines of all of them in one statement.
  BoundQuery steps(kStepColumns);
  steps.text("WHERE item_id IN (SELECT id FROM workflow_items WHERE region_id = ")
      .value(static_cast<long long>(region_id))
      .text(" AND definition = ")
      .value(std::string(definition))
      .text(") ORDER BY item_id, sequence");
  attach_steps(items, steps);
  return items;
}

Result<std::vector<StoredItem>> WorkflowStore::find_many(std::int64_t region_id,
                                                         const std::vector<std::int64_t>& ids) {
  std::vector<StoredItem> items;
  if (ids.empty()) {
    return items;
  }
  const auto id_list = [&](BoundQuery& query) {
    for (std::size_t index = 0; index < ids.size(); ++index) {
      query.text(index == 0 ? "" : ", ").value(static_cast<long long>(ids[index]));
    }
  };
  BoundQuery query(kItemColumns);
  query.text("WHERE region_id = ").value(static_cast<long long>(region_id)).text(" AND id IN (");
  id_list(query);
  query.text(")");
  items = db::collect_rows<ItemColumns>(session_, query);
  BoundQuery steps(kStepColumns);
  steps.text("WHERE item_id IN (");
  id_list(steps);
  steps.text(") ORDER BY item_id, sequence");
  attach_steps(items, steps);
  return items;
}

void WorkflowStore::attach_steps(std::vector<StoredItem>& items, BoundQuery& steps) {
  std::map<std::int64_t, StoredItem*> by_id;
  for (StoredItem& item : items) {
    by_id[item.id] = &item;
  }
  for (auto& [owner, step] : db::collect_rows<StepColumns>(session_, steps)) {
    if (auto found = by_id.find(owner); found != by_id.end()) {
      found->second->item.steps.push_back(std::move(step));
    }
  }
}

Result<StoredItem> WorkflowStore::take_step(const Definition& definition, const StoredItem& item,
                                            const auth::Principal& actor, const StepRequest& request) {
  Step step = TRY(decide(definition, item.item, actor, request));
  const auto now = clock_.now();
  step.at = format_iso8601_utc_milliseconds(now);

  BoundQuery update("UPDATE workflow_items SET state = ");
  update.value(step.to)
      .text(", entered_at = ")
      .value(step.at)
      .text(", version = version + 1 WHERE id = ")
      .value(static_cast<long long>(item.id))
      .text(" AND region_id = ")
      .value(static_cast<long long>(item.item.region_id))
      .text(" AND version = ")
      .value(static_cast<long long>(item.version));
  if (db::execute(session_, update) != 1) {
    return conflict(
        "version",
        "langkah lain sudah diambil pada butir ini lebih dahulu; muat ulang untuk melihat statusnya",
        "someone else took a step on this item first; reload to see where it stands");
  }
  long long item_id = item.id;
  int sequence = step.sequence;
  long long actor_user_id = step.actor_user_id;
  std::string fields = fields_json(step.fields);
  std::string attachments = attachments_json(step.attachments);
  session_
      << "INSERT INTO workflow_steps (item_id, sequence, transition, from_state, to_state, actor_user_id, "
         "actor_name, at, comment, fields, attachments) VALUES (:item_id, :sequence, :transition, "
         ":from_state, :to_state, :actor_user_id, :actor_name, :at, :comment, :fields, :attachments)",
      soci::use(item_id), soci::use(sequence), soci::use(step.transition), soci::use(step.from),
      soci::use(step.to), soci::use(actor_user_id), soci::use(step.actor_name), soci::use(step.at),
      soci::use(step.comment), soci::use(fields), soci::use(attachments);

  StoredItem moved = item;
  moved.item.state = step.to;
  moved.item.entered_at = parse_iso8601_utc(step.at).value_or(now);
  moved.item.steps.push_back(std::move(step));
  moved.version = item.version + 1;
  return moved;
}

}  // namespace sinergi::workflow
