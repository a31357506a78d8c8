#include "contexts/performance/realization_service.h"

#include <algorithm>
#include <map>

#include "contexts/performance/performance_support.h"
#include "contexts/performance/scale_service.h"
#include "core/clock.h"
#include "core/date.h"
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

constexpr std::string_view kEntity = "realization";
constexpr std::size_t kMaxEvidencePerReport = 20;
constexpr std::size_t kMaxUrlCharacters = 2000;
constexpr std::size_t kMaxTitleCharacters = 200;

std::string subject_of(AgencyId agency, std::int64_t indicator, int year, int quarter) {
  return std::string(kEntity) + ":" + agency.to_string() + ":" + std::to_string(indicator) + ":" +
         std::to_string(year) + ":" + std::to_string(quarter);
}

const AgreementItem* item_of(const AgreementRecord& agreement, std::int64_t indicator_id) {
  for (const AgreementItem& item : agreement.content.items) {
    if (item.indicator_id == indicator_id) {
      return &item;
    }
  }
  return nullptr;
}

Result<void> check_quarter(int year, int quarter) {
  std::vector<FieldError> errors = check_year(year, "year");
  if (quarter < 1 || quarter > 4) {
    add_field_error(errors, "quarter", "triwulan harus 1 sampai 4", "the quarter must be 1 to 4");
  }
  return validation_result(std::move(errors));
}

std::optional<std::string> decimal_text(const std::optional<Decimal>& value) {
  return value ? std::optional<std::string>(value->to_string()) : std::nullopt;
}

nlohmann::json json_text(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

// The reports of an agency's year by indicator and quarter.
std::map<std::int64_t, std::array<QuarterValue, 4>> quarters_by_indicator(
    const std::vector<RealizationRecord>& realizations) {
  std::map<std::int64_t, std::array<QuarterValue, 4>> quarters;
  for (const RealizationRecord& realization : realizations) {
    if (realization.quarter >= 1 && realization.quarter <= 4) {
      quarters[realization.indicator_id][realization.quarter - 1] =
          QuarterValue{realization.value, realization.verified_value, realization.state};
    }
  }
  return quarters;
}

Result<RealizationRecord> find_realization(PerformanceStore& store, RegionId region, RealizationId id) {
  auto realization = TRY(store.find_realization(region, id));
  if (!realization) {
    return not_found("Laporan realisasi " + id.to_string());
  }
  return std::move(*realization);
}

// The views of `realizations` with their evidence, timelines and the caller's buttons, read in
// three statements whatever their number (a quarter's report, the verification queue).
Result<std::vector<RealizationView>> views_of(PerformanceStore& store, RegionId region,
                                              const std::vector<RealizationRecord>& realizations,
                                              const Agencies& agencies, const Principal& caller) {
  std::vector<RealizationId> ids;
  std::vector<std::int64_t> item_ids;
  for (const RealizationRecord& realization : realizations) {
    ids.push_back(realization.id);
    item_ids.push_back(realization.workflow_item_id);
  }
  std::map<std::int64_t, std::vector<EvidenceRecord>> evidence;
  for (EvidenceRecord& piece : TRY(store.evidence(region, ids))) {
    evidence[piece.realization_id.value()].push_back(std::move(piece));
  }
  std::map<std::int64_t, workflow::StoredItem> items;
  for (workflow::StoredItem& item : TRY(store.workflow().find_many(region.value(), item_ids))) {
    items.emplace(item.id, std::move(item));
  }
  std::vector<RealizationView> views;
  for (const RealizationRecord& realization : realizations) {
    RealizationView view;
    view.record = realization;
    const AgencyFacts* agency = agencies.find(realization.agency_id);
    view.agency_code = agency ? agency->code : std::string();
    view.evidence = std::move(evidence[realization.id.value()]);
    if (auto item = items.find(realization.workflow_item_id); item != items.end()) {
      view.timeline = item->second.item.steps;
      for (const workflow::Transition* transition :
           workflow::available(realization_workflow(), item->second.item, caller)) {
        view.available.push_back(transition->name);
      }
    }
    view.editable = realization.state == kRealizationDraft && agency &&
                    may_act_on(caller, Action::realization_report, *agency);
    views.push_back(std::move(view));
  }
  return views;
}

Result<RealizationView> detailed_view(PerformanceStore& store, RegionId region,
                                      const RealizationRecord& realization, const Agencies& agencies,
                                      const Principal& caller) {
  return std::move(TRY(views_of(store, region, {realization}, agencies, caller)).front());
}

// The agreement in force that `indicator_id` is reported against, or why there is none.
Result<std::pair<AgreementRecord, AgreementItem>> agreement_item(PerformanceStore& store, RegionId region,
                                                                 const AgencyFacts& agency,
                                                                 std::int64_t indicator_id, int year) {
  const auto agreement = TRY(agreement_in_force(store, region, agency.id, year));
  if (!agreement) {
    return Error::with_fields(
        ErrorCode::ValidationFailed,
        {FieldError{"year",
                    agency.code + " belum memiliki perjanjian kinerja tahun " + std::to_string(year) +
                        " yang ditandatangani; realisasi dilaporkan terhadap perjanjian yang berlaku",
                    agency.code + " has no signed performance agreement for " + std::to_string(year) +
                        "; realization is reported against the agreement in force"}});
  }
  const AgreementItem* item = item_of(*agreement, indicator_id);
  if (!item) {
    return Error::with_fields(
        ErrorCode::ValidationFailed,
        {FieldError{"indicator_id",
                    "indikator " + std::to_string(indicator_id) +
                        " tidak termasuk dalam perjanjian kinerja " + agency.code + " tahun " +
                        std::to_string(year),
                    "indicator " + std::to_string(indicator_id) + " is not in the performance agreement of " +
                        agency.code + " for " + std::to_string(year)}});
  }
  return std::make_pair(*agreement, *item);
}

bool valid_url(std::string_view url) {
  if (!(url.starts_with("https://") || url.starts_with("http://")) || url.size() > kMaxUrlCharacters) {
    return false;
  }
  return std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>';
  });
}

