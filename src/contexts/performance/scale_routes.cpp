#include "contexts/performance/scale_routes.h"

#include <limits>

#include "contexts/performance/performance_json.h"
#include "platform/audit/call_context.h"
#include "platform/auth/permissions.h"
#include "platform/http/json_body.h"
#include "platform/http/query_parameters.h"

namespace sinergi::performance {
namespace {

using auth::Action;
using auth::Principal;
using http::Method;
using http::Request;
using http::Response;

Response json_response(const Json& body) {
  Response response = Response::json(200, http::to_json_text(body));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

Json choice_json(const ScaleChoice& choice) {
  return Json{{"year", choice.year},
              {"scale", scale_json(&choice.scale)},
              {"preset", choice.preset},
              {"chosen", choice.version != 0},
              {"chosen_by", choice.version != 0 ? Json(choice.chosen_by_name) : Json(nullptr)},
              {"chosen_at", choice.version != 0 ? Json(choice.chosen_at) : Json(nullptr)},
              {"version", choice.version}};
}

Json catalog_json(const ScaleCatalog& catalog) {
  Json presets = Json::array();
  for (const PredicateScale& scale : catalog.presets) {
    presets.push_back(scale_json(&scale));
  }
  Json custom = Json::array();
  for (const PredicateScale& scale : catalog.custom) {
    custom.push_back(scale_json(&scale));
  }
  Json years = Json::array();
  for (const ScaleChoice& choice : catalog.years) {
    years.push_back(choice_json(choice));
  }
  return Json{{"presets", std::move(presets)}, {"custom", std::move(custom)}, {"years", std::move(years)}};
}

// {"name": ..., "bands": [{"test": "ge"|"gt"|"any", "bound": "91", "predicate": ...}]}; the
// order and the bounds are checked by the service (check_scale).
PredicateScale custom_scale(const Json& object, http::JsonFields& fields) {
  PredicateScale scale;
  if (!object.is_object()) {
    fields.add_error("scale", "harus objek {name, bands}", "must be an object {name, bands}");
    return scale;
  }
  http::JsonFields inner(object);
  scale.name = inner.required_string("name", 40).value_or("");
  for (const FieldError& error : inner.errors()) {
    fields.add_error("scale." + error.field, error.message_id, error.message_en);
  }
  const Json empty = Json::array();
  const Json& bands = object.contains("bands") ? object.at("bands") : empty;
  if (!bands.is_array() || bands.empty() || bands.size() > 20) {
    fields.add_error("scale.bands", "harus daftar 1-20 predikat {test, bound, predicate}",
                     "must be a list of 1-20 predicates {test, bound, predicate}");
    return scale;
  }
  for (std::size_t index = 0; index < bands.size(); ++index) {
    const std::string prefix = "scale.bands[" + std::to_string(index) + "]";
    const Json& item = bands[index];
    PredicateBand band;
    const Json test = item.is_object() ? item.value("test", Json()) : Json();
    if (test == "ge") {
      band.test = BandTest::ge;
    } else if (test == "gt") {
      band.test = BandTest::gt;
    } else if (test == "any") {
      band.test = BandTest::any;
    } else {
      fields.add_error(prefix + ".test", "harus ge (paling sedikit), gt (lebih dari) atau any (sisanya)",
                       "must be ge (at least), gt (above) or any (the rest)");
    }
    if (band.test != BandTest::any && item.is_object()) {
      band.bound = decimal_field(item, "bound", prefix + ".bound", fields).value_or(Decimal{});
      if (!item.contains("bound") || item.at("bound").is_null()) {
        fields.add_error(prefix + ".bound", "batas persen wajib diisi", "a percent bound is required");
      }
    }
    const Json predicate = item.is_object() ? item.value("predicate", Json()) : Json();
    if (!predicate.is_string()) {
      fields.add_error(prefix + ".predicate", "nama predikat wajib diisi",
                       "the predicate's name is required");
    } else {  // its length is checked with the scale (check_scale)
      band.predicate = predicate.get<std::string>();
    }
    scale.bands.push_back(std::move(band));
  }
  return scale;
}

Result<int> year_of_path(const Request& request) {
  const std::int64_t year = TRY(http::path_id(request, "year"));
  if (year < 2000 || year > 2100) {
    return Error::with_fields(
        ErrorCode::InvalidInput,
        {FieldError{"year", "tahun harus antara 2000 dan 2100", "the year must be between 2000 and 2100"}},
        {"year"});
  }
  return static_cast<int>(year);
}

}  // namespace

void register_scale_routes(auth::SecuredRouter& router, ScaleService& scales) {
  router.add(Method::get, "/api/v1/predicate-scales", "predicateScales", Action::performance_read,
             [&scales](Request& request, const Principal& caller) -> Result<Response> {
               TRY(http::QueryParameters(request).finish());
               return json_response(catalog_json(TRY(scales.catalog(caller))));
             });
  router.add(Method::get, "/api/v1/predicate-scales/{year}", "predicateScaleOfYear", Action::performance_read,
             [&scales](Request& request, const Principal& caller) -> Result<Response> {
               const int year = TRY(year_of_path(request));
               return json_response(choice_json(TRY(scales.for_year(caller, year))));
             });
  router.add(
      Method::put, "/api/v1/predicate-scales/{year}", "choosePredicateScale", Action::predicate_scales_manage,
      [&scales](Request& request, const Principal& caller) -> Result<Response> {
        const int year = TRY(year_of_path(request));
        const Json body = TRY(http::parse_json_body(request));
        http::JsonFields fields(body);
        ScaleRequest choice;
        choice.version =
            fields.required_integer("version", 0, std::numeric_limits<std::int64_t>::max()).value_or(0);
        choice.preset = fields.optional_string("preset", 40);
        if (body.is_object() && body.contains("scale") && !body.at("scale").is_null()) {
          choice.custom = custom_scale(body.at("scale"), fields);
        }
        TRY(fields.finish());
        const ScaleChoice chosen = TRY(scales.choose(caller, year, choice, audit::context_of(request)));
        return json_response(choice_json(chosen));
      });
}

}  // namespace sinergi::performance
