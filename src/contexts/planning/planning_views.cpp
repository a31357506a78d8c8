// The planning service's read models (performance tree, alignment report, whole cascade)
// and the change control of adopted plans (adoption, revisions, versions).
#include <algorithm>
#include <map>
#include <utility>

#include "contexts/planning/planning_json.h"
#include "contexts/planning/planning_service.h"
#include "contexts/planning/planning_support.h"
#include "core/clock.h"
#include "core/input_text.h"
#include "platform/db/unit_of_work.h"

namespace sinergi::planning {

using auth::Action;
using auth::Principal;
using db::read_transaction;
using db::write_transaction;
using namespace support;  // NOLINT(google-build-using-namespace): this context's own helpers

namespace {

constexpr std::size_t kMaxReasonCharacters = 2000;
constexpr std::size_t kMaxRegulationCharacters = 250;
constexpr std::size_t kMaxChanges = 500;

Result<void> require_action(const Principal& caller, Action action, RegionId region) {
  if (!auth::may_take_on(caller, action, {.region_id = region.value()})) {
    return Error(ErrorCode::Forbidden);
  }
  return success();
}

std::string now_text(const Clock& clock) {
  return format_iso8601_utc_milliseconds(clock.now());
}

// Stores the next plan version: the cascade as it is now inside this transaction.
Result<PlanVersionRecord> store_version(PlanningStore& store, RegionId region, PlanId plan, int number,
                                        PlanVersionKind kind, std::optional<RevisionId> revision,
                                        std::string reason, const Principal& caller, const Agencies& agencies,
                                        const Clock& clock) {
  LoadedPlan loaded;
  TRY(load_plan(store, region, plan, loaded));
  PlanVersionRecord version;
  version.number = number;
  version.kind = kind;
  version.revision_id = revision;
  version.reason = std::move(reason);
  version.approved_by_user_id = caller.user_id;
  version.approved_by_name = caller.name;
  version.approved_at = now_text(clock);
  version.snapshot = cascade_json(cascade_of(loaded, agencies)).dump();
  TRY(store.insert_plan_version(region, plan, version));
  return version;
}

RevisionView revision_view(RevisionRecord revision, const std::vector<IndicatorRecord>& indicators) {
  RevisionView view{std::move(revision), {}};
  for (const TargetChange& change : view.revision.changes) {
    for (const IndicatorRecord& indicator : indicators) {
      if (indicator.id == change.indicator_id) {
        view.indicator_names.emplace(indicator.id.value(), indicator.name);
      }
    }
  }
  return view;
}

Result<RevisionRecord> find_revision(PlanningStore& store, RegionId region, RevisionId id) {
  auto revision = TRY(store.find_revision(region, id));
  if (!revision) {
    return not_found("Revisi " + id.to_string());
  }
  return std::move(*revision);
}

}  // namespace

// --- Views ---

Result<TreeView> PlanningService::tree(const Principal& caller, PlanId plan, const std::string& search,
                                       const std::optional<std::string>& agency_code) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  std::optional<AgencyId> agency;
  if (agency_code) {
    const auto found = agencies.by_code.find(*agency_code);
    if (found == agencies.by_code.end()) {
      return Error::with_fields(
          ErrorCode::ValidationFailed,
          {FieldError{"agency", "perangkat daerah tidak terdaftar", "agency not registered"}});
    }
    agency = found->second.id;
  }
  return read_transaction<TreeView>(repository_, [&](PlanningStore& store) -> Result<TreeView> {
    LoadedPlan loaded;
    TRY(load_plan(store, region, plan, loaded, cache_.get()));
    TreeView view;
    view.content = loaded.content;
    view.plan = PlanView{loaded.plan, count(loaded.nodes(), loaded.indicators())};
    std::vector<PlanNode> nodes;
    std::vector<std::pair<std::int64_t, std::int64_t>> hierarchy;
    for (const auto* list : {&std::as_const(loaded.priorities), &loaded.nodes()}) {
      for (const NodeRecord& node : *list) {
        if (agency && node.agency_id && *node.agency_id != *agency) {
          continue;
        }
        nodes.push_back(PlanNode{node.id.value(), node.kind, node.code, node.title});
        view.agency_codes.push_back(agencies.code_of(node.agency_id));
        if (node.parent_id) {
          hierarchy.emplace_back(node.id.value(), node.parent_id->value());
        }
      }
    }
    std::vector<AlignmentLink> links;
    links.reserve(loaded.links().size());
    for (const LinkRecord& link : loaded.links()) {
      links.push_back(AlignmentLink{link.from.value(), link.to.value(), link.weight});
    }
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> indicators_by_node;
    for (const IndicatorRecord& indicator : loaded.indicators()) {
      indicators_by_node[indicator.node_id.value()].push_back(indicator.id.value());
      view.indicators.emplace(indicator.id.value(), &indicator);
    }
    view.tree = build_performance_tree(nodes, links, hierarchy, indicators_by_node, search);
    return view;
  });
}

