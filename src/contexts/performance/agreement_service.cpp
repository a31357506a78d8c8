#include "contexts/performance/agreement_service.h"

#include <algorithm>
#include <map>

#include "contexts/performance/performance_support.h"
#include "core/input_text.h"
#include "core/refusals.h"
#include "platform/db/unit_of_work.h"
#include "platform/workflow/workflow_store.h"

namespace sinergi::performance {

using auth::Action;
using auth::Principal;
using db::read_transaction;
using db::write_transaction;

namespace {

constexpr std::string_view kEntity = "performance_agreement";

// The workflow item's subject: the agency, year and number, the agreement's natural key.
std::string subject_of(AgencyId agency, int year, int number) {
  return std::string(kEntity) + ":" + agency.to_string() + ":" + std::to_string(year) + ":" +
         std::to_string(number);
}

// An item as the plan has it now: the names, unit, formula and the year's target.
AgreementItem item_of(const PlannedIndicator& indicator) {
  AgreementItem item;
  item.indicator_id = indicator.id;
  item.objective_code = indicator.objective_code;
  item.objective = indicator.objective;
  item.indicator = indicator.name;
  item.unit = indicator.unit;
  item.polarity = indicator.polarity;
  item.variant = indicator.variant;
  item.aggregation = indicator.aggregation;
  item.yearly_target = indicator.target.value_or(TargetValue{});
  return item;
}

// The items of a new agreement: the agency's indicators on its objectives (the head's
// commitments), each with the plan's target of the year, which is also the TW IV target.
std::vector<AgreementItem> items_from_plan(const PlanFacts& plan) {
  std::vector<AgreementItem> items;
  for (const PlannedIndicator& indicator : plan.indicators) {
    if (indicator.node_kind != "agency_objective" && indicator.node_kind != "agency_goal") {
      continue;
    }
    AgreementItem item = item_of(indicator);
    item.quarter_targets[3] = indicator.target;
    items.push_back(std::move(item));
  }
  return items;
}

// The programs of a new agreement: the agency's programs, their budget to be filled in.
std::vector<AgreementProgram> programs_from_plan(const PlanFacts& plan) {
  std::vector<AgreementProgram> programs;
  for (const PlannedProgram& program : plan.programs) {
    if (program.kind == "program") {
      programs.push_back(
          AgreementProgram{program.node_id, program.kind, program.code, program.title, Money(0)});
    }
  }
  return programs;
}

// The document's SHA-256 as taken on submission, when the content still matches it.
bool intact(const AgreementRecord& agreement) {
  return !agreement.document_sha256 || *agreement.document_sha256 == document_sha256(agreement.content);
}

}  // namespace

AgreementService::AgreementService(PerformanceRepository& repository, const Clock& clock,
                                   PerformanceDirectory directory)
    : repository_(repository), clock_(clock), directory_(std::move(directory)) {}

namespace {

AgreementView view_of(const AgreementRecord& agreement, const Agencies& agencies) {
  AgreementView view;
  view.record = agreement;
  if (const AgencyFacts* agency = agencies.find(agreement.agency_id)) {
    view.agency_code = agency->code;
    view.agency_name = agency->name;
  }
  view.document_intact = intact(agreement);
  return view;
}

// The steps the caller may take on the agreement now; an original is never abandoned (it is
// edited instead).
std::vector<std::string> available_steps(const AgreementRecord& agreement, const workflow::Item& item,
                                         const Principal& caller) {
  std::vector<std::string> names;
  for (const workflow::Transition* transition : workflow::available(agreement_workflow(), item, caller)) {
    if (transition->name != "abandon" || agreement.number > 1) {
      names.push_back(transition->name);
    }
  }
  return names;
}

bool editable_by(const AgreementRecord& agreement, const Agencies& agencies, const Principal& caller) {
  const AgencyFacts* agency = agencies.find(agreement.agency_id);
  return agreement.state == kDraft && agency && may_act_on(caller, Action::agreement_manage, *agency);
}

// The full view: the timeline, the steps the caller may take, whether it is editable, and the
// revision that replaced it.
Result<AgreementView> detailed_view(PerformanceStore& store, RegionId region,
                                    const AgreementRecord& agreement, const Agencies& agencies,
                                    const Principal& caller) {
  AgreementView view = view_of(agreement, agencies);
  const auto item = TRY(store.workflow().find(region.value(), agreement.workflow_item_id));
  if (item) {
    view.timeline = item->item.steps;
    view.available = available_steps(agreement, item->item, caller);
  }
  view.editable = editable_by(agreement, agencies, caller);
  if (agreement.superseded) {
    for (const AgreementRecord& other :
         TRY(store.agreements(region, AgreementFilter{agreement.agency_id, agreement.year}))) {
      if (other.previous_id == agreement.id && other.state == kSigned) {
        view.superseded_by = other.id;
        view.superseded_by_number = other.number;
      }
    }
  }
  return view;
}

Result<AgreementRecord> find_agreement(PerformanceStore& store, RegionId region, AgreementId id) {
  auto agreement = TRY(store.find_agreement(region, id));
  if (!agreement) {
    return not_found("Perjanjian kinerja " + id.to_string());
  }
  return std::move(*agreement);
}

// Builds the items and programs of an edit from the plan as it is now.
Result<AgreementContent> content_of(const AgreementContent& current, const AgreementEdit& edit,
                                    const PlanFacts& plan) {
  AgreementContent content = current;
  content.second_party = edit.second_party;
  content.items.clear();
  content.programs.clear();
  std::map<std::int64_t, const PlannedIndicator*> indicators;
  for (const PlannedIndicator& indicator : plan.indicators) {
    indicators[indicator.id] = &indicator;
  }
  std::map<std::int64_t, const PlannedProgram*> programs;
  for (const PlannedProgram& program : plan.programs) {
    programs[program.node_id] = &program;
  }
  std::vector<FieldError> errors;
  for (std::size_t index = 0; index < edit.items.size(); ++index) {
    const ItemEdit& item_edit = edit.items[index];
    const auto found = indicators.find(item_edit.indicator_id);
    if (found == indicators.end()) {
      add_field_error(
          errors, "items[" + std::to_string(index) + "].indicator_id",
          "indikator " + std::to_string(item_edit.indicator_id) +
              " bukan indikator perangkat daerah ini dalam rencana tahun " + std::to_string(current.year),
          "indicator " + std::to_string(item_edit.indicator_id) +
              " is not one of this agency's indicators in the plan of " + std::to_string(current.year));
      continue;
    }
    AgreementItem item = item_of(*found->second);
    if (item_edit.yearly_target_cleared) {
      // Emptying the field is no way to ask for the plan's target: that is silently wrong.
      add_field_error(errors, "items[" + std::to_string(index) + "].yearly_target",
                      "target tahunan wajib diisi; tanpa kunci ini target rencana yang dipakai",
                      "the yearly target is required; leave the member out to take the plan's");
      continue;
    }
    if (item_edit.yearly_target) {
      item.yearly_target = *item_edit.yearly_target;
    }
    item.quarter_targets = item_edit.quarter_targets;
    content.items.push_back(std::move(item));
  }
  for (std::size_t index = 0; index < edit.programs.size(); ++index) {
    const ProgramEdit& program_edit = edit.programs[index];
    const auto found = programs.find(program_edit.node_id);
    if (found == programs.end()) {
      add_field_error(errors, "programs[" + std::to_string(index) + "].node_id",
                      "simpul " + std::to_string(program_edit.node_id) +
                          " bukan program, kegiatan atau subkegiatan perangkat daerah ini",
                      "node " + std::to_string(program_edit.node_id) +
                          " is not a program, activity or sub-activity of this agency");
      continue;
    }
    const PlannedProgram& program = *found->second;
    content.programs.push_back(
        AgreementProgram{program.node_id, program.kind, program.code, program.title, program_edit.budget});
  }
  TRY(validation_result(std::move(errors)));
  return content;
}

}  // namespace

Result<AgreementPage> AgreementService::list(const Principal& caller, const AgreementQuery& query) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  AgreementFilter filter;
  filter.year = query.year;
  if (query.agency_code) {
    filter.agency_id = TRY(agencies.require(*query.agency_code, "agency_code")).id;
  }
  if (query.state && std::find(std::begin(kAgreementStates), std::end(kAgreementStates), *query.state) ==
                         std::end(kAgreementStates)) {
    return Error::with_fields(ErrorCode::InvalidInput,
                              {FieldError{"state",
                                          "status tidak dikenal; pilihan: draft, submitted, "
                                          "signed_by_first_party, signed, abandoned",
                                          "unknown state; the states are draft, submitted, "
                                          "signed_by_first_party, signed, abandoned"}},
                              {"state"});
  }
  return read_transaction<AgreementPage>(repository_, [&](PerformanceStore& store) -> Result<AgreementPage> {
    const std::string search = lower_ascii(trim_ascii_whitespace(query.search));
    std::vector<AgreementView> matching;
    for (const AgreementRecord& record : TRY(store.agreements(region, filter))) {
      if (query.state && record.state != *query.state) {
        continue;
      }
      AgreementView view = view_of(record, agencies);
      if (!search.empty() && lower_ascii(view.agency_code).find(search) == std::string::npos &&
          lower_ascii(view.agency_name).find(search) == std::string::npos) {
        continue;
      }
      matching.push_back(std::move(view));
    }
    // Newest year first, then by agency code, then number.
    std::stable_sort(matching.begin(), matching.end(),
                     [](const AgreementView& left, const AgreementView& right) {
                       if (left.record.year != right.record.year) {
                         return left.record.year > right.record.year;
                       }
                       if (left.agency_code != right.agency_code) {
                         return left.agency_code < right.agency_code;
                       }
                       return left.record.number < right.record.number;
                     });
    AgreementPage page;
    page.total = static_cast<std::int64_t>(matching.size());
    const auto [first, last] = page_bounds(page.total, query.page, query.page_size);
    page.items.assign(std::make_move_iterator(matching.begin() + static_cast<std::ptrdiff_t>(first)),
                      std::make_move_iterator(matching.begin() + static_cast<std::ptrdiff_t>(last)));
    // The caller's steps on the page's rows, from their workflow items in one read.
    std::vector<std::int64_t> item_ids;
    for (const AgreementView& view : page.items) {
      item_ids.push_back(view.record.workflow_item_id);
    }
    std::map<std::int64_t, workflow::Item> items;
    for (workflow::StoredItem& stored : TRY(store.workflow().find_many(region.value(), item_ids))) {
      items.emplace(stored.id, std::move(stored.item));
    }
    for (AgreementView& view : page.items) {
      const auto found = items.find(view.record.workflow_item_id);
      if (found != items.end()) {
        view.available = available_steps(view.record, found->second, caller);
      }
      view.editable = editable_by(view.record, agencies, caller);
    }
    return page;
  });
}

