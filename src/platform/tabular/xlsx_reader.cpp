#include <charconv>
#include <map>
#include <string>
#include <vector>

#include "core/input_text.h"
#include "platform/tabular/internal.h"
#include "platform/tabular/table.h"
#include "platform/tabular/xlsx_values.h"
#include "platform/tabular/xml_reader.h"
#include "platform/tabular/zip_archive.h"

namespace sinergi::tabular {
namespace {

using detail::describe_bytes;
using detail::file_error;
using detail::find_attribute;
using detail::XmlHandler;

constexpr std::string_view kWorkbookPart = "xl/workbook.xml";
constexpr std::string_view kWorkbookRelationshipsPart = "xl/_rels/workbook.xml.rels";
constexpr std::string_view kPartDirectory = "xl/";

// Escapes shrink when decoded (7 bytes to at most 4): raw text is bounded loosely while it
// arrives, the decoded text exactly.
constexpr std::size_t kRawTextFactor = 2;

std::optional<std::size_t> parse_index(std::string_view text) {
  text = trim_ascii_whitespace(text);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

bool is_true(std::optional<std::string_view> value) {
  return value && (*value == "1" || *value == "true" || *value == "on");
}

// A relationship target resolved against the directory of the part that names it: relative
// ("worksheets/sheet1.xml"), absolute ("/xl/worksheets/sheet1.xml"), with "." and "..".
std::string resolve_part(std::string_view directory, std::string_view target) {
  const std::string joined =
      target.starts_with('/') ? std::string(target.substr(1)) : std::string(directory) + std::string(target);
  std::vector<std::string_view> segments;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment == "..") {
      if (!segments.empty()) {
        segments.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
  }
  std::string path;
  for (const std::string_view segment : segments) {
    if (!path.empty()) {
      path += '/';
    }
    path += segment;
  }
  return path;
}

Error cell_too_large(std::string_view cell, std::size_t limit) {
  const std::string quoted = excerpt_for_message(cell);
  return file_error(
      ErrorCode::FileLimitExceeded,
      "sel " + quoted + ": isi lebih dari " + describe_bytes(limit, Locale::indonesian),
      "cell " + quoted + ": the content is larger than " + describe_bytes(limit, Locale::english));
}

// xl/workbook.xml: the sheets in tab order and the date system.
class WorkbookHandler : public XmlHandler {
 public:
  struct SheetEntry {
    std::string name;
    std::string relationship_id;
    bool visible = true;
  };

  void start_element(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      date1904 = is_true(find_attribute(attributes, "date1904"));
    } else if (name == "sheet") {
      const std::optional<std::string_view> state = find_attribute(attributes, "state");
      sheets.push_back(SheetEntry{std::string(find_attribute(attributes, "name").value_or("")),
                                  std::string(find_attribute(attributes, "id").value_or("")),
                                  !state || *state == "visible"});
    }
  }
  void end_element(std::string_view /*name*/) override {}

  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

// xl/_rels/workbook.xml.rels: where the parts named by the workbook are.
class RelationshipsHandler : public XmlHandler {
 public:
  struct Relationship {
    std::string id;
    std::string type;
    std::string target;
  };

  void start_element(std::string_view name, const char** attributes) override {
    if (name != "Relationship" || find_attribute(attributes, "TargetMode").value_or("") == "External") {
      return;
    }
    relationships.push_back(Relationship{std::string(find_attribute(attributes, "Id").value_or("")),
                                         std::string(find_attribute(attributes, "Type").value_or("")),
                                         std::string(find_attribute(attributes, "Target").value_or(""))});
  }
  void end_element(std::string_view /*name*/) override {}

  // The part of the first relationship with this id, or of this type when `id` is empty.
  std::optional<std::string> find(std::string_view id, std::string_view type_suffix) const {
    for (const Relationship& relationship : relationships) {
      if ((id.empty() || relationship.id == id) && relationship.type.ends_with(type_suffix) &&
          !relationship.target.empty()) {
        return resolve_part(kPartDirectory, relationship.target);
      }
    }
    return std::nullopt;
  }

  std::vector<Relationship> relationships;
};

// xl/sharedStrings.xml: each <si> is plain <t> text or rich-text runs <r><t>, whose texts
// concatenate; phonetic runs <rPh> are not part of the text. Kept in one buffer, because a
// workbook may hold millions of them.
class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(std::size_t max_cell_bytes) : max_cell_bytes_(max_cell_bytes) {}

  void start_element(std::string_view name, const char** /*attributes*/) override {
    if (name == "si") {
      in_item_ = true;
      phonetic_depth_ = 0;
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && in_item_ && phonetic_depth_ == 0) {
      capturing_ = true;
    }
  }

  void end_element(std::string_view name) override {
    if (name == "t") {
      capturing_ = false;
    } else if (name == "rPh" && phonetic_depth_ > 0) {
      --phonetic_depth_;
    } else if (name == "si" && in_item_) {
      in_item_ = false;
      const std::string decoded = detail::decode_ooxml_escapes(current_);
      if (decoded.size() > max_cell_bytes_) {
        fail(too_large());
        return;
      }
      text_ += decoded;
      ends_.push_back(text_.size());
    }
  }

  void character_data(std::string_view text) override {
    if (!capturing_) {
      return;
    }
    current_ += text;
    if (current_.size() > max_cell_bytes_ * kRawTextFactor) {
      fail(too_large());
    }
  }

  std::size_t size() const { return ends_.size(); }
  std::string_view at(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }

 private:
  Error too_large() const {
    const std::string number = std::to_string(ends_.size());
    return file_error(
        ErrorCode::FileLimitExceeded,
        "teks bersama nomor " + number + " lebih besar dari " +
            describe_bytes(max_cell_bytes_, Locale::indonesian),
        "shared string " + number + " is larger than " + describe_bytes(max_cell_bytes_, Locale::english));
  }

  std::size_t max_cell_bytes_;
  bool in_item_ = false;
  bool capturing_ = false;
  std::size_t phonetic_depth_ = 0;
  std::string current_;
  std::string text_;
  std::vector<std::size_t> ends_;
};

// xl/styles.xml: which cell formats (<cellXfs><xf>, by index) show a date or time.
class StylesHandler : public XmlHandler {
 public:
  void start_element(std::string_view name, const char** attributes) override {
    if (name == "numFmts") {
      in_number_formats_ = true;
    } else if (name == "numFmt" && in_number_formats_) {
      const std::optional<std::size_t> id = parse_index(find_attribute(attributes, "numFmtId").value_or(""));
      if (id) {
        custom_is_date_[*id] =
            detail::is_date_format_code(find_attribute(attributes, "formatCode").value_or(""));
      }
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {
      format_ids_.push_back(parse_index(find_attribute(attributes, "numFmtId").value_or("0")).value_or(0));
    }
  }

  void end_element(std::string_view name) override {
    if (name == "cellXfs") {
      in_cell_formats_ = false;
    } else if (name == "numFmts") {
      in_number_formats_ = false;
    }
  }

  std::vector<bool> date_styles() const {
    std::vector<bool> dates;
    dates.reserve(format_ids_.size());
    for (const std::size_t id : format_ids_) {
      const auto custom = custom_is_date_.find(id);
      dates.push_back(custom != custom_is_date_.end() ? custom->second : detail::is_builtin_date_format(id));
    }
    return dates;
  }

 private:
  // Conditional formats (<dxfs>) carry <numFmt> elements too; only <numFmts> defines them.
  bool in_number_formats_ = false;
  bool in_cell_formats_ = false;
  std::map<std::size_t, bool> custom_is_date_;
  std::vector<std::size_t> format_ids_;
};

// The worksheet: <sheetData><row r><c r t s><v>|<is>... into a TableBuilder.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const SharedStringsHandler& shared_strings, std::vector<bool> date_styles, bool date1904,
               const ReadLimits& limits)
      : shared_strings_(shared_strings),
        date_styles_(std::move(date_styles)),
        date1904_(date1904),
        limits_(limits),
        builder_(limits) {}

