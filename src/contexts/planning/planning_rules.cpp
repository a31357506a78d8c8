#include "contexts/planning/planning_rules.h"

#include <algorithm>

#include "core/input_text.h"

namespace sinergi::planning::support {

using auth::Action;
using auth::Principal;

bool is_nomenclature_kind(PlanNodeKind kind) {
  return kind == PlanNodeKind::program || kind == PlanNodeKind::activity ||
         kind == PlanNodeKind::sub_activity;
}

bool is_agency_kind(PlanNodeKind kind) {
  return kind == PlanNodeKind::agency_goal || kind == PlanNodeKind::agency_objective ||
         is_nomenclature_kind(kind);
}

ParentRule parent_rule(PlanNodeKind kind) {
  switch (kind) {
    case PlanNodeKind::region_goal:
      return {PlanNodeKind::region_mission, true};
    case PlanNodeKind::region_objective:
      return {PlanNodeKind::region_goal, true};
    case PlanNodeKind::agency_objective:
      return {PlanNodeKind::agency_goal, false};
    case PlanNodeKind::activity:
      return {PlanNodeKind::program, true};
    case PlanNodeKind::sub_activity:
      return {PlanNodeKind::activity, true};
    default:
      return {};
  }
}

std::optional<NomenclatureLevel> nomenclature_level(PlanNodeKind kind) {
  switch (kind) {
    case PlanNodeKind::program:
      return NomenclatureLevel::program;
    case PlanNodeKind::activity:
      return NomenclatureLevel::activity;
    case PlanNodeKind::sub_activity:
      return NomenclatureLevel::sub_activity;
    default:
      return std::nullopt;
  }
}

// Free codes of the region levels ("M1", "T1.1", "SD-DINKES-1.1"): 1..32 letters, digits, '.', '-', '_'.
void check_free_code(const std::string& code, std::vector<FieldError>& errors) {
  const bool allowed =
      !code.empty() && code.size() <= kMaxCodeCharacters && std::all_of(code.begin(), code.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_';
      });
  if (code.empty()) {
    add_field_error(errors, "code", "wajib diisi", "is required");
  } else if (!allowed) {
    add_field_error(errors, "code",
                    "kode '" + excerpt_for_message(code) +
                        "' tidak sah: gunakan 1-32 huruf, angka, titik, tanda hubung atau garis bawah",
                    "code '" + excerpt_for_message(code) +
                        "' is invalid: use 1-32 letters, digits, dots, hyphens or underscores");
  }
}

// Checks a nomenclature code for `kind` under `parent`; returns the field code to store.
std::optional<std::string> check_nomenclature_code(PlanNodeKind kind, const std::string& code,
                                                   const NodeRecord* parent,
                                                   std::vector<FieldError>& errors) {
  Result<NomenclatureCode> parsed = parse_nomenclature_code(code);
  if (!parsed.ok()) {
    for (const FieldError& field : parsed.error().fields()) {
      errors.push_back(field);
    }
    return std::nullopt;
  }
  const NomenclatureLevel expected = *nomenclature_level(kind);
  if (parsed->level != expected) {
    static constexpr const char* kShapes[] = {"", "", "U.BB.PP atau X.XX.PP", "U.BB.PP.K.KK",
                                              "U.BB.PP.K.KK.SSSS"};
    const char* shape = kShapes[static_cast<int>(expected)];
    add_field_error(errors, "code",
                    "'" + parsed->code + "' adalah kode " + std::string(label_id(parsed->level)) +
                        ", bukan kode " + std::string(label_id(kind)) + " (" + shape + ")",
                    "'" + parsed->code + "' is a " + std::string(label_en(parsed->level)) + " code, not a " +
                        std::string(label_en(kind)) + " code (" + shape + ")");
    return std::nullopt;
  }
  if (parent != nullptr && parsed->parent_code != parent->code) {
    add_field_error(errors, "code",
                    "kode " + parsed->code + " tidak berada di bawah kode induk " + parent->code,
                    "code " + parsed->code + " does not belong under the parent code " + parent->code);
  }
  if (parsed->cross_field) {
    return std::nullopt;
  }
  return parsed->field_code;
}