// The items, quarters and trend of one agency's agreement in force.
std::vector<ScorecardItem> scorecard_items(const AgreementRecord& agreement,
                                           const std::vector<RealizationRecord>& realizations, int through,
                                           const PredicateScale& scale) {
  const auto quarters = quarters_by_indicator(realizations);
  std::vector<ScorecardItem> items;
  for (const AgreementItem& item : agreement.content.items) {
    ScorecardItem row;
    row.item = item;
    if (auto found = quarters.find(item.indicator_id); found != quarters.end()) {
      row.quarters = found->second;
    }
    for (int quarter = 1; quarter <= through; ++quarter) {
      row.trend.push_back(achievement_through(item, row.quarters, quarter, scale));
    }
    for (const RealizationRecord& realization : realizations) {
      if (realization.indicator_id == item.indicator_id && realization.quarter <= through) {
        // Ordered by quarter: the latest non-empty statement wins.
        if (!realization.supporting_factors.empty()) {
          row.supporting_factors = realization.supporting_factors;
        }
        if (!realization.inhibiting_factors.empty()) {
          row.inhibiting_factors = realization.inhibiting_factors;
        }
        if (!realization.follow_up_plan.empty()) {
          row.follow_up_plan = realization.follow_up_plan;
        }
      }
    }
    items.push_back(std::move(row));
  }
  return items;
}

Rollup overall_of(const std::vector<ScorecardItem>& items) {
  std::vector<RollupChild> children;
  for (const ScorecardItem& item : items) {
    children.push_back(RollupChild::of(item.trend.back().achievement));
  }
  return roll_up(children, RollupRule::mean_of_achievements);
}

}  // namespace

RealizationService::RealizationService(PerformanceRepository& repository, const Clock& clock,
                                       PerformanceDirectory directory,
                                       const files::ContentStore& evidence_store)
    : repository_(repository),
      clock_(clock),
      directory_(std::move(directory)),
      evidence_store_(evidence_store) {}

