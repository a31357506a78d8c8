#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace sinergi {

// A strongly typed row id. Each kind of entity gets its own tag, so ids of different kinds
// cannot be mixed up, not even by accident through an int64:
//
//   using RegionId = Id<struct RegionTag>;
//   using AgencyId = Id<struct AgencyTag>;
//   void assign(AgencyId agency, RegionId region);  // assign(region, agency) does not compile
//
// There is no default constructor: an id always names something.
template <typename Tag>
class Id {
 public:
  using ValueType = std::int64_t;

  constexpr explicit Id(std::int64_t value) : value_(value) {}

  constexpr std::int64_t value() const { return value_; }
  // Decimal digits, for URLs and log lines.
  std::string to_string() const { return std::to_string(value_); }

  constexpr bool operator==(const Id&) const = default;
  constexpr std::strong_ordering operator<=>(const Id& other) const { return value_ <=> other.value_; }

  friend std::ostream& operator<<(std::ostream& stream, const Id& id) { return stream << id.value_; }

 private:
  std::int64_t value_;
};

}  // namespace sinergi

template <typename Tag>
struct std::hash<sinergi::Id<Tag>> {
  std::size_t operator()(const sinergi::Id<Tag>& id) const noexcept {
    return std::hash<std::int64_t>{}(id.value());
  }
};
