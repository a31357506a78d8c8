// Type sniffing of uploaded evidence: the bytes decide, the name may only agree.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/input_text.h"
#include "platform/files/content_store.h"

namespace sinergi::files {
namespace {

constexpr std::string_view kPdfMagic = "%PDF-";
constexpr std::string_view kPngMagic = "\x89PNG\r\n\x1A\n";
constexpr std::string_view kJpegMagic = "\xFF\xD8\xFF";
constexpr std::string_view kZipLocalHeaderMagic = "PK\x03\x04";

struct TypeNames {
  std::string_view display;                    // as shown in messages
  std::array<std::string_view, 2> extensions;  // accepted name endings, lower case; "" = unused slot
};

TypeNames names_of(MediaType type) {
  switch (type) {
    case MediaType::pdf:
      return {"PDF", {"pdf", ""}};
    case MediaType::jpeg:
      return {"JPEG", {"jpg", "jpeg"}};
    case MediaType::png:
      return {"PNG", {"png", ""}};
    case MediaType::xlsx:
      return {"XLSX", {"xlsx", ""}};
    case MediaType::docx:
      return {"DOCX", {"docx", ""}};
    case MediaType::csv:
      return {"CSV", {"csv", ""}};
  }
  return {"PDF", {"pdf", ""}};
}

// The extension of the last path component in lower case ("" when there is none). Browsers
// may send a full path such as "C:\fakepath\laporan.PDF"; only its end counts.
std::string lower_extension(std::string_view file_name) {
  const std::size_t separator = file_name.find_last_of("/\\");
  const std::string_view base =
      separator == std::string_view::npos ? file_name : file_name.substr(separator + 1);
  const std::size_t dot = base.rfind('.');
  return dot == std::string_view::npos ? std::string() : lower_ascii(base.substr(dot + 1));
}

bool has_extension_of(const std::string& file_extension, MediaType type) {
  for (std::string_view accepted : names_of(type).extensions) {
    if (!accepted.empty() && file_extension == accepted) {
      return true;
    }
  }
  return false;
}

Error not_allowed(std::string_view file_name, std::string reason_id, std::string reason_en) {
  return Error::with_fields(ErrorCode::EvidenceTypeNotAllowed,
                            {FieldError{"file", std::move(reason_id), std::move(reason_en)}},
                            {excerpt_for_message(file_name)});
}

std::uint32_t little_endian(std::string_view bytes, std::size_t position, std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t index = width; index > 0; --index) {
    value = (value << 8U) | static_cast<unsigned char>(bytes[position + index - 1]);
  }
  return value;
}

// True when a ZIP archive holds an entry whose name starts with `prefix` (ASCII case ignored,
// as OPC part names are case-insensitive). Walks the local file headers from the start, which
// needs no inflating: signature (4), version (2), flags (2), method (2), time (2), date (2),
// CRC-32 (4), compressed size (4), uncompressed size (4), name length (2), extra length (2), name.
bool zip_has_entry_under(std::string_view bytes, std::string_view prefix) {
  constexpr std::size_t kHeaderSize = 30;
  constexpr std::uint32_t kDataDescriptorFlag = 0x08;
  constexpr std::uint32_t kZip64Size = 0xFFFFFFFF;
  std::size_t position = 0;
  // Every step moves forward by at least a header, so the walk ends.
  while (position + kHeaderSize <= bytes.size() && bytes.substr(position, 4) == kZipLocalHeaderMagic) {
    const std::uint32_t flags = little_endian(bytes, position + 6, 2);
    const std::uint64_t compressed_size = little_endian(bytes, position + 18, 4);
    const std::size_t name_length = little_endian(bytes, position + 26, 2);
    const std::size_t extra_length = little_endian(bytes, position + 28, 2);
    const std::size_t name_start = position + kHeaderSize;
    if (name_start + name_length > bytes.size()) {
      return false;
    }
    if (lower_ascii(bytes.substr(name_start, std::min(name_length, prefix.size()))) == prefix) {
      return true;
    }
    const std::size_t data_start = name_start + name_length + extra_length;
    if ((flags & kDataDescriptorFlag) != 0 || compressed_size == kZip64Size) {
      // The size is not in this header (streamed writers such as Apache POI put it in a data
      // descriptor after the data; ZIP64 in the extra field): look for the next header instead.
      // A false match inside compressed data can only cost a refusal, never a wrong type.
      position = bytes.find(kZipLocalHeaderMagic, data_start);
      if (position == std::string_view::npos) {
        return false;
      }
    } else {
      position = data_start + compressed_size;
    }
  }
  return false;
}

bool is_utf8_text_without_nul(std::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t length = utf8_sequence_length(bytes);
    if (length == 0 || bytes.front() == '\0') {
      return false;
    }
    bytes.remove_prefix(length);
  }
  return true;
}

