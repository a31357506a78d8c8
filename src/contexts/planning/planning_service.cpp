#include "contexts/planning/planning_service.h"

#include <algorithm>
#include <utility>

#include "contexts/planning/nomenclature.h"
#include "contexts/planning/planning_json.h"
#include "contexts/planning/planning_rules.h"
#include "contexts/planning/planning_support.h"
#include "core/input_text.h"
#include "platform/db/unit_of_work.h"

namespace sinergi::planning {

using auth::Action;
using auth::Principal;
using db::read_transaction;
using db::write_transaction;
using namespace support;  // NOLINT(google-build-using-namespace): this context's own helpers

namespace {

Result<NodeRecord> find_plan_node(PlanningStore& store, RegionId region, NodeId id) {
  auto node = TRY(store.find_node(region, id));
  if (!node || !node->plan_id) {
    return not_found("Simpul " + id.to_string());
  }
  return std::move(*node);
}

std::vector<NodeSummary> dependants_of(const NodeRecord& node, const LoadedPlan& loaded,
                                       const Agencies& agencies) {
  std::vector<NodeSummary> result;
  for (const LinkRecord& link : loaded.links()) {
    if (link.to == node.id) {
      if (const NodeRecord* from = loaded.find(link.from)) {
        result.push_back(summary_of(*from, agencies));
      }
    }
  }
  for (const NodeRecord& child : loaded.nodes()) {
    if (child.parent_id == node.id) {
      result.push_back(summary_of(child, agencies));
    }
  }
  return result;
}

// A revision records target changes by indicator; deleting an indicator it names would erase
// that history (or leave a pending revision with nothing to apply), so it is refused.
Result<void> refuse_if_in_revision(PlanningStore& store, RegionId region, PlanId plan,
                                   const std::vector<IndicatorId>& indicators) {
  if (indicators.empty()) {
    return success();
  }
  for (const RevisionRecord& revision : TRY(store.plan_revisions(region, plan))) {
    for (const TargetChange& change : revision.changes) {
      if (std::find(indicators.begin(), indicators.end(), change.indicator_id) != indicators.end()) {
        return conflict(
            "id",
            "indikator " + change.indicator_id.to_string() + " tercatat dalam revisi " +
                revision.id.to_string() + "; riwayat revisi tidak boleh hilang, jadi tidak dapat dihapus",
            "indicator " + change.indicator_id.to_string() + " is named in revision " +
                revision.id.to_string() + "; revision history must stay, so it cannot be deleted");
      }
    }
  }
  return success();
}

Error dependants_error(const NodeRecord& node, const std::vector<NodeSummary>& dependants) {
  std::vector<FieldError> fields;
  for (const NodeSummary& dependant : dependants) {
    const std::string text = std::string(label_id(dependant.kind)) + " " + dependant.code +
                             (dependant.agency_code ? " (" + *dependant.agency_code + ")" : "");
    const std::string text_en = std::string(label_en(dependant.kind)) + " " + dependant.code +
                                (dependant.agency_code ? " (" + *dependant.agency_code + ")" : "");
    fields.push_back(FieldError{"dependants", text + " masih bergantung pada simpul ini",
                                "the " + text_en + " still depends on this node"});
  }
  return Error::with_fields(ErrorCode::Conflict, std::move(fields),
                            {std::string(label_id(node.kind)) + " " + node.code + " masih menjadi acuan " +
                             std::to_string(dependants.size()) + " simpul lain; pindahkan atau hapus dulu"});
}

}  // namespace

PlanningService::PlanningService(PlanningRepository& repository, const Clock& clock, AgencyDirectory agencies)
    : repository_(repository),
      clock_(clock),
      agencies_(std::move(agencies)),
      cache_(std::make_unique<support::PlanCache>()) {}

PlanningService::~PlanningService() = default;

// --- National priorities ---

Result<std::vector<NodeView>> PlanningService::national_priorities(const Principal& caller) {
  TRY(region_of(caller));
  return read_transaction<std::vector<NodeView>>(
      repository_, [&](PlanningStore& store) -> Result<std::vector<NodeView>> {
        std::vector<NodeView> views;
        for (const NodeRecord& node : TRY(store.national_priorities())) {
          views.push_back(view_of(node, Agencies{}));
        }
        return views;
      });
}

Result<NodeView> PlanningService::create_national_priority(const Principal& caller, const std::string& code,
                                                           const std::string& title,
                                                           const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::national_priorities_manage, region));
  std::vector<FieldError> errors;
  NodeRecord node;
  node.kind = PlanNodeKind::national_priority;
  node.code = std::string(trim_ascii_whitespace(code));
  check_free_code(node.code, errors);
  node.title = std::string(trim_ascii_whitespace(title));
  check_text_field(node.title, kMaxTitleCharacters, errors, "title");
  TRY(validation_result(std::move(errors)));
  return write_transaction<NodeView>(repository_, [&](PlanningStore& store) -> Result<NodeView> {
    for (const NodeRecord& existing : TRY(store.national_priorities())) {
      if (existing.code == node.code) {
        return Error::with_fields(
            ErrorCode::ValidationFailed,
            {FieldError{"code", "kode " + node.code + " sudah dipakai prioritas nasional lain",
                        "code " + node.code + " is already used by another national priority"}});
      }
    }
    NodeRecord stored = TRY(store.insert_node(region, node));
    const NodeView view = view_of(stored, Agencies{});
    TRY(store.append_audit(event(caller, region, "national_priority.create", "plan_node",
                                 stored.id.to_string(), audit::diff_fields(nullptr, node_json(view)),
                                 context)));
    return view;
  });
}

