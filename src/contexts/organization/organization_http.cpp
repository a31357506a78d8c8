#include "contexts/organization/organization_http.h"

#include <limits>

#include "platform/http/spreadsheet_http.h"

namespace sinergi::organization {

ListParameters list_parameters(http::QueryParameters& parameters,
                               std::span<const std::string_view> sort_keys) {
  ListParameters list;
  list.page.page = parameters.integer("page", 1, 1, std::numeric_limits<std::int32_t>::max());
  list.page.page_size = parameters.integer("page_size", 20, 1, 100);
  if (auto sort = parameters.text("sort", 40)) {
    std::string_view key = *sort;
    if (key.starts_with('-')) {
      key.remove_prefix(1);
    }
    if (std::find(sort_keys.begin(), sort_keys.end(), key) == sort_keys.end()) {
      std::string allowed;
      for (std::string_view option : sort_keys) {
        allowed += (allowed.empty() ? "" : ", ") + std::string(option);
      }
      parameters.refuse("sort",
                        "harus salah satu dari: " + allowed + " (awali dengan - untuk urutan menurun)",
                        "must be one of: " + allowed + " (prefix - for descending)");
    } else {
      list.page.sort = *sort;
    }
  }
  static constexpr std::string_view kFormats[] = {"json", "csv", "xlsx"};
  std::string format = parameters.one_of("format", kFormats, "json");
  if (format == "csv") {
    list.export_format = tabular::Format::csv;
  } else if (format == "xlsx") {
    list.export_format = tabular::Format::xlsx;
  }
  if (list.export_format) {
    list.page.page = 1;
    list.page.page_size = 0;
  }
  return list;
}

Result<http::Response> download_response(const tabular::Sheet& sheet, tabular::Format format,
                                         std::string_view file_stem, Date date) {
  return http::sheet_download(sheet, format, file_stem, date);
}

}  // namespace sinergi::organization
