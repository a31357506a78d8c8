#include "contexts/performance/performance_json.h"

#include <algorithm>

#include "core/date.h"

namespace sinergi::performance {
namespace {

constexpr std::size_t kMaxDecimalText = 60;

Json decimal_json(const std::optional<Decimal>& value) {
  return value ? Json(value->to_string()) : Json(nullptr);
}

// A percent as a display shows it: 2 decimals, "101.25".
Json percent_json(const Decimal& percent) {
  const Decimal shown = percent.round(2);
  return shown.rescale(2).value_or(shown).to_string();
}

Json party_json(const Party& party) {
  return Json{{"name", party.name}, {"nip", party.nip}, {"rank", party.rank}, {"position", party.position}};
}

Json item_json(const AgreementItem& item) {
  Json quarters = Json::array();
  for (const auto& quarter : item.quarter_targets) {
    quarters.push_back(target_json(quarter));
  }
  return Json{{"indicator_id", item.indicator_id},
              {"objective_code", item.objective_code},
              {"objective", item.objective},
              {"indicator", item.indicator},
              {"unit", item.unit},
              {"polarity", std::string(name(item.polarity))},
              {"variant", std::string(name(item.variant))},
              {"aggregation", std::string(name(item.aggregation))},
              {"yearly_target", target_json(item.yearly_target)},
              {"quarter_targets", std::move(quarters)}};
}

Json timeline_json(const std::vector<workflow::Step>& steps) {
  Json timeline = Json::array();
  for (const workflow::Step& step : steps) {
    Json fields = Json::object();
    for (const auto& [key, value] : step.fields) {
      fields[key] = value;
    }
    timeline.push_back(Json{{"sequence", step.sequence},
                            {"transition", step.transition},
                            {"from", step.from},
                            {"to", step.to},
                            {"actor", step.actor_name},
                            {"at", step.at},
                            {"comment", step.comment},
                            {"fields", std::move(fields)},
                            {"attachments", step.attachments}});
  }
  return timeline;
}

Json nullable_text(const std::optional<std::string>& text) {
  return text ? Json(*text) : Json(nullptr);
}

// The steps the caller may take, each with whether it needs a comment (returning does).
Json available_json(const workflow::Definition& definition, const std::vector<std::string>& names) {
  Json steps = Json::array();
  for (const std::string& name : names) {
    bool comment_required = false;
    for (const workflow::Transition& transition : definition.transitions) {
      if (transition.name == name) {
        comment_required = transition.comment_required;
        break;
      }
    }
    steps.push_back(Json{{"transition", name}, {"comment_required", comment_required}});
  }
  return steps;
}

Json steps_json(const std::vector<ExplanationStep>& steps, Locale locale) {
  Json lines = Json::array();
  for (const ExplanationStep& step : steps) {
    lines.push_back(locale == Locale::english ? step.text_en : step.text_id);
  }
  return lines;
}

Json rollup_json(const Rollup& rollup, const PredicateBand* band) {
  return Json{{"status", rollup.computed()                                   ? "computed"
                         : rollup.status == AchievementStatus::not_available ? "not_available"
                                                                             : "not_computable"},
              {"percent", rollup.computed() ? percent_json(rollup.percent) : Json(nullptr)},
              {"included", rollup.included},
              {"missing", rollup.missing},
              {"total", rollup.total},
              {"predicate", band ? Json(band->predicate) : Json(nullptr)}};
}

Json achievement_json(const QuarterAchievement& result, Locale locale) {
  const Achievement& achievement = result.achievement;
  std::string status = "computed";
  if (achievement.status == AchievementStatus::not_available) {
    status = "not_available";
  } else if (achievement.status == AchievementStatus::not_computable) {
    status = "not_computable";
  }
  return Json{{"quarter", result.quarter},
              {"year_to_date", decimal_json(result.year_to_date.value)},
              {"reported_periods", result.year_to_date.reported},
              {"target", target_json(result.target)},
              {"status", status},
              {"percent", achievement.computed() ? percent_json(achievement.percent) : Json(nullptr)},
              {"reason", achievement.computed()
                             ? Json(nullptr)
                             : Json(std::string(locale == Locale::english ? message_en(achievement.reason)
                                                                          : message_id(achievement.reason)))},
              {"capped", achievement.capped},
              {"predicate", result.band ? Json(result.band->predicate) : Json(nullptr)},
              {"unverified", result.unverified}};
}

}  // namespace

Json scale_json(const PredicateScale* scale) {
  if (!scale) {
    return nullptr;
  }
  Json bands = Json::array();
  for (const PredicateBand& band : scale->bands) {
    bands.push_back(Json{{"test", band.test == BandTest::ge   ? "ge"
                                  : band.test == BandTest::gt ? "gt"
                                                              : "any"},
                         {"bound", band.test == BandTest::any ? Json(nullptr) : Json(band.bound.to_string())},
                         {"predicate", band.predicate}});
  }
  return Json{{"name", scale->name}, {"version", scale->version}, {"bands", std::move(bands)}};
}

Json target_json(const std::optional<TargetValue>& target) {
  if (!target) {
    return nullptr;
  }
  if (target->is_range()) {
    return Json{{"lower", decimal_json(target->lower)}, {"upper", decimal_json(target->upper)}};
  }
  return Json{{"value", decimal_json(target->value)}};
}

Json agreement_json(const AgreementView& view, bool with_content) {
  const AgreementRecord& record = view.record;
  Json json{
      {"id", record.id.value()},
      {"agency_code", view.agency_code},
      {"agency_name", view.agency_name},
      {"year", record.year},
      {"number", record.number},
      {"kind", record.number == 1 ? "original" : "revision"},
      {"previous_id", record.previous_id ? Json(record.previous_id->value()) : Json(nullptr)},
      {"revision_reason", record.revision_reason},
      {"state", record.state},
      {"superseded", record.superseded},
      {"superseded_by", view.superseded_by ? Json(view.superseded_by->value()) : Json(nullptr)},
      {"superseded_by_number", view.superseded_by_number ? Json(*view.superseded_by_number) : Json(nullptr)},
      {"document_sha256", nullable_text(record.document_sha256)},
      {"document_intact", view.document_intact},
      {"first_party", party_json(record.content.first_party)},
      {"second_party", party_json(record.content.second_party)},
      {"items_count", record.content.items.size()},
      {"programs_count", record.content.programs.size()},
      {"total_budget", total_budget(record.content).rupiah()},
      {"created_by", record.created_by_name},
      {"created_at", record.created_at},
      {"updated_at", record.updated_at},
      {"version", record.version},
      {"editable", view.editable},
      {"available", view.available},
      {"steps", available_json(agreement_workflow(), view.available)}};
  if (with_content) {
    json["region_name"] = record.content.region_name;
    Json items = Json::array();
    for (const AgreementItem& item : record.content.items) {
      items.push_back(item_json(item));
    }
    json["items"] = std::move(items);
    Json programs = Json::array();
    for (const AgreementProgram& program : record.content.programs) {
      programs.push_back(Json{{"node_id", program.node_id},
                              {"kind", program.kind},
                              {"code", program.code},
                              {"title", program.title},
                              {"budget", program.budget.rupiah()}});
    }
    json["programs"] = std::move(programs);
    json["timeline"] = timeline_json(view.timeline);
  }
  return json;
}

Json candidates_json(const AgreementCandidates& candidates) {
  const PlanFacts& facts = candidates.plan;
  const auto chosen = [](const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  Json indicators = Json::array();
  for (const PlannedIndicator& indicator : facts.indicators) {
    indicators.push_back(Json{{"id", indicator.id},
                              {"objective_code", indicator.objective_code},
                              {"objective", indicator.objective},
                              {"node_kind", indicator.node_kind},
                              {"name", indicator.name},
                              {"unit", indicator.unit},
                              {"polarity", std::string(name(indicator.polarity))},
                              {"key_indicator", indicator.key_indicator},
                              {"target", target_json(indicator.target)},
                              {"in_agreement", chosen(candidates.chosen_indicators, indicator.id)}});
  }
  Json programs = Json::array();
  for (const PlannedProgram& program : facts.programs) {
    programs.push_back(Json{{"node_id", program.node_id},
                            {"kind", program.kind},
                            {"code", program.code},
                            {"title", program.title},
                            {"in_agreement", chosen(candidates.chosen_programs, program.node_id)}});
  }
  return Json{{"indicators", std::move(indicators)}, {"programs", std::move(programs)}};
}

Json realization_json(const RealizationView& view) {
  const RealizationRecord& record = view.record;
  Json evidence = Json::array();
  for (const EvidenceRecord& piece : view.evidence) {
    const bool file = piece.kind == EvidenceKind::file;
    evidence.push_back(
        Json{{"id", piece.id.value()},
             {"kind", file ? "file" : "link"},
             {"file_name", piece.file_name},
             {"media_type", piece.media_type},
             {"size_bytes", piece.size_bytes},
             {"sha256", nullable_text(piece.sha256)},
             {"url", file ? Json("/api/v1/evidence/" + piece.id.to_string() + "/content") : Json(piece.url)},
             {"added_by", piece.added_by_name},
             {"added_at", piece.added_at}});
  }
  return Json{{"id", record.id.value()},
              {"agency_code", view.agency_code},
              {"indicator_id", record.indicator_id},
              {"year", record.year},
              {"quarter", record.quarter},
              {"agreement_id", record.agreement_id.value()},
              {"value", decimal_json(record.value)},
              {"verified_value", decimal_json(record.verified_value)},
              {"data_source", record.data_source},
              {"supporting_factors", record.supporting_factors},
              {"inhibiting_factors", record.inhibiting_factors},
              {"follow_up_plan", record.follow_up_plan},
              {"verifier_note", record.verifier_note},
              {"submitted_at", nullable_text(record.submitted_at)},
              {"late", record.late},
              {"verified_at", nullable_text(record.verified_at)},
              {"state", record.state},
              {"version", record.version},
              {"editable", view.editable},
              {"available", view.available},
              {"steps", available_json(realization_workflow(), view.available)},
              {"evidence", std::move(evidence)},
              {"timeline", timeline_json(view.timeline)}};
}

Json quarter_report_json(const QuarterReport& report, const Date& today) {
  Json window = nullptr;
  if (report.window) {
    const std::string status = today < report.window->opens_on    ? "upcoming"
                               : report.window->closes_on < today ? "closed"
                                                                  : "open";
    window = Json{{"opens_on", format_iso_date(report.window->opens_on)},
                  {"closes_on", format_iso_date(report.window->closes_on)},
                  {"status", status}};
  }
  Json rows = Json::array();
  for (const QuarterRow& row : report.rows) {
    rows.push_back(
        Json{{"item", item_json(row.item)},
             {"quarter_target", target_json(row.item.quarter_targets[report.quarter - 1])},
             {"realization", row.realization ? realization_json(*row.realization) : Json(nullptr)}});
  }
  Json agreement = nullptr;
  if (report.agreement) {
    agreement = Json{{"id", report.agreement->id.value()}, {"number", report.agreement->number}};
  }
  return Json{{"agency_code", report.agency.code},
              {"agency_name", report.agency.name},
              {"year", report.year},
              {"quarter", report.quarter},
              {"agreement", std::move(agreement)},
              {"can_report", report.can_report},
              {"window", std::move(window)},
              {"counts",
               {{"indicators", report.rows.size()},
                {"with_value", report.with_value},
                {"submitted", report.submitted},
                {"verified", report.verified},
                {"late", report.late}}},
              {"rows", std::move(rows)}};
}

Json queue_json(const std::vector<QueueEntry>& entries) {
  Json items = Json::array();
  for (const QueueEntry& entry : entries) {
    items.push_back(Json{{"realization", realization_json(entry.realization)},
                         {"indicator", entry.indicator},
                         {"unit", entry.unit},
                         {"target", target_json(entry.target)},
                         {"waiting_since", entry.waiting_since}});
  }
  return Json{{"items", std::move(items)}, {"total", entries.size()}};
}

Json windows_json(const std::vector<ReportingWindow>& windows) {
  Json items = Json::array();
  for (const ReportingWindow& window : windows) {
    items.push_back(Json{{"quarter", window.quarter},
                         {"opens_on", format_iso_date(window.opens_on)},
                         {"closes_on", format_iso_date(window.closes_on)}});
  }
  return Json{{"items", std::move(items)}};
}

Json scorecard_json(const Scorecard& card, Locale locale) {
  std::vector<RollupInput> children;
  for (const ScorecardItem& item : card.items) {
    const Achievement& achievement = item.trend.back().achievement;
    children.push_back(RollupInput{item.item.indicator, achievement.computed()
                                                            ? std::optional<Decimal>(achievement.percent)
                                                            : std::nullopt});
  }
  Json items = Json::array();
  for (const ScorecardItem& item : card.items) {
    Json quarters = Json::array();
    for (const QuarterValue& quarter : item.quarters) {
      const CountedValue counted = counted_value(quarter);
      quarters.push_back(Json{{"reported", decimal_json(quarter.reported)},
                              {"verified", decimal_json(quarter.verified)},
                              {"state", quarter.state.empty() ? Json(nullptr) : Json(quarter.state)},
                              {"counted", decimal_json(counted.value)},
                              {"basis", std::string(name(counted.basis))}});
    }
    Json trend = Json::array();
    for (const QuarterAchievement& result : item.trend) {
      trend.push_back(achievement_json(result, locale));
    }
    Json entry = item_json(item.item);
    entry["quarters"] = std::move(quarters);
    entry["trend"] = std::move(trend);
    entry["supporting_factors"] = item.supporting_factors;
    entry["inhibiting_factors"] = item.inhibiting_factors;
    entry["follow_up_plan"] = item.follow_up_plan;
    entry["achievement"] = item.trend.empty() ? Json(nullptr) : entry["trend"].back();
    items.push_back(std::move(entry));
  }
  Json agreement = nullptr;
  if (card.agreement) {
    agreement = Json{{"id", card.agreement->id.value()}, {"number", card.agreement->number}};
  }
  return Json{{"agency_code", card.agency.code},
              {"agency_name", card.agency.name},
              {"year", card.year},
              {"through_quarter", card.through_quarter},
              {"agreement", std::move(agreement)},
              {"scale", scale_json(card.scale.get())},
              {"overall", rollup_json(card.overall, card.band)},
              {"overall_explanation", steps_json(explain_mean(children, card.overall, *card.scale), locale)},
              {"items", std::move(items)}};
}

Json region_scorecard_json(const RegionScorecard& card, Locale locale) {
  std::vector<RollupInput> children;
  for (const RegionScorecardRow& row : card.rows) {
    if (row.has_agreement) {
      children.push_back(RollupInput{row.agency.code, row.overall.computed()
                                                          ? std::optional<Decimal>(row.overall.percent)
                                                          : std::nullopt});
    }
  }
  Json rows = Json::array();
  int rank = 0;
  for (const RegionScorecardRow& row : card.rows) {
    rows.push_back(Json{{"rank", row.overall.computed() ? Json(++rank) : Json(nullptr)},
                        {"agency_code", row.agency.code},
                        {"agency_name", row.agency.name},
                        {"cluster", row.agency.cluster ? Json(*row.agency.cluster) : Json(nullptr)},
                        {"has_agreement", row.has_agreement},
                        {"overall", rollup_json(row.overall, row.band)},
                        {"indicators", row.indicators},
                        {"submitted", row.submitted},
                        {"verified", row.verified},
                        {"late", row.late}});
  }
  return Json{{"year", card.year},
              {"through_quarter", card.through_quarter},
              {"scale", scale_json(card.scale.get())},
              {"overall", rollup_json(card.overall, card.band)},
              {"overall_explanation", steps_json(explain_mean(children, card.overall, *card.scale), locale)},
              {"rows", std::move(rows)}};
}

Json explanation_json(const Explanation& explanation, Locale locale) {
  Json steps = steps_json(explanation.steps, locale);
  Json json = achievement_json(explanation.result, locale);
  json["indicator_id"] = explanation.item.indicator_id;
  json["indicator"] = explanation.item.indicator;
  json["scale"] = scale_json(explanation.scale.get());
  json["steps"] = std::move(steps);
  return json;
}

std::optional<Decimal> decimal_field(const Json& object, const std::string& key, const std::string& field,
                                     http::JsonFields& fields) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return std::nullopt;
  }
  const Json& value = object.at(key);
  if (!value.is_string()) {
    fields.add_error(field, "tulis angka desimal sebagai teks, mis. \"78,25\" atau \"78.25\"",
                     "write decimal numbers as strings, e.g. \"78.25\"");
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() > kMaxDecimalText) {
    fields.add_error(field, "angka terlalu panjang", "the number is too long");
    return std::nullopt;
  }
  auto parsed = Decimal::parse(text, NumberFormat::automatic);
  if (!parsed.ok()) {
    fields.add_error(field, parsed.error().message(Locale::indonesian),
                     parsed.error().message(Locale::english));
    return std::nullopt;
  }
  return parsed.value();
}

