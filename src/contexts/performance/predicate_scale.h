#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/performance/achievement.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/result.h"

// Predicate scales (RULES.md section 4) as versioned configuration: ordered bands, each a test
// against a bound ("ge 91": at least 91 %), the last one catching everything else. A region
// chooses a scale per year; a report always names the scale (name and version) it used. The
// presets of db/seed/predicate_scales.csv are embedded: permendagri86 (the default),
// berhasil4, tercapai3 and sakip88.

namespace sinergi::performance {

enum class BandTest { ge, gt, any };

struct PredicateBand {
  BandTest test = BandTest::any;
  Decimal bound;          // unused for `any`
  std::string predicate;  // "Sangat Tinggi"
};

struct PredicateScale {
  std::string name;  // "permendagri86"
  int version = 1;
  std::vector<PredicateBand> bands;  // in rank order; the first whose test passes applies
};

// Checks a scale: a name of 1-40 letters, digits or '_'; 1-20 bands; each predicate 1-100
// characters; bounds decreasing (an equal bound only as "ge" after "gt"); exactly the last
// band is `any`. Problems are field
// errors on "name", "bands", "bands[i].bound" or "bands[i].predicate".
std::vector<FieldError> check_scale(const PredicateScale& scale);

// The embedded presets in file order (permendagri86 first). Throws std::logic_error when the
// embedded file is malformed (a build defect, caught by the tests).
const std::vector<PredicateScale>& preset_scales();
const PredicateScale* find_preset(std::string_view name);
// permendagri86: Sangat Tinggi >= 91, Tinggi >= 76, Sedang >= 66, Rendah >= 51, Sangat Rendah.
const PredicateScale& default_scale();

// The band of an achievement, decided on its exact fraction 100 x numerator / denominator
// (after the cap, on the capped value); nullptr when it is not computed.
const PredicateBand* classify(const PredicateScale& scale, const Achievement& achievement);
// The band of a percent (a roll-up's, or a percent typed by a person).
const PredicateBand* classify(const PredicateScale& scale, const Decimal& percent);

}  // namespace sinergi::performance