  void start_element(std::string_view name, const char** attributes) override {
    if (name == "sheetData") {
      in_sheet_data_ = true;
      return;
    }
    if (!in_sheet_data_) {
      return;
    }
    if (name == "row") {
      start_row(attributes);
    } else if (name == "c" && in_row_) {
      start_cell(attributes);
    } else if (in_cell_) {
      start_cell_part(name);
    }
  }

  void end_element(std::string_view name) override {
    if (name == "sheetData") {
      in_sheet_data_ = false;
    } else if (name == "row" && in_row_) {
      finish_row();
    } else if (name == "c" && in_cell_) {
      finish_cell();
    } else if (name == "v" || name == "t") {
      capture_ = Capture::none;
    } else if (name == "is") {
      in_inline_string_ = false;
    } else if (name == "rPh" && phonetic_depth_ > 0) {
      --phonetic_depth_;
    }
  }

  void character_data(std::string_view text) override {
    if (capture_ == Capture::none) {
      return;
    }
    std::string& target = capture_ == Capture::value ? value_ : inline_text_;
    target += text;
    if (target.size() > limits_.max_cell_bytes * kRawTextFactor) {
      fail(cell_too_large(cell_name(), limits_.max_cell_bytes));
    }
  }

  Table finish() && { return std::move(builder_).finish(); }

