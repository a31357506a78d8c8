#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "platform/workflow/workflow.h"

// Storage of workflow items and their timelines (tables workflow_items and workflow_steps,
// migration 0007), used inside a context's transaction: the context's SQL adapter hands its
// session to a WorkflowStore, so the item's step and the context's own change commit together
// with their audit event.
//
// Concurrency: an item carries a version. take_step() appends the step only when the stored
// version is the one the caller read, in one UPDATE ... WHERE version = ?; of two people
// acting on the same item at once exactly one wins, the other gets Conflict (on SQLite the
// writers queue on the write lock; on PostgreSQL the second UPDATE waits for the first to
// commit and then finds no row at the old version).

namespace soci {
class session;
}
namespace sinergi {
class Clock;
}
namespace sinergi::db {
class BoundQuery;
}

namespace sinergi::workflow {

struct StoredItem {
  std::int64_t id = 0;
  std::string definition;  // Definition::name
  int definition_version = 1;
  std::string subject;  // "performance_agreement:12"
  Item item;            // region, agency, cluster, state, entered_at and the steps in order
  std::int64_t version = 1;
};

class WorkflowStore {
 public:
  // REQUIRES: `session` is inside a transaction; `clock` outlives the store.
  WorkflowStore(soci::session& session, const Clock& clock);

  // A new item in the definition's initial state, without steps.
  Result<StoredItem> create(const Definition& definition, std::int64_t region_id,
                            std::optional<std::int64_t> agency_id, std::optional<std::string> cluster,
                            const std::string& subject);

  // The item with its timeline; none when it does not exist in the region.
  Result<std::optional<StoredItem>> find(std::int64_t region_id, std::int64_t id);

  // The items with these ids in the region, with their timelines, in two statements (a list's
  // timelines and buttons without one query per row); missing ids are left out.
  Result<std::vector<StoredItem>> find_many(std::int64_t region_id, const std::vector<std::int64_t>& ids);

  // Items of a definition in a region whose state is one of `states`, oldest entry first,
  // with their timelines (an inbox, the verification queue).
  Result<std::vector<StoredItem>> in_states(std::int64_t region_id, std::string_view definition,
                                            const std::vector<std::string>& states);

  // Decides `request` by `actor` on `item` (workflow::decide), stamps the step with the clock
  // and appends it when the stored version is still item.version. Answers the item as it is
  // now (state, entered_at, steps, version + 1), or decide()'s error, or Conflict when
  // someone else took a step first.
  Result<StoredItem> take_step(const Definition& definition, const StoredItem& item,
                               const auth::Principal& actor, const StepRequest& request);

 private:
  Result<std::vector<Step>> steps_of(std::int64_t item_id);
  // Appends the steps of every item of `items` read by `steps` (ordered by item and sequence).
  void attach_steps(std::vector<StoredItem>& items, db::BoundQuery& steps);

  soci::session& session_;
  const Clock& clock_;
};

}  // namespace sinergi::workflow