Result<QuarterReport> RealizationService::quarter(const Principal& caller, const std::string& agency_code,
                                                  int year, int quarter) {
  TRY(check_quarter(year, quarter));
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  const AgencyFacts agency = TRY(agencies.require(agency_code, "agency_code"));
  return read_transaction<QuarterReport>(repository_, [&](PerformanceStore& store) -> Result<QuarterReport> {
    QuarterReport report;
    report.agency = agency;
    report.year = year;
    report.quarter = quarter;
    report.agreement = TRY(agreement_in_force(store, region, agency.id, year));
    for (const ReportingWindow& window : TRY(store.windows(region, year))) {
      if (window.quarter == quarter) {
        report.window = window;
      }
    }
    if (!report.agreement) {
      return report;
    }
    report.can_report = may_act_on(caller, Action::realization_report, agency);
    const auto realizations =
        TRY(store.realizations(region, RealizationFilter{agency.id, year, quarter, std::nullopt}));
    std::map<std::int64_t, RealizationView> by_indicator;
    for (RealizationView& view : TRY(views_of(store, region, realizations, agencies, caller))) {
      by_indicator.emplace(view.record.indicator_id, std::move(view));
    }
    for (const AgreementItem& item : report.agreement->content.items) {
      QuarterRow row;
      row.item = item;
      if (auto found = by_indicator.find(item.indicator_id); found != by_indicator.end()) {
        row.realization = found->second;
        const RealizationRecord& record = found->second.record;
        report.with_value += record.value ? 1 : 0;
        report.submitted += record.state != kRealizationDraft ? 1 : 0;
        report.verified += record.state == kRealizationVerified ? 1 : 0;
        report.late += record.late ? 1 : 0;
      }
      report.rows.push_back(std::move(row));
    }
    return report;
  });
}

Result<RealizationView> RealizationService::get(const Principal& caller, RealizationId id) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  return read_transaction<RealizationView>(
      repository_, [&](PerformanceStore& store) -> Result<RealizationView> {
        return detailed_view(store, region, TRY(find_realization(store, region, id)), agencies, caller);
      });
}

Result<RealizationView> RealizationService::save(const Principal& caller, const RealizationEntry& entry,
                                                 const audit::CallContext& context) {
  TRY(check_quarter(entry.year, entry.quarter));
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  const AgencyFacts agency = TRY(agencies.require(entry.agency_code, "agency_code"));
  TRY(require_permission(caller, Action::realization_report, agency));
  return write_transaction<RealizationView>(
      repository_, [&](PerformanceStore& store) -> Result<RealizationView> {
        const auto [agreement, item] =
            TRY(agreement_item(store, region, agency, entry.indicator_id, entry.year));
        std::optional<RealizationRecord> existing;
        for (RealizationRecord& realization : TRY(store.realizations(
                 region, RealizationFilter{agency.id, entry.year, entry.quarter, std::nullopt}))) {
          if (realization.indicator_id == entry.indicator_id) {
            existing = std::move(realization);
          }
        }
        RealizationRecord record;
        if (existing) {
          if (existing->state != kRealizationDraft) {
            return conflict(
                "state",
                "laporan ini sudah diajukan; hanya draf atau laporan yang dikembalikan yang dapat diubah",
                "this report has been submitted; only a draft or a returned report can be edited");
          }
          if (!entry.version) {
            return Error::with_fields(
                ErrorCode::ValidationFailed,
                {FieldError{"version", "laporan ini sudah tersimpan; kirim versinya untuk mengubahnya",
                            "this report is already saved; send its version to change it"}});
          }
          if (*entry.version != existing->version) {
            return stale_version("Laporan realisasi", "realization report");
          }
          record = *existing;
        } else {
          record.agency_id = agency.id;
          record.indicator_id = entry.indicator_id;
          record.year = entry.year;
          record.quarter = entry.quarter;
          record.agreement_id = agreement.id;
        }
        const RealizationRecord before = record;
        record.value = entry.value;
        record.data_source = entry.data_source;
        record.supporting_factors = entry.supporting_factors;
        record.inhibiting_factors = entry.inhibiting_factors;
        record.follow_up_plan = entry.follow_up_plan;
        if (existing) {
          if (!TRY(store.update_realization(region, record))) {
            return stale_version("Laporan realisasi", "realization report");
          }
          record.version += 1;
        } else {
          const workflow::StoredItem workflow_item = TRY(store.workflow().create(
              realization_workflow(), region.value(), agency.id.value(), agency.cluster,
              subject_of(agency.id, entry.indicator_id, entry.year, entry.quarter)));
          record.workflow_item_id = workflow_item.id;
          record.state = workflow_item.item.state;
          record = TRY(store.insert_realization(region, record));
        }
        std::vector<audit::FieldChange> changes = {
            {"indicator", nullptr, item.indicator},
            {"period", nullptr, std::to_string(entry.year) + "-TW" + std::to_string(entry.quarter)}};
        if (before.value != record.value) {
          changes.push_back(
              {"value", json_text(decimal_text(before.value)), json_text(decimal_text(record.value))});
        }
        for (const auto& [field, old_text, new_text] :
             {std::tuple{"data_source", &before.data_source, &record.data_source},
              std::tuple{"supporting_factors", &before.supporting_factors, &record.supporting_factors},
              std::tuple{"inhibiting_factors", &before.inhibiting_factors, &record.inhibiting_factors},
              std::tuple{"follow_up_plan", &before.follow_up_plan, &record.follow_up_plan}}) {
          if (*old_text != *new_text) {
            changes.push_back({field, *old_text, *new_text});
          }
        }
        TRY(store.append_audit(event(caller, region, existing ? "realization.update" : "realization.create",
                                     std::string(kEntity), record.id.to_string(), std::move(changes),
                                     context)));
        return detailed_view(store, region, record, agencies, caller);
      });
}

