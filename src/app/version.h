#pragma once

#include <string_view>

namespace sinergi::app {

// Set by CMake from project(VERSION ...).
inline constexpr std::string_view kVersion = SINERGI_VERSION;

}  // namespace sinergi::app
