#include "platform/tabular/zip_builder.h"

#include <zip.h>

#include <stdexcept>

namespace sinergi::tabular::testing {

std::string make_zip(const std::vector<ZipEntry>& entries, bool deflate) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    throw std::runtime_error("zip_open_from_source failed");
  }
  zip_source_keep(buffer);
  for (const ZipEntry& entry : entries) {
    zip_source_t* source = zip_source_buffer(archive, entry.content.data(), entry.content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) {
      throw std::runtime_error("zip_file_add failed");
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, deflate ? 9 : 0);
  }
  if (zip_close(archive) != 0) {
    throw std::runtime_error("zip_close failed");
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  std::string bytes;
  if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
    bytes.resize(stat.size);
    const zip_int64_t read = zip_source_read(buffer, bytes.data(), bytes.size());
    bytes.resize(read < 0 ? 0 : static_cast<std::size_t>(read));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

std::string read_zip_entry(std::string_view zip, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip.data(), zip.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    throw std::runtime_error("not a zip");
  }
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (file == nullptr) {
    zip_discard(archive);
    throw std::runtime_error("no entry " + name);
  }
  std::string content;
  std::string buffer(65536, '\0');
  zip_int64_t count = 0;
  while ((count = zip_fread(file, buffer.data(), buffer.size())) > 0) {
    content.append(buffer.data(), static_cast<std::size_t>(count));
  }
  zip_fclose(file);
  zip_discard(archive);
  return content;
}

std::string workbook_xml(std::string_view workbook_properties) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
         R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
         std::string(workbook_properties) +
         R"(<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
}

std::string workbook_relationships_xml() {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
         R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
         R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
         R"(</Relationships>)";
}

std::string content_types_xml() {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
         R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
}

std::string worksheet_xml(std::string_view sheet_data) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         std::string(sheet_data) + "</sheetData></worksheet>";
}

std::string make_xlsx(const XlsxParts& parts) {
  std::vector<ZipEntry> entries = {
      {"[Content_Types].xml", content_types_xml()},
      {"xl/workbook.xml", workbook_xml(parts.workbook_properties)},
      {"xl/_rels/workbook.xml.rels", workbook_relationships_xml()},
      {"xl/worksheets/sheet1.xml", worksheet_xml(parts.sheet_data)},
  };
  if (!parts.shared_strings.empty()) {
    entries.push_back({"xl/sharedStrings.xml",
                       R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
                           parts.shared_strings + "</sst>"});
  }
  if (!parts.styles.empty()) {
    entries.push_back({"xl/styles.xml", parts.styles});
  }
  return make_zip(entries);
}

}  // namespace sinergi::tabular::testing