Result<RealizationView> RealizationService::take_step(const Principal& caller, RealizationId id,
                                                      const RealizationStep& step,
                                                      const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  const Date today = local_date(clock_.now(), kOffsetWita);
  return write_transaction<RealizationView>(
      repository_, [&](PerformanceStore& store) -> Result<RealizationView> {
        RealizationRecord record = TRY(find_realization(store, region, id));
        if (record.version != step.version) {
          return stale_version("Laporan realisasi", "realization report");
        }
        const auto item = TRY(store.workflow().find(region.value(), record.workflow_item_id));
        if (!item) {
          return not_found("Alur laporan realisasi " + record.id.to_string());
        }
        // Who may take the step, and from which state, is decided before the report's own checks
        // (a value, evidence, the window), so a person without the right is told so first.
        TRY(workflow::decide(
            realization_workflow(), item->item, caller,
            workflow::StepRequest{step.transition, step.comment, {{"verified_value", "0"}}, {}}));
        workflow::StepRequest request{step.transition, step.comment, {}, {}};
        const std::string now = format_iso8601_utc_milliseconds(clock_.now());
        if (step.transition == "submit") {
          std::vector<FieldError> errors;
          if (!record.value) {
            add_field_error(errors, "value", "isi nilai realisasi sebelum mengajukan",
                            "enter the realization value before submitting");
          }
          const auto evidence = TRY(store.evidence(region, {record.id}));
          if (evidence.empty()) {
            add_field_error(errors, "evidence", "lampirkan sedikitnya satu bukti dukung (berkas atau tautan)",
                            "attach at least one piece of evidence (a file or a link)");
          }
          TRY(validation_result(std::move(errors)));
          for (const ReportingWindow& window : TRY(store.windows(region, record.year))) {
            if (window.quarter != record.quarter) {
              continue;
            }
            if (today < window.opens_on) {
              return conflict(
                  "quarter",
                  "jendela pelaporan TW " + std::string(kQuarterNames[record.quarter - 1]) + " " +
                      std::to_string(record.year) + " baru dibuka " + format_iso_date(window.opens_on),
                  "the reporting window of Q" + std::to_string(record.quarter) + " " +
                      std::to_string(record.year) + " opens on " + format_iso_date(window.opens_on));
            }
            record.late = window.closes_on < today;
          }
          record.submitted_at = now;
          for (const EvidenceRecord& piece : evidence) {
            request.attachments.push_back(piece.sha256 ? "sha256:" + *piece.sha256 : piece.url);
          }
        } else if (step.transition == "verify") {
          const std::optional<Decimal> verified = step.verified_value ? step.verified_value : record.value;
          if (verified) {
            request.fields["verified_value"] = verified->to_string();
          }
          record.verified_value = verified;
          record.verified_at = now;
          record.verifier_note = step.comment;
        } else if (step.transition == "return") {
          record.verifier_note = step.comment;
        }
        const workflow::StoredItem moved =
            TRY(store.workflow().take_step(realization_workflow(), *item, caller, request));
        const std::string from_state = record.state;
        record.state = moved.item.state;
        if (!TRY(store.update_realization(region, record))) {
          return stale_version("Laporan realisasi", "realization report");
        }
        record.version += 1;
        std::vector<audit::FieldChange> changes = {{"state", from_state, record.state}};
        if (!step.comment.empty()) {
          changes.push_back({"comment", nullptr, step.comment});
        }
        if (step.transition == "verify") {
          changes.push_back({"verified_value", nullptr, json_text(decimal_text(record.verified_value))});
        }
        if (step.transition == "submit" && record.late) {
          changes.push_back({"late", nullptr, true});
        }
        TRY(store.append_audit(event(caller, region, "realization." + step.transition, std::string(kEntity),
                                     record.id.to_string(), std::move(changes), context)));
        return detailed_view(store, region, record, agencies, caller);
      });
}

