#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "contexts/organization/organization_service.h"
#include "core/date.h"
#include "core/result.h"
#include "platform/http/query_parameters.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/tabular/table.h"

// HTTP helpers shared by the organization context's routes: list parameters (paging,
// sorting, export format) and file downloads.

namespace sinergi::organization {

struct ListParameters {
  PageRequest page;
  std::optional<tabular::Format> export_format;  // format=csv|xlsx: the whole list as a file
};

// page (>= 1), page_size (1..100), sort (one of `sort_keys`, optionally with "-" in front),
// format (csv, xlsx). Problems are recorded in `parameters`. An export asks for every row
// (page_size 0).
ListParameters list_parameters(http::QueryParameters& parameters,
                               std::span<const std::string_view> sort_keys);

// The sheet as a download: "<stem>-<date>.csv|xlsx" with Content-Disposition attachment.
Result<http::Response> download_response(const tabular::Sheet& sheet, tabular::Format format,
                                         std::string_view file_stem, Date date);

}  // namespace sinergi::organization
