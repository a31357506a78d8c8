#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "contexts/planning/alignment_report.h"
#include "contexts/planning/performance_tree.h"
#include "contexts/planning/planning.h"
#include "contexts/planning/planning_store.h"
#include "core/result.h"
#include "platform/audit/call_context.h"
#include "platform/auth/principal.h"

// The planning context's application service (issue 5): national priorities, the region's
// plan, the agencies' Renstra, programs, activities and sub-activities, alignment links,
// indicators and targets, the performance tree, the alignment report, and the change
// control of adopted plans (adoption, revisions, versions).
//
// Every change runs in ONE transaction with its audit event; a change refused by validation
// writes nothing. Every call works inside caller.region_id: a plan or node of another region
// answers NotFound. Reading is open to the whole region (planning.read); a change of an
// agency's node needs planning.agency.manage on that agency (403 otherwise, the node being
// readable), a change of the region levels planning.manage.
//
// Inputs arrive as text (drafts) and are validated here, so every message names its field.
// Thread-safe: one instance serves every request.

namespace sinergi {
class Clock;
}

namespace sinergi::planning {

using CallContext = audit::CallContext;

// An agency as the planning context needs it (from the organization context).
struct AgencyInfo {
  AgencyId id{0};
  std::string code;
  std::string name;
};
// Every agency of a region.
using AgencyDirectory = std::function<Result<std::vector<AgencyInfo>>(RegionId)>;

struct PlanCounts {
  std::int64_t missions = 0;
  std::int64_t goals = 0;
  std::int64_t objectives = 0;
  std::int64_t agency_objectives = 0;
  std::int64_t programs = 0;
  std::int64_t activities = 0;
  std::int64_t sub_activities = 0;
  std::int64_t indicators = 0;
};

struct PlanView {
  PlanRecord plan;
  PlanCounts counts;
};

struct NodeSummary {
  NodeId id{0};
  PlanNodeKind kind = PlanNodeKind::program;
  std::string code;
  std::string title;
  std::optional<std::string> agency_code;
};

struct NodeView {
  NodeRecord node;
  std::optional<std::string> agency_code;
  std::optional<std::string> field_name;  // "Kesehatan" for field 1.02
  bool basic_service = false;             // fields 1.01-1.06 (the six SPM areas)
};

struct LinkView {
  LinkRecord link;
  NodeSummary from;
  NodeSummary to;
};

struct IndicatorView {
  IndicatorRecord indicator;
  NodeSummary node;
  std::optional<std::string> responsible_agency_code;
};

struct NodeDetail {
  NodeView node;
  std::optional<NodeSummary> parent;
  std::vector<NodeSummary> children;
  std::vector<LinkView> links_out;
  std::vector<LinkView> links_in;
  std::vector<IndicatorView> indicators;
};

struct NodeQuery {
  std::optional<PlanNodeKind> kind;
  std::optional<std::string> agency_code;
  std::optional<std::string> search;  // substring of code or title, any case
  std::int64_t page = 1;
  std::int64_t page_size = 20;  // 0: everything
};

struct NodePage {
  std::vector<NodeView> items;
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t page_size = 20;
};

struct NodeDraft {
  std::string kind;
  std::string code;
  std::string title;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> agency_code;
};

struct TargetDraft {
  std::optional<std::int64_t> year;
  std::optional<std::string> value;
  std::optional<std::string> lower;
  std::optional<std::string> upper;
};

// An indicator as typed; unset optional texts are empty.
struct IndicatorDraft {
  std::string code;
  std::string name;
  std::string unit;
  std::string definition;
  std::string formula_text;
  std::string polarity;
  std::string formula_variant;
  std::string aggregation;
  std::optional<std::int64_t> baseline_year;
  std::optional<std::string> baseline_value;
  std::vector<TargetDraft> targets;
  std::optional<std::string> data_source_kind;
  std::string data_source_name;
  std::string data_source_reference;
  std::optional<std::string> responsible_agency_code;
  bool key_indicator = false;
  std::optional<std::string> spm_service;
};

struct PlanDraft {
  std::string kind;
  std::string title;
  std::optional<std::int64_t> first_year;
  std::optional<std::int64_t> last_year;
  std::string vision;
};

struct TargetChangeDraft {
  std::optional<std::int64_t> indicator_id;
  std::optional<std::int64_t> year;
  std::optional<std::string> value;
  std::optional<std::string> lower;
  std::optional<std::string> upper;
};

struct RevisionView {
  RevisionRecord revision;
  std::unordered_map<std::int64_t, std::string> indicator_names;  // indicator id -> name
};

namespace support {
struct PlanContent;
class PlanCache;
}  // namespace support

// The performance tree with what the web shows on each node. The indicators point into the
// plan's cached content, which `content` keeps alive.
struct TreeView {
  PlanView plan;
  PerformanceTree tree;
  std::vector<std::optional<std::string>> agency_codes;  // parallel to tree.nodes
  std::unordered_map<std::int64_t, const IndicatorRecord*> indicators;
  std::shared_ptr<const support::PlanContent> content;
};

// Everything of one plan, as stored (exports and version snapshots).
struct Cascade {
  PlanRecord plan;
  std::vector<NodeView> priorities;
  std::vector<NodeView> nodes;
  std::vector<LinkView> links;
  std::vector<IndicatorView> indicators;
};

struct AlignmentReportQuery {
  std::optional<FindingKind> kind;
  std::optional<std::string> agency_code;
  std::int64_t page = 1;
  std::int64_t page_size = 50;  // 0: everything
};

// A finding with the nodes and agency it names.
struct ReportFinding {
  Finding finding;
  std::optional<NodeSummary> node;
  std::optional<std::string> agency_code;
  std::vector<NodeSummary> related;
};

struct AlignmentReportPage {
  PlanId plan_id{0};
  std::vector<std::pair<FindingKind, std::int64_t>> counts;  // every kind, in report order
  std::vector<ReportFinding> items;
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};

class PlanningService {
 public:
  // REQUIRES: every argument outlives the service.
  PlanningService(PlanningRepository& repository, const Clock& clock, AgencyDirectory agencies);
  ~PlanningService();
  PlanningService(const PlanningService&) = delete;
  PlanningService& operator=(const PlanningService&) = delete;