Result<NodeView> PlanningService::update_national_priority(const Principal& caller, NodeId id,
                                                           const std::string& title, std::int64_t version,
                                                           const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::national_priorities_manage, region));
  std::vector<FieldError> errors;
  const std::string new_title(trim_ascii_whitespace(title));
  check_text_field(new_title, kMaxTitleCharacters, errors, "title");
  TRY(validation_result(std::move(errors)));
  return write_transaction<NodeView>(repository_, [&](PlanningStore& store) -> Result<NodeView> {
    auto node = TRY(store.find_node(region, id));
    if (!node || node->kind != PlanNodeKind::national_priority) {
      return not_found("Prioritas nasional " + id.to_string());
    }
    if (node->builtin) {
      return conflict("title", "Asta Cita " + node->code + " adalah teks resmi dan tidak dapat diubah",
                      "Asta Cita " + node->code + " is official text and cannot be changed");
    }
    const NodeView before = view_of(*node, Agencies{});
    NodeRecord changed = *node;
    changed.title = new_title;
    changed.version = version;
    if (!TRY(store.update_node(region, changed))) {
      return stale_version("Prioritas nasional", "national priority");
    }
    changed.version = version + 1;
    const NodeView after = view_of(changed, Agencies{});
    TRY(store.append_audit(event(caller, region, "national_priority.update", "plan_node", id.to_string(),
                                 audit::diff_fields(node_json(before), node_json(after)), context)));
    return after;
  });
}

Result<void> PlanningService::delete_national_priority(const Principal& caller, NodeId id,
                                                       const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::national_priorities_manage, region));
  return repository_.write([&](PlanningStore& store) -> Result<void> {
    auto node = TRY(store.find_node(region, id));
    if (!node || node->kind != PlanNodeKind::national_priority) {
      return not_found("Prioritas nasional " + id.to_string());
    }
    if (node->builtin) {
      return conflict("id",
                      "Asta Cita " + node->code + " adalah bagian tetap dari Sinergi dan tidak dapat dihapus",
                      "Asta Cita " + node->code + " is a fixed part of Sinergi and cannot be deleted");
    }
    const Agencies agencies = TRY(load_agencies(agencies_, region));
    std::vector<NodeSummary> dependants;
    for (const PlanRecord& plan : TRY(store.plans(region))) {
      LoadedPlan loaded;
      TRY(load_plan(store, region, plan.id, loaded));
      for (NodeSummary& dependant : dependants_of(*node, loaded, agencies)) {
        dependants.push_back(std::move(dependant));
      }
    }
    if (!dependants.empty()) {
      return dependants_error(*node, dependants);
    }
    // Other regions' plans may align to it too; their nodes are not this caller's to list.
    const std::int64_t elsewhere = TRY(store.count_links_to(id));
    if (elsewhere > 0) {
      return conflict("id",
                      "prioritas nasional " + node->code + " masih menjadi acuan " +
                          std::to_string(elsewhere) + " keterkaitan dalam rencana daerah lain",
                      "national priority " + node->code + " is still the target of " +
                          std::to_string(elsewhere) + " alignment links in other regions' plans");
    }
    TRY(store.delete_node(region, id));
    TRY(store.append_audit(event(caller, region, "national_priority.delete", "plan_node", id.to_string(),
                                 audit::diff_fields(node_json(view_of(*node, Agencies{})), nullptr),
                                 context)));
    return success();
  });
}

// --- Plans ---

