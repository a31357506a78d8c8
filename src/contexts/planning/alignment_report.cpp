#include "contexts/planning/alignment_report.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/input_text.h"

namespace sinergi::planning {
namespace {

std::string describe_id(const ReportNode& node) {
  return std::string(label_id(node.kind)) + " " + node.code;
}
std::string describe_en(const ReportNode& node) {
  return std::string(label_en(node.kind)) + " " + node.code;
}

// Words that say nothing about what a program does: Indonesian function words and the
// generic vocabulary of program and indicator names.
const std::unordered_set<std::string>& ignored_words() {
  static const std::unordered_set<std::string> words = {"program",
                                                        "kegiatan",
                                                        "sub",
                                                        "dan",
                                                        "yang",
                                                        "untuk",
                                                        "dengan",
                                                        "dari",
                                                        "pada",
                                                        "bagi",
                                                        "dalam",
                                                        "atas",
                                                        "serta",
                                                        "atau",
                                                        "daerah",
                                                        "provinsi",
                                                        "urusan",
                                                        "pemerintahan",
                                                        "penyelenggaraan",
                                                        "pengelolaan",
                                                        "peningkatan",
                                                        "penyediaan",
                                                        "fasilitasi",
                                                        "pelaksanaan",
                                                        "persentase",
                                                        "jumlah",
                                                        "indeks",
                                                        "tingkat",
                                                        "rasio",
                                                        "angka",
                                                        "cakupan",
                                                        "capaian",
                                                        "nilai",
                                                        "kabupaten",
                                                        "kota",
                                                        "penunjang",
                                                        "the",
                                                        "perencanaan",
                                                        "pembangunan",
                                                        "pengembangan",
                                                        "pembinaan",
                                                        "pelayanan",
                                                        "layanan",
                                                        "terhadap",
                                                        "oleh",
                                                        "melalui",
                                                        "secara"};
  return words;
}

void add_words(std::string_view text, std::set<std::string>& words) {
  std::string word;
  auto flush = [&] {
    const bool has_letter = std::any_of(
        word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
    if (word.size() >= 3 && has_letter && ignored_words().count(word) == 0) {
      words.insert(word);
    }
    word.clear();
  };
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      flush();
    }
  }
  flush();
}

std::string join_years(const std::vector<int>& years) {
  std::string text;
  for (const int year : years) {
    text += (text.empty() ? "" : ", ") + std::to_string(year);
  }
  return text;
}

struct Index {
  std::unordered_map<std::int64_t, std::size_t> position;
  std::unordered_map<std::int64_t, std::string> agency_codes;