// The type the magic number announces, if any (ZIP is not a type of its own: see sniff).
std::optional<MediaType> type_from_magic(std::string_view bytes) {
  if (bytes.starts_with(kPdfMagic)) {
    return MediaType::pdf;
  }
  if (bytes.starts_with(kPngMagic)) {
    return MediaType::png;
  }
  if (bytes.starts_with(kJpegMagic)) {
    return MediaType::jpeg;
  }
  return std::nullopt;
}

Result<MediaType> sniff_zip(std::string_view bytes, std::string_view file_name,
                            const std::string& file_extension) {
  const auto office_type = [&](MediaType type, std::string_view prefix, std::string_view what_id,
                               std::string_view what_en) -> Result<MediaType> {
    if (zip_has_entry_under(bytes, prefix)) {
      return type;
    }
    const std::string named(extension(type));
    return not_allowed(file_name,
                       "berkas bernama ." + named + " tetapi isinya bukan " + std::string(what_id) +
                           "; simpan ulang dari aplikasinya",
                       "the file is named ." + named + " but is not " + std::string(what_en) +
                           " inside; save it again from its application");
  };
  if (file_extension == "xlsx") {
    return office_type(MediaType::xlsx, "xl/", "lembar kerja Excel", "an Excel workbook");
  }
  if (file_extension == "docx") {
    return office_type(MediaType::docx, "word/", "dokumen Word", "a Word document");
  }
  return not_allowed(file_name, "arsip ZIP hanya diterima sebagai berkas .xlsx atau .docx",
                     "ZIP archives are accepted only as .xlsx or .docx files");
}

}  // namespace

std::string_view mime_type(MediaType type) {
  switch (type) {
    case MediaType::pdf:
      return "application/pdf";
    case MediaType::jpeg:
      return "image/jpeg";
    case MediaType::png:
      return "image/png";
    case MediaType::xlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case MediaType::docx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case MediaType::csv:
      return "text/csv";
  }
  return "application/octet-stream";
}

std::string_view extension(MediaType type) {
  return names_of(type).extensions[0];
}

Result<MediaType> sniff(std::string_view bytes, std::string_view file_name) {
  if (bytes.empty()) {
    return Error(ErrorCode::EmptyFile, {excerpt_for_message(file_name)});
  }
  const std::string file_extension = lower_extension(file_name);
  if (const std::optional<MediaType> type = type_from_magic(bytes)) {
    if (file_extension.empty() || has_extension_of(file_extension, *type)) {
      return *type;
    }
    const std::string display(names_of(*type).display);
    const std::string quoted_extension = excerpt_for_message(file_extension);
    return not_allowed(file_name,
                       "isi berkas adalah " + display + " tetapi namanya berakhiran ." + quoted_extension +
                           "; perbaiki nama berkas atau unggah berkas yang benar",
                       "the content is " + display + " but the name ends in ." + quoted_extension +
                           "; correct the file name or upload the right file");
  }
  if (bytes.starts_with(kZipLocalHeaderMagic)) {
    return sniff_zip(bytes, file_name, file_extension);
  }
  if (file_extension == "csv") {
    if (is_utf8_text_without_nul(bytes)) {
      return MediaType::csv;
    }
    return not_allowed(file_name,
                       "berkas .csv harus berupa teks UTF-8 tanpa bita NUL; simpan ulang sebagai CSV UTF-8",
                       "a .csv file must be UTF-8 text without NUL bytes; save it again as CSV UTF-8");
  }
  return not_allowed(file_name, "isi berkas bukan PDF, JPEG, PNG, XLSX, DOCX atau CSV",
                     "the content is not PDF, JPEG, PNG, XLSX, DOCX or CSV");
}

}  // namespace sinergi::files