// The counts come from the cached cascade: listing plans must not read every node and target.
Result<std::vector<PlanView>> PlanningService::plans(const Principal& caller) {
  RegionId region = TRY(region_of(caller));
  return read_transaction<std::vector<PlanView>>(
      repository_, [&](PlanningStore& store) -> Result<std::vector<PlanView>> {
        std::vector<PlanView> views;
        for (const PlanRecord& plan : TRY(store.plans(region))) {
          LoadedPlan loaded;
          TRY(load_plan(store, region, plan.id, loaded, cache_.get()));
          views.push_back(PlanView{loaded.plan, count(loaded.nodes(), loaded.indicators())});
        }
        return views;
      });
}

Result<PlanView> PlanningService::plan(const Principal& caller, PlanId id) {
  RegionId region = TRY(region_of(caller));
  return read_transaction<PlanView>(repository_, [&](PlanningStore& store) -> Result<PlanView> {
    LoadedPlan loaded;
    TRY(load_plan(store, region, id, loaded, cache_.get()));
    return PlanView{loaded.plan, count(loaded.nodes(), loaded.indicators())};
  });
}

namespace {

// The plan a draft describes; kind and period problems under their fields.
PlanRecord build_plan(const PlanDraft& draft, std::vector<FieldError>& errors) {
  PlanRecord plan;
  const auto kind = parse_plan_kind(draft.kind);
  if (!kind) {
    add_field_error(errors, "kind", "harus rpjmd atau rpd", "must be rpjmd or rpd");
  }
  plan.kind = kind.value_or(PlanKind::rpjmd);
  plan.title = std::string(trim_ascii_whitespace(draft.title));
  check_text_field(plan.title, kMaxPlanTitleCharacters, errors, "title");
  plan.vision = std::string(trim_ascii_whitespace(draft.vision));
  check_optional_text(plan.vision, kMaxLongTextCharacters, "vision", errors);
  if (!draft.first_year) {
    add_field_error(errors, "first_year", "wajib diisi", "is required");
  }
  if (!draft.last_year) {
    add_field_error(errors, "last_year", "wajib diisi", "is required");
  }
  if (draft.first_year && draft.last_year) {
    plan.period = PlanPeriod{static_cast<int>(std::clamp<std::int64_t>(*draft.first_year, 0, 9999)),
                             static_cast<int>(std::clamp<std::int64_t>(*draft.last_year, 0, 9999))};
    std::vector<FieldError> problems = check_plan_period(plan.period);
    errors.insert(errors.end(), problems.begin(), problems.end());
  }
  return plan;
}

}  // namespace

Result<PlanView> PlanningService::create_plan(const Principal& caller, const PlanDraft& draft,
                                              const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::planning_manage, region));
  std::vector<FieldError> errors;
  PlanRecord plan = build_plan(draft, errors);
  TRY(validation_result(std::move(errors)));
  return write_transaction<PlanView>(repository_, [&](PlanningStore& store) -> Result<PlanView> {
    for (const PlanRecord& existing : TRY(store.plans(region))) {
      if (existing.kind == plan.kind && existing.period.first_year == plan.period.first_year) {
        return Error::with_fields(
            ErrorCode::ValidationFailed,
            {FieldError{"first_year",
                        "sudah ada " + std::string(name(plan.kind)) + " yang dimulai tahun " +
                            std::to_string(plan.period.first_year) + ": " + existing.title,
                        "there is already an " + std::string(name(plan.kind)) + " starting in " +
                            std::to_string(plan.period.first_year) + ": " + existing.title}});
      }
    }
    PlanRecord stored = TRY(store.insert_plan(region, plan));
    PlanView view{stored, {}};
    TRY(store.append_audit(event(caller, region, "plan.create", "plan", stored.id.to_string(),
                                 audit::diff_fields(nullptr, plan_record_json(stored)), context)));
    return view;
  });
}