 private:
  enum class Capture { none, value, inline_text };
  enum class CellType { number, shared_string, inline_string, formula_string, boolean, error, iso_date };

  static CellType cell_type(std::string_view type) {
    if (type == "s") {
      return CellType::shared_string;
    }
    if (type == "inlineStr") {
      return CellType::inline_string;
    }
    if (type == "str") {
      return CellType::formula_string;
    }
    if (type == "b") {
      return CellType::boolean;
    }
    if (type == "e") {
      return CellType::error;
    }
    if (type == "d") {
      return CellType::iso_date;
    }
    return CellType::number;
  }

  void start_cell_part(std::string_view name) {
    if (name == "v") {
      capture_ = Capture::value;
    } else if (name == "is") {
      in_inline_string_ = true;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && in_inline_string_ && phonetic_depth_ == 0) {
      capture_ = Capture::inline_text;
    }
  }

  void start_row(const char** attributes) {
    const std::optional<std::string_view> reference = find_attribute(attributes, "r");
    if (reference) {
      const std::optional<std::size_t> number = detail::parse_row_number(*reference);
      if (!number) {
        const std::string quoted = excerpt_for_message(*reference);
        fail(file_error(ErrorCode::UnreadableFile, "nomor baris '" + quoted + "' tidak sah",
                        "invalid row number '" + quoted + "'"));
        return;
      }
      row_number_ = *number;
    } else {
      row_number_ = last_row_number_ + 1;
    }
    in_row_ = true;
    cells_.clear();
    next_column_ = 0;
  }

  void finish_row() {
    in_row_ = false;
    last_row_number_ = row_number_;
    Result<void> added = builder_.add_row(std::move(cells_), row_number_);
    cells_.clear();
    if (!added.ok()) {
      fail(added.release_error());
    }
  }

  void start_cell(const char** attributes) {
    const std::optional<std::string_view> reference = find_attribute(attributes, "r");
    reference_.clear();
    if (reference) {
      const std::optional<detail::CellPosition> position = detail::parse_cell_reference(*reference);
      if (!position) {
        const std::string quoted = excerpt_for_message(*reference);
        fail(file_error(ErrorCode::UnreadableFile, "referensi sel '" + quoted + "' tidak sah",
                        "invalid cell reference '" + quoted + "'"));
        return;
      }
      column_ = position->column;
      reference_ = std::string(*reference);
    } else if (next_column_ >= detail::kExcelMaxColumns) {
      fail(file_error(ErrorCode::UnreadableFile,
                      "baris " + std::to_string(row_number_) + ": terlalu banyak sel",
                      "row " + std::to_string(row_number_) + ": too many cells"));
      return;
    } else {
      column_ = next_column_;
    }
    type_ = cell_type(find_attribute(attributes, "t").value_or("n"));
    style_ = parse_index(find_attribute(attributes, "s").value_or("0")).value_or(0);
    value_.clear();
    inline_text_.clear();
    in_cell_ = true;
    in_inline_string_ = false;
    phonetic_depth_ = 0;
    capture_ = Capture::none;
  }