Result<RealizationView> RealizationService::add_file(const Principal& caller, RealizationId id,
                                                     std::string_view bytes, const std::string& file_name,
                                                     const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  const RealizationRecord current = TRY(read_transaction<RealizationRecord>(
      repository_, [&](PerformanceStore& store) { return find_realization(store, region, id); }));
  TRY(require_permission(caller, Action::realization_report, TRY(agencies.require_id(current.agency_id))));
  // Checked again in the transaction; refused here before the file is written.
  if (current.state != kRealizationDraft) {
    return conflict("state", "bukti dukung hanya dapat ditambah pada draf",
                    "evidence can be added to a draft only");
  }
  // Written before the transaction: content-addressed, so a file whose row is rolled back is
  // an orphan that is never served, and the same content is stored once.
  const files::StoredFile stored = TRY(evidence_store_.put(bytes, file_name));
  return write_transaction<RealizationView>(
      repository_, [&](PerformanceStore& store) -> Result<RealizationView> {
        const RealizationRecord record = TRY(find_realization(store, region, id));
        if (record.state != kRealizationDraft) {
          return conflict("state", "bukti dukung hanya dapat ditambah pada draf",
                          "evidence can be added to a draft only");
        }
        if (TRY(store.evidence(region, {record.id})).size() >= kMaxEvidencePerReport) {
          return conflict(
              "file", "paling banyak " + std::to_string(kMaxEvidencePerReport) + " bukti per laporan",
              "at most " + std::to_string(kMaxEvidencePerReport) + " pieces of evidence per report");
        }
        EvidenceRecord evidence;
        evidence.realization_id = record.id;
        evidence.kind = EvidenceKind::file;
        evidence.sha256 = stored.sha256;
        evidence.file_name = excerpt_for_message(file_name, 255);
        evidence.media_type = std::string(files::mime_type(stored.media_type));
        evidence.size_bytes = static_cast<std::int64_t>(stored.size);
        evidence.added_by_name = caller.name;
        const EvidenceRecord inserted = TRY(store.insert_evidence(region, evidence));
        TRY(store.append_audit(event(caller, region, "realization.evidence_add", std::string(kEntity),
                                     record.id.to_string(),
                                     {{"evidence", nullptr, inserted.id.to_string()},
                                      {"file_name", nullptr, inserted.file_name},
                                      {"sha256", nullptr, stored.sha256},
                                      {"size_bytes", nullptr, inserted.size_bytes}},
                                     context)));
        return detailed_view(store, region, record, agencies, caller);
      });
}

Result<RealizationView> RealizationService::add_link(const Principal& caller, RealizationId id,
                                                     const std::string& url, const std::string& title,
                                                     const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  std::vector<FieldError> errors;
  if (!valid_url(url)) {
    add_field_error(errors, "url", "tautan harus alamat http:// atau https:// yang utuh, tanpa spasi",
                    "the link must be a whole http:// or https:// address without spaces");
  }
  const auto title_characters = printable_code_points(title);
  if (!title_characters || *title_characters > kMaxTitleCharacters) {
    add_field_error(errors, "title", "judul paling banyak 200 karakter yang sah",
                    "the title must be at most 200 valid characters");
  }
  TRY(validation_result(std::move(errors)));
  return write_transaction<RealizationView>(
      repository_, [&](PerformanceStore& store) -> Result<RealizationView> {
        const RealizationRecord record = TRY(find_realization(store, region, id));
        TRY(require_permission(caller, Action::realization_report,
                               TRY(agencies.require_id(record.agency_id))));
        if (record.state != kRealizationDraft) {
          return conflict("state", "bukti dukung hanya dapat ditambah pada draf",
                          "evidence can be added to a draft only");
        }
        if (TRY(store.evidence(region, {record.id})).size() >= kMaxEvidencePerReport) {
          return conflict(
              "url", "paling banyak " + std::to_string(kMaxEvidencePerReport) + " bukti per laporan",
              "at most " + std::to_string(kMaxEvidencePerReport) + " pieces of evidence per report");
        }
        EvidenceRecord evidence;
        evidence.realization_id = record.id;
        evidence.kind = EvidenceKind::link;
        evidence.url = url;
        evidence.file_name = title.empty() ? url.substr(0, kMaxTitleCharacters) : title;
        evidence.added_by_name = caller.name;
        const EvidenceRecord inserted = TRY(store.insert_evidence(region, evidence));
        TRY(store.append_audit(
            event(caller, region, "realization.evidence_add", std::string(kEntity), record.id.to_string(),
                  {{"evidence", nullptr, inserted.id.to_string()}, {"url", nullptr, url}}, context)));
        return detailed_view(store, region, record, agencies, caller);
      });
}

