#include "platform/files/content_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

#include "core/input_text.h"

namespace sinergi::files {
namespace {

constexpr std::size_t kHashHexDigits = 64;
// Owner reads and writes, the group (e.g. the backup user) reads, nobody else.
constexpr mode_t kFilePermissions = 0640;

void initialize_sodium() {
  // Initialised once per process, however many threads race here (a function-local static).
  static const bool initialized = [] {
    if (sodium_init() < 0) {
      std::fputs("sinergi: libsodium could not be initialised (no usable random source); aborting\n", stderr);
      std::abort();
    }
    return true;
  }();
  static_cast<void>(initialized);
}

// 16 random hex digits: unique enough that two writers never pick the same temporary name (and
// O_EXCL turns the impossible case into an error rather than a shared file).
std::string random_suffix() {
  initialize_sodium();
  std::array<unsigned char, 8> random_bytes{};
  randombytes_buf(random_bytes.data(), random_bytes.size());
  std::string hex(random_bytes.size() * 2 + 1, '\0');  // sodium_bin2hex writes a terminating NUL
  sodium_bin2hex(hex.data(), hex.size(), random_bytes.data(), random_bytes.size());
  hex.resize(random_bytes.size() * 2);
  return hex;
}

std::string system_message(int error_number) {
  return std::generic_category().message(error_number);
}

// Closes a POSIX file descriptor when it goes out of scope, unless close() was called.
class Descriptor {
 public:
  explicit Descriptor(int value) : value_(value) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (value_ >= 0) {
      ::close(value_);
    }
  }
  int get() const { return value_; }
  bool valid() const { return value_ >= 0; }
  // Returns 0 or the errno of close(), which may report a failed delayed write.
  int close() {
    const int result = ::close(std::exchange(value_, -1));
    return result == 0 ? 0 : errno;
  }