  void finish_cell() {
    in_cell_ = false;
    capture_ = Capture::none;
    next_column_ = column_ + 1;
    Result<std::string> text = cell_text();
    if (!text.ok()) {
      fail(text.release_error());
      return;
    }
    if (text->empty()) {
      return;
    }
    if (text->size() > limits_.max_cell_bytes) {
      fail(cell_too_large(cell_name(), limits_.max_cell_bytes));
      return;
    }
    if (column_ >= limits_.max_columns) {
      const std::string quoted = excerpt_for_message(cell_name());
      const std::string limit = std::to_string(limits_.max_columns);
      fail(file_error(ErrorCode::FileLimitExceeded,
                      "sel " + quoted + " berada di luar " + limit + " kolom yang diizinkan",
                      "cell " + quoted + " lies beyond the " + limit + " allowed columns"));
      return;
    }
    if (cells_.size() <= column_) {
      cells_.resize(column_ + 1);
    }
    cells_[column_] = text.release_value();
  }

  Result<std::string> cell_text() {
    const std::string_view value = trim_ascii_whitespace(value_);
    switch (type_) {
      case CellType::shared_string: {
        if (value.empty()) {
          return std::string();
        }
        const std::optional<std::size_t> index = parse_index(value);
        if (!index || *index >= shared_strings_.size()) {
          const std::string cell = excerpt_for_message(cell_name());
          const std::string quoted = excerpt_for_message(value);
          return file_error(ErrorCode::UnreadableFile,
                            "sel " + cell + ": teks bersama nomor " + quoted + " tidak ada",
                            "cell " + cell + ": shared string " + quoted + " does not exist");
        }
        return std::string(shared_strings_.at(*index));
      }
      case CellType::inline_string:
        return detail::decode_ooxml_escapes(inline_text_);
      case CellType::formula_string:
        return detail::decode_ooxml_escapes(value_);
      case CellType::boolean:
        if (value == "1" || value == "0") {
          return std::string(value == "1" ? "TRUE" : "FALSE");
        }
        return std::string(value);
      case CellType::error:
        if (!value.empty()) {
          const std::string quoted = excerpt_for_message(value);
          warn("sel berisi galat Excel " + quoted, "the cell holds the Excel error " + quoted);
        }
        return std::string(value);
      case CellType::iso_date:
        return std::string(value);
      case CellType::number:
        return number_text(value);
    }
    return std::string(value);
  }

  std::string number_text(std::string_view value) {
    if (value.empty()) {
      return std::string();
    }
    if (style_ < date_styles_.size() && date_styles_[style_]) {
      double serial = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), serial);
      if (error == std::errc() && end == value.data() + value.size()) {
        std::optional<std::string> date = detail::format_excel_date(serial, date1904_);
        if (date) {
          return std::move(*date);
        }
      }
    }
    std::optional<detail::NumberText> number = detail::format_number(value);
    if (!number) {
      return std::string(value);
    }
    if (number->more_than_15_digits) {
      warn("angka lebih dari 15 digit kehilangan presisi di Excel; format kolom sebagai Teks",
           "a number of more than 15 digits loses precision in Excel; format the column as Text");
    }
    return std::move(number->text);
  }

  void warn(std::string message_id, std::string message_en) {
    builder_.add_warning(CellWarning{row_number_, column_, std::move(message_id), std::move(message_en)});
  }

  std::string cell_name() const {
    return reference_.empty() ? detail::column_name(column_) + std::to_string(row_number_) : reference_;
  }

  const SharedStringsHandler& shared_strings_;
  std::vector<bool> date_styles_;
  bool date1904_;
  ReadLimits limits_;
  detail::TableBuilder builder_;

  bool in_sheet_data_ = false;
  bool in_row_ = false;
  std::size_t row_number_ = 0;
  std::size_t last_row_number_ = 0;
  std::vector<std::string> cells_;
  std::size_t next_column_ = 0;

  bool in_cell_ = false;
  std::size_t column_ = 0;
  std::string reference_;
  CellType type_ = CellType::number;
  std::size_t style_ = 0;
  std::string value_;
  std::string inline_text_;
  bool in_inline_string_ = false;
  std::size_t phonetic_depth_ = 0;
  Capture capture_ = Capture::none;
};

