#include "contexts/performance/agreement.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/input_text.h"
#include "core/nip.h"
#include "platform/auth/crypto.h"

namespace sinergi::performance {
namespace {

// Ordered: canonical_json's member order is the order of the code below.
using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxPartyText = 200;
constexpr std::size_t kMaxItemText = 1000;

void check_text(std::vector<FieldError>& errors, const std::string& field, const std::string& text,
                std::size_t max_characters, bool required) {
  const auto characters = printable_code_points(text);
  if (!characters) {
    add_field_error(errors, field, "berisi karakter yang tidak sah", "contains invalid characters");
  } else if (required && trim_ascii_whitespace(text).empty()) {
    add_field_error(errors, field, "wajib diisi", "is required");
  } else if (*characters > max_characters) {
    add_field_error(errors, field, "paling banyak " + std::to_string(max_characters) + " karakter",
                    "at most " + std::to_string(max_characters) + " characters");
  }
}

void check_party(std::vector<FieldError>& errors, const std::string& field, const Party& party) {
  check_text(errors, field + ".name", party.name, kMaxPartyText, true);
  check_text(errors, field + ".position", party.position, kMaxPartyText, true);
  check_text(errors, field + ".rank", party.rank, kMaxPartyText, false);
  if (!party.nip.empty()) {
    check_nip(party.nip, errors, field + ".nip");
  }
}

void check_target(std::vector<FieldError>& errors, const std::string& field, const TargetValue& target) {
  if (target.is_range()) {
    if (target.value || !target.lower || !target.upper) {
      add_field_error(errors, field, "rentang target perlu batas bawah dan atas saja",
                      "a target range needs a lower and an upper bound only");
    } else if (*target.upper < *target.lower) {
      add_field_error(errors, field, "batas bawah melebihi batas atas",
                      "the lower bound exceeds the upper bound");
    }
  } else if (!target.value) {
    add_field_error(errors, field, "target wajib diisi", "the target is required");
  }
}

Json decimal_json(const std::optional<Decimal>& value) {
  return value ? Json(value->to_string()) : Json(nullptr);
}

Json target_json(const TargetValue& target) {
  Json json = Json::object();
  json["value"] = decimal_json(target.value);
  json["lower"] = decimal_json(target.lower);
  json["upper"] = decimal_json(target.upper);
  return json;
}

Json party_json(const Party& party) {
  Json json = Json::object();
  json["name"] = party.name;
  json["nip"] = party.nip;
  json["rank"] = party.rank;
  json["position"] = party.position;
  return json;
}

// Reading back what canonical_json wrote: any deviation is a damaged document.
struct Reader {
  bool ok = true;

  std::string text(const Json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object.at(key).is_string()) {
      ok = false;
      return {};
    }
    return object.at(key).get<std::string>();
  }
  std::int64_t integer(const Json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object.at(key).is_number_integer()) {
      ok = false;
      return 0;
    }
    return object.at(key).get<std::int64_t>();
  }
  std::optional<Decimal> decimal(const Json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
      return std::nullopt;
    }
    if (!object.at(key).is_string()) {
      ok = false;
      return std::nullopt;
    }
    auto parsed = Decimal::parse(object.at(key).get<std::string>(), NumberFormat::plain);
    if (!parsed.ok()) {
      ok = false;
      return std::nullopt;
    }
    return parsed.value();
  }
  TargetValue target(const Json& object) {
    return TargetValue{decimal(object, "value"), decimal(object, "lower"), decimal(object, "upper")};
  }
  Party party(const Json& object) {
    return Party{text(object, "name"), text(object, "nip"), text(object, "rank"), text(object, "position")};
  }
};

}  // namespace

