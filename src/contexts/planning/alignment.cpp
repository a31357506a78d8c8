#include "contexts/planning/alignment.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "core/input_text.h"

namespace sinergi::planning {
namespace {

const PlanNode* find_node(const std::vector<PlanNode>& nodes, std::int64_t id) {
  const auto found =
      std::find_if(nodes.begin(), nodes.end(), [id](const PlanNode& node) { return node.id == id; });
  return found == nodes.end() ? nullptr : &*found;
}

std::string describe_id(const PlanNode& node) {
  return std::string(label_id(node.kind)) + " " + node.code;
}

std::string describe_en(const PlanNode& node) {
  return std::string(label_en(node.kind)) + " " + node.code;
}

// The path from `start` to `goal` along `links` (both ends included), or empty when `goal`
// cannot be reached. Breadth first, so the shortest path is reported.
std::vector<std::int64_t> find_path(const std::vector<AlignmentLink>& links, std::int64_t start,
                                    std::int64_t goal) {
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> successors;
  for (const AlignmentLink& link : links) {
    successors[link.from].push_back(link.to);
  }
  std::unordered_map<std::int64_t, std::int64_t> reached_from{{start, start}};
  std::deque<std::int64_t> queue{start};
  while (!queue.empty()) {
    const std::int64_t current = queue.front();
    queue.pop_front();
    if (current == goal) {
      std::vector<std::int64_t> path{goal};
      while (path.back() != start) {
        path.push_back(reached_from.at(path.back()));
      }
      std::reverse(path.begin(), path.end());
      return path;
    }
    const auto next = successors.find(current);
    if (next == successors.end()) {
      continue;
    }
    for (const std::int64_t successor : next->second) {
      if (reached_from.emplace(successor, current).second) {
        queue.push_back(successor);
      }
    }
  }
  return {};
}

std::string allowed_targets_id(PlanNodeKind from) {
  switch (from) {
    case PlanNodeKind::region_mission:
    case PlanNodeKind::region_goal:
      return "prioritas nasional";
    case PlanNodeKind::agency_objective:
      return "sasaran daerah";
    case PlanNodeKind::agency_goal:
      return "tujuan daerah atau sasaran daerah";
    case PlanNodeKind::program:
      return "sasaran perangkat daerah";
    default:
      return "";
  }
}

std::string allowed_targets_en(PlanNodeKind from) {
  switch (from) {
    case PlanNodeKind::region_mission:
    case PlanNodeKind::region_goal:
      return "a national priority";
    case PlanNodeKind::agency_objective:
      return "a region objective";
    case PlanNodeKind::agency_goal:
      return "a region goal or a region objective";
    case PlanNodeKind::program:
      return "an agency objective";
    default:
      return "";
  }
}

// The kind a node of `kind` must align to for the cascade to be complete, if any.
std::optional<PlanNodeKind> required_target(PlanNodeKind kind) {
  switch (kind) {
    case PlanNodeKind::region_mission:
    case PlanNodeKind::region_goal:
      return PlanNodeKind::national_priority;
    case PlanNodeKind::agency_objective:
      return PlanNodeKind::region_objective;
    case PlanNodeKind::program:
      return PlanNodeKind::agency_objective;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string_view name(PlanNodeKind kind) {
  switch (kind) {
    case PlanNodeKind::national_priority:
      return "national_priority";
    case PlanNodeKind::region_mission:
      return "region_mission";
    case PlanNodeKind::region_goal:
      return "region_goal";
    case PlanNodeKind::region_objective:
      return "region_objective";
    case PlanNodeKind::agency_goal:
      return "agency_goal";
    case PlanNodeKind::agency_objective:
      return "agency_objective";
    case PlanNodeKind::program:
      return "program";
    case PlanNodeKind::activity:
      return "activity";
    case PlanNodeKind::sub_activity:
      return "sub_activity";
  }
  return "";
}

std::string_view label_id(PlanNodeKind kind) {
  switch (kind) {
    case PlanNodeKind::national_priority:
      return "prioritas nasional";
    case PlanNodeKind::region_mission:
      return "misi daerah";
    case PlanNodeKind::region_goal:
      return "tujuan daerah";
    case PlanNodeKind::region_objective:
      return "sasaran daerah";
    case PlanNodeKind::agency_goal:
      return "tujuan perangkat daerah";
    case PlanNodeKind::agency_objective:
      return "sasaran perangkat daerah";
    case PlanNodeKind::program:
      return "program";
    case PlanNodeKind::activity:
      return "kegiatan";
    case PlanNodeKind::sub_activity:
      return "sub-kegiatan";
  }
  return "";
}

std::string_view label_en(PlanNodeKind kind) {
  switch (kind) {
    case PlanNodeKind::national_priority:
      return "national priority";
    case PlanNodeKind::region_mission:
      return "region mission";
    case PlanNodeKind::region_goal:
      return "region goal";
    case PlanNodeKind::region_objective:
      return "region objective";
    case PlanNodeKind::agency_goal:
      return "agency goal";
    case PlanNodeKind::agency_objective:
      return "agency objective";
    case PlanNodeKind::program:
      return "program";
    case PlanNodeKind::activity:
      return "activity";
    case PlanNodeKind::sub_activity:
      return "sub-activity";
  }
  return "";
}

bool may_align(PlanNodeKind from, PlanNodeKind to) {
  switch (from) {
    case PlanNodeKind::region_mission:
    case PlanNodeKind::region_goal:
      return to == PlanNodeKind::national_priority;
    case PlanNodeKind::agency_objective:
      return to == PlanNodeKind::region_objective;
    case PlanNodeKind::agency_goal:
      return to == PlanNodeKind::region_goal || to == PlanNodeKind::region_objective;
    case PlanNodeKind::program:
      return to == PlanNodeKind::agency_objective;
    default:
      return false;
  }
}

std::vector<FieldError> check_new_link(const std::vector<PlanNode>& nodes,
                                       const std::vector<AlignmentLink>& existing,
                                       const AlignmentLink& candidate) {
  std::vector<FieldError> errors;
  if (candidate.weight) {
    const Decimal& weight = *candidate.weight;
    if (weight.sign() <= 0 || weight > Decimal::from_int64(100)) {
      add_field_error(
          errors, "weight",
          "bobot harus lebih dari 0 dan paling banyak 100, bukan " + weight.format(Locale::indonesian),
          "the weight must be above 0 and at most 100, not " + weight.format(Locale::english));
    }
  }
  const PlanNode* from = find_node(nodes, candidate.from);
  const PlanNode* to = find_node(nodes, candidate.to);
  if (from == nullptr) {
    add_field_error(errors, "from", "simpul " + std::to_string(candidate.from) + " tidak ditemukan",
                    "node " + std::to_string(candidate.from) + " was not found");
  }
  if (to == nullptr) {
    add_field_error(errors, "to", "simpul " + std::to_string(candidate.to) + " tidak ditemukan",
                    "node " + std::to_string(candidate.to) + " was not found");
  }
  if (from == nullptr || to == nullptr) {
    return errors;
  }
  if (from == to) {
    add_field_error(errors, "to", describe_id(*from) + " tidak dapat diselaraskan ke dirinya sendiri",
                    "the " + describe_en(*from) + " cannot align to itself");
    return errors;
  }
  if (!may_align(from->kind, to->kind)) {
    const std::string allowed_id = allowed_targets_id(from->kind);
    const std::string allowed_en = allowed_targets_en(from->kind);
    add_field_error(errors, "to",
                    std::string(label_id(from->kind)) + " tidak dapat diselaraskan ke " +
                        std::string(label_id(to->kind)) +
                        (allowed_id.empty() ? std::string(" (jenis ini tidak diselaraskan lewat tautan)")
                                            : " (hanya ke " + allowed_id + ")"),
                    "a " + std::string(label_en(from->kind)) + " cannot align to a " +
                        std::string(label_en(to->kind)) +
                        (allowed_en.empty() ? std::string(" (this kind is not aligned by links)")
                                            : " (only to " + allowed_en + ")"));
  }
  const bool duplicate =
      std::any_of(existing.begin(), existing.end(), [&candidate](const AlignmentLink& link) {
        return link.from == candidate.from && link.to == candidate.to;
      });
  if (duplicate) {
    add_field_error(errors, "to", describe_id(*from) + " sudah diselaraskan ke " + describe_id(*to),
                    "the " + describe_en(*from) + " is already aligned to the " + describe_en(*to));
    return errors;
  }
  const std::vector<std::int64_t> back = find_path(existing, candidate.to, candidate.from);
  if (!back.empty()) {
    std::string cycle = from->code;
    for (const std::int64_t id : back) {
      const PlanNode* step = find_node(nodes, id);
      cycle += " → " + (step != nullptr ? step->code : "#" + std::to_string(id));
    }
    add_field_error(errors, "to", "tautan ini membentuk siklus keselarasan: " + cycle,
                    "this link would create an alignment cycle: " + cycle);
  }
  return errors;
}

std::vector<AlignmentGap> alignment_gaps(const std::vector<PlanNode>& nodes,
                                         const std::vector<AlignmentLink>& links) {
  std::unordered_map<std::int64_t, const PlanNode*> by_id;
  by_id.reserve(nodes.size());
  for (const PlanNode& node : nodes) {
    by_id.emplace(node.id, &node);
  }
  struct Incoming {
    std::size_t links = 0;
    std::size_t weighted = 0;
    Decimal sum;
    bool sum_fits = true;
  };
  std::unordered_set<std::int64_t> aligned;
  std::unordered_map<std::int64_t, Incoming> incoming;
  for (const AlignmentLink& link : links) {
    const auto from = by_id.find(link.from);
    const auto to = by_id.find(link.to);
    if (from == by_id.end() || to == by_id.end()) {
      continue;
    }
    if (required_target(from->second->kind) == to->second->kind) {
      aligned.insert(link.from);
    }
    Incoming& into = incoming[link.to];
    ++into.links;
    if (link.weight) {
      ++into.weighted;
      Result<Decimal> added = into.sum.checked_add(*link.weight);
      if (added.ok()) {
        into.sum = *added;
      } else {
        into.sum_fits = false;
      }
    }
  }

  std::vector<AlignmentGap> gaps;
  for (const PlanNode& node : nodes) {
    if (const std::optional<PlanNodeKind> required = required_target(node.kind)) {
      if (aligned.count(node.id) == 0) {
        gaps.push_back(AlignmentGap{
            node.id,
            describe_id(node) + " belum diselaraskan ke " + std::string(label_id(*required)) + " mana pun",
            "the " + describe_en(node) + " is not aligned to any " + std::string(label_en(*required)),
            AlignmentGap::Kind::unaligned});
      }
    }
    const auto into = incoming.find(node.id);
    if (into == incoming.end() || into->second.weighted == 0) {
      continue;
    }
    const Incoming& weights = into->second;
    if (weights.weighted < weights.links) {
      const std::string missing = std::to_string(weights.links - weights.weighted);
      const std::string all = std::to_string(weights.links);
      gaps.push_back(AlignmentGap{node.id,
                                  "bobot keselarasan ke " + describe_id(node) + " belum lengkap: " + missing +
                                      " dari " + all + " tautan tanpa bobot",
                                  "the alignment weights into the " + describe_en(node) +
                                      " are incomplete: " + missing + " of " + all + " links have no weight",
                                  AlignmentGap::Kind::weights});
    } else if (!weights.sum_fits || weights.sum != Decimal::from_int64(100)) {
      const std::string sum_id =
          weights.sum_fits ? weights.sum.format(Locale::indonesian) : std::string("terlalu besar");
      const std::string sum_en =
          weights.sum_fits ? weights.sum.format(Locale::english) : std::string("too large");
      gaps.push_back(AlignmentGap{
          node.id, "bobot keselarasan ke " + describe_id(node) + " berjumlah " + sum_id + ", harus 100",
          "the alignment weights into the " + describe_en(node) + " sum to " + sum_en + ", not 100",
          AlignmentGap::Kind::weights});
    }
  }
  return gaps;
}

std::vector<std::int64_t> dependants(const std::vector<PlanNode>& nodes,
                                     const std::vector<AlignmentLink>& links, std::int64_t node) {
  std::unordered_set<std::int64_t> sources;
  for (const AlignmentLink& link : links) {
    if (link.to == node && link.from != node) {
      sources.insert(link.from);
    }
  }
  std::vector<std::int64_t> result;
  for (const PlanNode& candidate : nodes) {
    if (sources.count(candidate.id) > 0 &&
        std::find(result.begin(), result.end(), candidate.id) == result.end()) {
      result.push_back(candidate.id);
    }
  }
  return result;
}

}  // namespace sinergi::planning
