#include "contexts/performance/scale_service.h"

#include <algorithm>

#include "contexts/performance/performance_support.h"
#include "core/input_text.h"
#include "core/refusals.h"
#include "platform/auth/permissions.h"
#include "platform/db/unit_of_work.h"

namespace sinergi::performance {
namespace {

using auth::Principal;
using db::read_transaction;
using db::write_transaction;

std::string scale_label(const PredicateScale& scale) {
  return scale.name + " v" + std::to_string(scale.version);
}

// The scale a request names, with its version decided against the region's own scales: a
// preset is version 1; the region's own scale keeps the version of identical bands stored
// under its name before, else takes the next one (`is_new`).
Result<ScaleChoice> requested_choice(const ScaleRequest& request, int year,
                                     const std::vector<PredicateScale>& own, bool& is_new) {
  is_new = false;
  std::vector<FieldError> errors = check_year(year, "year");
  if (request.preset.has_value() == request.custom.has_value()) {
    add_field_error(errors, "preset", "pilih satu: skala bawaan (preset) atau skala sendiri (scale)",
                    "choose one: a preset or the region's own scale");
    return validation_result(std::move(errors)).error();
  }
  ScaleChoice choice;
  choice.year = year;
  if (request.preset) {
    const PredicateScale* preset = find_preset(*request.preset);
    if (!preset) {
      std::string names;
      for (const PredicateScale& scale : preset_scales()) {
        names += (names.empty() ? "" : ", ") + scale.name;
      }
      add_field_error(errors, "preset", "skala bawaan tidak dikenal; pilihan: " + names,
                      "unknown preset; the presets are " + names);
    } else {
      choice.scale = *preset;
    }
    TRY(validation_result(std::move(errors)));
    return choice;
  }
  choice.preset = false;
  choice.scale = *request.custom;
  for (FieldError& error : check_scale(choice.scale)) {
    error.field = "scale." + error.field;
    errors.push_back(std::move(error));
  }
  if (find_preset(choice.scale.name)) {
    add_field_error(errors, "scale.name", "nama ini milik skala bawaan; beri nama lain",
                    "this name belongs to a preset; choose another name");
  }
  TRY(validation_result(std::move(errors)));
  const std::string bands = bands_text(choice.scale.bands);
  int latest = 0;
  for (const PredicateScale& other : own) {
    if (other.name == choice.scale.name) {
      if (bands_text(other.bands) == bands) {
        choice.scale.version = other.version;
        return choice;
      }
      latest = std::max(latest, other.version);
    }
  }
  choice.scale.version = latest + 1;
  is_new = true;
  return choice;
}

}  // namespace

ScaleService::ScaleService(PerformanceRepository& repository) : repository_(repository) {}

Result<ScaleCatalog> ScaleService::catalog(const Principal& caller) {
  const RegionId region = TRY(region_of(caller));
  return read_transaction<ScaleCatalog>(repository_, [&](PerformanceStore& store) -> Result<ScaleCatalog> {
    ScaleCatalog catalog;
    catalog.presets = preset_scales();
    catalog.custom = TRY(store.own_scales(region));
    catalog.years = TRY(store.scale_choices(region, std::nullopt));
    return catalog;
  });
}

Result<ScaleChoice> ScaleService::for_year(const Principal& caller, int year) {
  TRY(validation_result(check_year(year, "year")));
  const RegionId region = TRY(region_of(caller));
  return read_transaction<ScaleChoice>(repository_, [&](PerformanceStore& store) -> Result<ScaleChoice> {
    const std::vector<ScaleChoice> stored = TRY(store.scale_choices(region, year));
    return stored.empty() ? default_choice(year) : stored.front();
  });
}

Result<ScaleChoice> ScaleService::choose(const Principal& caller, int year, const ScaleRequest& request,
                                         const audit::CallContext& context) {
  if (!auth::may_take(caller, auth::Action::predicate_scales_manage)) {
    return Error(ErrorCode::Forbidden);
  }
  const RegionId region = TRY(region_of(caller));
  return write_transaction<ScaleChoice>(repository_, [&](PerformanceStore& store) -> Result<ScaleChoice> {
    bool is_new = false;
    ScaleChoice choice = TRY(requested_choice(request, year, TRY(store.own_scales(region)), is_new));
    const std::vector<ScaleChoice> stored = TRY(store.scale_choices(region, year));
    const ScaleChoice current = stored.empty() ? default_choice(year) : stored.front();
    if (request.version != current.version) {
      return stale_version("Skala predikat tahun " + std::to_string(year),
                           "The predicate scale of " + std::to_string(year));
    }
    if (current.version != 0 && current.preset == choice.preset && current.scale.name == choice.scale.name &&
        current.scale.version == choice.scale.version) {
      return current;
    }
    if (is_new) {
      TRY(store.insert_own_scale(region, choice.scale, caller.name));
    }
    choice.chosen_by_name = caller.name;
    choice.version = current.version;
    if (!TRY(store.put_scale_choice(region, choice))) {
      return stale_version("Skala predikat tahun " + std::to_string(year),
                           "The predicate scale of " + std::to_string(year));
    }
    TRY(store.append_audit(event(caller, region, "predicate_scale.choose", "predicate_scale_choice",
                                 std::to_string(year),
                                 {{"scale", scale_label(current.scale), scale_label(choice.scale)},
                                  {"bands", bands_text(current.scale.bands), bands_text(choice.scale.bands)}},
                                 context)));
    const std::vector<ScaleChoice> after = TRY(store.scale_choices(region, year));
    return after.front();
  });
}

Result<std::shared_ptr<const PredicateScale>> scale_in_force(PerformanceStore& store, RegionId region,
                                                             int year) {
  const std::vector<ScaleChoice> stored = TRY(store.scale_choices(region, year));
  return std::make_shared<const PredicateScale>(stored.empty() ? default_scale() : stored.front().scale);
}

}  // namespace sinergi::performance