std::vector<FieldError> check_content(const AgreementContent& content) {
  std::vector<FieldError> errors;
  check_party(errors, "first_party", content.first_party);
  check_party(errors, "second_party", content.second_party);
  if (content.items.empty()) {
    add_field_error(errors, "items", "perjanjian kinerja perlu sedikitnya satu indikator",
                    "a performance agreement needs at least one indicator");
  } else if (content.items.size() > kMaxAgreementItems) {
    add_field_error(errors, "items", "paling banyak " + std::to_string(kMaxAgreementItems) + " indikator",
                    "at most " + std::to_string(kMaxAgreementItems) + " indicators");
  }
  std::set<std::int64_t> indicators;
  for (std::size_t index = 0; index < content.items.size(); ++index) {
    const AgreementItem& item = content.items[index];
    const std::string field = "items[" + std::to_string(index) + "]";
    if (!indicators.insert(item.indicator_id).second) {
      add_field_error(errors, field + ".indicator_id", "indikator ini sudah ada di perjanjian",
                      "this indicator is already in the agreement");
    }
    check_text(errors, field + ".indicator", item.indicator, kMaxItemText, true);
    if (!fits(item.polarity, item.variant)) {
      add_field_error(errors, field + ".variant", "rumus tidak cocok dengan polaritas indikator",
                      "the formula does not fit the indicator's polarity");
    }
    check_target(errors, field + ".yearly_target", item.yearly_target);
    for (std::size_t quarter = 0; quarter < item.quarter_targets.size(); ++quarter) {
      if (item.quarter_targets[quarter]) {
        check_target(errors, field + ".quarter_targets[" + std::to_string(quarter) + "]",
                     *item.quarter_targets[quarter]);
      }
    }
  }
  if (content.programs.size() > kMaxAgreementPrograms) {
    add_field_error(errors, "programs", "paling banyak " + std::to_string(kMaxAgreementPrograms) + " program",
                    "at most " + std::to_string(kMaxAgreementPrograms) + " programs");
  }
  std::set<std::int64_t> programs;
  Money total;
  for (std::size_t index = 0; index < content.programs.size(); ++index) {
    const AgreementProgram& program = content.programs[index];
    const std::string field = "programs[" + std::to_string(index) + "]";
    if (!programs.insert(program.node_id).second) {
      add_field_error(errors, field + ".node_id", "program ini sudah ada di perjanjian",
                      "this program is already in the agreement");
    }
    if (program.budget < Money(0)) {
      add_field_error(errors, field + ".budget", "pagu tidak boleh negatif", "the budget cannot be negative");
    } else if (auto sum = total.checked_add(program.budget); sum.ok()) {
      total = sum.value();
    } else {
      add_field_error(errors, field + ".budget", "jumlah pagu terlalu besar",
                      "the budgets add up beyond range");
    }
  }
  return errors;
}

std::string canonical_json(const AgreementContent& content) {
  Json json = Json::object();
  json["format"] = "sinergi.performance_agreement/1";
  json["year"] = content.year;
  json["region_name"] = content.region_name;
  json["agency_code"] = content.agency_code;
  json["agency_name"] = content.agency_name;
  json["first_party"] = party_json(content.first_party);
  json["second_party"] = party_json(content.second_party);
  Json items = Json::array();
  for (const AgreementItem& item : content.items) {
    Json entry = Json::object();
    entry["indicator_id"] = item.indicator_id;
    entry["objective_code"] = item.objective_code;
    entry["objective"] = item.objective;
    entry["indicator"] = item.indicator;
    entry["unit"] = item.unit;
    entry["polarity"] = std::string(name(item.polarity));
    entry["variant"] = std::string(name(item.variant));
    entry["aggregation"] = std::string(name(item.aggregation));
    entry["yearly_target"] = target_json(item.yearly_target);
    Json quarters = Json::array();
    for (const auto& quarter : item.quarter_targets) {
      quarters.push_back(quarter ? target_json(*quarter) : Json(nullptr));
    }
    entry["quarter_targets"] = std::move(quarters);
    items.push_back(std::move(entry));
  }
  json["items"] = std::move(items);
  Json programs = Json::array();
  for (const AgreementProgram& program : content.programs) {
    Json entry = Json::object();
    entry["node_id"] = program.node_id;
    entry["kind"] = program.kind;
    entry["code"] = program.code;
    entry["title"] = program.title;
    entry["budget"] = program.budget.rupiah();
    programs.push_back(std::move(entry));
  }
  json["programs"] = std::move(programs);
  return json.dump(-1, ' ', false, Json::error_handler_t::strict);
}

