#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "contexts/performance/agreement_service.h"
#include "contexts/performance/realization_service.h"
#include "core/error.h"
#include "platform/http/json_body.h"

// The JSON of the performance API (docs/api/performance.md): views out, edits in. Exact
// decimals travel as strings with a dot ("98.5"); money as integer rupiah; percents as strings
// rounded to 2 decimals for display, with the exact fraction's explanation on demand.

namespace sinergi::performance {

using Json = nlohmann::json;

Json target_json(const std::optional<TargetValue>& target);
// {name, version, bands: [{test, bound, predicate}]}; null for nullptr.
Json scale_json(const PredicateScale* scale);
Json agreement_json(const AgreementView& view, bool with_content);
Json candidates_json(const AgreementCandidates& candidates);
Json realization_json(const RealizationView& view);
Json quarter_report_json(const QuarterReport& report, const Date& today);
Json queue_json(const std::vector<QueueEntry>& entries);
Json windows_json(const std::vector<ReportingWindow>& windows);
Json scorecard_json(const Scorecard& card, Locale locale);
Json region_scorecard_json(const RegionScorecard& card, Locale locale);
Json explanation_json(const Explanation& explanation, Locale locale);

// A decimal sent as a JSON string (a number is refused: it would pass through binary floating
// point); Indonesian ("98,5") and plain ("98.5") forms are read. Absent or null: nullopt.
std::optional<Decimal> decimal_field(const Json& object, const std::string& key, const std::string& field,
                                     http::JsonFields& fields);
// {"value": "98"} or {"lower": "80", "upper": "90"}; absent or null: nullopt.
std::optional<TargetValue> target_field(const Json& object, const std::string& key, const std::string& field,
                                        http::JsonFields& fields);
// {name, position, nip, rank}.
Party party_field(const Json& object, const std::string& key, http::JsonFields& fields);

}  // namespace sinergi::performance
