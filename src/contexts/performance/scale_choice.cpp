#include "contexts/performance/scale_choice.h"

#include <nlohmann/json.hpp>

namespace sinergi::performance {

using Json = nlohmann::json;

ScaleChoice default_choice(int year) {
  ScaleChoice choice;
  choice.year = year;
  choice.scale = default_scale();
  return choice;
}

std::string bands_text(const std::vector<PredicateBand>& bands) {
  Json list = Json::array();
  for (const PredicateBand& band : bands) {
    const bool any = band.test == BandTest::any;
    list.push_back(Json{{"test", any                         ? "any"
                                 : band.test == BandTest::ge ? "ge"
                                                             : "gt"},
                        {"bound", any ? Json(nullptr) : Json(band.bound.to_string(NumberFormat::plain))},
                        {"predicate", band.predicate}});
  }
  return list.dump();
}

std::optional<std::vector<PredicateBand>> parse_bands_text(std::string_view text) {
  const Json list = Json::parse(text, nullptr, false);
  if (!list.is_array()) {
    return std::nullopt;
  }
  std::vector<PredicateBand> bands;
  for (const Json& item : list) {
    if (!item.is_object() || !item.value("test", Json()).is_string() ||
        !item.value("predicate", Json()).is_string()) {
      return std::nullopt;
    }
    PredicateBand band;
    const std::string test = item.at("test").get<std::string>();
    band.predicate = item.at("predicate").get<std::string>();
    if (test == "any") {
      band.test = BandTest::any;
    } else {
      band.test = test == "ge" ? BandTest::ge : BandTest::gt;
      if ((test != "ge" && test != "gt") || !item.value("bound", Json()).is_string()) {
        return std::nullopt;
      }
      auto bound = Decimal::parse(item.at("bound").get<std::string>(), NumberFormat::plain);
      if (!bound.ok()) {
        return std::nullopt;
      }
      band.bound = bound.value();
    }
    bands.push_back(std::move(band));
  }
  return bands;
}

}  // namespace sinergi::performance
