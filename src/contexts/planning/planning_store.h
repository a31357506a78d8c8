#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "contexts/planning/planning.h"
#include "core/result.h"

// The planning context's storage port. The service says WHAT it reads and writes; the SQL
// adapter (sql_planning_store.cpp) owns the SQL. Every call names the region and the adapter
// filters every statement on it, so rows of another region are simply not there (national
// priorities, which have no region, are read by every region). Updates are optimistic: they
// apply only when the record's `version` is the stored one, store version + 1, and answer
// false otherwise. The whole cascade of a plan is read in a few statements (plan_nodes,
// plan_links, plan_indicators), because the tree and the alignment report need all of it.

namespace sinergi {
class Clock;
}
namespace sinergi::db {
class Database;
}
namespace sinergi::audit {
struct AuditEvent;
}

namespace sinergi::planning {

struct NomenclatureQuery {
  std::optional<NomenclatureLevel> level;
  std::string search;       // part of the code or of the name, any case
  std::string code_prefix;  // "1.02": that field's entries
  std::int64_t offset = 0;
  std::int64_t limit = 50;  // 0: every entry
};
struct NomenclaturePage {
  std::vector<NomenclatureEntry> items;
  std::int64_t total = 0;
};

class PlanningStore {
 public:
  virtual ~PlanningStore() = default;

  // --- Plans, newest period first ---
  virtual Result<std::vector<PlanRecord>> plans(RegionId region) = 0;
  virtual Result<std::optional<PlanRecord>> find_plan(RegionId region, PlanId id) = 0;
  // Sets id, version 1, created_at and updated_at.
  virtual Result<PlanRecord> insert_plan(RegionId region, const PlanRecord& plan) = 0;
  // Every field but id, created_at and content_version; sets updated_at.
  virtual Result<bool> update_plan(RegionId region, const PlanRecord& plan) = 0;
  // Records that the plan's nodes, links, indicators or targets changed: content_version + 1.
  // Every such change calls it in its transaction, so a cached cascade is never stale.
  virtual Result<void> touch_plan(RegionId region, PlanId plan) = 0;

  // --- Nodes ---
  // Every national priority, by code.
  virtual Result<std::vector<NodeRecord>> national_priorities() = 0;
  // Every node of the plan (no national priorities), by kind order of PlanNodeKind, then code.
  virtual Result<std::vector<NodeRecord>> plan_nodes(RegionId region, PlanId plan) = 0;
  // A node of the region or a national priority.
  virtual Result<std::optional<NodeRecord>> find_node(RegionId region, NodeId id) = 0;
  // node.plan_id unset: a national priority (stored without region). Sets id and version 1.
  virtual Result<NodeRecord> insert_node(RegionId region, const NodeRecord& node) = 0;
  // code, title, parent_id, agency_id, field_code.
  virtual Result<bool> update_node(RegionId region, const NodeRecord& node) = 0;
  // Deletes the node with its indicators, their targets and revision changes, and the links
  // FROM it. The service refuses first while links point TO it or children hang under it.
  virtual Result<void> delete_node(RegionId region, NodeId id) = 0;

  // Inserts many nodes of one plan at once (imports); ids are not returned: read plan_nodes.
  virtual Result<void> insert_nodes(RegionId region, const std::vector<NodeRecord>& nodes) = 0;
  // The links of every region that point to `node` (a national priority is shared by all).
  virtual Result<std::int64_t> count_links_to(NodeId node) = 0;

  // --- The national nomenclature list (no region), by code ---
  virtual Result<NomenclaturePage> nomenclature(const NomenclatureQuery& query) = 0;
  virtual Result<std::vector<NomenclatureEntry>> nomenclature_entries() = 0;
  // Sets updated_at. Bulk: one COPY on PostgreSQL.
  virtual Result<void> insert_nomenclature(const std::vector<NomenclatureEntry>& entries) = 0;
  // Every field but the code; sets updated_at.
  virtual Result<void> update_nomenclature(const NomenclatureEntry& entry) = 0;

  // --- Alignment links ---
  // Every link of the plan, by id.
  virtual Result<std::vector<LinkRecord>> plan_links(RegionId region, PlanId plan) = 0;
  virtual Result<std::optional<LinkRecord>> find_link(RegionId region, LinkId id) = 0;
  virtual Result<LinkRecord> insert_link(RegionId region, const LinkRecord& link) = 0;
  virtual Result<void> update_link_weight(RegionId region, LinkId id,
                                          const std::optional<Decimal>& weight) = 0;
  virtual Result<void> delete_link(RegionId region, LinkId id) = 0;

  // --- Indicators, each with its targets ordered by year ---
  // Every indicator of the plan, by node, then code, then id.
  virtual Result<std::vector<IndicatorRecord>> plan_indicators(RegionId region, PlanId plan) = 0;
  virtual Result<std::optional<IndicatorRecord>> find_indicator(RegionId region, IndicatorId id) = 0;
  // Inserts with its targets; sets id and version 1.
  virtual Result<IndicatorRecord> insert_indicator(RegionId region, const IndicatorRecord& indicator) = 0;
  // Every field but id, plan_id and node_id, and replaces the targets.
  virtual Result<bool> update_indicator(RegionId region, const IndicatorRecord& indicator) = 0;
  // Replaces only the targets (revisions); does not touch the version.
  virtual Result<void> replace_targets(RegionId region, IndicatorId id,
                                       const std::vector<Target>& targets) = 0;
  // With its targets and revision changes.
  virtual Result<void> delete_indicator(RegionId region, IndicatorId id) = 0;

  // --- Versions of adopted plans, by number; lists leave snapshot empty ---
  virtual Result<std::vector<PlanVersionRecord>> plan_versions(RegionId region, PlanId plan) = 0;
  virtual Result<std::optional<PlanVersionRecord>> find_plan_version(RegionId region, PlanId plan,
                                                                     int number) = 0;
  virtual Result<void> insert_plan_version(RegionId region, PlanId plan,
                                           const PlanVersionRecord& version) = 0;

  // --- Revisions, newest first, each with its changes ---
  virtual Result<std::vector<RevisionRecord>> plan_revisions(RegionId region, PlanId plan) = 0;
  virtual Result<std::optional<RevisionRecord>> find_revision(RegionId region, RevisionId id) = 0;
  // Sets id, proposed_at and version 1; stores the changes.
  virtual Result<RevisionRecord> insert_revision(RegionId region, const RevisionRecord& revision) = 0;
  // status, decided_*, decision_note, version_number (the changes never change).
  virtual Result<bool> update_revision(RegionId region, const RevisionRecord& revision) = 0;

  // Appends to the audit chain inside this transaction (call after the change it describes).
  virtual Result<void> append_audit(const audit::AuditEvent& event) = 0;
};

// Runs units of work against storage. Thread-safe.
class PlanningRepository {
 public:
  using Work = std::function<Result<void>(PlanningStore&)>;

  virtual ~PlanningRepository() = default;
  virtual Result<void> write(const Work& work) = 0;
  virtual Result<void> read(const Work& work) = 0;
};

// REQUIRES: `database` and `clock` outlive the repository; the schema is migrated.
std::unique_ptr<PlanningRepository> make_sql_planning_repository(db::Database& database, const Clock& clock);

}  // namespace sinergi::planning
