#pragma once

#include <string>

#include "contexts/performance/realization_service.h"

// The reports of an agency's performance, from its scorecard: the quarterly monitoring table
// (targets TW I-IV, realization, achievement, predicate, factors; RULES.md section 6) and the
// yearly accountability summary in the manner of an LKjIP, each as PDF or XLSX.

namespace sinergi::performance {

enum class ReportFormat { pdf, xlsx };

struct ReportFile {
  std::string bytes;
  std::string content_type;
  std::string file_name;
};

Result<ReportFile> monitoring_report(const Scorecard& card, ReportFormat format, Locale locale);
Result<ReportFile> accountability_report(const Scorecard& card, ReportFormat format, Locale locale);

}  // namespace sinergi::performance