Result<void> require_action(const Principal& caller, Action action, RegionId region,
                            std::optional<AgencyId> agency) {
  auth::ResourceScope scope{.region_id = region.value()};
  if (agency) {
    scope.agency_id = agency->value();
  }
  if (!auth::may_take_on(caller, action, scope)) {
    return Error(ErrorCode::Forbidden);
  }
  return success();
}

// Who may change `node`: the planning agency for region levels, the agency's roles for its own.
Result<void> require_node_manager(const Principal& caller, RegionId region, const NodeRecord& node) {
  if (node.kind == PlanNodeKind::national_priority) {
    return require_action(caller, Action::national_priorities_manage, region);
  }
  if (is_agency_kind(node.kind)) {
    return require_action(caller, Action::planning_agency_manage, region, node.agency_id);
  }
  return require_action(caller, Action::planning_manage, region);
}

bool same_targets(const std::vector<Target>& a, const std::vector<Target>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Target& x, const Target& y) {
    return x.year == y.year && x.value == y.value && x.lower == y.lower && x.upper == y.upper;
  });
}

std::optional<Decimal> decimal_field(const std::optional<std::string>& text, const std::string& field,
                                     std::vector<FieldError>& errors) {
  if (!text || trim_ascii_whitespace(*text).empty()) {
    return std::nullopt;
  }
  Result<Decimal> parsed = Decimal::parse(*text, NumberFormat::automatic);
  if (!parsed.ok()) {
    add_field_error(errors, field, "'" + excerpt_for_message(*text) + "' bukan angka desimal yang sah",
                    "'" + excerpt_for_message(*text) + "' is not a valid decimal number");
    return std::nullopt;
  }
  return *parsed;
}

// The targets as typed, checked within the period; ordered by year.
std::vector<Target> build_targets(const std::vector<TargetDraft>& drafts, const PlanPeriod& period,
                                  std::vector<FieldError>& errors) {
  std::vector<Target> targets;
  for (std::size_t index = 0; index < drafts.size(); ++index) {
    const TargetDraft& draft = drafts[index];
    const std::string prefix = "targets[" + std::to_string(index) + "]";
    const std::size_t before = errors.size();
    Target target;
    if (!draft.year) {
      add_field_error(errors, prefix + ".year", "wajib diisi", "is required");
    } else {
      target.year = static_cast<int>(std::clamp<std::int64_t>(*draft.year, 0, 9999));
    }
    target.value = decimal_field(draft.value, prefix + ".value", errors);
    target.lower = decimal_field(draft.lower, prefix + ".lower", errors);
    target.upper = decimal_field(draft.upper, prefix + ".upper", errors);
    if (errors.size() != before) {
      continue;
    }
    std::vector<FieldError> problems = check_target(target, period, prefix);
    if (!problems.empty()) {
      errors.insert(errors.end(), problems.begin(), problems.end());
      continue;
    }
    const bool repeated = std::any_of(targets.begin(), targets.end(),
                                      [&](const Target& other) { return other.year == target.year; });
    if (repeated) {
      add_field_error(errors, prefix + ".year",
                      "tahun " + std::to_string(target.year) + " muncul lebih dari sekali",
                      "year " + std::to_string(target.year) + " appears more than once");
      continue;
    }
    targets.push_back(target);
  }
  std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) { return a.year < b.year; });
  return targets;
}

void check_optional_text(const std::string& text, std::size_t max_characters, std::string_view field,
                         std::vector<FieldError>& errors) {
  if (!trim_ascii_whitespace(text).empty()) {
    check_text_field(text, max_characters, errors, field);
  }
}