Result<AgreementView> AgreementService::get(const Principal& caller, AgreementId id) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  return read_transaction<AgreementView>(repository_, [&](PerformanceStore& store) -> Result<AgreementView> {
    const AgreementRecord agreement = TRY(find_agreement(store, region, id));
    return detailed_view(store, region, agreement, agencies, caller);
  });
}

Result<AgreementCandidates> AgreementService::candidates(const Principal& caller, AgreementId id) {
  const AgreementRecord agreement = TRY(stored(caller, id));
  AgreementCandidates candidates;
  candidates.plan = TRY(directory_.plan(caller, agreement.agency_id, agreement.year));
  for (const AgreementItem& item : agreement.content.items) {
    candidates.chosen_indicators.push_back(item.indicator_id);
  }
  for (const AgreementProgram& program : agreement.content.programs) {
    candidates.chosen_programs.push_back(program.node_id);
  }
  return candidates;
}

Result<AgreementRecord> AgreementService::stored(const Principal& caller, AgreementId id) {
  const RegionId region = TRY(region_of(caller));
  return read_transaction<AgreementRecord>(
      repository_, [&](PerformanceStore& store) { return find_agreement(store, region, id); });
}

Result<AgreementView> AgreementService::create(const Principal& caller, const AgreementDraft& draft,
                                               const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  const AgencyFacts agency = TRY(agencies.require(draft.agency_code, "agency_code"));
  TRY(require_permission(caller, Action::agreement_manage, agency));
  TRY(validation_result(check_year(draft.year, "year")));
  const std::optional<Party> head = TRY(directory_.head_of(caller, agency));
  if (!head) {
    return Error::with_fields(
        ErrorCode::ValidationFailed,
        {FieldError{
            "agency_code",
            "jabatan kepala " + agency.name +
                " kosong atau belum terdaftar; isi jabatan itu (definitif atau Plt) di registri organisasi "
                "dulu",
            "the head post of " + agency.name +
                " is vacant or not registered; fill it (definitive or acting) in the organization registry "
                "first"}});
  }
  const PlanFacts plan = TRY(directory_.plan(caller, agency.id, draft.year));
  AgreementContent content;
  content.year = draft.year;
  content.region_name = TRY(directory_.region_name(caller));
  content.agency_code = agency.code;
  content.agency_name = agency.name;
  content.first_party = *head;
  content.second_party = draft.second_party;
  content.items = items_from_plan(plan);
  content.programs = programs_from_plan(plan);
  // A new draft may still lack targets and indicators: the parties are checked now, the
  // rest when it is submitted.
  std::vector<FieldError> party_errors;
  for (FieldError& error : check_content(content)) {
    if (error.field.starts_with("first_party") || error.field.starts_with("second_party")) {
      party_errors.push_back(std::move(error));
    }
  }
  TRY(validation_result(std::move(party_errors)));

  return write_transaction<AgreementView>(repository_, [&](PerformanceStore& store) -> Result<AgreementView> {
    if (!TRY(store.agreements(region, AgreementFilter{agency.id, draft.year})).empty()) {
      return conflict("year",
                      agency.code + " sudah memiliki perjanjian kinerja tahun " + std::to_string(draft.year) +
                          "; buka perjanjian itu atau ajukan perubahannya",
                      agency.code + " already has a performance agreement for " + std::to_string(draft.year) +
                          "; open it or propose a revision");
    }
    AgreementRecord agreement;
    agreement.agency_id = agency.id;
    agreement.year = draft.year;
    agreement.number = 1;
    agreement.content = content;
    agreement.created_by_name = caller.name;
    const workflow::StoredItem item =
        TRY(store.workflow().create(agreement_workflow(), region.value(), agency.id.value(), agency.cluster,
                                    subject_of(agency.id, draft.year, 1)));
    agreement.workflow_item_id = item.id;
    agreement.state = item.item.state;
    AgreementRecord stored = TRY(store.insert_agreement(region, agreement));
    TRY(store.append_audit(event(caller, region, "performance_agreement.create", std::string(kEntity),
                                 stored.id.to_string(),
                                 {{"agency", nullptr, agency.code},
                                  {"year", nullptr, std::to_string(draft.year)},
                                  {"items", nullptr, std::to_string(stored.content.items.size())},
                                  {"programs", nullptr, std::to_string(stored.content.programs.size())}},
                                 context)));
    return detailed_view(store, region, stored, agencies, caller);
  });
}