Result<PlanView> PlanningService::update_plan(const Principal& caller, PlanId id, const PlanDraft& draft,
                                              std::int64_t version, const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::planning_manage, region));
  std::vector<FieldError> errors;
  PlanRecord changes = build_plan(draft, errors);
  TRY(validation_result(std::move(errors)));
  return write_transaction<PlanView>(repository_, [&](PlanningStore& store) -> Result<PlanView> {
    LoadedPlan loaded;
    TRY(load_plan(store, region, id, loaded));
    const PlanRecord before = loaded.plan;
    if (changes.kind != before.kind) {
      return Error::with_fields(
          ErrorCode::ValidationFailed,
          {FieldError{"kind", "jenis rencana tidak dapat diubah", "the plan kind cannot change"}});
    }
    if (changes.period != before.period) {
      if (before.status == PlanStatus::adopted) {
        return conflict("first_year", "periode rencana yang sudah ditetapkan tidak dapat diubah",
                        "the period of an adopted plan cannot change");
      }
      std::vector<FieldError> outside;
      for (const IndicatorRecord& indicator : loaded.indicators()) {
        for (const Target& target : indicator.targets) {
          if (!changes.period.contains(target.year)) {
            add_field_error(outside, "last_year",
                            "indikator \"" + indicator.name + "\" memiliki target tahun " +
                                std::to_string(target.year) + " di luar periode baru",
                            "the indicator \"" + indicator.name + "\" has a target for " +
                                std::to_string(target.year) + ", outside the new period");
            break;
          }
        }
      }
      TRY(validation_result(std::move(outside)));
    }
    PlanRecord changed = before;
    changed.title = changes.title;
    changed.vision = changes.vision;
    changed.period = changes.period;
    changed.version = version;
    if (!TRY(store.update_plan(region, changed))) {
      return stale_version("Rencana", "plan");
    }
    PlanRecord after = TRY(find_plan(store, region, id));
    TRY(store.append_audit(event(caller, region, "plan.update", "plan", id.to_string(),
                                 audit::diff_fields(plan_record_json(before), plan_record_json(after)),
                                 context)));
    return PlanView{after, count(loaded.nodes(), loaded.indicators())};
  });
}

// --- Nodes ---

Result<NodePage> PlanningService::nodes(const Principal& caller, PlanId plan, const NodeQuery& query) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return read_transaction<NodePage>(repository_, [&](PlanningStore& store) -> Result<NodePage> {
    TRY(find_plan(store, region, plan));
    std::optional<AgencyId> agency;
    if (query.agency_code) {
      const auto found = agencies.by_code.find(*query.agency_code);
      if (found == agencies.by_code.end()) {
        return Error::with_fields(
            ErrorCode::ValidationFailed,
            {FieldError{"agency", "perangkat daerah tidak terdaftar", "agency not registered"}});
      }
      agency = found->second.id;
    }
    std::string needle = query.search ? std::string(trim_ascii_whitespace(*query.search)) : std::string();
    std::transform(needle.begin(), needle.end(), needle.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto contains = [&needle](const std::string& text) {
      if (needle.empty()) {
        return true;
      }
      std::string lowered = text;
      std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return lowered.find(needle) != std::string::npos;
    };
    std::vector<NodeView> matching;
    for (const NodeRecord& node : TRY(store.plan_nodes(region, plan))) {
      if ((query.kind && node.kind != *query.kind) || (agency && node.agency_id != *agency) ||
          !(contains(node.code) || contains(node.title))) {
        continue;
      }
      matching.push_back(view_of(node, agencies));
    }
    NodePage page;
    page.total = static_cast<std::int64_t>(matching.size());
    page.page = query.page;
    page.page_size = query.page_size;
    if (query.page_size == 0) {
      page.items = std::move(matching);
      return page;
    }
    const std::int64_t first = std::min(page.total, (query.page - 1) * query.page_size);
    const std::int64_t last = std::min(page.total, first + query.page_size);
    page.items.assign(std::make_move_iterator(matching.begin() + first),
                      std::make_move_iterator(matching.begin() + last));
    return page;
  });
}

Result<NodeDetail> PlanningService::node(const Principal& caller, NodeId id) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return read_transaction<NodeDetail>(repository_, [&](PlanningStore& store) -> Result<NodeDetail> {
    NodeRecord node = TRY(find_plan_node(store, region, id));
    LoadedPlan loaded;
    TRY(load_plan(store, region, *node.plan_id, loaded, cache_.get()));
    NodeDetail detail;
    detail.node = view_of(node, agencies);
    if (node.parent_id) {
      if (const NodeRecord* parent = loaded.find(*node.parent_id)) {
        detail.parent = summary_of(*parent, agencies);
      }
    }
    for (const NodeRecord& child : loaded.nodes()) {
      if (child.parent_id == node.id) {
        detail.children.push_back(summary_of(child, agencies));
      }
    }
    for (const LinkRecord& link : loaded.links()) {
      const NodeRecord* from = loaded.find(link.from);
      const NodeRecord* to = loaded.find(link.to);
      if (from == nullptr || to == nullptr) {
        continue;
      }
      if (link.from == node.id) {
        detail.links_out.push_back(LinkView{link, summary_of(*from, agencies), summary_of(*to, agencies)});
      } else if (link.to == node.id) {
        detail.links_in.push_back(LinkView{link, summary_of(*from, agencies), summary_of(*to, agencies)});
      }
    }
    for (const IndicatorRecord& indicator : loaded.indicators()) {
      if (indicator.node_id == node.id) {
        detail.indicators.push_back(view_of(indicator, node, agencies));
      }
    }
    return detail;
  });
}