// The indicator a draft describes, on `node` of a plan covering `period`.
IndicatorRecord build_indicator(const IndicatorDraft& draft, const NodeRecord& node, const PlanPeriod& period,
                                const Agencies& agencies, std::vector<FieldError>& errors) {
  IndicatorRecord indicator;
  indicator.code = std::string(trim_ascii_whitespace(draft.code));
  check_optional_text(indicator.code, kMaxCodeCharacters, "code", errors);
  indicator.name = std::string(trim_ascii_whitespace(draft.name));
  check_text_field(indicator.name, kMaxNameCharacters, errors, "name");
  indicator.unit = std::string(trim_ascii_whitespace(draft.unit));
  check_text_field(indicator.unit, kMaxUnitCharacters, errors, "unit");
  indicator.definition = std::string(trim_ascii_whitespace(draft.definition));
  check_optional_text(indicator.definition, kMaxLongTextCharacters, "definition", errors);
  indicator.formula_text = std::string(trim_ascii_whitespace(draft.formula_text));
  check_optional_text(indicator.formula_text, kMaxLongTextCharacters, "formula_text", errors);

  const auto polarity = parse_polarity(draft.polarity);
  if (!polarity) {
    add_field_error(errors, "polarity", "harus higher_is_better atau lower_is_better",
                    "must be higher_is_better or lower_is_better");
  }
  const auto variant = parse_formula_variant(draft.formula_variant);
  if (!variant) {
    add_field_error(errors, "formula_variant", "harus ratio, mirror, inverse atau binary",
                    "must be ratio, mirror, inverse or binary");
  } else if (polarity && !fits(*polarity, *variant)) {
    add_field_error(errors, "formula_variant",
                    *polarity == Polarity::higher_is_better
                        ? "indikator makin tinggi makin baik memakai rumus ratio atau binary"
                        : "indikator makin rendah makin baik memakai rumus mirror, inverse atau binary",
                    *polarity == Polarity::higher_is_better
                        ? "a higher-is-better indicator uses the ratio or binary formula"
                        : "a lower-is-better indicator uses the mirror, inverse or binary formula");
  }
  const auto aggregation = parse_aggregation(draft.aggregation);
  if (!aggregation) {
    add_field_error(errors, "aggregation", "harus sum, last, average, max atau min",
                    "must be sum, last, average, max or min");
  }
  indicator.polarity = polarity.value_or(Polarity::higher_is_better);
  indicator.formula_variant = variant.value_or(FormulaVariant::ratio);
  indicator.aggregation = aggregation.value_or(Aggregation::last);

  indicator.baseline_value = decimal_field(draft.baseline_value, "baseline_value", errors);
  if (draft.baseline_year) {
    if (*draft.baseline_year < kMinBaselineYear || *draft.baseline_year > period.last_year) {
      add_field_error(
          errors, "baseline_year",
          "harus antara " + std::to_string(kMinBaselineYear) + " dan " + std::to_string(period.last_year),
          "must be between " + std::to_string(kMinBaselineYear) + " and " + std::to_string(period.last_year));
    } else {
      indicator.baseline_year = static_cast<int>(*draft.baseline_year);
    }
  }
  if (draft.baseline_year.has_value() != indicator.baseline_value.has_value() &&
      !(draft.baseline_value && !trim_ascii_whitespace(*draft.baseline_value).empty() &&
        !indicator.baseline_value)) {
    add_field_error(errors, draft.baseline_year ? "baseline_value" : "baseline_year",
                    "nilai dasar memerlukan tahun dan nilainya",
                    "a baseline needs both its year and its value");
  }
  indicator.targets = build_targets(draft.targets, period, errors);

  if (draft.data_source_kind && !trim_ascii_whitespace(*draft.data_source_kind).empty()) {
    indicator.data_source_kind = parse_data_source_kind(*draft.data_source_kind);
    if (!indicator.data_source_kind) {
      add_field_error(errors, "data_source.kind", "harus bps, planning_agency, sector_system atau agency",
                      "must be bps, planning_agency, sector_system or agency");
    }
  }
  indicator.data_source_name = std::string(trim_ascii_whitespace(draft.data_source_name));
  check_optional_text(indicator.data_source_name, kMaxNameCharacters, "data_source.name", errors);
  indicator.data_source_reference = std::string(trim_ascii_whitespace(draft.data_source_reference));
  check_optional_text(indicator.data_source_reference, kMaxNameCharacters, "data_source.reference", errors);
  if (!indicator.data_source_kind &&
      (!indicator.data_source_name.empty() || !indicator.data_source_reference.empty())) {
    add_field_error(errors, "data_source.kind", "pilih jenis sumber data", "choose the kind of data source");
  }
  if (indicator.data_source_kind == DataSourceKind::sector_system && indicator.data_source_name.empty()) {
    add_field_error(errors, "data_source.name", "sebutkan nama sistem sektoralnya (mis. SIPD, Dapodik)",
                    "name the sector system (e.g. SIPD, Dapodik)");
  }

  if (draft.responsible_agency_code && !trim_ascii_whitespace(*draft.responsible_agency_code).empty()) {
    const auto found =
        agencies.by_code.find(std::string(trim_ascii_whitespace(*draft.responsible_agency_code)));
    if (found == agencies.by_code.end()) {
      add_field_error(
          errors, "responsible_agency_code",
          "perangkat daerah '" + excerpt_for_message(*draft.responsible_agency_code) + "' tidak terdaftar",
          "agency '" + excerpt_for_message(*draft.responsible_agency_code) + "' is not registered");
    } else {
      indicator.responsible_agency_id = found->second.id;
    }
  } else {
    indicator.responsible_agency_id = node.agency_id;
  }
  indicator.key_indicator = draft.key_indicator;

  if (draft.spm_service && !trim_ascii_whitespace(*draft.spm_service).empty()) {
    const std::string service(trim_ascii_whitespace(*draft.spm_service));
    const SpmService* found = find_spm_service(service);
    const UrusanField* field = node.field_code ? find_field(*node.field_code) : nullptr;
    if (found == nullptr) {
      add_field_error(errors, "spm_service",
                      "'" + excerpt_for_message(service) + "' bukan layanan SPM provinsi yang dikenal",
                      "'" + excerpt_for_message(service) + "' is not a known provincial SPM service");
    } else if (node.field_code && (field == nullptr || field->spm_area != found->area)) {
      add_field_error(errors, "spm_service",
                      "layanan SPM " + found->area + " tidak cocok dengan bidang urusan " + *node.field_code,
                      "an SPM service of " + found->area + " does not fit field " + *node.field_code);
    } else {
      indicator.spm_service = service;
    }
  }
  return indicator;
}