Result<RealizationView> RealizationService::remove_evidence(const Principal& caller, RealizationId id,
                                                            EvidenceId evidence_id,
                                                            const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  return write_transaction<RealizationView>(
      repository_, [&](PerformanceStore& store) -> Result<RealizationView> {
        const RealizationRecord record = TRY(find_realization(store, region, id));
        TRY(require_permission(caller, Action::realization_report,
                               TRY(agencies.require_id(record.agency_id))));
        const auto evidence = TRY(store.find_evidence(region, evidence_id));
        if (!evidence || evidence->realization_id != record.id) {
          return not_found("Bukti dukung " + evidence_id.to_string());
        }
        if (record.state != kRealizationDraft) {
          return conflict("state", "bukti dukung hanya dapat dihapus dari draf",
                          "evidence can be removed from a draft only");
        }
        TRY(store.delete_evidence(region, evidence_id));
        TRY(store.append_audit(event(
            caller, region, "realization.evidence_remove", std::string(kEntity), record.id.to_string(),
            {{"evidence", evidence_id.to_string(), nullptr}, {"file_name", evidence->file_name, nullptr}},
            context)));
        return detailed_view(store, region, record, agencies, caller);
      });
}

Result<EvidenceFile> RealizationService::evidence_file(const Principal& caller, EvidenceId evidence_id) {
  const RegionId region = TRY(region_of(caller));
  const auto evidence = TRY(read_transaction<std::optional<EvidenceRecord>>(
      repository_, [&](PerformanceStore& store) { return store.find_evidence(region, evidence_id); }));
  if (!evidence || evidence->kind != EvidenceKind::file || !evidence->sha256) {
    return not_found("Berkas bukti " + evidence_id.to_string());
  }
  return EvidenceFile{TRY(evidence_store_.get(*evidence->sha256)), evidence->media_type, evidence->file_name};
}

Result<std::vector<QueueEntry>> RealizationService::queue(const Principal& caller, const QueueQuery& query) {
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  RealizationFilter filter;
  filter.year = query.year;
  filter.quarter = query.quarter;
  filter.state = std::string(kRealizationSubmitted);
  if (query.agency_code) {
    filter.agency_id = TRY(agencies.require(*query.agency_code, "agency_code")).id;
  }
  return read_transaction<std::vector<QueueEntry>>(
      repository_, [&](PerformanceStore& store) -> Result<std::vector<QueueEntry>> {
        std::map<std::int64_t, AgreementRecord> agreements;
        for (AgreementRecord& agreement :
             TRY(store.agreements(region, AgreementFilter{std::nullopt, query.year}))) {
          agreements.emplace(agreement.id.value(), std::move(agreement));
        }
        std::vector<QueueEntry> entries;
        for (RealizationView& view :
             TRY(views_of(store, region, TRY(store.realizations(region, filter)), agencies, caller))) {
          const RealizationRecord realization = view.record;
          QueueEntry entry;
          entry.realization = std::move(view);
          entry.waiting_since = realization.submitted_at.value_or(realization.updated_at);
          if (auto found = agreements.find(realization.agreement_id.value()); found != agreements.end()) {
            if (const AgreementItem* item = item_of(found->second, realization.indicator_id)) {
              entry.indicator = item->indicator;
              entry.unit = item->unit;
              entry.target = item->quarter_targets[realization.quarter - 1];
              if (!entry.target && realization.quarter == 4) {
                entry.target = item->yearly_target;  // as the scorecard measures TW IV
              }
            }
          }
          entries.push_back(std::move(entry));
        }
        std::stable_sort(entries.begin(), entries.end(), [](const QueueEntry& left, const QueueEntry& right) {
          return left.waiting_since < right.waiting_since;
        });
        return entries;
      });
}

Result<std::vector<ReportingWindow>> RealizationService::windows(const Principal& caller, int year) {
  TRY(validation_result(check_year(year, "year")));
  const RegionId region = TRY(region_of(caller));
  return read_transaction<std::vector<ReportingWindow>>(
      repository_, [&](PerformanceStore& store) { return store.windows(region, year); });
}

