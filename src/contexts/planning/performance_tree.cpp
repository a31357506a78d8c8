#include "contexts/planning/performance_tree.h"

#include <algorithm>
#include <limits>

namespace sinergi::planning {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// True when `folded_needle` (already lower case, not empty) occurs in `text`, ASCII letters
// compared without case.
bool contains_folded(std::string_view text, std::string_view folded_needle) {
  if (folded_needle.size() > text.size()) {
    return false;
  }
  return std::search(text.begin(), text.end(), folded_needle.begin(), folded_needle.end(),
                     [](char a, char b) { return fold(a) == b; }) != text.end();
}

bool is_vision_level(PlanNodeKind kind) {
  return kind == PlanNodeKind::national_priority || kind == PlanNodeKind::region_mission;
}

// Marks every node at or below `top` as visited (iteratively).
void visit_subtree(const std::vector<TreeNode>& nodes, std::size_t top, std::vector<bool>& visited,
                   std::vector<std::size_t>& stack) {
  stack.clear();
  stack.push_back(top);
  visited[top] = true;
  while (!stack.empty()) {
    const std::size_t current = stack.back();
    stack.pop_back();
    for (const std::size_t child : nodes[current].children) {
      if (!visited[child]) {
        visited[child] = true;
        stack.push_back(child);
      }
    }
  }
}

}  // namespace

PerformanceTree build_performance_tree(
    const std::vector<PlanNode>& nodes, const std::vector<AlignmentLink>& links,
    const std::vector<std::pair<std::int64_t, std::int64_t>>& hierarchy,
    const std::unordered_map<std::int64_t, std::vector<std::int64_t>>& indicators_by_node,
    std::string_view search) {
  PerformanceTree tree;
  const std::size_t count = nodes.size();
  tree.nodes.reserve(count);
  std::unordered_map<std::int64_t, std::size_t> index;
  index.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const PlanNode& node = nodes[i];
    index.try_emplace(node.id, i);
    TreeNode& added = tree.nodes.emplace_back();
    added.id = node.id;
    added.kind = node.kind;
    added.code = node.code;
    added.title = node.title;
    if (const auto found = indicators_by_node.find(node.id); found != indicators_by_node.end()) {
      added.indicator_ids = found->second;
    }
  }
  const auto find = [&index](std::int64_t id) {
    const auto found = index.find(id);
    return found == index.end() ? kNone : found->second;
  };
  const auto by_code = [&tree](std::size_t a, std::size_t b) {
    const TreeNode& left = tree.nodes[a];
    const TreeNode& right = tree.nodes[b];
    return left.code != right.code ? left.code < right.code : left.id < right.id;
  };

  // Parents: the hierarchy first, then the first usable link. National priorities stay roots.
  std::vector<std::size_t> parent(count, kNone);
  const auto assign = [&](std::int64_t child_id, std::int64_t parent_id) {
    const std::size_t child = find(child_id);
    const std::size_t above = find(parent_id);
    if (child == kNone || above == kNone || child == above || parent[child] != kNone ||
        tree.nodes[child].kind == PlanNodeKind::national_priority) {
      return;
    }
    parent[child] = above;
  };
  for (const auto& entry : hierarchy) {
    assign(entry.first, entry.second);
  }
  for (const AlignmentLink& link : links) {
    assign(link.from, link.to);
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (parent[i] != kNone) {
      tree.nodes[parent[i]].children.push_back(i);
    }
  }

  // Everything reachable from a parentless node is placed; what is left hangs on a cycle of
  // parents, which is cut at its node with the lowest code.
  std::vector<bool> visited(count, false);
  std::vector<std::size_t> stack;
  std::vector<std::size_t> tops;
  for (std::size_t i = 0; i < count; ++i) {
    if (parent[i] == kNone) {
      tops.push_back(i);
      visit_subtree(tree.nodes, i, visited, stack);
    }
  }
  std::vector<std::size_t> walk_stamp(count, kNone);
  for (std::size_t start = 0; start < count; ++start) {
    if (visited[start]) {
      continue;
    }
    std::size_t current = start;
    while (walk_stamp[current] != start) {  // climb until a node repeats: it is on the cycle
      walk_stamp[current] = start;
      current = parent[current];
    }
    std::size_t cut = current;
    for (std::size_t on_cycle = parent[current]; on_cycle != current; on_cycle = parent[on_cycle]) {
      if (by_code(on_cycle, cut)) {
        cut = on_cycle;
      }
    }
    std::vector<std::size_t>& siblings = tree.nodes[parent[cut]].children;
    siblings.erase(std::find(siblings.begin(), siblings.end(), cut));
    parent[cut] = kNone;
    tops.push_back(cut);
    visit_subtree(tree.nodes, cut, visited, stack);
  }

  std::vector<std::size_t> unplaced;
  for (const std::size_t top : tops) {
    (is_vision_level(tree.nodes[top].kind) ? tree.roots : unplaced).push_back(top);
  }
  std::sort(tree.roots.begin(), tree.roots.end(), [&](std::size_t a, std::size_t b) {
    const PlanNodeKind left = tree.nodes[a].kind;
    const PlanNodeKind right = tree.nodes[b].kind;
    return left != right ? left < right : by_code(a, b);
  });
  std::sort(unplaced.begin(), unplaced.end(), by_code);
  tree.unplaced.reserve(unplaced.size());
  for (const std::size_t top : unplaced) {
    tree.unplaced.push_back(tree.nodes[top].id);
  }
  for (TreeNode& node : tree.nodes) {
    std::sort(node.children.begin(), node.children.end(), by_code);
  }

  if (!search.empty()) {
    std::string needle(search);
    std::transform(needle.begin(), needle.end(), needle.begin(), fold);
    for (std::size_t i = 0; i < count; ++i) {
      TreeNode& node = tree.nodes[i];
      node.matches = contains_folded(node.code, needle) || contains_folded(node.title, needle);
      if (!node.matches) {
        continue;
      }
      for (std::size_t up = i; up != kNone && !tree.nodes[up].on_match_path; up = parent[up]) {
        tree.nodes[up].on_match_path = true;
      }
    }
  }
  return tree;
}

}  // namespace sinergi::planning