std::optional<PlanNodeKind> parse_new_node_kind(std::string_view text, std::vector<FieldError>& errors) {
  const auto kind = parse_plan_node_kind(text);
  if (!kind || *kind == PlanNodeKind::national_priority) {
    add_field_error(errors, "kind",
                    "harus region_mission, region_goal, region_objective, agency_goal, agency_objective, "
                    "program, activity atau sub_activity",
                    "must be region_mission, region_goal, region_objective, agency_goal, agency_objective, "
                    "program, activity or sub_activity");
    return std::nullopt;
  }
  return kind;
}

NodeRecord build_node(PlanId plan, PlanNodeKind kind, const NodeRecord* parent, bool parent_unresolved,
                      const std::string& code, const std::string& title,
                      const std::optional<std::string>& agency_code, const Agencies& agencies,
                      std::vector<FieldError>& errors) {
  NodeRecord node;
  node.plan_id = plan;
  node.kind = kind;
  const ParentRule rule = parent_rule(kind);
  if (parent != nullptr && (!rule.kind || parent->kind != *rule.kind)) {
    add_field_error(
        errors, "parent_id",
        std::string(label_id(kind)) + " tidak dapat berada di bawah " + std::string(label_id(parent->kind)) +
            (rule.kind ? " (induknya harus " + std::string(label_id(*rule.kind)) + ")" : std::string()),
        "a " + std::string(label_en(kind)) + " cannot be placed under a " +
            std::string(label_en(parent->kind)) +
            (rule.kind ? " (its parent must be a " + std::string(label_en(*rule.kind)) + ")"
                       : std::string()));
    parent = nullptr;
  } else if (parent != nullptr) {
    node.parent_id = parent->id;
  } else if (rule.required && !parent_unresolved) {
    add_field_error(
        errors, "parent_id",
        std::string(label_id(kind)) + " harus berada di bawah " + std::string(label_id(*rule.kind)),
        "a " + std::string(label_en(kind)) + " must be placed under a " + std::string(label_en(*rule.kind)));
  }

  const std::string wanted_agency =
      agency_code ? std::string(trim_ascii_whitespace(*agency_code)) : std::string();
  if (is_agency_kind(kind)) {
    if (parent != nullptr && parent->agency_id) {
      node.agency_id = parent->agency_id;
      const std::string parent_agency = agencies.code_of(parent->agency_id).value_or("");
      if (!wanted_agency.empty() && parent_agency != wanted_agency) {
        add_field_error(errors, "agency_code",
                        "harus sama dengan perangkat daerah induknya (" + parent_agency + ")",
                        "must be the parent's agency (" + parent_agency + ")");
      }
    } else if (!wanted_agency.empty()) {
      const auto found = agencies.by_code.find(wanted_agency);
      if (found == agencies.by_code.end()) {
        add_field_error(errors, "agency_code",
                        "perangkat daerah '" + excerpt_for_message(wanted_agency) + "' tidak terdaftar",
                        "agency '" + excerpt_for_message(wanted_agency) + "' is not registered");
      } else {
        node.agency_id = found->second.id;
      }
    } else {
      add_field_error(errors, "agency_code", "wajib diisi", "is required");
    }
  } else if (!wanted_agency.empty()) {
    add_field_error(errors, "agency_code", "simpul tingkat daerah tidak dimiliki perangkat daerah",
                    "region-level nodes belong to no agency");
  }

  node.code = std::string(trim_ascii_whitespace(code));
  if (is_nomenclature_kind(kind)) {
    if (node.code.empty()) {
      add_field_error(errors, "code", "wajib diisi", "is required");
    } else {
      node.field_code = check_nomenclature_code(kind, node.code, parent, errors);
    }
  } else {
    check_free_code(node.code, errors);
  }
  node.title = std::string(trim_ascii_whitespace(title));
  check_text_field(node.title, kMaxTitleCharacters, errors, "title");
  return node;
}

