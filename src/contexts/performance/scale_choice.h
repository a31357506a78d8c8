#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/performance/predicate_scale.h"

// Which predicate scale a region uses in a year (RULES.md section 4, migration 0009). The
// choice keeps the whole scale as chosen, so a report naming "name vN" can always be traced
// to its bands. A year nobody chose uses the default (permendagri86 v1).

namespace sinergi::performance {

struct ScaleChoice {
  int year = 0;
  PredicateScale scale;
  bool preset = true;  // one of the embedded presets, else the region's own scale
  std::string chosen_by_name;
  std::string chosen_at;     // set by the store; empty for the default
  std::int64_t version = 0;  // optimistic version of the choice; 0: never chosen
};

// The default choice of a year nobody chose.
ScaleChoice default_choice(int year);

// The bands as canonical JSON ([{"test":"ge","bound":"91","predicate":"Sangat Tinggi"},...]),
// as stored and compared.
std::string bands_text(const std::vector<PredicateBand>& bands);
// The bands of bands_text; nullopt when the text is not such a list.
std::optional<std::vector<PredicateBand>> parse_bands_text(std::string_view text);

}  // namespace sinergi::performance