Result<AgreementView> AgreementService::update(const Principal& caller, AgreementId id,
                                               const AgreementEdit& edit, const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  const AgreementRecord current = TRY(stored(caller, id));
  const AgencyFacts agency = TRY(agencies.require_id(current.agency_id));
  TRY(require_permission(caller, Action::agreement_manage, agency));
  const PlanFacts plan = TRY(directory_.plan(caller, agency.id, current.year));
  AgreementContent content = TRY(content_of(current.content, edit, plan));
  // A draft is saved with gaps (a target still to agree); submitting checks it whole. What
  // cannot be saved at all is refused now: bad parties, shapes, duplicates, budgets.
  std::vector<FieldError> errors;
  for (FieldError& error : check_content(content)) {
    if (error.field != "items" && !error.message_en.starts_with("the target is required")) {
      errors.push_back(std::move(error));
    }
  }
  TRY(validation_result(std::move(errors)));

  return write_transaction<AgreementView>(repository_, [&](PerformanceStore& store) -> Result<AgreementView> {
    AgreementRecord agreement = TRY(find_agreement(store, region, id));
    if (agreement.state != kDraft) {
      return agreement.state == kSigned
                 ? conflict(
                       "state",
                       "perjanjian yang sudah ditandatangani tidak dapat diubah; ajukan perubahan (revisi)",
                       "a signed agreement cannot be edited; propose a revision instead")
                 : conflict("state",
                            "perjanjian sedang dalam proses tanda tangan; kembalikan ke draf dulu untuk "
                            "mengubahnya",
                            "the agreement is being signed; return it to draft before editing it");
    }
    if (agreement.version != edit.version) {
      return stale_version("Perjanjian kinerja", "performance agreement");
    }
    const AgreementContent before = agreement.content;
    agreement.content = content;
    if (!TRY(store.update_agreement(region, agreement))) {
      return stale_version("Perjanjian kinerja", "performance agreement");
    }
    agreement.version += 1;
    TRY(store.append_audit(event(caller, region, "performance_agreement.update", std::string(kEntity),
                                 agreement.id.to_string(), content_changes(before, agreement.content),
                                 context)));
    return detailed_view(store, region, agreement, agencies, caller);
  });
}