Result<AlignmentReportPage> PlanningService::alignment_report(const Principal& caller, PlanId plan,
                                                              const AlignmentReportQuery& query) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
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
  return read_transaction<AlignmentReportPage>(
      repository_, [&](PlanningStore& store) -> Result<AlignmentReportPage> {
        LoadedPlan loaded;
        TRY(load_plan(store, region, plan, loaded, cache_.get()));
        std::vector<ReportNode> nodes;
        nodes.reserve(loaded.priorities.size() + loaded.nodes().size());
        for (const auto* list : {&std::as_const(loaded.priorities), &loaded.nodes()}) {
          for (const NodeRecord& node : *list) {
            nodes.push_back(ReportNode{
                node.id.value(), node.kind, node.code, node.title,
                node.agency_id ? std::optional<std::int64_t>(node.agency_id->value()) : std::nullopt,
                node.parent_id ? std::optional<std::int64_t>(node.parent_id->value()) : std::nullopt});
          }
        }
        std::vector<AlignmentLink> links;
        for (const LinkRecord& link : loaded.links()) {
          links.push_back(AlignmentLink{link.from.value(), link.to.value(), link.weight});
        }
        std::vector<ReportIndicator> indicators;
        for (const IndicatorRecord& indicator : loaded.indicators()) {
          ReportIndicator entry{indicator.id.value(),
                                indicator.node_id.value(),
                                indicator.name,
                                indicator.baseline_value.has_value(),
                                indicator.data_source_kind.has_value(),
                                {}};
          for (const Target& target : indicator.targets) {
            entry.target_years.push_back(target.year);
          }
          indicators.push_back(std::move(entry));
        }
        std::vector<ReportAgency> report_agencies;
        for (const auto& [id, info] : agencies.by_id) {
          report_agencies.push_back(ReportAgency{id, info.code});
        }
        std::vector<Finding> findings =
            alignment_findings(nodes, links, indicators, report_agencies, loaded.plan.period);

        AlignmentReportPage page;
        page.plan_id = plan;
        std::map<FindingKind, std::int64_t> counts;
        std::vector<Finding> kept;
        for (Finding& finding : findings) {
          if (agency && finding.agency_id != agency->value()) {
            continue;
          }
          ++counts[finding.kind];
          if (query.kind && finding.kind != *query.kind) {
            continue;
          }
          kept.push_back(std::move(finding));
        }
        for (const FindingKind kind : kFindingKinds) {
          page.counts.emplace_back(kind, counts[kind]);
        }
        page.total = static_cast<std::int64_t>(kept.size());
        page.page = query.page;
        page.page_size = query.page_size;
        std::int64_t first = 0;
        std::int64_t last = page.total;
        if (query.page_size != 0) {
          first = std::min(page.total, (query.page - 1) * query.page_size);
          last = std::min(page.total, first + query.page_size);
        }
        for (std::int64_t index = first; index < last; ++index) {
          Finding& finding = kept[static_cast<std::size_t>(index)];
          ReportFinding entry;
          if (finding.node) {
            if (const NodeRecord* node = loaded.find(NodeId(*finding.node))) {
              entry.node = summary_of(*node, agencies);
            }
          }
          if (finding.agency_id) {
            entry.agency_code = agencies.code_of(AgencyId(*finding.agency_id));
          }
          for (const std::int64_t related : finding.related) {
            if (const NodeRecord* node = loaded.find(NodeId(related))) {
              entry.related.push_back(summary_of(*node, agencies));
            }
          }
          entry.finding = std::move(finding);
          page.items.push_back(std::move(entry));
        }
        return page;
      });
}

