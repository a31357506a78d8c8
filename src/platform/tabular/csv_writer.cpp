#include <algorithm>
#include <string>

#include "platform/tabular/table.h"

namespace sinergi::tabular {
namespace {

// OWASP "CSV injection": spreadsheet programs run a cell that starts with one of these as a
// formula.
bool starts_like_formula(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  const char first = text.front();
  return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
}

// RFC 4180 needs quotes around commas, quotes and line breaks; semicolons and tabs are
// quoted too, so a reader that guesses the delimiter (Excel in an Indonesian locale, or
// read_csv) is not misled by them.
bool needs_quotes(std::string_view text) {
  return text.find_first_of(",\"\r\n;\t") != std::string_view::npos;
}

void append_text(std::string& out, std::string_view text) {
  std::string value;
  if (starts_like_formula(text)) {
    value = "'";
  }
  value.append(text);
  if (!needs_quotes(value)) {
    out += value;
    return;
  }
  out += '"';
  for (char character : value) {
    if (character == '"') {
      out += '"';
    }
    out += character;
  }
  out += '"';
}

struct CellWriter {
  std::string& out;
  void operator()(std::monostate /*empty*/) const {}
  void operator()(const std::string& text) const { append_text(out, text); }
  void operator()(std::int64_t number) const { out += std::to_string(number); }
};

}  // namespace

std::string write_csv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  if (!sheet.header.empty()) {
    for (std::size_t column = 0; column < sheet.header.size(); ++column) {
      if (column > 0) {
        out += ',';
      }
      append_text(out, sheet.header[column]);
    }
    out += "\r\n";
  }
  // Every record gets as many fields as the header (RFC 4180), more only when it has more.
  for (const std::vector<Cell>& row : sheet.rows) {
    const std::size_t width = std::max(row.size(), sheet.header.size());
    for (std::size_t column = 0; column < width; ++column) {
      if (column > 0) {
        out += ',';
      }
      if (column < row.size()) {
        std::visit(CellWriter{out}, row[column]);
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace sinergi::tabular
