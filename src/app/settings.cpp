#include "app/settings.h"

#include <charconv>
#include <filesystem>

#include "platform/db/database_url.h"

namespace sinergi::app {

Result<ListenAddress> ListenAddress::parse(std::string_view text) {
  const auto invalid = [&] {
    return Error(ErrorCode::InvalidListenAddress, {std::string(text.substr(0, 80))});
  };
  std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
    return invalid();
  }
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  // IPv6 literals come bracketed so the port separator stays unambiguous.
  if (host.front() == '[') {
    if (host.back() != ']' || host.size() < 3) {
      return invalid();
    }
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return invalid();
  }
  unsigned port = 0;
  auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    return invalid();
  }
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

std::string files_directory_for(const std::string& database_url) {
  auto url = db::DatabaseUrl::parse(database_url);
  if (url.ok() && url.value().backend == db::Backend::sqlite) {
    return (std::filesystem::path(url.value().sqlite_path).parent_path() / "files").string();
  }
  return "data/files";
}

}  // namespace sinergi::app
