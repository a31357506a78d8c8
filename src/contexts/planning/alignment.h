#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/error.h"

// The alignment graph of the planning cascade (pure rules, no storage). A link `from -> to`
// says that `from` supports `to`: a region mission aligns to a national priority (Asta Cita),
// an agency objective to a region objective, a program to an agency objective. Activities and
// sub-activities hang under their program through the code hierarchy (nomenclature.h), never
// through links.
//
// Weights: a link may carry a weight (published, used by the `weighted_mean` roll-up of
// RULES.md section 3). A roll-up computes one target node from the nodes that support it, so
// the weights that must add up are those of the links INTO one target node: when any of them
// carries a weight, all of them must, and together they must sum to exactly 100.

namespace sinergi::planning {

enum class PlanNodeKind {
  national_priority,
  region_mission,
  region_goal,
  region_objective,
  agency_goal,
  agency_objective,
  program,
  activity,
  sub_activity,
};
// "national_priority", "region_mission", ...
std::string_view name(PlanNodeKind kind);
// "prioritas nasional", "misi daerah", "tujuan daerah", "sasaran daerah", "tujuan perangkat daerah",
// "sasaran perangkat daerah", "program", "kegiatan", "sub-kegiatan".
std::string_view label_id(PlanNodeKind kind);
// "national priority", "region mission", ...
std::string_view label_en(PlanNodeKind kind);

struct PlanNode {
  std::int64_t id = 0;
  PlanNodeKind kind = PlanNodeKind::program;
  std::string code;  // "P-01", "1.02.02", ... what messages show
  std::string title;
};

struct AlignmentLink {
  std::int64_t from = 0;  // from aligns to (supports) to
  std::int64_t to = 0;
  std::optional<Decimal> weight;  // in (0, 100]
};

// The kind pairs a link may join: region_mission and region_goal -> national_priority;
// agency_objective -> region_objective; agency_goal -> region_goal or region_objective;
// program -> agency_objective. Nothing else (activities follow their program by code).
bool may_align(PlanNodeKind from, PlanNodeKind to);

// The problems of adding `candidate` to `existing`: on "from" an unknown node; on "to" an
// unknown node, a self link, a kind pair that may not align (naming both kinds), a duplicate
// of an existing link, or a link that would close a cycle (the message lists the cycle by
// codes, "P-01 → S-1.2 → P-01"); on "weight" a weight outside (0, 100]. With the kind pairs
// of may_align no cycle can form among valid links; the check still guards against links
// stored under earlier rules.
std::vector<FieldError> check_new_link(const std::vector<PlanNode>& nodes,
                                       const std::vector<AlignmentLink>& existing,
                                       const AlignmentLink& candidate);

struct AlignmentGap {
  // `unaligned`: the node lacks its link up; `weights`: the weights into it are wrong.
  enum class Kind { unaligned, weights };

  std::int64_t node = 0;
  std::string reason_id;
  std::string reason_en;
  Kind kind = Kind::unaligned;

  bool operator==(const AlignmentGap&) const = default;
};

// What the cascade still misses, in the order of `nodes`: a region mission or goal without a
// link to a national priority, an agency objective without a link to a region objective, a
// program without a link to an agency objective; and a target node whose incoming weights are
// incomplete (some links weighted, others not) or do not sum to 100 (the message names the sum).
// Links naming unknown nodes are ignored. O(n + l) with hash maps.
std::vector<AlignmentGap> alignment_gaps(const std::vector<PlanNode>& nodes,
                                         const std::vector<AlignmentLink>& links);

// The nodes that align directly to `node` (the sources of links into it), in the order of
// `nodes`, each once. Deleting a node is refused while this is not empty.
std::vector<std::int64_t> dependants(const std::vector<PlanNode>& nodes,
                                     const std::vector<AlignmentLink>& links, std::int64_t node);

}  // namespace sinergi::planning