std::optional<TargetValue> target_field(const Json& object, const std::string& key, const std::string& field,
                                        http::JsonFields& fields) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
    return std::nullopt;
  }
  const Json& target = object.at(key);
  if (!target.is_object()) {
    fields.add_error(field, "harus objek {value} atau {lower, upper}",
                     "must be an object {value} or {lower, upper}");
    return std::nullopt;
  }
  TargetValue value{decimal_field(target, "value", field + ".value", fields),
                    decimal_field(target, "lower", field + ".lower", fields),
                    decimal_field(target, "upper", field + ".upper", fields)};
  if (!value.value && !value.lower && !value.upper) {
    return std::nullopt;  // an empty target is no target
  }
  return value;
}

Party party_field(const Json& object, const std::string& key, http::JsonFields& fields) {
  Party party;
  if (!object.is_object() || !object.contains(key) || !object.at(key).is_object()) {
    fields.add_error(key, "wajib diisi: objek {name, position, nip, rank}",
                     "is required: an object {name, position, nip, rank}");
    return party;
  }
  const Json& value = object.at(key);
  auto text = [&](const char* member, std::size_t max) {
    if (!value.contains(member) || value.at(member).is_null()) {
      return std::string();
    }
    if (!value.at(member).is_string() || value.at(member).get_ref<const std::string&>().size() > max * 4) {
      fields.add_error(key + "." + member, "harus teks paling banyak " + std::to_string(max) + " karakter",
                       "must be text of at most " + std::to_string(max) + " characters");
      return std::string();
    }
    return value.at(member).get<std::string>();
  };
  party.name = text("name", 200);
  party.position = text("position", 200);
  party.nip = text("nip", 40);
  party.rank = text("rank", 200);
  return party;
}

}  // namespace sinergi::performance