Result<NodeView> PlanningService::create_node(const Principal& caller, PlanId plan, const NodeDraft& draft,
                                              const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  if (!auth::may_take_on(caller, Action::planning_manage, {.region_id = region.value()}) &&
      !auth::may_take(caller, Action::planning_agency_manage)) {
    return Error(ErrorCode::Forbidden);
  }
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return write_transaction<NodeView>(repository_, [&](PlanningStore& store) -> Result<NodeView> {
    TRY(find_plan(store, region, plan));
    std::vector<FieldError> errors;
    const auto kind = parse_new_node_kind(draft.kind, errors);
    if (!kind) {
      return validation_result(std::move(errors)).error();
    }
    const std::vector<NodeRecord> nodes = TRY(store.plan_nodes(region, plan));
    const NodeRecord* parent = nullptr;
    bool parent_missing = false;
    if (draft.parent_id) {
      const auto found = std::find_if(nodes.begin(), nodes.end(), [&](const NodeRecord& candidate) {
        return candidate.id.value() == *draft.parent_id;
      });
      if (found == nodes.end()) {
        parent_missing = true;
        add_field_error(errors, "parent_id", "simpul induk tidak ditemukan dalam rencana ini",
                        "the parent node is not in this plan");
      } else {
        parent = &*found;
      }
    }
    // A parent that was named but not found is already reported; build_node skips its checks.
    NodeRecord node = build_node(plan, *kind, parent_missing ? nullptr : parent, parent_missing, draft.code,
                                 draft.title, draft.agency_code, agencies, errors);
    const bool taken = std::any_of(nodes.begin(), nodes.end(), [&](const NodeRecord& other) {
      return other.kind == node.kind && other.agency_id == node.agency_id && other.code == node.code;
    });
    if (taken && !node.code.empty()) {
      add_field_error(
          errors, "code",
          "kode " + node.code + " sudah dipakai " + std::string(label_id(node.kind)) + " lain",
          "code " + node.code + " is already used by another " + std::string(label_en(node.kind)));
    }
    // An agency node whose agency is unknown fails validation before any agency check.
    if (!is_agency_kind(*kind) || node.agency_id) {
      TRY(require_node_manager(caller, region, node));
    }
    TRY(validation_result(std::move(errors)));
    NodeRecord stored = TRY(store.insert_node(region, node));
    TRY(store.touch_plan(region, plan));
    const NodeView view = view_of(stored, agencies);
    TRY(store.append_audit(event(caller, region, "plan_node.create", "plan_node", stored.id.to_string(),
                                 audit::diff_fields(nullptr, node_json(view)), context)));
    return view;
  });
}

Result<NodeView> PlanningService::update_node(const Principal& caller, NodeId id, const std::string& code,
                                              const std::string& title, std::int64_t version,
                                              const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return write_transaction<NodeView>(repository_, [&](PlanningStore& store) -> Result<NodeView> {
    NodeRecord node = TRY(find_plan_node(store, region, id));
    TRY(require_node_manager(caller, region, node));
    const std::vector<NodeRecord> nodes = TRY(store.plan_nodes(region, *node.plan_id));
    std::vector<FieldError> errors;
    NodeRecord changed = node;
    changed.code = std::string(trim_ascii_whitespace(code));
    changed.title = std::string(trim_ascii_whitespace(title));
    check_text_field(changed.title, kMaxTitleCharacters, errors, "title");
    if (changed.code != node.code) {
      const NodeRecord* parent = nullptr;
      for (const NodeRecord& candidate : nodes) {
        if (node.parent_id == candidate.id) {
          parent = &candidate;
        }
      }
      if (is_nomenclature_kind(node.kind)) {
        const bool has_children = std::any_of(
            nodes.begin(), nodes.end(), [&](const NodeRecord& other) { return other.parent_id == node.id; });
        if (has_children) {
          add_field_error(errors, "code", "kode tidak dapat diubah selama masih ada simpul di bawahnya",
                          "the code cannot change while nodes hang under it");
        } else if (changed.code.empty()) {
          add_field_error(errors, "code", "wajib diisi", "is required");
        } else {
          changed.field_code = check_nomenclature_code(node.kind, changed.code, parent, errors);
        }
      } else {
        check_free_code(changed.code, errors);
      }
      const bool taken = std::any_of(nodes.begin(), nodes.end(), [&](const NodeRecord& other) {
        return other.id != node.id && other.kind == node.kind && other.agency_id == node.agency_id &&
               other.code == changed.code;
      });
      if (taken) {
        add_field_error(errors, "code", "kode " + changed.code + " sudah dipakai",
                        "code " + changed.code + " is taken");
      }
    }
    TRY(validation_result(std::move(errors)));
    changed.version = version;
    if (!TRY(store.update_node(region, changed))) {
      return stale_version("Simpul", "node");
    }
    TRY(store.touch_plan(region, *node.plan_id));
    changed.version = version + 1;
    const NodeView after = view_of(changed, agencies);
    TRY(store.append_audit(event(caller, region, "plan_node.update", "plan_node", id.to_string(),
                                 audit::diff_fields(node_json(view_of(node, agencies)), node_json(after)),
                                 context)));
    return after;
  });
}