Result<std::vector<ReportingWindow>> RealizationService::put_windows(
    const Principal& caller, int year, const std::vector<ReportingWindow>& windows,
    const audit::CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  std::vector<FieldError> errors = check_year(year, "year");
  std::array<bool, 4> seen{};
  for (std::size_t index = 0; index < windows.size(); ++index) {
    const ReportingWindow& window = windows[index];
    const std::string field = "windows[" + std::to_string(index) + "]";
    if (window.quarter < 1 || window.quarter > 4 || seen[window.quarter - 1]) {
      add_field_error(errors, field + ".quarter", "triwulan 1 sampai 4, masing-masing sekali",
                      "quarters 1 to 4, each once");
      continue;
    }
    seen[window.quarter - 1] = true;
    // A quarter is reported from its first day until the end of the next year at the latest
    // (TW IV is reported in January); a date outside is a typing slip.
    const Date first_day = Date(std::chrono::year(year) / ((window.quarter - 1) * 3 + 1) / 1);
    const Date last_day = Date(std::chrono::year(year + 1) / 12 / 31);
    for (const auto& [key, date] :
         {std::pair{"opens_on", window.opens_on}, {"closes_on", window.closes_on}}) {
      if (date < first_day || last_day < date) {
        add_field_error(
            errors, field + "." + key,
            "tanggal harus antara " + format_iso_date(first_day) + " dan " + format_iso_date(last_day),
            "the date must be between " + format_iso_date(first_day) + " and " + format_iso_date(last_day));
      }
    }
    if (window.closes_on < window.opens_on) {
      add_field_error(errors, field + ".closes_on", "tanggal tutup sebelum tanggal buka",
                      "the closing date is before the opening date");
    }
  }
  TRY(validation_result(std::move(errors)));
  return write_transaction<std::vector<ReportingWindow>>(
      repository_, [&](PerformanceStore& store) -> Result<std::vector<ReportingWindow>> {
        std::map<int, ReportingWindow> before;
        for (const ReportingWindow& window : TRY(store.windows(region, year))) {
          before[window.quarter] = window;
        }
        std::vector<audit::FieldChange> changes;
        for (ReportingWindow window : windows) {
          window.year = year;
          TRY(store.put_window(region, window));
          const std::string after =
              format_iso_date(window.opens_on) + " - " + format_iso_date(window.closes_on);
          const auto found = before.find(window.quarter);
          const nlohmann::json old_value =
              found == before.end() ? nlohmann::json(nullptr)
                                    : nlohmann::json(format_iso_date(found->second.opens_on) + " - " +
                                                     format_iso_date(found->second.closes_on));
          if (old_value != nlohmann::json(after)) {
            changes.push_back({"TW" + std::to_string(window.quarter), old_value, after});
          }
        }
        TRY(store.append_audit(event(caller, region, "reporting_window.update", "reporting_window",
                                     std::to_string(year), std::move(changes), context)));
        return store.windows(region, year);
      });
}

Result<std::vector<ReportingWindow>> RealizationService::remove_window(const Principal& caller, int year,
                                                                       int quarter,
                                                                       const audit::CallContext& context) {
  TRY(check_quarter(year, quarter));
  const RegionId region = TRY(region_of(caller));
  return write_transaction<std::vector<ReportingWindow>>(
      repository_, [&](PerformanceStore& store) -> Result<std::vector<ReportingWindow>> {
        std::optional<ReportingWindow> removed;
        for (const ReportingWindow& window : TRY(store.windows(region, year))) {
          if (window.quarter == quarter) {
            removed = window;
          }
        }
        if (!removed) {
          return not_found("Jendela pelaporan TW " + std::to_string(quarter) + " " + std::to_string(year));
        }
        TRY(store.delete_window(region, year, quarter));
        TRY(store.append_audit(event(
            caller, region, "reporting_window.remove", "reporting_window", std::to_string(year),
            {{"TW" + std::to_string(quarter),
              format_iso_date(removed->opens_on) + " - " + format_iso_date(removed->closes_on), nullptr}},
            context)));
        return store.windows(region, year);
      });
}