Result<Cascade> PlanningService::cascade(const Principal& caller, PlanId plan) {
  RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return read_transaction<Cascade>(repository_, [&](PlanningStore& store) -> Result<Cascade> {
    LoadedPlan loaded;
    TRY(load_plan(store, region, plan, loaded, cache_.get()));
    return cascade_of(loaded, agencies);
  });
}

// --- Change control ---

Result<PlanView> PlanningService::adopt_plan(const Principal& caller, PlanId id,
                                             const std::string& regulation_number,
                                             const std::string& regulation_date, std::int64_t version,
                                             const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::planning_manage, region));
  std::vector<FieldError> errors;
  const std::string number(trim_ascii_whitespace(regulation_number));
  check_text_field(number, kMaxRegulationCharacters, errors, "regulation_number");
  const std::optional<Date> date = parse_iso_date(trim_ascii_whitespace(regulation_date));
  if (trim_ascii_whitespace(regulation_date).empty()) {
    add_field_error(errors, "regulation_date", "wajib diisi", "is required");
  } else if (!date) {
    add_field_error(errors, "regulation_date", "harus tanggal TTTT-BB-HH yang sah",
                    "must be a valid YYYY-MM-DD date");
  }
  TRY(validation_result(std::move(errors)));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return write_transaction<PlanView>(repository_, [&](PlanningStore& store) -> Result<PlanView> {
    PlanRecord plan = TRY(find_plan(store, region, id));
    if (plan.status == PlanStatus::adopted) {
      return conflict("status", "rencana ini sudah ditetapkan dengan " + plan.regulation_number.value_or(""),
                      "this plan is already adopted by " + plan.regulation_number.value_or(""));
    }
    const PlanRecord before = plan;
    plan.status = PlanStatus::adopted;
    plan.regulation_number = number;
    plan.regulation_date = date;
    plan.current_version = 1;
    plan.version = version;
    if (!TRY(store.update_plan(region, plan))) {
      return stale_version("Rencana", "plan");
    }
    TRY(store_version(store, region, id, 1, PlanVersionKind::adoption, std::nullopt,
                      "Penetapan dengan " + number, caller, agencies, clock_));
    PlanRecord after = TRY(find_plan(store, region, id));
    TRY(store.append_audit(event(caller, region, "plan.adopt", "plan", id.to_string(),
                                 audit::diff_fields(plan_record_json(before), plan_record_json(after)),
                                 context)));
    return PlanView{after, count(TRY(store.plan_nodes(region, id)), TRY(store.plan_indicators(region, id)))};
  });
}

Result<std::vector<PlanVersionRecord>> PlanningService::versions(const Principal& caller, PlanId plan) {
  RegionId region = TRY(region_of(caller));
  return read_transaction<std::vector<PlanVersionRecord>>(
      repository_, [&](PlanningStore& store) -> Result<std::vector<PlanVersionRecord>> {
        TRY(find_plan(store, region, plan));
        return store.plan_versions(region, plan);
      });
}

Result<PlanVersionRecord> PlanningService::version(const Principal& caller, PlanId plan, int number) {
  RegionId region = TRY(region_of(caller));
  return read_transaction<PlanVersionRecord>(
      repository_, [&](PlanningStore& store) -> Result<PlanVersionRecord> {
        TRY(find_plan(store, region, plan));
        auto found = TRY(store.find_plan_version(region, plan, number));
        if (!found) {
          return not_found("Versi " + std::to_string(number));
        }
        return std::move(*found);
      });
}