Result<void> PlanningService::delete_node(const Principal& caller, NodeId id, const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return repository_.write([&](PlanningStore& store) -> Result<void> {
    NodeRecord node = TRY(find_plan_node(store, region, id));
    TRY(require_node_manager(caller, region, node));
    LoadedPlan loaded;
    TRY(load_plan(store, region, *node.plan_id, loaded));
    const std::vector<NodeSummary> dependants = dependants_of(node, loaded, agencies);
    if (!dependants.empty()) {
      return dependants_error(node, dependants);
    }
    if (loaded.plan.status == PlanStatus::adopted) {
      for (const IndicatorRecord& indicator : loaded.indicators()) {
        if (indicator.node_id == node.id && !indicator.targets.empty()) {
          return conflict("id",
                          "indikator \"" + indicator.name +
                              "\" memiliki target pada rencana yang sudah ditetapkan; ubah melalui revisi",
                          "the indicator \"" + indicator.name +
                              "\" has targets in an adopted plan; change them through a revision");
        }
      }
    }
    std::vector<IndicatorId> own;
    for (const IndicatorRecord& indicator : loaded.indicators()) {
      if (indicator.node_id == node.id) {
        own.push_back(indicator.id);
      }
    }
    TRY(refuse_if_in_revision(store, region, *node.plan_id, own));
    TRY(store.delete_node(region, id));
    TRY(store.touch_plan(region, *node.plan_id));
    TRY(store.append_audit(event(caller, region, "plan_node.delete", "plan_node", id.to_string(),
                                 audit::diff_fields(node_json(view_of(node, agencies)), nullptr), context)));
    return success();
  });
}

Result<std::vector<NodeSummary>> PlanningService::dependants(const Principal& caller, NodeId id) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return read_transaction<std::vector<NodeSummary>>(
      repository_, [&](PlanningStore& store) -> Result<std::vector<NodeSummary>> {
        auto node = TRY(store.find_node(region, id));
        if (!node) {
          return not_found("Simpul " + id.to_string());
        }
        std::vector<NodeSummary> result;
        const std::vector<PlanRecord> plans =
            node->plan_id ? std::vector<PlanRecord>{TRY(find_plan(store, region, *node->plan_id))}
                          : TRY(store.plans(region));
        for (const PlanRecord& plan : plans) {
          LoadedPlan loaded;
          TRY(load_plan(store, region, plan.id, loaded));
          for (NodeSummary& dependant : dependants_of(*node, loaded, agencies)) {
            result.push_back(std::move(dependant));
          }
        }
        return result;
      });
}

// --- Alignment links ---

