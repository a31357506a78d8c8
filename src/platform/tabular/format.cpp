#include <array>
#include <string>

#include "core/input_text.h"
#include "platform/tabular/internal.h"
#include "platform/tabular/table.h"

namespace sinergi::tabular {
namespace {

using detail::ends_with_ignoring_ascii_case;
using detail::equals_ignoring_ascii_case;
using detail::file_error;

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0";

constexpr std::array kCsvContentTypes = {
    std::string_view("text/csv"),
    std::string_view("text/plain"),
    std::string_view("application/csv"),
    std::string_view("text/x-csv"),
    std::string_view("text/comma-separated-values"),
};

// "Text/CSV; charset=utf-8" -> "Text/CSV".
std::string_view media_type(std::string_view content_type) {
  return trim_ascii_whitespace(content_type.substr(0, content_type.find(';')));
}

bool is_csv_content_type(std::string_view type) {
  for (std::string_view candidate : kCsvContentTypes) {
    if (equals_ignoring_ascii_case(type, candidate)) {
      return true;
    }
  }
  return false;
}

// UTF-8 text without NUL bytes (a UTF-8 BOM allowed).
bool looks_like_text(std::string_view bytes) {
  return bytes.find('\0') == std::string_view::npos &&
         detail::find_invalid_utf8(bytes) == std::string_view::npos;
}

Error save_as_xlsx_or_csv(std::string_view what_id, std::string_view what_en) {
  return file_error(ErrorCode::UnsupportedFileFormat,
                    std::string(what_id) + " tidak didukung; simpan sebagai .xlsx atau CSV",
                    std::string(what_en) + " is not supported; save it as .xlsx or CSV");
}

}  // namespace

Result<Format> detect_format(std::string_view bytes, std::string_view content_type,
                             std::string_view file_name) {
  if (bytes.starts_with(kZipMagic)) {
    return Format::xlsx;
  }
  if (bytes.starts_with(kOleMagic)) {
    return save_as_xlsx_or_csv("berkas Excel lama (.xls) atau berkas Office yang dilindungi kata sandi",
                               "an old Excel file (.xls) or a password-protected Office file");
  }
  if (ends_with_ignoring_ascii_case(file_name, ".xls")) {
    return save_as_xlsx_or_csv("berkas .xls", "an .xls file");
  }
  if (ends_with_ignoring_ascii_case(file_name, ".xlsx")) {
    const std::string name = excerpt_for_message(file_name);
    return file_error(
        ErrorCode::UnsupportedFileFormat,
        "berkas '" + name + "' bernama .xlsx tetapi isinya bukan XLSX; simpan ulang dari Excel",
        "the file '" + name + "' is named .xlsx but is not XLSX inside; save it again from Excel");
  }
  const std::string_view type = media_type(content_type);
  if (equals_ignoring_ascii_case(type, tabular::content_type(Format::xlsx))) {
    return file_error(ErrorCode::UnsupportedFileFormat,
                      "berkas dikirim sebagai XLSX tetapi isinya bukan XLSX; simpan ulang dari Excel",
                      "the file was sent as XLSX but is not XLSX inside; save it again from Excel");
  }
  if (is_csv_content_type(type) || ends_with_ignoring_ascii_case(file_name, ".csv")) {
    return Format::csv;
  }
  if ((type.empty() || equals_ignoring_ascii_case(type, "application/octet-stream")) &&
      looks_like_text(bytes)) {
    return Format::csv;
  }
  if (type.empty()) {
    const std::string name = excerpt_for_message(file_name);
    return file_error(ErrorCode::UnsupportedFileFormat,
                      "berkas '" + name + "' bukan CSV atau XLSX; unggah CSV atau XLSX",
                      "the file '" + name + "' is neither CSV nor XLSX; upload CSV or XLSX");
  }
  const std::string quoted_type = excerpt_for_message(type);
  return file_error(ErrorCode::UnsupportedFileFormat,
                    "jenis berkas '" + quoted_type + "' tidak didukung; unggah CSV atau XLSX",
                    "the file type '" + quoted_type + "' is not supported; upload CSV or XLSX");
}

Result<Table> read_table(std::string_view bytes, Format format, const ReadLimits& limits) {
  return format == Format::xlsx ? read_xlsx(bytes, limits) : read_csv(bytes, limits);
}

std::string_view content_type(Format format) {
  return format == Format::xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                : "text/csv; charset=utf-8";
}

}  // namespace sinergi::tabular