Result<AgreementView> AgreementService::take_step(const Principal& caller, AgreementId id,
                                                  const StepCommand& command,
                                                  const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  return write_transaction<AgreementView>(repository_, [&](PerformanceStore& store) -> Result<AgreementView> {
    AgreementRecord agreement = TRY(find_agreement(store, region, id));
    if (agreement.version != command.version) {
      return stale_version("Perjanjian kinerja", "performance agreement");
    }
    const auto item = TRY(store.workflow().find(region.value(), agreement.workflow_item_id));
    if (!item) {
      return not_found("Alur perjanjian kinerja " + agreement.id.to_string());
    }
    if (command.transition == "abandon" && agreement.number == 1) {
      return conflict("transition", "perjanjian awal tidak dibatalkan; ubah isinya selama masih draf",
                      "an original agreement is not abandoned; edit it while it is a draft");
    }
    // Who may take the step, and from which state, is decided before the document's checks.
    TRY(workflow::decide(
        agreement_workflow(), item->item, caller,
        workflow::StepRequest{command.transition, command.comment, {{"document_sha256", "-"}}, {}}));
    workflow::StepRequest request{command.transition, command.comment, {}, {}};
    if (command.transition == "submit") {
      // Everything is checked before the document is frozen.
      TRY(validation_result(check_content(agreement.content)));
      agreement.document_sha256 = document_sha256(agreement.content);
    }
    if (command.transition == "sign_first_party" || command.transition == "sign_second_party") {
      if (!agreement.document_sha256 || !intact(agreement)) {
        return conflict(
            "document_sha256",
            "isi perjanjian tidak cocok dengan sidik SHA-256 saat diajukan; tidak dapat ditandatangani",
            "the agreement's content does not match the SHA-256 it was submitted with; it cannot be signed");
      }
      request.fields["document_sha256"] = *agreement.document_sha256;
    }
    const workflow::StoredItem moved =
        TRY(store.workflow().take_step(agreement_workflow(), *item, caller, request));
    agreement.state = moved.item.state;
    if (agreement.state == kDraft) {
      agreement.document_sha256.reset();  // returned: a new submission takes a new hash
    }
    if (!TRY(store.update_agreement(region, agreement))) {
      return stale_version("Perjanjian kinerja", "performance agreement");
    }
    agreement.version += 1;
    std::vector<audit::FieldChange> changes = {{"state", item->item.state, agreement.state}};
    if (!command.comment.empty()) {
      changes.push_back({"comment", nullptr, command.comment});
    }
    if (agreement.document_sha256) {
      changes.push_back({"document_sha256", nullptr, *agreement.document_sha256});
    }
    // The signed revision replaces the agreement it revises.
    if (agreement.state == kSigned && agreement.previous_id) {
      AgreementRecord previous = TRY(find_agreement(store, region, *agreement.previous_id));
      previous.superseded = true;
      if (!TRY(store.update_agreement(region, previous))) {
        return stale_version("Perjanjian kinerja", "performance agreement");
      }
      changes.push_back({"supersedes", nullptr, previous.id.to_string()});
    }
    TRY(store.append_audit(event(caller, region, "performance_agreement." + command.transition,
                                 std::string(kEntity), agreement.id.to_string(), std::move(changes),
                                 context)));
    return detailed_view(store, region, agreement, agencies, caller);
  });
}

