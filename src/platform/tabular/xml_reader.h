#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"
#include "platform/tabular/zip_archive.h"

namespace sinergi::tabular::detail {

// Receives the events of one XML part. Element and attribute names arrive as local names
// (namespace and prefix removed), so "x:row" in a prefixed document reads as "row".
class XmlHandler {
 public:
  XmlHandler() = default;
  XmlHandler(const XmlHandler&) = delete;
  XmlHandler& operator=(const XmlHandler&) = delete;
  virtual ~XmlHandler() = default;

  // `attributes`: expat's array of name, value pairs ending with a null name.
  virtual void start_element(std::string_view name, const char** attributes) = 0;
  virtual void end_element(std::string_view name) = 0;
  virtual void character_data(std::string_view /*text*/) {}

  // A handler that finds a problem records it here; parsing stops at once. The first wins.
  void fail(Error error) {
    if (!error_) {
      error_ = std::move(error);
    }
  }
  bool failed() const { return error_.has_value(); }
  Error take_error() { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

// The value of the attribute whose local name is `name`, if any.
std::optional<std::string_view> find_attribute(const char** attributes, std::string_view name);

// Streams the entry through expat into `handler` as it is inflated. A DOCTYPE is refused
// (no entity declarations, so no entity expansion), as is XML that is not well-formed;
// both are UnreadableFile naming the entry. The handler's own error comes back as it is.
Result<void> parse_xml_entry(ZipArchive& archive, const std::string& entry, XmlHandler& handler);

}  // namespace sinergi::tabular::detail
