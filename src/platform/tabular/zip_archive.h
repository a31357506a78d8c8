#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "platform/tabular/table.h"

struct zip;

namespace sinergi::tabular::detail {

// A zip archive read from memory (the bytes must outlive it) with the zip bomb defences of
// ReadLimits: an entry whose declared or actual size exceeds max_compression_ratio times its
// compressed size is refused, and the bytes actually inflated are counted across all entries
// read, stopping at max_uncompressed_bytes.
class ZipArchive {
 public:
  // UnreadableFile when the bytes are not a zip archive or it is damaged.
  static Result<ZipArchive> open(std::string_view bytes, const ReadLimits& limits);

  bool contains(const std::string& name) const;

  // Inflates the entry and hands its bytes to `sink` in chunks, stopping at the first error
  // the sink returns. UnreadableFile when the entry is missing, damaged or encrypted;
  // FileLimitExceeded for a limit.
  using Sink = std::function<Result<void>(std::string_view chunk)>;
  Result<void> read(const std::string& name, const Sink& sink);

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };

  ZipArchive(std::unique_ptr<zip, Closer> archive, const ReadLimits& limits)
      : archive_(std::move(archive)), limits_(limits) {}

  std::int64_t locate(const std::string& name) const;

  std::unique_ptr<zip, Closer> archive_;
  ReadLimits limits_;
  std::size_t inflated_bytes_ = 0;
};

}  // namespace sinergi::tabular::detail