std::vector<PlanNode> plain_nodes(const LoadedPlan& loaded) {
  std::vector<PlanNode> nodes;
  nodes.reserve(loaded.priorities.size() + loaded.nodes().size());
  for (const auto* list : {&std::as_const(loaded.priorities), &loaded.nodes()}) {
    for (const NodeRecord& node : *list) {
      nodes.push_back(PlanNode{node.id.value(), node.kind, node.code, node.title});
    }
  }
  return nodes;
}

std::vector<AlignmentLink> plain_links(const std::vector<LinkRecord>& links) {
  std::vector<AlignmentLink> plain;
  plain.reserve(links.size());
  for (const LinkRecord& link : links) {
    plain.push_back(AlignmentLink{link.from.value(), link.to.value(), link.weight});
  }
  return plain;
}

std::optional<Decimal> weight_field(const std::optional<std::string>& text, std::vector<FieldError>& errors) {
  std::optional<Decimal> weight = decimal_field(text, "weight", errors);
  if (weight && (*weight <= Decimal() || *weight > Decimal::from_int64(100))) {
    add_field_error(errors, "weight", "bobot harus lebih dari 0 dan paling besar 100",
                    "the weight must be above 0 and at most 100");
    return std::nullopt;
  }
  return weight;
}

}  // namespace sinergi::planning::support