Result<std::vector<RevisionView>> PlanningService::revisions(const Principal& caller, PlanId plan) {
  RegionId region = TRY(region_of(caller));
  return read_transaction<std::vector<RevisionView>>(
      repository_, [&](PlanningStore& store) -> Result<std::vector<RevisionView>> {
        TRY(find_plan(store, region, plan));
        const std::vector<IndicatorRecord> indicators = TRY(store.plan_indicators(region, plan));
        std::vector<RevisionView> views;
        for (RevisionRecord& revision : TRY(store.plan_revisions(region, plan))) {
          views.push_back(revision_view(std::move(revision), indicators));
        }
        return views;
      });
}

Result<RevisionView> PlanningService::propose_revision(const Principal& caller, PlanId plan,
                                                       const std::string& reason,
                                                       const std::vector<TargetChangeDraft>& changes,
                                                       const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::planning_manage, region));
  std::vector<FieldError> errors;
  const std::string why(trim_ascii_whitespace(reason));
  check_text_field(why, kMaxReasonCharacters, errors, "reason");
  if (changes.empty()) {
    add_field_error(errors, "changes", "sebutkan paling sedikit satu perubahan target",
                    "name at least one target change");
  } else if (changes.size() > kMaxChanges) {
    add_field_error(errors, "changes",
                    "paling banyak " + std::to_string(kMaxChanges) + " perubahan per revisi",
                    "at most " + std::to_string(kMaxChanges) + " changes per revision");
  }
  TRY(validation_result(std::move(errors)));
  return write_transaction<RevisionView>(repository_, [&](PlanningStore& store) -> Result<RevisionView> {
    const PlanRecord found = TRY(find_plan(store, region, plan));
    if (found.status != PlanStatus::adopted) {
      return conflict("changes", "rencana masih draf: ubah targetnya langsung pada indikator",
                      "the plan is still a draft: change the targets on the indicator directly");
    }
    const std::vector<IndicatorRecord> indicators = TRY(store.plan_indicators(region, plan));
    RevisionRecord revision;
    revision.plan_id = plan;
    revision.reason = why;
    revision.proposed_by_user_id = caller.user_id;
    revision.proposed_by_name = caller.name;
    std::vector<FieldError> problems;
    for (std::size_t index = 0; index < changes.size(); ++index) {
      const TargetChangeDraft& draft = changes[index];
      const std::string prefix = "changes[" + std::to_string(index) + "]";
      const IndicatorRecord* indicator = nullptr;
      for (const IndicatorRecord& candidate : indicators) {
        if (draft.indicator_id && candidate.id.value() == *draft.indicator_id) {
          indicator = &candidate;
        }
      }
      if (indicator == nullptr) {
        add_field_error(problems, prefix + ".indicator_id", "indikator tidak ditemukan dalam rencana ini",
                        "the indicator is not in this plan");
        continue;
      }
      TargetChange change;
      change.indicator_id = indicator->id;
      const std::size_t before = problems.size();
      if (!draft.year) {
        add_field_error(problems, prefix + ".year", "wajib diisi", "is required");
        continue;
      }
      change.year = static_cast<int>(std::clamp<std::int64_t>(*draft.year, 0, 9999));
      auto parse = [&](const std::optional<std::string>& text, const char* field) -> std::optional<Decimal> {
        if (!text || trim_ascii_whitespace(*text).empty()) {
          return std::nullopt;
        }
        Result<Decimal> parsed = Decimal::parse(*text, NumberFormat::automatic);
        if (!parsed.ok()) {
          add_field_error(problems, prefix + "." + field,
                          "'" + excerpt_for_message(*text) + "' bukan angka desimal yang sah",
                          "'" + excerpt_for_message(*text) + "' is not a valid decimal number");
          return std::nullopt;
        }
        return *parsed;
      };
      change.value = parse(draft.value, "value");
      change.lower = parse(draft.lower, "lower");
      change.upper = parse(draft.upper, "upper");
      if (problems.size() != before) {
        continue;
      }
      const bool removal = !change.value && !change.lower && !change.upper;
      if (!removal) {
        std::vector<FieldError> target_problems =
            check_target(Target{change.year, change.value, change.lower, change.upper}, found.period, prefix);
        problems.insert(problems.end(), target_problems.begin(), target_problems.end());
      } else if (!found.period.contains(change.year)) {
        add_field_error(problems, prefix + ".year", "tahun di luar periode rencana",
                        "year outside the plan period");
      }
      const bool repeated =
          std::any_of(revision.changes.begin(), revision.changes.end(), [&](const TargetChange& other) {
            return other.indicator_id == change.indicator_id && other.year == change.year;
          });
      if (repeated) {
        add_field_error(problems, prefix + ".year", "indikator dan tahun ini sudah disebut",
                        "this indicator and year appear twice");
      }
      bool had_target = false;
      for (const Target& current : indicator->targets) {
        if (current.year == change.year) {
          had_target = true;
          change.previous_value = current.value;
          change.previous_lower = current.lower;
          change.previous_upper = current.upper;
        }
      }
      if (removal && !had_target) {
        add_field_error(problems, prefix + ".value",
                        "tahun ini belum memiliki target untuk dihapus; isi target barunya",
                        "this year has no target to remove; enter the new target");
      }
      revision.changes.push_back(change);
    }
    TRY(validation_result(std::move(problems)));
    std::sort(revision.changes.begin(), revision.changes.end(),
              [](const TargetChange& a, const TargetChange& b) {
                return std::pair(a.indicator_id.value(), a.year) < std::pair(b.indicator_id.value(), b.year);
              });
    RevisionRecord stored = TRY(store.insert_revision(region, revision));
    RevisionView view = revision_view(stored, indicators);
    TRY(store.append_audit(event(caller, region, "plan_revision.propose", "plan_revision",
                                 stored.id.to_string(), audit::diff_fields(nullptr, revision_json(view)),
                                 context)));
    return view;
  });
}