Result<AgreementContent> parse_content(std::string_view text) {
  const Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return Error(ErrorCode::InvalidInput, {"isi perjanjian kinerja rusak"});
  }
  Reader reader;
  AgreementContent content;
  content.year = static_cast<int>(reader.integer(json, "year"));
  content.region_name = reader.text(json, "region_name");
  content.agency_code = reader.text(json, "agency_code");
  content.agency_name = reader.text(json, "agency_name");
  content.first_party = reader.party(json.value("first_party", Json::object()));
  content.second_party = reader.party(json.value("second_party", Json::object()));
  for (const Json& entry : json.value("items", Json::array())) {
    AgreementItem item;
    item.indicator_id = reader.integer(entry, "indicator_id");
    item.objective_code = reader.text(entry, "objective_code");
    item.objective = reader.text(entry, "objective");
    item.indicator = reader.text(entry, "indicator");
    item.unit = reader.text(entry, "unit");
    auto polarity = parse_polarity(reader.text(entry, "polarity"));
    auto variant = parse_formula_variant(reader.text(entry, "variant"));
    auto aggregation = parse_aggregation(reader.text(entry, "aggregation"));
    reader.ok = reader.ok && polarity && variant && aggregation;
    item.polarity = polarity.value_or(Polarity::higher_is_better);
    item.variant = variant.value_or(FormulaVariant::ratio);
    item.aggregation = aggregation.value_or(Aggregation::last);
    item.yearly_target = reader.target(entry.value("yearly_target", Json::object()));
    const Json quarters = entry.value("quarter_targets", Json::array());
    for (std::size_t quarter = 0; quarter < item.quarter_targets.size() && quarter < quarters.size();
         ++quarter) {
      if (!quarters[quarter].is_null()) {
        item.quarter_targets[quarter] = reader.target(quarters[quarter]);
      }
    }
    content.items.push_back(std::move(item));
  }
  for (const Json& entry : json.value("programs", Json::array())) {
    AgreementProgram program;
    program.node_id = reader.integer(entry, "node_id");
    program.kind = reader.text(entry, "kind");
    program.code = reader.text(entry, "code");
    program.title = reader.text(entry, "title");
    program.budget = Money(reader.integer(entry, "budget"));
    content.programs.push_back(std::move(program));
  }
  if (!reader.ok) {
    return Error(ErrorCode::InvalidInput, {"isi perjanjian kinerja rusak"});
  }
  return content;
}

std::string document_sha256(const AgreementContent& content) {
  return auth::sha256_hex(canonical_json(content));
}

Money total_budget(const AgreementContent& content) {
  Money total;
  for (const AgreementProgram& program : content.programs) {
    total = total.checked_add(program.budget).value_or(total);
  }
  return total;
}

const workflow::Definition& agreement_workflow() {
  using auth::Role;
  using workflow::Scope;
  static const workflow::Definition definition = [] {
    const auto fortnight = std::chrono::hours(14 * 24);
    workflow::Definition built;
    built.name = "performance_agreement";
    built.version = 2;  // 2: abandon
    built.initial = std::string(kDraft);
    built.states = {{std::string(kDraft), false, std::nullopt, std::nullopt},
                    {std::string(kSubmitted), false, fortnight, Role::secretary},
                    {std::string(kSignedByFirstParty), false, fortnight, Role::secretary},
                    {std::string(kSigned), true, std::nullopt, std::nullopt},
                    {std::string(kAbandoned), true, std::nullopt, std::nullopt}};
    built.transitions = {
        {"submit",
         std::string(kDraft),
         std::string(kSubmitted),
         {Role::agency_head, Role::agency_staff},
         Scope::own_agency,
         false,
         {},
         {}},
        {"abandon",
         std::string(kDraft),
         std::string(kAbandoned),
         {Role::agency_head, Role::agency_staff},
         Scope::own_agency,
         true,
         {},
         {}},
        {"return",
         std::string(kSubmitted),
         std::string(kDraft),
         {Role::agency_head},
         Scope::own_agency,
         true,
         {},
         {}},
        {"return_for_review",
         std::string(kSubmitted),
         std::string(kDraft),
         {Role::planner},
         Scope::region,
         true,
         {},
         {}},
        {"sign_first_party",
         std::string(kSubmitted),
         std::string(kSignedByFirstParty),
         {Role::agency_head},
         Scope::own_agency,
         false,
         {"document_sha256"},
         {}},
        {"return_signed",
         std::string(kSignedByFirstParty),
         std::string(kDraft),
         {Role::governor, Role::planner},
         Scope::region,
         true,
         {},
         {}},
        {"sign_second_party",
         std::string(kSignedByFirstParty),
         std::string(kSigned),
         {Role::governor},
         Scope::region,
         false,
         {"document_sha256"},
         {"sign_first_party"}},
    };
    return built;
  }();
  return definition;
}

}  // namespace sinergi::performance