  const ReportNode* find(const std::vector<ReportNode>& nodes, std::int64_t id) const {
    const auto found = position.find(id);
    return found == position.end() ? nullptr : &nodes[found->second];
  }
  std::string agency(const std::optional<std::int64_t>& id) const {
    if (!id) {
      return "";
    }
    const auto found = agency_codes.find(*id);
    return found == agency_codes.end() ? "#" + std::to_string(*id) : found->second;
  }
};

// The nodes with a path to a region objective: a breadth-first walk from every region
// objective against the direction of links, and from parents down to activities and
// sub-activities.
std::unordered_set<std::int64_t> reaching_region_objectives(const std::vector<ReportNode>& nodes,
                                                            const std::vector<AlignmentLink>& links,
                                                            const Index& index) {
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> supporters;  // to -> from, parent -> child
  for (const AlignmentLink& link : links) {
    if (index.find(nodes, link.from) != nullptr && index.find(nodes, link.to) != nullptr) {
      supporters[link.to].push_back(link.from);
    }
  }
  for (const ReportNode& node : nodes) {
    if ((node.kind == PlanNodeKind::activity || node.kind == PlanNodeKind::sub_activity) && node.parent_id) {
      supporters[*node.parent_id].push_back(node.id);
    }
  }
  std::unordered_set<std::int64_t> reached;
  std::deque<std::int64_t> queue;
  for (const ReportNode& node : nodes) {
    if (node.kind == PlanNodeKind::region_objective) {
      reached.insert(node.id);
      queue.push_back(node.id);
    }
  }
  while (!queue.empty()) {
    const std::int64_t current = queue.front();
    queue.pop_front();
    const auto found = supporters.find(current);
    if (found == supporters.end()) {
      continue;
    }
    for (const std::int64_t supporter : found->second) {
      if (reached.insert(supporter).second) {
        queue.push_back(supporter);
      }
    }
  }
  return reached;
}

// The region objectives some program reaches: a walk from every program along links.
std::unordered_set<std::int64_t> objectives_reached_by_programs(const std::vector<ReportNode>& nodes,
                                                                const std::vector<AlignmentLink>& links,
                                                                const Index& index) {
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> targets;
  for (const AlignmentLink& link : links) {
    if (index.find(nodes, link.from) != nullptr && index.find(nodes, link.to) != nullptr) {
      targets[link.from].push_back(link.to);
    }
  }
  std::unordered_set<std::int64_t> visited;
  std::deque<std::int64_t> queue;
  for (const ReportNode& node : nodes) {
    if (node.kind == PlanNodeKind::program) {
      visited.insert(node.id);
      queue.push_back(node.id);
    }
  }
  while (!queue.empty()) {
    const std::int64_t current = queue.front();
    queue.pop_front();
    const auto found = targets.find(current);
    if (found == targets.end()) {
      continue;
    }
    for (const std::int64_t target : found->second) {
      if (visited.insert(target).second) {
        queue.push_back(target);
      }
    }
  }
  return visited;
}

// Word sets as sorted ids into one vocabulary, so comparing two of them allocates nothing:
// a province of 400 programs makes 80,000 comparisons per report.
class Vocabulary {
 public:
  std::vector<std::uint32_t> ids(std::string_view text) {
    std::set<std::string> words;
    add_words(text, words);
    std::vector<std::uint32_t> result;
    result.reserve(words.size());
    for (const std::string& word : words) {
      const auto [entry, inserted] = ids_.try_emplace(word, static_cast<std::uint32_t>(words_.size()));
      if (inserted) {
        words_.push_back(word);
      }
      result.push_back(entry->second);
    }
    std::sort(result.begin(), result.end());
    return result;
  }
  const std::string& word(std::uint32_t id) const { return words_[id]; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> words_;
};

std::size_t shared_count(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::size_t shared = 0;
  auto left = a.begin();
  auto right = b.begin();
  while (left != a.end() && right != b.end()) {
    if (*left < *right) {
      ++left;
    } else if (*right < *left) {
      ++right;
    } else {
      ++shared;
      ++left;
      ++right;
    }
  }
  return shared;
}

// True when the sets share at least `minimum` words and `share` of their union.
bool alike(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b, std::size_t minimum,
           double share, double& found_share) {
  if (a.size() < minimum || b.size() < minimum) {
    return false;
  }
  const std::size_t shared = shared_count(a, b);
  const std::size_t united = a.size() + b.size() - shared;
  found_share = united == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(united);
  return shared >= minimum && found_share >= share;
}

void synergy_hints(const std::vector<ReportNode>& nodes, const std::vector<ReportIndicator>& indicators,
                   const Index& index, std::vector<Finding>& findings) {
  struct Candidate {
    const ReportNode* node;
    std::vector<std::uint32_t> title;
    std::vector<std::vector<std::uint32_t>> indicators;
  };
  Vocabulary vocabulary;
  std::unordered_map<std::int64_t, std::size_t> candidate_of;
  std::vector<Candidate> candidates;
  for (const ReportNode& node : nodes) {
    if (node.kind == PlanNodeKind::program && node.agency_id && !node.code.starts_with("X")) {
      candidate_of.emplace(node.id, candidates.size());
      candidates.push_back(Candidate{&node, vocabulary.ids(node.title), {}});
    }
  }
  for (const ReportIndicator& indicator : indicators) {
    const auto found = candidate_of.find(indicator.node);
    if (found != candidate_of.end()) {
      candidates[found->second].indicators.push_back(vocabulary.ids(indicator.name));
    }
  }
  // Words that a quarter of the programs use say nothing about any one of them (in a plan where
  // every title reads "PROGRAM ... BIDANG ...", "bidang" would pair everything with everything).
  std::unordered_map<std::uint32_t, std::size_t> programs_using;
  for (const Candidate& candidate : candidates) {
    std::set<std::uint32_t> used(candidate.title.begin(), candidate.title.end());
    for (const auto& words : candidate.indicators) {
      used.insert(words.begin(), words.end());
    }
    for (const std::uint32_t id : used) {
      ++programs_using[id];
    }
  }
  const std::size_t common = std::max<std::size_t>(4, candidates.size() / 4);
  auto drop_common = [&](std::vector<std::uint32_t>& words) {
    std::erase_if(words, [&](std::uint32_t id) { return programs_using[id] > common; });
  };
  for (Candidate& candidate : candidates) {
    drop_common(candidate.title);
    for (auto& words : candidate.indicators) {
      drop_common(words);
    }
  }

  for (std::size_t first = 0; first < candidates.size(); ++first) {
    for (std::size_t second = first + 1; second < candidates.size(); ++second) {
      const Candidate& a = candidates[first];
      const Candidate& b = candidates[second];
      if (a.node->agency_id == b.node->agency_id || a.node->code == b.node->code) {
        continue;
      }
      double share = 0;
      double best_share = 0;
      const std::vector<std::uint32_t>* left_words = nullptr;
      const std::vector<std::uint32_t>* right_words = nullptr;
      if (alike(a.title, b.title, 2, kSynergyTitleShare, share)) {
        best_share = share;
        left_words = &a.title;
        right_words = &b.title;
      }
      for (const auto& left : a.indicators) {
        for (const auto& right : b.indicators) {
          if (alike(left, right, 3, kSynergyIndicatorShare, share) && share > best_share) {
            best_share = share;
            left_words = &left;
            right_words = &right;
          }
        }
      }
      if (left_words == nullptr) {
        continue;
      }
      std::vector<std::uint32_t> shared;
      std::set_intersection(left_words->begin(), left_words->end(), right_words->begin(), right_words->end(),
                            std::back_inserter(shared));
      std::vector<std::string> shared_words;
      for (const std::uint32_t id : shared) {
        shared_words.push_back(vocabulary.word(id));
      }
      std::sort(shared_words.begin(), shared_words.end());
      std::string words;
      for (const std::string& word : shared_words) {
        words += (words.empty() ? "" : ", ") + word;
      }
      const ReportNode& left = a.node->code <= b.node->code ? *a.node : *b.node;
      const ReportNode& right = &left == a.node ? *b.node : *a.node;
      const std::string left_agency = index.agency(left.agency_id);
      const std::string right_agency = index.agency(right.agency_id);
      findings.push_back(Finding{
          FindingKind::synergy_hint,
          left.id,
          left.agency_id,
          "program " + left.code + " (" + left_agency + ") mirip program " + right.code + " (" +
              right_agency + "); kata yang sama: " + words + ". Pertimbangkan sinergi atau penggabungan.",
          "program " + left.code + " (" + left_agency + ") resembles program " + right.code + " (" +
              right_agency + "); shared words: " + words + ". Consider working together or merging.",
          {right.id}});
    }
  }
}

}  // namespace

std::string_view name(FindingKind kind) {
  switch (kind) {
    case FindingKind::mission_without_priority:
      return "mission_without_priority";
    case FindingKind::objective_without_program:
      return "objective_without_program";
    case FindingKind::unaligned_agency_objective:
      return "unaligned_agency_objective";
    case FindingKind::unaligned_program:
      return "unaligned_program";
    case FindingKind::unaligned_sub_activity:
      return "unaligned_sub_activity";
    case FindingKind::agency_not_connected:
      return "agency_not_connected";
    case FindingKind::weights:
      return "weights";
    case FindingKind::indicator_missing_target:
      return "indicator_missing_target";
    case FindingKind::indicator_missing_baseline:
      return "indicator_missing_baseline";
    case FindingKind::indicator_missing_source:
      return "indicator_missing_source";
    case FindingKind::synergy_hint:
      return "synergy_hint";
  }
  return "";
}

std::optional<FindingKind> parse_finding_kind(std::string_view text) {
  const std::string_view trimmed = trim_ascii_whitespace(text);
  for (const FindingKind kind : kFindingKinds) {
    if (name(kind) == trimmed) {
      return kind;
    }
  }
  return std::nullopt;
}

std::vector<Finding> alignment_findings(const std::vector<ReportNode>& nodes,
                                        const std::vector<AlignmentLink>& links,
                                        const std::vector<ReportIndicator>& indicators,
                                        const std::vector<ReportAgency>& agencies, const PlanPeriod& period) {
  Index index;
  index.position.reserve(nodes.size());
  for (std::size_t position = 0; position < nodes.size(); ++position) {
    index.position.emplace(nodes[position].id, position);
  }
  for (const ReportAgency& agency : agencies) {
    index.agency_codes.emplace(agency.id, agency.code);
  }

  std::vector<Finding> findings;
  auto add = [&](FindingKind kind, const ReportNode& node, std::string message_id, std::string message_en,
                 std::vector<std::int64_t> related = {}) {
    findings.push_back(Finding{kind, node.id, node.agency_id, std::move(message_id), std::move(message_en),
                               std::move(related)});
  };

  // Links up, and weights, from the pure alignment rules.
  std::vector<PlanNode> plain;
  plain.reserve(nodes.size());
  for (const ReportNode& node : nodes) {
    plain.push_back(PlanNode{node.id, node.kind, node.code, node.title});
  }
  for (AlignmentGap& gap : alignment_gaps(plain, links)) {
    const ReportNode& node = *index.find(nodes, gap.node);
    if (gap.kind == AlignmentGap::Kind::weights) {
      add(FindingKind::weights, node, std::move(gap.reason_id), std::move(gap.reason_en));
    } else if (node.kind == PlanNodeKind::region_mission || node.kind == PlanNodeKind::region_goal) {
      add(FindingKind::mission_without_priority, node, std::move(gap.reason_id), std::move(gap.reason_en));
    } else if (node.kind == PlanNodeKind::agency_objective) {
      add(FindingKind::unaligned_agency_objective, node, std::move(gap.reason_id), std::move(gap.reason_en));
    }
  }

  const auto reached_by_programs = objectives_reached_by_programs(nodes, links, index);
  const auto reaching = reaching_region_objectives(nodes, links, index);
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> targets_of;
  for (const AlignmentLink& link : links) {
    if (index.find(nodes, link.to) != nullptr) {
      targets_of[link.from].push_back(link.to);
    }
  }
  struct AgencyPrograms {
    std::int64_t nodes = 0;
    std::int64_t programs = 0;
    std::int64_t connected = 0;
  };
  std::unordered_map<std::int64_t, AgencyPrograms> per_agency;

  for (const ReportNode& node : nodes) {
    if (node.agency_id) {
      AgencyPrograms& counts = per_agency[*node.agency_id];
      ++counts.nodes;
      if (node.kind == PlanNodeKind::program) {
        ++counts.programs;
        counts.connected += reaching.count(node.id) > 0 ? 1 : 0;
      }
    }
    switch (node.kind) {
      case PlanNodeKind::region_objective:
        if (reached_by_programs.count(node.id) == 0) {
          add(FindingKind::objective_without_program, node,
              describe_id(node) + " belum didukung program perangkat daerah mana pun",
              "no agency program supports the " + describe_en(node));
        }
        break;
      case PlanNodeKind::program:
        if (reaching.count(node.id) == 0) {
          const auto found = targets_of.find(node.id);
          if (found == targets_of.end()) {
            add(FindingKind::unaligned_program, node,
                describe_id(node) + " belum diselaraskan ke sasaran perangkat daerah mana pun",
                "the " + describe_en(node) + " is not aligned to any agency objective");
          } else {
            std::string via;
            for (const std::int64_t target : found->second) {
              via += (via.empty() ? "" : ", ") + index.find(nodes, target)->code;
            }
            add(FindingKind::unaligned_program, node,
                describe_id(node) + " diselaraskan ke " + via +
                    ", tetapi jalurnya tidak sampai ke sasaran daerah",
                "the " + describe_en(node) + " is aligned to " + via +
                    ", but that path reaches no region objective",
                found->second);
          }
        }
        break;
      case PlanNodeKind::sub_activity:
        if (reaching.count(node.id) == 0) {
          const ReportNode* activity = node.parent_id ? index.find(nodes, *node.parent_id) : nullptr;
          const ReportNode* program =
              activity != nullptr && activity->parent_id ? index.find(nodes, *activity->parent_id) : nullptr;
          if (program != nullptr) {
            add(FindingKind::unaligned_sub_activity, node,
                describe_id(node) + " tidak terhubung ke sasaran daerah karena " + describe_id(*program) +
                    " tidak terhubung",
                "the " + describe_en(node) + " reaches no region objective because the " +
                    describe_en(*program) + " does not",
                {program->id});
          } else {
            add(FindingKind::unaligned_sub_activity, node,
                describe_id(node) + " tidak berada di bawah kegiatan dan program",
                "the " + describe_en(node) + " is not placed under an activity and a program");
          }
        }
        break;
      default:
        break;
    }
  }

  std::vector<const ReportAgency*> sorted_agencies;
  for (const ReportAgency& agency : agencies) {
    sorted_agencies.push_back(&agency);
  }
  std::sort(sorted_agencies.begin(), sorted_agencies.end(),
            [](const ReportAgency* a, const ReportAgency* b) { return a->code < b->code; });
  for (const ReportAgency* agency : sorted_agencies) {
    const auto found = per_agency.find(agency->id);
    const AgencyPrograms counts = found == per_agency.end() ? AgencyPrograms{} : found->second;
    std::string message_id;
    std::string message_en;
    if (counts.nodes == 0) {
      message_id = agency->code + " belum memiliki sasaran maupun program dalam rencana ini";
      message_en = agency->code + " has no objective and no program in this plan";
    } else if (counts.programs == 0) {
      message_id = agency->code + " belum memiliki program dalam rencana ini";
      message_en = agency->code + " has no program in this plan";
    } else if (counts.connected == 0) {
      message_id = "tidak satu pun dari " + std::to_string(counts.programs) + " program " + agency->code +
                   " terhubung ke sasaran daerah";
      message_en = "none of the " + std::to_string(counts.programs) + " programs of " + agency->code +
                   " reaches a region objective";
    } else {
      continue;
    }
    findings.push_back(Finding{FindingKind::agency_not_connected,
                               std::nullopt,
                               agency->id,
                               std::move(message_id),
                               std::move(message_en),
                               {}});
  }

  for (const ReportIndicator& indicator : indicators) {
    const ReportNode* node = index.find(nodes, indicator.node);
    if (node == nullptr) {
      continue;
    }
    std::vector<int> missing;
    for (int year = period.first_year; year <= period.last_year; ++year) {
      if (std::find(indicator.target_years.begin(), indicator.target_years.end(), year) ==
          indicator.target_years.end()) {
        missing.push_back(year);
      }
    }
    const std::string what_id = "indikator \"" + indicator.name + "\" (" + describe_id(*node) + ")";
    const std::string what_en = "the indicator \"" + indicator.name + "\" (" + describe_en(*node) + ")";
    if (indicator.target_years.empty()) {
      add(FindingKind::indicator_missing_target, *node, what_id + " belum memiliki target",
          what_en + " has no target");
    } else if (!missing.empty()) {
      add(FindingKind::indicator_missing_target, *node,
          what_id + " belum memiliki target tahun " + join_years(missing),
          what_en + " has no target for " + join_years(missing));
    }
    if (!indicator.has_baseline) {
      add(FindingKind::indicator_missing_baseline, *node, what_id + " belum memiliki nilai dasar (baseline)",
          what_en + " has no baseline");
    }
    if (!indicator.has_source) {
      add(FindingKind::indicator_missing_source, *node, what_id + " belum menyebut sumber data",
          what_en + " names no data source");
    }
  }

  synergy_hints(nodes, indicators, index, findings);

  // Sorted by kind, then code, on precomputed keys (a report may hold thousands of findings).
  struct Key {
    std::ptrdiff_t rank;
    std::string code;
    std::size_t position;
  };
  std::vector<Key> keys;
  keys.reserve(findings.size());
  for (std::size_t position = 0; position < findings.size(); ++position) {
    const Finding& finding = findings[position];
    keys.push_back(Key{
        std::find(std::begin(kFindingKinds), std::end(kFindingKinds), finding.kind) -
            std::begin(kFindingKinds),
        finding.node ? index.find(nodes, *finding.node)->code : index.agency(finding.agency_id), position});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.rank, a.code, a.position) < std::tie(b.rank, b.code, b.position);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (const Key& key : keys) {
    sorted.push_back(std::move(findings[key.position]));
  }
  return sorted;
}

}  // namespace sinergi::planning
