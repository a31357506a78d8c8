#include "platform/http/router.h"

#include <algorithm>
#include <stdexcept>

namespace sinergi::http {

struct Router::Entry {
  struct Segment {
    bool is_parameter = false;
    std::string text;  // the literal, or the parameter name
  };

  Method method;
  std::string pattern;
  std::vector<Segment> segments;
  Handler handler;
};

namespace {

// "/" has no segments; "/a//b/" has "a", "", "b", "".
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path == "/") {
    return segments;
  }
  std::string_view rest = path.substr(1);
  while (true) {
    std::size_t slash = rest.find('/');
    segments.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) {
      break;
    }
    rest = rest.substr(slash + 1);
  }
  return segments;
}

bool is_parameter_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char character) {
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
           (character >= '0' && character <= '9') || character == '_';
  });
}

std::vector<Router::Entry::Segment> parse_pattern(const std::string& pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::logic_error("route pattern must start with '/': " + pattern);
  }
  std::vector<Router::Entry::Segment> segments;
  std::vector<std::string_view> parameter_names;
  for (std::string_view segment : split_path(pattern)) {
    if (segment.empty()) {
      throw std::logic_error("route pattern has an empty segment: " + pattern);
    }
    if (segment.front() == '{' && segment.back() == '}' && segment.size() >= 2) {
      std::string_view name = segment.substr(1, segment.size() - 2);
      if (!is_parameter_name(name)) {
        throw std::logic_error("route parameter name must be letters, digits or '_': " + pattern);
      }
      if (std::find(parameter_names.begin(), parameter_names.end(), name) != parameter_names.end()) {
        throw std::logic_error("route parameter used twice: " + pattern);
      }
      parameter_names.push_back(name);
      segments.push_back({true, std::string(name)});
    } else {
      if (segment.find_first_of("{}?#%") != std::string_view::npos) {
        throw std::logic_error("route literal segment has a reserved character: " + pattern);
      }
      segments.push_back({false, std::string(segment)});
    }
  }
  return segments;
}

bool same_shape(const std::vector<Router::Entry::Segment>& left,
                const std::vector<Router::Entry::Segment>& right) {
  return std::equal(left.begin(), left.end(), right.begin(), right.end(), [](const auto& a, const auto& b) {
    return a.is_parameter == b.is_parameter && (a.is_parameter || a.text == b.text);
  });
}

// True when `candidate` is more specific than `best`: at the first segment where one has a
// literal and the other a parameter, the literal wins. Both have the same segment count.
bool more_specific(const Router::Entry& candidate, const Router::Entry& best) {
  for (std::size_t index = 0; index < candidate.segments.size(); ++index) {
    bool candidate_literal = !candidate.segments[index].is_parameter;
    bool best_literal = !best.segments[index].is_parameter;
    if (candidate_literal != best_literal) {
      return candidate_literal;
    }
  }
  return false;
}

bool matches_path(const Router::Entry& entry, const std::vector<std::string_view>& path_segments) {
  if (entry.segments.size() != path_segments.size()) {
    return false;
  }
  for (std::size_t index = 0; index < path_segments.size(); ++index) {
    const auto& segment = entry.segments[index];
    if (segment.is_parameter) {
      if (path_segments[index].empty() || !percent_decode(path_segments[index]).has_value()) {
        return false;
      }
    } else if (segment.text != path_segments[index]) {
      return false;
    }
  }
  return true;
}

bool accepts(Method route_method, Method request_method) {
  return route_method == request_method || (request_method == Method::head && route_method == Method::get);
}

}  // namespace

Router::Router() = default;
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(Method method, std::string pattern, std::string operation_id, Handler handler) {
  if (method == Method::other || method == Method::head) {
    throw std::logic_error("route method must be GET, POST, PUT, PATCH, DELETE or OPTIONS: " + pattern);
  }
  if (!handler) {
    throw std::logic_error("route handler is empty: " + pattern);
  }
  auto entry = std::make_unique<Entry>();
  entry->method = method;
  entry->pattern = pattern;
  entry->segments = parse_pattern(pattern);
  entry->handler = std::move(handler);
  for (const auto& existing : entries_) {
    if (existing->method == method && same_shape(existing->segments, entry->segments)) {
      throw std::logic_error("route registered twice: " + std::string(method_name(method)) + " " + pattern +
                             " (already " + existing->pattern + ")");
    }
  }
  entries_.push_back(std::move(entry));
  routes_.push_back({method, std::move(pattern), std::move(operation_id)});
}

Result<Router::Match> Router::match(Method method, std::string_view path,
                                    std::vector<Method>* allowed_methods) const {
  if (allowed_methods != nullptr) {
    allowed_methods->clear();
  }
  if (path.empty() || path.front() != '/') {
    return Error(ErrorCode::RouteNotFound, {std::string(path)});
  }
  std::vector<std::string_view> path_segments = split_path(path);
  const Entry* best = nullptr;
  bool path_matched = false;
  std::vector<Method> allowed;
  for (const auto& entry : entries_) {
    if (!matches_path(*entry, path_segments)) {
      continue;
    }
    path_matched = true;
    allowed.push_back(entry->method);
    if (accepts(entry->method, method) && (best == nullptr || more_specific(*entry, *best))) {
      best = entry.get();
    }
  }
  if (best == nullptr) {
    if (!path_matched) {
      return Error(ErrorCode::RouteNotFound, {std::string(path)});
    }
    if (allowed_methods != nullptr) {
      if (std::find(allowed.begin(), allowed.end(), Method::get) != allowed.end()) {
        allowed.push_back(Method::head);
      }
      std::sort(allowed.begin(), allowed.end());
      allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
      *allowed_methods = std::move(allowed);
    }
    return Error(ErrorCode::MethodNotAllowed, {std::string(method_name(method)), std::string(path)});
  }

  Match match;
  match.handler = &best->handler;
  match.pattern = best->pattern;
  for (std::size_t index = 0; index < path_segments.size(); ++index) {
    const auto& segment = best->segments[index];
    if (segment.is_parameter) {
      match.parameters.emplace(segment.text, percent_decode(path_segments[index]).value_or(""));
    }
  }
  return match;
}

std::string allow_header_value(const std::vector<Method>& methods) {
  std::string value;
  for (Method method : methods) {
    if (!value.empty()) {
      value += ", ";
    }
    value += method_name(method);
  }
  return value;
}

}  // namespace sinergi::http
