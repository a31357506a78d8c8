#include "core/id.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <type_traits>
#include <unordered_set>

namespace sinergi {
namespace {

using RegionId = Id<struct RegionTag>;
using AgencyId = Id<struct AgencyTag>;

// Ids of different kinds cannot be converted into each other, nor silently made from or
// turned into integers; this file would not compile otherwise.
static_assert(!std::is_convertible_v<RegionId, AgencyId>);
static_assert(!std::is_convertible_v<AgencyId, RegionId>);
static_assert(!std::is_constructible_v<AgencyId, RegionId>);
static_assert(!std::is_assignable_v<AgencyId&, RegionId>);
static_assert(!std::is_convertible_v<std::int64_t, RegionId>);
static_assert(!std::is_convertible_v<RegionId, std::int64_t>);
static_assert(std::is_constructible_v<RegionId, std::int64_t>);
static_assert(!std::is_default_constructible_v<RegionId>);
static_assert(std::is_trivially_copyable_v<RegionId>);
static_assert(sizeof(RegionId) == sizeof(std::int64_t));
static_assert(RegionId(7).value() == 7);
static_assert(RegionId(7) == RegionId(7));
static_assert(RegionId(6) < RegionId(7));

template <typename Left, typename Right>
concept EqualityComparable = requires(Left left, Right right) {
  left == right;
};
static_assert(EqualityComparable<RegionId, RegionId>);
static_assert(!EqualityComparable<RegionId, AgencyId>);

TEST(IdTest, HoldsAndComparesValues) {
  const RegionId east_kalimantan(64);
  EXPECT_EQ(east_kalimantan.value(), 64);
  EXPECT_EQ(east_kalimantan, RegionId(64));
  EXPECT_NE(east_kalimantan, RegionId(65));
  EXPECT_LT(RegionId(-1), RegionId(0));
  EXPECT_EQ(east_kalimantan.to_string(), "64");
}

TEST(IdTest, WorksAsKeyOfOrderedAndHashedContainers) {
  std::unordered_set<AgencyId> agencies = {AgencyId(1), AgencyId(2), AgencyId(1)};
  EXPECT_EQ(agencies.size(), 2U);
  EXPECT_TRUE(agencies.contains(AgencyId(2)));
  EXPECT_EQ(std::hash<AgencyId>{}(AgencyId(42)), std::hash<std::int64_t>{}(42));

  std::map<RegionId, int> agency_count_by_region = {{RegionId(64), 40}, {RegionId(11), 38}};
  EXPECT_EQ(agency_count_by_region.begin()->first, RegionId(11));
}

TEST(IdTest, StreamsItsValue) {
  std::ostringstream stream;
  stream << AgencyId(1207);
  EXPECT_EQ(stream.str(), "1207");
}

}  // namespace
}  // namespace sinergi