Result<LinkView> PlanningService::create_link(const Principal& caller, PlanId plan, std::int64_t from,
                                              std::int64_t to, const std::optional<std::string>& weight,
                                              const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return write_transaction<LinkView>(repository_, [&](PlanningStore& store) -> Result<LinkView> {
    LoadedPlan loaded;
    TRY(load_plan(store, region, plan, loaded));
    const NodeRecord* source = loaded.find(NodeId(from));
    const NodeRecord* target = loaded.find(NodeId(to));
    if (source != nullptr && source->kind != PlanNodeKind::national_priority) {
      TRY(require_node_manager(caller, region, *source));
    } else if (!auth::may_take_on(caller, Action::planning_manage, {.region_id = region.value()}) &&
               !auth::may_take(caller, Action::planning_agency_manage)) {
      return Error(ErrorCode::Forbidden);
    }
    std::vector<FieldError> errors;
    LinkRecord link{LinkId(0), plan, NodeId(from), NodeId(to), weight_field(weight, errors)};
    std::vector<FieldError> problems = check_new_link(plain_nodes(loaded), plain_links(loaded.links()),
                                                      AlignmentLink{from, to, link.weight});
    for (FieldError& problem : problems) {
      problem.field = problem.field == "from" ? "from_id" : problem.field == "to" ? "to_id" : problem.field;
      errors.push_back(std::move(problem));
    }
    if (source != nullptr && source->kind == PlanNodeKind::national_priority) {
      add_field_error(errors, "from_id",
                      "prioritas nasional adalah puncak kaskade dan tidak diselaraskan ke apa pun",
                      "a national priority is the top of the cascade and aligns to nothing");
    }
    if (errors.empty() && source != nullptr && target != nullptr && source->kind == PlanNodeKind::program &&
        source->agency_id != target->agency_id) {
      add_field_error(errors, "to_id",
                      "program hanya dapat diselaraskan ke sasaran perangkat daerahnya sendiri (" +
                          agencies.code_of(source->agency_id).value_or("") + ")",
                      "a program aligns only to objectives of its own agency (" +
                          agencies.code_of(source->agency_id).value_or("") + ")");
    }
    TRY(validation_result(std::move(errors)));
    LinkRecord stored = TRY(store.insert_link(region, link));
    TRY(store.touch_plan(region, plan));
    LinkView view{stored, summary_of(*source, agencies), summary_of(*target, agencies)};
    TRY(store.append_audit(event(caller, region, "alignment_link.create", "alignment_link",
                                 stored.id.to_string(), audit::diff_fields(nullptr, link_json(view)),
                                 context)));
    return view;
  });
}

Result<LinkView> PlanningService::update_link(const Principal& caller, LinkId id,
                                              const std::optional<std::string>& weight,
                                              const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  std::vector<FieldError> errors;
  const std::optional<Decimal> new_weight = weight_field(weight, errors);
  TRY(validation_result(std::move(errors)));
  return write_transaction<LinkView>(repository_, [&](PlanningStore& store) -> Result<LinkView> {
    auto link = TRY(store.find_link(region, id));
    if (!link) {
      return not_found("Tautan keselarasan " + id.to_string());
    }
    LoadedPlan loaded;
    TRY(load_plan(store, region, link->plan_id, loaded));
    const NodeRecord* source = loaded.find(link->from);
    const NodeRecord* target = loaded.find(link->to);
    if (source == nullptr || target == nullptr) {
      return not_found("Tautan keselarasan " + id.to_string());
    }
    TRY(require_node_manager(caller, region, *source));
    const LinkView before{*link, summary_of(*source, agencies), summary_of(*target, agencies)};
    TRY(store.update_link_weight(region, id, new_weight));
    TRY(store.touch_plan(region, link->plan_id));
    LinkView after = before;
    after.link.weight = new_weight;
    TRY(store.append_audit(event(caller, region, "alignment_link.update", "alignment_link", id.to_string(),
                                 audit::diff_fields(link_json(before), link_json(after)), context)));
    return after;
  });
}

Result<void> PlanningService::delete_link(const Principal& caller, LinkId id, const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return repository_.write([&](PlanningStore& store) -> Result<void> {
    auto link = TRY(store.find_link(region, id));
    if (!link) {
      return not_found("Tautan keselarasan " + id.to_string());
    }
    const auto source = TRY(store.find_node(region, link->from));
    const auto target = TRY(store.find_node(region, link->to));
    if (!source || !target) {
      return not_found("Tautan keselarasan " + id.to_string());
    }
    TRY(require_node_manager(caller, region, *source));
    TRY(store.delete_link(region, id));
    TRY(store.touch_plan(region, link->plan_id));
    const LinkView before{*link, summary_of(*source, agencies), summary_of(*target, agencies)};
    TRY(store.append_audit(event(caller, region, "alignment_link.delete", "alignment_link", id.to_string(),
                                 audit::diff_fields(link_json(before), nullptr), context)));
    return success();
  });
}

// --- Indicators ---

Result<IndicatorView> PlanningService::indicator(const Principal& caller, IndicatorId id) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return read_transaction<IndicatorView>(repository_, [&](PlanningStore& store) -> Result<IndicatorView> {
    auto indicator = TRY(store.find_indicator(region, id));
    if (!indicator) {
      return not_found("Indikator " + id.to_string());
    }
    const NodeRecord node = TRY(find_plan_node(store, region, indicator->node_id));
    return view_of(*indicator, node, agencies);
  });
}