Result<RevisionView> PlanningService::approve_revision(const Principal& caller, RevisionId id,
                                                       std::int64_t version, const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::planning_revisions_approve, region));
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return write_transaction<RevisionView>(repository_, [&](PlanningStore& store) -> Result<RevisionView> {
    RevisionRecord revision = TRY(find_revision(store, region, id));
    if (revision.status != RevisionStatus::proposed) {
      return conflict("status", "revisi ini sudah diputuskan", "this revision has already been decided");
    }
    if (caller.user_id && revision.proposed_by_user_id == caller.user_id) {
      return conflict("id", "pengusul tidak dapat menyetujui revisinya sendiri",
                      "the proposer cannot approve their own revision");
    }
    PlanRecord plan = TRY(find_plan(store, region, revision.plan_id));
    std::vector<IndicatorRecord> indicators = TRY(store.plan_indicators(region, plan.id));
    const RevisionView before = revision_view(revision, indicators);
    // Apply on the targets as they are now; a target changed since the proposal is a conflict.
    std::map<std::int64_t, std::vector<Target>> new_targets;
    for (const TargetChange& change : revision.changes) {
      auto indicator =
          std::find_if(indicators.begin(), indicators.end(),
                       [&](const IndicatorRecord& candidate) { return candidate.id == change.indicator_id; });
      if (indicator == indicators.end()) {
        return conflict(
            "changes",
            "indikator " + change.indicator_id.to_string() + " sudah dihapus sejak revisi diajukan",
            "indicator " + change.indicator_id.to_string() + " was deleted after the proposal");
      }
      auto [entry, inserted] = new_targets.try_emplace(change.indicator_id.value(), indicator->targets);
      std::vector<Target>& targets = entry->second;
      auto current = std::find_if(targets.begin(), targets.end(),
                                  [&](const Target& t) { return t.year == change.year; });
      const bool unchanged = current == targets.end()
                                 ? !change.previous_value && !change.previous_lower && !change.previous_upper
                                 : current->value == change.previous_value &&
                                       current->lower == change.previous_lower &&
                                       current->upper == change.previous_upper;
      if (!unchanged) {
        return conflict("changes",
                        "target indikator \"" + indicator->name + "\" tahun " + std::to_string(change.year) +
                            " telah berubah sejak revisi diajukan; tolak dan ajukan ulang",
                        "the target of \"" + indicator->name + "\" for " + std::to_string(change.year) +
                            " changed after the proposal; reject and propose again");
      }
      if (current != targets.end()) {
        targets.erase(current);
      }
      if (change.value || change.lower || change.upper) {
        targets.push_back(Target{change.year, change.value, change.lower, change.upper});
      }
      std::sort(targets.begin(), targets.end(),
                [](const Target& a, const Target& b) { return a.year < b.year; });
    }
    for (const auto& [indicator, targets] : new_targets) {
      TRY(store.replace_targets(region, IndicatorId(indicator), targets));
    }
    TRY(store.touch_plan(region, plan.id));
    const int number = plan.current_version + 1;
    revision.status = RevisionStatus::approved;
    revision.decided_by_user_id = caller.user_id;
    revision.decided_by_name = caller.name;
    revision.decided_at = now_text(clock_);
    revision.version_number = number;
    revision.version = version;
    if (!TRY(store.update_revision(region, revision))) {
      return stale_version("Revisi", "revision");
    }
    revision.version = version + 1;
    plan.current_version = number;
    if (!TRY(store.update_plan(region, plan))) {
      return stale_version("Rencana", "plan");
    }
    TRY(store_version(store, region, plan.id, number, PlanVersionKind::revision, id, revision.reason, caller,
                      agencies, clock_));
    RevisionView after = revision_view(revision, indicators);
    TRY(store.append_audit(event(caller, region, "plan_revision.approve", "plan_revision", id.to_string(),
                                 audit::diff_fields(revision_json(before), revision_json(after)), context)));
    return after;
  });
}