// The part of the first visible worksheet (the first worksheet when all are hidden).
Result<std::string> first_worksheet(const WorkbookHandler& workbook,
                                    const RelationshipsHandler& relationships,
                                    const detail::ZipArchive& archive) {
  if (workbook.sheets.empty()) {
    return file_error(ErrorCode::UnreadableFile, "spreadsheet tidak memiliki lembar kerja",
                      "the spreadsheet has no worksheet");
  }
  const WorkbookHandler::SheetEntry* chosen = nullptr;
  std::optional<std::string> part;
  for (const bool visible_only : {true, false}) {
    for (const WorkbookHandler::SheetEntry& sheet : workbook.sheets) {
      if ((visible_only && !sheet.visible) || sheet.relationship_id.empty()) {
        continue;
      }
      part = relationships.find(sheet.relationship_id, "/worksheet");
      if (part) {
        chosen = &sheet;
        break;
      }
    }
    if (chosen != nullptr) {
      break;
    }
  }
  if (chosen == nullptr) {
    // Without usable relationships, the name every producer uses.
    std::string conventional = "xl/worksheets/sheet1.xml";
    if (archive.contains(conventional)) {
      return conventional;
    }
    return file_error(ErrorCode::UnreadableFile,
                      "spreadsheet tidak memiliki lembar kerja yang dapat dibaca (hubungan di " +
                          std::string(kWorkbookRelationshipsPart) + " tidak ada)",
                      "the spreadsheet has no readable worksheet (the relationships in " +
                          std::string(kWorkbookRelationshipsPart) + " are missing)");
  }
  if (!archive.contains(*part)) {
    const std::string name = excerpt_for_message(chosen->name);
    const std::string quoted_part = excerpt_for_message(*part, 80);
    return file_error(ErrorCode::UnreadableFile,
                      "lembar kerja '" + name + "' tidak ada di dalam berkas (" + quoted_part + ")",
                      "the worksheet '" + name + "' is missing from the file (" + quoted_part + ")");
  }
  return std::move(*part);
}

// The part of the given relationship type, or the conventional name when it exists.
std::optional<std::string> optional_part(const RelationshipsHandler& relationships,
                                         std::string_view type_suffix, const std::string& conventional,
                                         const detail::ZipArchive& archive) {
  std::optional<std::string> part = relationships.find("", type_suffix);
  if (part && archive.contains(*part)) {
    return part;
  }
  if (archive.contains(conventional)) {
    return conventional;
  }
  return std::nullopt;
}

}  // namespace

Result<Table> read_xlsx(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return detail::input_too_large(limits);
  }
  detail::ZipArchive archive = TRY(detail::ZipArchive::open(bytes, limits));
  const std::string workbook_part(kWorkbookPart);
  if (!archive.contains(workbook_part)) {
    return file_error(ErrorCode::UnreadableFile,
                      "berkas bukan spreadsheet XLSX: " + workbook_part + " tidak ada",
                      "the file is not an XLSX spreadsheet: " + workbook_part + " is missing");
  }
  WorkbookHandler workbook;
  TRY(detail::parse_xml_entry(archive, workbook_part, workbook));
  RelationshipsHandler relationships;
  const std::string relationships_part(kWorkbookRelationshipsPart);
  if (archive.contains(relationships_part)) {
    TRY(detail::parse_xml_entry(archive, relationships_part, relationships));
  }
  const std::string sheet_part = TRY(first_worksheet(workbook, relationships, archive));

  SharedStringsHandler shared_strings(limits.max_cell_bytes);
  const std::optional<std::string> shared_strings_part =
      optional_part(relationships, "/sharedStrings", "xl/sharedStrings.xml", archive);
  if (shared_strings_part) {
    TRY(detail::parse_xml_entry(archive, *shared_strings_part, shared_strings));
  }
  StylesHandler styles;
  const std::optional<std::string> styles_part =
      optional_part(relationships, "/styles", "xl/styles.xml", archive);
  if (styles_part) {
    TRY(detail::parse_xml_entry(archive, *styles_part, styles));
  }

  SheetHandler sheet(shared_strings, styles.date_styles(), workbook.date1904, limits);
  TRY(detail::parse_xml_entry(archive, sheet_part, sheet));
  return std::move(sheet).finish();
}

}  // namespace sinergi::tabular
