#pragma once

#include "contexts/planning/planning_service.h"
#include "platform/tabular/table.h"

// Spreadsheets of the planning cascade: the whole plan, one row per node and indicator, and
// the alignment report's findings.

namespace sinergi::planning {

// One row per indicator of every node (a node without indicators gets one row of its own), in
// the plan's node order, with the node's level, code, title, agency, parent, alignment targets
// (codes) and the indicator's polarity, baseline, targets per plan year and data source.
tabular::Sheet cascade_sheet(const Cascade& cascade);

tabular::Sheet findings_sheet(const AlignmentReportPage& report, Locale locale);

}  // namespace sinergi::planning