 private:
  int value_;
};

// Returns 0 or errno.
int write_all(int descriptor, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(descriptor, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

// Makes the directory's entries (a rename into it, a new subdirectory) durable. Returns 0 or errno.
int sync_directory(const std::filesystem::path& directory) {
  Descriptor descriptor(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!descriptor.valid()) {
    return errno;
  }
  if (::fsync(descriptor.get()) != 0) {
    return errno;
  }
  return descriptor.close();
}

// The caller sees the file name they uploaded and the system's reason; the path on the server
// goes to the log only.
Error write_failed(std::string_view file_name, const std::filesystem::path& path, int error_number) {
  return Error(ErrorCode::FileError, {excerpt_for_message(file_name), system_message(error_number)})
      .with_log_detail("writing " + path.string() + ": " + system_message(error_number));
}

// Writes `bytes` to `target` so that a reader (or a crash) sees either no file or the whole
// file: a temporary file in the same directory, fsync, rename over `target`, fsync of the
// directory. The temporary name is random and opened with O_EXCL, so concurrent writers of the
// same content never share one; their renames replace the target with identical bytes.
Result<void> write_atomically(const std::filesystem::path& target, std::string_view bytes,
                              std::string_view file_name) {
  const std::filesystem::path directory = target.parent_path();
  // A leading dot and a suffix keep temporary files apart from stored ones, whose names are hashes.
  const std::filesystem::path temporary =
      directory / ("." + target.filename().string() + ".tmp-" + random_suffix());
  Descriptor descriptor(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFilePermissions));
  if (!descriptor.valid()) {
    return write_failed(file_name, temporary, errno);
  }
  int error_number = write_all(descriptor.get(), bytes);
  if (error_number == 0 && ::fsync(descriptor.get()) != 0) {
    error_number = errno;
  }
  if (const int close_error = descriptor.close(); error_number == 0) {
    error_number = close_error;
  }
  if (error_number == 0 && std::rename(temporary.c_str(), target.c_str()) != 0) {
    error_number = errno;
  }
  if (error_number != 0) {
    ::unlink(temporary.c_str());
    return write_failed(file_name, target, error_number);
  }
  if (const int sync_error = sync_directory(directory); sync_error != 0) {
    return write_failed(file_name, directory, sync_error);
  }
  return success();
}

// Reads the whole file. Returns 0 or errno.
int read_all(const std::filesystem::path& path, std::string& content) {
  Descriptor descriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!descriptor.valid()) {
    return errno;
  }
  std::array<char, std::size_t{64} * 1024> buffer{};
  while (true) {
    const ssize_t count = ::read(descriptor.get(), buffer.data(), buffer.size());
    if (count < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    if (count == 0) {
      return 0;
    }
    content.append(buffer.data(), static_cast<std::size_t>(count));
  }
}

// "10 MB", "512 KB" or "1000 bytes": the limit as an operator would have configured it.
std::string describe_bytes(std::uint64_t bytes, Locale locale) {
  constexpr std::uint64_t kKilobyte = 1024;
  constexpr std::uint64_t kMegabyte = kKilobyte * kKilobyte;
  if (bytes >= kMegabyte && bytes % kMegabyte == 0) {
    return std::to_string(bytes / kMegabyte) + " MB";
  }
  if (bytes >= kKilobyte && bytes % kKilobyte == 0) {
    return std::to_string(bytes / kKilobyte) + " KB";
  }
  return std::to_string(bytes) + (locale == Locale::english ? " bytes" : " bita");
}

Error invalid_hash(std::string_view text) {
  return Error(ErrorCode::InvalidInput,
               {"'" + excerpt_for_message(text) + "' is not a SHA-256 hash (64 lower-case hex digits)"});
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  initialize_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string hex(digest.size() * 2 + 1, '\0');  // sodium_bin2hex writes a terminating NUL
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.resize(digest.size() * 2);
  return hex;
}

bool is_sha256_hex(std::string_view text) {
  if (text.size() != kHashHexDigits) {
    return false;
  }
  for (char character : text) {
    if (!is_ascii_digit(character) && (character < 'a' || character > 'f')) {
      return false;
    }
  }
  return true;
}

Result<ContentStore> ContentStore::open(std::filesystem::path root, Limits limits) {
  std::error_code error;
  // Absolute, so a later change of the working directory cannot move the store.
  root = std::filesystem::absolute(root, error);
  if (!error) {
    std::filesystem::create_directories(root, error);
  }
  if (error) {
    return Error(ErrorCode::FileError, {root.string(), error.message()});
  }
  if (!std::filesystem::is_directory(root, error)) {
    return Error(ErrorCode::FileError, {root.string(), "not a directory"});
  }
  return ContentStore(std::move(root), limits);
}

std::filesystem::path ContentStore::path_of(std::string_view sha256) const {
  return root_ / std::string(sha256.substr(0, 2)) / std::string(sha256);
}

Result<StoredFile> ContentStore::put(std::string_view bytes, std::string_view file_name) const {
  if (bytes.size() > limits_.max_bytes) {
    // Refused before the bytes are looked at, so the answer does not depend on them.
    const std::string name = excerpt_for_message(file_name);
    return Error::with_fields(ErrorCode::FileLimitExceeded,
                              {FieldError{"file",
                                          "berkas '" + name + "' lebih besar dari batas " +
                                              describe_bytes(limits_.max_bytes, Locale::indonesian),
                                          "the file '" + name + "' is larger than the limit of " +
                                              describe_bytes(limits_.max_bytes, Locale::english)}});
  }
  StoredFile stored;
  stored.media_type = TRY(sniff(bytes, file_name));
  stored.sha256 = sha256_hex(bytes);
  stored.size = bytes.size();

  const std::filesystem::path target = path_of(stored.sha256);
  std::error_code error;
  // Already stored: nothing to write. A file of another size (truncated by a failing disk) is
  // written again; the full hash is checked on every get().
  if (std::filesystem::is_regular_file(target, error) &&
      std::filesystem::file_size(target, error) == stored.size && !error) {
    return stored;
  }
  std::filesystem::create_directories(target.parent_path(), error);
  if (error) {
    return write_failed(file_name, target.parent_path(), error.value());
  }
  TRY(write_atomically(target, bytes, file_name));
  // The root holds the entry of the two-digit directory, which may be new.
  if (const int sync_error = sync_directory(root_); sync_error != 0) {
    return write_failed(file_name, root_, sync_error);
  }
  return stored;
}

Result<std::string> ContentStore::get(std::string_view sha256) const {
  if (!is_sha256_hex(sha256)) {
    return invalid_hash(sha256);
  }
  const std::filesystem::path path = path_of(sha256);
  std::string content;
  if (const int error_number = read_all(path, content); error_number != 0) {
    if (error_number == ENOENT) {
      return Error(ErrorCode::NotFound, {"Berkas " + std::string(sha256)});
    }
    return Error(ErrorCode::FileError, {std::string(sha256), system_message(error_number)})
        .with_log_detail("reading " + path.string() + ": " + system_message(error_number));
  }
  if (sha256_hex(content) != sha256) {
    return Error(ErrorCode::FileError, {std::string(sha256), "content does not match its SHA-256 hash"})
        .with_log_detail("corrupted stored file " + path.string() + ": its content hashes to " +
                         sha256_hex(content));
  }
  return content;
}

bool ContentStore::contains(std::string_view sha256) const {
  std::error_code error;
  return is_sha256_hex(sha256) && std::filesystem::is_regular_file(path_of(sha256), error);
}

}  // namespace sinergi::files
