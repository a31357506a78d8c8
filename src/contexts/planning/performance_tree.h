#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "contexts/planning/alignment.h"

// The performance tree (pohon kinerja) of the planning cascade (issue 5): from the vision level
// (national priorities and region missions) down to sub-activities, with the indicators of each
// node, for the web to show collapsible and searchable. Pure code, no storage.

namespace sinergi::planning {

struct TreeNode {
  std::int64_t id = 0;
  PlanNodeKind kind = PlanNodeKind::program;
  std::string code;
  std::string title;
  std::vector<std::int64_t> indicator_ids;  // the node's indicators (the chips), as given
  std::vector<std::size_t> children;        // indexes into PerformanceTree::nodes, ordered by code
  bool matches = false;                     // the node itself matches the search
  bool on_match_path = false;               // a match is at or below it (the web expands only these paths)
};

struct PerformanceTree {
  // Every input node once, at the same index as in the input (nodes[i] is input nodes[i]).
  std::vector<TreeNode> nodes;
  // The tops of the tree, indexes into `nodes`: the national priorities and the region missions
  // without a parent, ordered by kind, then code.
  std::vector<std::size_t> roots;
  // Ids of the nodes with no way up to a root, ordered by code: parentless nodes below the
  // vision level (e.g. a program aligned to no agency objective). Only the top of such a
  // subtree is listed; its children are still in `nodes` (an activity under an unaligned
  // program hangs under that program). A parent chain that closes a cycle (bad stored data) is
  // cut at the node with the lowest code, which is then listed here.
  std::vector<std::int64_t> unplaced;
};

// Builds the tree. A node's parent is its `hierarchy` parent (child id -> parent id:
// activity -> program, sub-activity -> activity, goal -> mission, ...) if it has one, else the
// target of its first link in `links`. Decision: a node aligned to several targets is shown
// once, under the first; the other links remain in the alignment report. National priorities
// are always roots. Entries naming unknown nodes or a node itself are ignored; for a child
// listed more than once in `hierarchy` the first entry counts. `search` is matched as a
// case-insensitive ASCII substring of the code or the title; when empty, nothing matches and
// no path is marked. Iterative, O(n log n) in the number of nodes plus links and hierarchy.
PerformanceTree build_performance_tree(
    const std::vector<PlanNode>& nodes, const std::vector<AlignmentLink>& links,
    const std::vector<std::pair<std::int64_t, std::int64_t>>& hierarchy,
    const std::unordered_map<std::int64_t, std::vector<std::int64_t>>& indicators_by_node,
    std::string_view search);

}  // namespace sinergi::planning