Result<RevisionView> PlanningService::reject_revision(const Principal& caller, RevisionId id,
                                                      const std::string& note, std::int64_t version,
                                                      const CallContext& context) {
  RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, Action::planning_revisions_approve, region));
  std::vector<FieldError> errors;
  const std::string why(trim_ascii_whitespace(note));
  check_text_field(why, kMaxReasonCharacters, errors, "note");
  TRY(validation_result(std::move(errors)));
  return write_transaction<RevisionView>(repository_, [&](PlanningStore& store) -> Result<RevisionView> {
    RevisionRecord revision = TRY(find_revision(store, region, id));
    if (revision.status != RevisionStatus::proposed) {
      return conflict("status", "revisi ini sudah diputuskan", "this revision has already been decided");
    }
    const std::vector<IndicatorRecord> indicators = TRY(store.plan_indicators(region, revision.plan_id));
    const RevisionView before = revision_view(revision, indicators);
    revision.status = RevisionStatus::rejected;
    revision.decided_by_user_id = caller.user_id;
    revision.decided_by_name = caller.name;
    revision.decided_at = now_text(clock_);
    revision.decision_note = why;
    revision.version = version;
    if (!TRY(store.update_revision(region, revision))) {
      return stale_version("Revisi", "revision");
    }
    revision.version = version + 1;
    RevisionView after = revision_view(revision, indicators);
    TRY(store.append_audit(event(caller, region, "plan_revision.reject", "plan_revision", id.to_string(),
                                 audit::diff_fields(revision_json(before), revision_json(after)), context)));
    return after;
  });
}

// --- Reference lists ---

Result<NomenclaturePage> PlanningService::nomenclature(const Principal& caller,
                                                       const NomenclatureQuery& query) {
  TRY(region_of(caller));
  return read_transaction<NomenclaturePage>(
      repository_,
      [&](PlanningStore& store) -> Result<NomenclaturePage> { return store.nomenclature(query); });
}

}  // namespace sinergi::planning
