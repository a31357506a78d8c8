#include "contexts/planning/planning.h"

#include <cctype>

#include "core/input_text.h"

namespace sinergi::planning {
namespace {

bool same_code(std::string_view text, std::string_view code) {
  const std::string_view trimmed = trim_ascii_whitespace(text);
  if (trimmed.size() != code.size()) {
    return false;
  }
  for (std::size_t index = 0; index < code.size(); ++index) {
    if (std::tolower(static_cast<unsigned char>(trimmed[index])) != code[index]) {
      return false;
    }
  }
  return true;
}

// The value among `values` whose name() is `text`.
template <typename Enum, std::size_t Count>
std::optional<Enum> parse_by_name(std::string_view text, const std::array<Enum, Count>& values) {
  for (const Enum value : values) {
    if (same_code(text, name(value))) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<PlanNodeKind> parse_plan_node_kind(std::string_view text) {
  return parse_by_name(
      text,
      std::array{PlanNodeKind::national_priority, PlanNodeKind::region_mission, PlanNodeKind::region_goal,
                 PlanNodeKind::region_objective, PlanNodeKind::agency_goal, PlanNodeKind::agency_objective,
                 PlanNodeKind::program, PlanNodeKind::activity, PlanNodeKind::sub_activity});
}

std::string_view name(PlanKind kind) {
  return kind == PlanKind::rpjmd ? "rpjmd" : "rpd";
}
std::optional<PlanKind> parse_plan_kind(std::string_view text) {
  return parse_by_name(text, std::array{PlanKind::rpjmd, PlanKind::rpd});
}

std::string_view name(PlanStatus status) {
  return status == PlanStatus::draft ? "draft" : "adopted";
}
std::optional<PlanStatus> parse_plan_status(std::string_view text) {
  return parse_by_name(text, std::array{PlanStatus::draft, PlanStatus::adopted});
}

std::string_view name(DataSourceKind kind) {
  switch (kind) {
    case DataSourceKind::bps:
      return "bps";
    case DataSourceKind::planning_agency:
      return "planning_agency";
    case DataSourceKind::sector_system:
      return "sector_system";
    case DataSourceKind::agency:
      return "agency";
  }
  return "agency";
}
std::optional<DataSourceKind> parse_data_source_kind(std::string_view text) {
  return parse_by_name(text, std::array{DataSourceKind::bps, DataSourceKind::planning_agency,
                                        DataSourceKind::sector_system, DataSourceKind::agency});
}

std::string_view name(PlanVersionKind kind) {
  return kind == PlanVersionKind::adoption ? "adoption" : "revision";
}
std::optional<PlanVersionKind> parse_plan_version_kind(std::string_view text) {
  return parse_by_name(text, std::array{PlanVersionKind::adoption, PlanVersionKind::revision});
}

std::string_view name(RevisionStatus status) {
  switch (status) {
    case RevisionStatus::proposed:
      return "proposed";
    case RevisionStatus::approved:
      return "approved";
    case RevisionStatus::rejected:
      return "rejected";
  }
  return "proposed";
}
std::optional<RevisionStatus> parse_revision_status(std::string_view text) {
  return parse_by_name(
      text, std::array{RevisionStatus::proposed, RevisionStatus::approved, RevisionStatus::rejected});
}

}  // namespace sinergi::planning