Result<Scorecard> RealizationService::scorecard(const Principal& caller, const std::string& agency_code,
                                                int year, int quarter) {
  TRY(check_quarter(year, quarter));
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  const AgencyFacts agency = TRY(agencies.require(agency_code, "agency_code"));
  return read_transaction<Scorecard>(repository_, [&](PerformanceStore& store) -> Result<Scorecard> {
    Scorecard card;
    card.agency = agency;
    card.year = year;
    card.through_quarter = quarter;
    card.scale = TRY(scale_in_force(store, region, year));
    card.agreement = TRY(agreement_in_force(store, region, agency.id, year));
    if (!card.agreement) {
      return card;
    }
    const auto realizations =
        TRY(store.realizations(region, RealizationFilter{agency.id, year, std::nullopt, std::nullopt}));
    card.items = scorecard_items(*card.agreement, realizations, quarter, *card.scale);
    card.overall = overall_of(card.items);
    card.band = card.overall.computed() ? classify(*card.scale, card.overall.percent) : nullptr;
    return card;
  });
}

Result<RegionScorecard> RealizationService::region_scorecard(const Principal& caller, int year, int quarter) {
  TRY(check_quarter(year, quarter));
  const RegionId region = TRY(region_of(caller));
  const Agencies agencies = TRY(load_agencies(directory_, caller));
  return read_transaction<RegionScorecard>(
      repository_, [&](PerformanceStore& store) -> Result<RegionScorecard> {
        RegionScorecard card;
        card.year = year;
        card.through_quarter = quarter;
        card.scale = TRY(scale_in_force(store, region, year));
        std::map<std::int64_t, std::vector<RealizationRecord>> realizations;
        for (RealizationRecord& realization : TRY(store.realizations(
                 region, RealizationFilter{std::nullopt, year, std::nullopt, std::nullopt}))) {
          realizations[realization.agency_id.value()].push_back(std::move(realization));
        }
        // Every agreement of the year in one statement, not one per agency.
        const std::vector<AgreementRecord> agreements =
            TRY(store.agreements(region, AgreementFilter{std::nullopt, year}));
        std::vector<RollupChild> agencies_overall;
        for (const AgencyFacts& agency : agencies.all) {
          RegionScorecardRow row;
          row.agency = agency;
          const auto agreement = in_force_among(agreements, agency.id);
          row.has_agreement = agreement.has_value();
          if (agreement) {
            const std::vector<RealizationRecord>& own = realizations[agency.id.value()];
            const auto items = scorecard_items(*agreement, own, quarter, *card.scale);
            row.overall = overall_of(items);
            row.band = row.overall.computed() ? classify(*card.scale, row.overall.percent) : nullptr;
            row.indicators = static_cast<int>(items.size());
            for (const RealizationRecord& realization : own) {
              if (realization.quarter == quarter) {
                row.submitted += realization.state != kRealizationDraft ? 1 : 0;
                row.verified += realization.state == kRealizationVerified ? 1 : 0;
                row.late += realization.late ? 1 : 0;
              }
            }
            agencies_overall.push_back(row.overall.as_child());
          }
          card.rows.push_back(std::move(row));
        }
        // Best first; agencies without a computed achievement last, by code.
        std::stable_sort(card.rows.begin(), card.rows.end(),
                         [](const RegionScorecardRow& left, const RegionScorecardRow& right) {
                           if (left.overall.computed() != right.overall.computed()) {
                             return left.overall.computed();
                           }
                           if (left.overall.computed() && !(left.overall.percent == right.overall.percent)) {
                             return right.overall.percent < left.overall.percent;
                           }
                           return left.agency.code < right.agency.code;
                         });
        card.overall = roll_up(agencies_overall, RollupRule::mean_of_achievements);
        card.band = card.overall.computed() ? classify(*card.scale, card.overall.percent) : nullptr;
        return card;
      });
}

Result<Explanation> RealizationService::explain(const Principal& caller, const std::string& agency_code,
                                                std::int64_t indicator_id, int year, int quarter) {
  const Scorecard card = TRY(scorecard(caller, agency_code, year, quarter));
  for (const ScorecardItem& item : card.items) {
    if (item.item.indicator_id == indicator_id) {
      Explanation explanation;
      explanation.item = item.item;
      explanation.result = item.trend.back();
      explanation.scale = card.scale;
      explanation.steps = performance::explain(item.item, explanation.result, *card.scale);
      return explanation;
    }
  }
  return not_found("Indikator " + std::to_string(indicator_id) + " dalam perjanjian kinerja " + agency_code +
                   " " + std::to_string(year));
}

}  // namespace sinergi::performance