Result<IndicatorView> PlanningService::create_indicator(const Principal& caller, NodeId node_id,
                                                        const IndicatorDraft& draft,
                                                        const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return write_transaction<IndicatorView>(repository_, [&](PlanningStore& store) -> Result<IndicatorView> {
    const NodeRecord node = TRY(find_plan_node(store, region, node_id));
    TRY(require_node_manager(caller, region, node));
    const PlanRecord plan = TRY(find_plan(store, region, *node.plan_id));
    std::vector<FieldError> errors;
    IndicatorRecord indicator = build_indicator(draft, node, plan.period, agencies, errors);
    TRY(validation_result(std::move(errors)));
    if (plan.status == PlanStatus::adopted && !indicator.targets.empty()) {
      return conflict(
          "targets",
          "rencana sudah ditetapkan: tambahkan indikator tanpa target, lalu ajukan targetnya melalui revisi",
          "the plan is adopted: add the indicator without targets, then propose its targets in a revision");
    }
    indicator.plan_id = plan.id;
    indicator.node_id = node.id;
    IndicatorRecord stored = TRY(store.insert_indicator(region, indicator));
    TRY(store.touch_plan(region, plan.id));
    const IndicatorView view = view_of(stored, node, agencies);
    TRY(store.append_audit(event(caller, region, "indicator.create", "indicator", stored.id.to_string(),
                                 audit::diff_fields(nullptr, indicator_json(view)), context)));
    return view;
  });
}

Result<IndicatorView> PlanningService::update_indicator(const Principal& caller, IndicatorId id,
                                                        const IndicatorDraft& draft, std::int64_t version,
                                                        const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return write_transaction<IndicatorView>(repository_, [&](PlanningStore& store) -> Result<IndicatorView> {
    auto existing = TRY(store.find_indicator(region, id));
    if (!existing) {
      return not_found("Indikator " + id.to_string());
    }
    const NodeRecord node = TRY(find_plan_node(store, region, existing->node_id));
    TRY(require_node_manager(caller, region, node));
    const PlanRecord plan = TRY(find_plan(store, region, *node.plan_id));
    std::vector<FieldError> errors;
    IndicatorRecord changed = build_indicator(draft, node, plan.period, agencies, errors);
    TRY(validation_result(std::move(errors)));
    if (plan.status == PlanStatus::adopted && !same_targets(changed.targets, existing->targets)) {
      return conflict("targets", "rencana sudah ditetapkan: target hanya dapat diubah melalui revisi",
                      "the plan is adopted: targets change only through a revision");
    }
    changed.id = existing->id;
    changed.plan_id = existing->plan_id;
    changed.node_id = existing->node_id;
    changed.version = version;
    if (!TRY(store.update_indicator(region, changed))) {
      return stale_version("Indikator", "indicator");
    }
    TRY(store.touch_plan(region, plan.id));
    changed.version = version + 1;
    const IndicatorView before = view_of(*existing, node, agencies);
    const IndicatorView after = view_of(changed, node, agencies);
    TRY(store.append_audit(event(caller, region, "indicator.update", "indicator", id.to_string(),
                                 audit::diff_fields(indicator_json(before), indicator_json(after)),
                                 context)));
    return after;
  });
}

Result<void> PlanningService::delete_indicator(const Principal& caller, IndicatorId id,
                                               const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return repository_.write([&](PlanningStore& store) -> Result<void> {
    auto existing = TRY(store.find_indicator(region, id));
    if (!existing) {
      return not_found("Indikator " + id.to_string());
    }
    const NodeRecord node = TRY(find_plan_node(store, region, existing->node_id));
    TRY(require_node_manager(caller, region, node));
    const PlanRecord plan = TRY(find_plan(store, region, *node.plan_id));
    if (plan.status == PlanStatus::adopted && !existing->targets.empty()) {
      return conflict("id", "rencana sudah ditetapkan: indikator bertarget tidak dapat dihapus",
                      "the plan is adopted: an indicator with targets cannot be deleted");
    }
    TRY(refuse_if_in_revision(store, region, plan.id, {id}));
    TRY(store.delete_indicator(region, id));
    TRY(store.touch_plan(region, plan.id));
    TRY(store.append_audit(
        event(caller, region, "indicator.delete", "indicator", id.to_string(),
              audit::diff_fields(indicator_json(view_of(*existing, node, agencies)), nullptr), context)));
    return success();
  });
}

}  // namespace sinergi::planning
