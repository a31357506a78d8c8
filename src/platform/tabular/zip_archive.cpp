#include "platform/tabular/zip_archive.h"

#include <zip.h>

#include <vector>

#include "core/input_text.h"
#include "platform/tabular/internal.h"

namespace sinergi::tabular::detail {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

Error damaged_archive() {
  return file_error(ErrorCode::UnreadableFile,
                    "berkas bukan XLSX yang sah: arsip ZIP rusak atau bukan ZIP; simpan ulang dari Excel",
                    "the file is not a valid XLSX: the ZIP archive is damaged or not a ZIP; save it again "
                    "from Excel");
}

Error damaged_entry(const std::string& name) {
  const std::string quoted = excerpt_for_message(name, 80);
  return file_error(ErrorCode::UnreadableFile, "entri '" + quoted + "' di dalam berkas XLSX rusak",
                    "the entry '" + quoted + "' inside the XLSX file is damaged");
}

Error entry_error(const std::string& name, int zip_error_code) {
  const std::string quoted = excerpt_for_message(name, 80);
  switch (zip_error_code) {
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return file_error(ErrorCode::UnreadableFile,
                        "entri '" + quoted + "' dilindungi kata sandi; simpan berkas tanpa kata sandi",
                        "the entry '" + quoted + "' is password-protected; save the file without a password");
    case ZIP_ER_COMPNOTSUPP:
      return file_error(ErrorCode::UnreadableFile,
                        "entri '" + quoted + "' memakai metode kompresi yang tidak didukung",
                        "the entry '" + quoted + "' uses an unsupported compression method");
    default:
      return damaged_entry(name);
  }
}

// True when `inflated` is more than `ratio` times `compressed` (and large enough to matter).
bool exceeds_ratio(std::uint64_t inflated, std::uint64_t compressed, std::size_t ratio) {
  if (inflated <= kRatioCheckMinimumBytes) {
    return false;
  }
  if (compressed == 0) {
    return true;
  }
  return inflated / compressed > ratio || (inflated / compressed == ratio && inflated % compressed > 0);
}

Error ratio_exceeded(const std::string& name, std::size_t ratio) {
  const std::string quoted = excerpt_for_message(name, 80);
  const std::string times = std::to_string(ratio);
  return file_error(ErrorCode::FileLimitExceeded,
                    "entri '" + quoted + "' mengembang lebih dari " + times + " kali (kemungkinan bom zip)",
                    "the entry '" + quoted + "' expands more than " + times + " times (possible zip bomb)");
}

Error total_exceeded(std::size_t limit) {
  return file_error(ErrorCode::FileLimitExceeded,
                    "isi berkas XLSX setelah diekstrak melebihi batas " +
                        describe_bytes(limit, Locale::indonesian) + " (kemungkinan bom zip)",
                    "the XLSX content exceeds the limit of " + describe_bytes(limit, Locale::english) +
                        " once extracted (possible zip bomb)");
}

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

void ZipArchive::Closer::operator()(zip* archive) const {
  zip_discard(archive);
}

Result<ZipArchive> ZipArchive::open(std::string_view bytes, const ReadLimits& limits) {
  // libzip opens zero bytes as an empty archive.
  if (bytes.empty()) {
    return damaged_archive();
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return damaged_archive();
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return damaged_archive();
  }
  return ZipArchive(std::unique_ptr<zip, Closer>(archive), limits);
}

std::int64_t ZipArchive::locate(const std::string& name) const {
  std::int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
  if (index < 0) {
    index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
  }
  return index;
}

bool ZipArchive::contains(const std::string& name) const {
  return locate(name) >= 0;
}

Result<void> ZipArchive::read(const std::string& name, const Sink& sink) {
  const std::int64_t index = locate(name);
  if (index < 0) {
    return damaged_entry(name);
  }
  const auto entry = static_cast<zip_uint64_t>(index);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_.get(), entry, 0, &stat) != 0) {
    return damaged_entry(name);
  }
  const bool sizes_known = (stat.valid & ZIP_STAT_SIZE) != 0 && (stat.valid & ZIP_STAT_COMP_SIZE) != 0;
  if (sizes_known && exceeds_ratio(stat.size, stat.comp_size, limits_.max_compression_ratio)) {
    return ratio_exceeded(name, limits_.max_compression_ratio);
  }
  if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > limits_.max_uncompressed_bytes - inflated_bytes_) {
    return total_exceeded(limits_.max_uncompressed_bytes);
  }

  const std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive_.get(), entry, 0));
  if (!file) {
    return entry_error(name, zip_error_code_zip(zip_get_error(archive_.get())));
  }
  std::vector<char> buffer(kChunkBytes);
  std::uint64_t entry_bytes = 0;
  while (true) {
    const zip_int64_t count = zip_fread(file.get(), buffer.data(), buffer.size());
    if (count < 0) {
      return entry_error(name, zip_error_code_zip(zip_file_get_error(file.get())));
    }
    if (count == 0) {
      return success();
    }
    const auto size = static_cast<std::size_t>(count);
    entry_bytes += size;
    // Declared sizes can lie: count what is actually inflated.
    if (size > limits_.max_uncompressed_bytes - inflated_bytes_) {
      return total_exceeded(limits_.max_uncompressed_bytes);
    }
    inflated_bytes_ += size;
    if (sizes_known && exceeds_ratio(entry_bytes, stat.comp_size, limits_.max_compression_ratio)) {
      return ratio_exceeded(name, limits_.max_compression_ratio);
    }
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && entry_bytes > stat.size) {
      return damaged_entry(name);
    }
    TRY(sink(std::string_view(buffer.data(), size)));
  }
}

}  // namespace sinergi::tabular::detail