Result<AgreementView> AgreementService::revise(const Principal& caller, AgreementId id,
                                               const std::string& reason, const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  std::vector<FieldError> errors;
  if (trim_ascii_whitespace(reason).empty()) {
    add_field_error(errors, "reason", "alasan perubahan wajib diisi",
                    "the reason for the revision is required");
  }
  TRY(validation_result(std::move(errors)));
  return write_transaction<AgreementView>(repository_, [&](PerformanceStore& store) -> Result<AgreementView> {
    const AgreementRecord signed_agreement = TRY(find_agreement(store, region, id));
    const AgencyFacts agency = TRY(agencies.require_id(signed_agreement.agency_id));
    TRY(require_permission(caller, Action::agreement_manage, agency));
    if (signed_agreement.state != kSigned || signed_agreement.superseded) {
      return conflict("state",
                      "hanya perjanjian yang sudah ditandatangani dan masih berlaku yang dapat diubah",
                      "only a signed agreement that is still in force can be revised");
    }
    int newest = 0;
    for (const AgreementRecord& other :
         TRY(store.agreements(region, AgreementFilter{signed_agreement.agency_id, signed_agreement.year}))) {
      newest = std::max(newest, other.number);
      if (other.number > signed_agreement.number && other.state != kAbandoned) {
        return conflict("state", "perubahan perjanjian ini sudah sedang disusun",
                        "a revision of this agreement is already being drafted");
      }
    }
    AgreementRecord revision;
    revision.agency_id = signed_agreement.agency_id;
    revision.year = signed_agreement.year;
    revision.number = newest + 1;
    revision.previous_id = signed_agreement.id;
    revision.revision_reason = std::string(trim_ascii_whitespace(reason));
    revision.content = signed_agreement.content;
    // The head may have changed since the agreement was signed: the revision is theirs.
    if (const auto head = TRY(directory_.head_of(caller, agency))) {
      revision.content.first_party = *head;
    }
    revision.created_by_name = caller.name;
    const workflow::StoredItem item =
        TRY(store.workflow().create(agreement_workflow(), region.value(), agency.id.value(), agency.cluster,
                                    subject_of(agency.id, revision.year, revision.number)));
    revision.workflow_item_id = item.id;
    revision.state = item.item.state;
    AgreementRecord stored = TRY(store.insert_agreement(region, revision));
    TRY(store.append_audit(event(caller, region, "performance_agreement.revise", std::string(kEntity),
                                 stored.id.to_string(),
                                 {{"revises", nullptr, signed_agreement.id.to_string()},
                                  {"number", nullptr, std::to_string(stored.number)},
                                  {"reason", nullptr, stored.revision_reason}},
                                 context)));
    return detailed_view(store, region, stored, agencies, caller);
  });
}

Result<std::optional<AgreementRecord>> AgreementService::in_force(const Principal& caller, AgencyId agency,
                                                                  int year) {
  const RegionId region = TRY(region_of(caller));
  return read_transaction<std::optional<AgreementRecord>>(
      repository_, [&](PerformanceStore& store) -> Result<std::optional<AgreementRecord>> {
        return agreement_in_force(store, region, agency, year);
      });
}

}  // namespace sinergi::performance
