#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"

// Evidence files (bukti dukung): what kind of file an upload is, decided from its bytes, and a
// content-addressed store on disk that keeps each distinct content once, named by its SHA-256.

namespace sinergi::files {

// The kinds of evidence accepted, decided from the bytes (magic numbers), never from the name alone.
enum class MediaType { pdf, jpeg, png, xlsx, docx, csv };

// The IANA media type, e.g. "application/pdf"; "text/csv" for CSV.
std::string_view mime_type(MediaType type);
// The usual file name extension without the dot, e.g. "pdf", "jpg".
std::string_view extension(MediaType type);

// Decides the type of `bytes`, uploaded under `file_name`:
//   PDF starts with "%PDF-", PNG with its 8-byte signature, JPEG with FF D8 FF;
//   XLSX and DOCX are ZIP archives named .xlsx / .docx (any case) holding "xl/" resp. "word/" entries;
//   CSV is named .csv and is UTF-8 text without NUL bytes.
// The bytes decide the type; a name whose extension names another type is refused (a PDF named
// "scan.png" would open in the wrong program when downloaded), a name without an extension is
// accepted for PDF, JPEG and PNG. Refusals: EmptyFile for no bytes, EvidenceTypeNotAllowed
// naming the file otherwise, with the reason as a FieldError on "file".
Result<MediaType> sniff(std::string_view bytes, std::string_view file_name);

struct StoredFile {
  std::string sha256;  // 64 lower-case hex digits
  std::uint64_t size = 0;
  MediaType media_type = MediaType::pdf;

  bool operator==(const StoredFile&) const = default;
};

struct Limits {
  std::uint64_t max_bytes = std::uint64_t{10} * 1024 * 1024;  // 10 MB
};

// Files live at root/ab/abcdef... : named by the lower-case hex SHA-256 of their content, in a
// directory named by its first two hex digits (so no directory grows beyond a few thousand
// entries). A ContentStore holds no mutable state: any number of threads may use one at once.
class ContentStore {
 public:
  // Creates `root` (with its parents) when missing. FileError when it cannot be created or is
  // not a directory.
  static Result<ContentStore> open(std::filesystem::path root, Limits limits = {});

  // Checks the size limit (FileLimitExceeded, naming the file and the limit), sniffs the type,
  // hashes, and writes the file atomically (a uniquely named temporary file in the same
  // directory, fsync, rename, fsync of the directory) unless that content is already stored, in
  // which case nothing is written. Returns what was stored.
  Result<StoredFile> put(std::string_view bytes, std::string_view file_name) const;

  // The content stored under `sha256`. InvalidInput unless `sha256` is 64 lower-case hex digits
  // (no path is ever built from anything else); NotFound for an unknown hash; FileError when the
  // file cannot be read or its content no longer matches its hash (corruption on disk).
  Result<std::string> get(std::string_view sha256) const;

  // True when content with this hash is stored; false for anything that is not a valid hash.
  bool contains(std::string_view sha256) const;

  const std::filesystem::path& root() const { return root_; }
  const Limits& limits() const { return limits_; }

 private:
  ContentStore(std::filesystem::path root, Limits limits) : root_(std::move(root)), limits_(limits) {}

  std::filesystem::path path_of(std::string_view sha256) const;

  std::filesystem::path root_;
  Limits limits_;
};

// Lower-case hex SHA-256 of `bytes` (also used by callers to hash canonical documents).
std::string sha256_hex(std::string_view bytes);

// True when `text` is 64 lower-case hex digits, the only form of hash the store accepts.
bool is_sha256_hex(std::string_view text);

}  // namespace sinergi::files