  // --- National priorities ---
  Result<std::vector<NodeView>> national_priorities(const auth::Principal& caller);
  Result<NodeView> create_national_priority(const auth::Principal& caller, const std::string& code,
                                            const std::string& title, const CallContext& context);
  Result<NodeView> update_national_priority(const auth::Principal& caller, NodeId id,
                                            const std::string& title, std::int64_t version,
                                            const CallContext& context);
  Result<void> delete_national_priority(const auth::Principal& caller, NodeId id, const CallContext& context);

  // --- Plans ---
  Result<std::vector<PlanView>> plans(const auth::Principal& caller);
  Result<PlanView> plan(const auth::Principal& caller, PlanId id);
  Result<PlanView> create_plan(const auth::Principal& caller, const PlanDraft& draft,
                               const CallContext& context);
  Result<PlanView> update_plan(const auth::Principal& caller, PlanId id, const PlanDraft& draft,
                               std::int64_t version, const CallContext& context);
  // Draft -> adopted with its regulation; stores plan version 1 (the snapshot).
  Result<PlanView> adopt_plan(const auth::Principal& caller, PlanId id, const std::string& regulation_number,
                              const std::string& regulation_date, std::int64_t version,
                              const CallContext& context);

  // --- Nodes ---
  Result<NodePage> nodes(const auth::Principal& caller, PlanId plan, const NodeQuery& query);
  Result<NodeDetail> node(const auth::Principal& caller, NodeId id);
  Result<NodeView> create_node(const auth::Principal& caller, PlanId plan, const NodeDraft& draft,
                               const CallContext& context);
  Result<NodeView> update_node(const auth::Principal& caller, NodeId id, const std::string& code,
                               const std::string& title, std::int64_t version, const CallContext& context);
  // Refused (Conflict, one field error "dependants" per dependant) while nodes align to it or
  // hang under it; see dependants().
  Result<void> delete_node(const auth::Principal& caller, NodeId id, const CallContext& context);
  // The nodes that stop `id` from being deleted: those linked to it, then its children.
  Result<std::vector<NodeSummary>> dependants(const auth::Principal& caller, NodeId id);

  // --- Alignment links ---
  Result<LinkView> create_link(const auth::Principal& caller, PlanId plan, std::int64_t from, std::int64_t to,
                               const std::optional<std::string>& weight, const CallContext& context);
  Result<LinkView> update_link(const auth::Principal& caller, LinkId id,
                               const std::optional<std::string>& weight, const CallContext& context);
  Result<void> delete_link(const auth::Principal& caller, LinkId id, const CallContext& context);

  // --- Indicators ---
  Result<IndicatorView> indicator(const auth::Principal& caller, IndicatorId id);
  Result<IndicatorView> create_indicator(const auth::Principal& caller, NodeId node,
                                         const IndicatorDraft& draft, const CallContext& context);
  // On an adopted plan a change of the targets is refused (Conflict): use a revision.
  Result<IndicatorView> update_indicator(const auth::Principal& caller, IndicatorId id,
                                         const IndicatorDraft& draft, std::int64_t version,
                                         const CallContext& context);
  Result<void> delete_indicator(const auth::Principal& caller, IndicatorId id, const CallContext& context);

  // --- Views ---
  // `agency_code`: that agency's nodes and every region level.
  Result<TreeView> tree(const auth::Principal& caller, PlanId plan, const std::string& search,
                        const std::optional<std::string>& agency_code);
  Result<AlignmentReportPage> alignment_report(const auth::Principal& caller, PlanId plan,
                                               const AlignmentReportQuery& query);
  Result<Cascade> cascade(const auth::Principal& caller, PlanId plan);

  // --- Reference lists ---
  // The national nomenclature list, filtered and paged (limit 0: every matching entry).
  Result<NomenclaturePage> nomenclature(const auth::Principal& caller, const NomenclatureQuery& query);

  // --- Change control ---
  Result<std::vector<PlanVersionRecord>> versions(const auth::Principal& caller, PlanId plan);
  Result<PlanVersionRecord> version(const auth::Principal& caller, PlanId plan, int number);
  Result<std::vector<RevisionView>> revisions(const auth::Principal& caller, PlanId plan);
  Result<RevisionView> propose_revision(const auth::Principal& caller, PlanId plan, const std::string& reason,
                                        const std::vector<TargetChangeDraft>& changes,
                                        const CallContext& context);
  // Applies the changes and stores the next plan version. The proposer may not approve.
  Result<RevisionView> approve_revision(const auth::Principal& caller, RevisionId id, std::int64_t version,
                                        const CallContext& context);
  Result<RevisionView> reject_revision(const auth::Principal& caller, RevisionId id, const std::string& note,
                                       std::int64_t version, const CallContext& context);

 private:
  PlanningRepository& repository_;
  const Clock& clock_;
  AgencyDirectory agencies_;
  std::unique_ptr<support::PlanCache> cache_;  // the cascades the views read
};

}  // namespace sinergi::planning
