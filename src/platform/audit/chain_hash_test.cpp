// The pure parts of the trail: field diffs, names, and the canonical text's building blocks.
#include "platform/audit/chain_hash.h"

#include <gtest/gtest.h>

#include "platform/audit/audit_log.h"
#include "platform/audit/verify.h"

namespace sinergi::audit {
namespace {

TEST(DiffFieldsTest, ListsChangedFieldsInKeyOrderWithAbsentAsNull) {
  const nlohmann::json before = {
      {"username", "siti"}, {"full_name", "Siti"}, {"active", true}, {"note", "x"}};
  const nlohmann::json after = {
      {"username", "siti"}, {"full_name", "Siti R."}, {"active", false}, {"email", "s@x.id"}};
  EXPECT_EQ(diff_fields(before, after), (std::vector<FieldChange>{
                                            {"active", true, false},
                                            {"email", nullptr, "s@x.id"},
                                            {"full_name", "Siti", "Siti R."},
                                            {"note", "x", nullptr},
                                        }));
}

TEST(DiffFieldsTest, ACreateAndADeleteListEveryField) {
  const nlohmann::json user = {{"username", "siti"}, {"region_id", 64}};
  EXPECT_EQ(diff_fields(nullptr, user),
            (std::vector<FieldChange>{{"region_id", nullptr, 64}, {"username", nullptr, "siti"}}));
  EXPECT_EQ(diff_fields(user, nullptr),
            (std::vector<FieldChange>{{"region_id", 64, nullptr}, {"username", "siti", nullptr}}));
}

TEST(DiffFieldsTest, EqualStatesHaveNoChangesAndNullEqualsAbsent) {
  const nlohmann::json user = {{"username", "siti"}, {"roles", {"admin", "auditor"}}};
  EXPECT_TRUE(diff_fields(user, user).empty());
  EXPECT_TRUE(diff_fields({{"note", nullptr}}, nlohmann::json::object()).empty());
  EXPECT_TRUE(diff_fields(nullptr, nullptr).empty());
}

TEST(DiffFieldsTest, NestedValuesAreComparedWhole) {
  const nlohmann::json before = {{"office", {{"id", 3}, {"name", "Dinkes"}}}};
  const nlohmann::json after = {{"office", {{"id", 3}, {"name", "Dinas Kesehatan"}}}};
  EXPECT_EQ(diff_fields(before, after),
            (std::vector<FieldChange>{{"office", before["office"], after["office"]}}));
}

TEST(DiffFieldsTest, AValueThatIsNotAnObjectIsTheFieldWithNoName) {
  EXPECT_EQ(diff_fields(1, 2), (std::vector<FieldChange>{{"", 1, 2}}));
  EXPECT_TRUE(diff_fields(nlohmann::json::array({1}), nlohmann::json::array({1})).empty());
}

TEST(DiffFieldsTest, ARedactedChangeHidesBothValues) {
  EXPECT_EQ(redacted_change("password_hash"), (FieldChange{"password_hash", "[redacted]", "[redacted]"}));
}

TEST(NamesTest, ActorTypesAndOutcomesRoundTrip) {
  for (ActorType type : {ActorType::user, ActorType::api_token, ActorType::system, ActorType::anonymous}) {
    EXPECT_EQ(parse_actor_type(actor_type_name(type)), type);
  }
  EXPECT_EQ(actor_type_name(ActorType::api_token), "api_token");
  EXPECT_EQ(parse_actor_type("User"), std::nullopt);
  for (Outcome outcome : {Outcome::success, Outcome::denied, Outcome::failed}) {
    EXPECT_EQ(parse_outcome(outcome_name(outcome)), outcome);
  }
  EXPECT_EQ(parse_outcome(""), std::nullopt);
}

TEST(ChainHashTest, Sha256IsLowerCaseHex) {
  // FIPS 180-2, appendix B.1.
  EXPECT_EQ(internal::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(internal::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(ChainHashTest, ChangesTextEscapesOnlyWhatJsonNeeds) {
  EXPECT_EQ(internal::changes_text({}), "[]");
  EXPECT_EQ(internal::changes_text({FieldChange{"note", nullptr, "a/b \"c\" \\ \t\x01 é 東"}}),
            R"json([{"after":"a/b \"c\" \\ \t\u0001 é 東","before":null,"field":"note"}])json");
  EXPECT_EQ(
      internal::changes_text({FieldChange{"target", 97.25, 100}, FieldChange{"weight", 2.0, -0.5}}),
      R"json([{"after":100,"before":97.25,"field":"target"},{"after":-0.5,"before":2.0,"field":"weight"}])json");
  // Invalid UTF-8 is replaced, never thrown.
  EXPECT_EQ(internal::changes_text({FieldChange{"x", "\xFF", nullptr}}),
            "[{\"after\":null,\"before\":\"\xEF\xBF\xBD\",\"field\":\"x\"}]");
}

TEST(ChainHashTest, ChangesReadBackAsWritten) {
  const std::vector<FieldChange> changes = {{"b", 1, 2}, {"a", nullptr, {{"z", 1}, {"y", {1, 2}}}}};
  EXPECT_EQ(internal::parse_changes(internal::changes_text(changes)), changes);
}

TEST(ChainHashTest, UnreadableChangesAreShownAsStored) {
  for (const std::string text : {"not json", "{\"field\":\"a\"}", "[1]", "[{\"before\":1}]"}) {
    EXPECT_EQ(internal::parse_changes(text), (std::vector<FieldChange>{{"", nullptr, text}})) << text;
  }
}

TEST(ChainHashTest, ValidUtf8KeepsValidTextAndReplacesTheRest) {
  EXPECT_EQ(internal::valid_utf8("Samarinda — 東 😀"), "Samarinda — 東 😀");
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(internal::valid_utf8(std::string("a\0b", 3)), "a" + replacement + "b");
  EXPECT_EQ(internal::valid_utf8("\xC0\xAF"), replacement + replacement);                    // overlong '/'
  EXPECT_EQ(internal::valid_utf8("\xED\xA0\x80"), replacement + replacement + replacement);  // surrogate
  EXPECT_EQ(internal::valid_utf8("\xF4\x90\x80\x80"), replacement + replacement + replacement + replacement);
  EXPECT_EQ(internal::valid_utf8("\xE6\x9D"), replacement + replacement);  // cut short
  EXPECT_EQ(internal::valid_utf8(""), "");
}

TEST(ChainHashTest, CanonicalTextSplicesTheStoredChanges) {
  internal::ChainFields fields;
  fields.sequence = 9;
  fields.occurred_at = "2025-07-01T03:00:00.000Z";
  fields.actor_type = "api_token";
  fields.actor_id = 12;
  fields.actor_name = "etl";
  fields.action = "indicator.update";
  fields.outcome = "failed";
  fields.entity_type = "indicator";
  fields.entity_id = "IKU-1";
  fields.changes = R"([{"after":1,"before":0,"field":"x"}])";
  fields.remote_address = "::1";
  fields.previous_hash = "ab";
  EXPECT_EQ(internal::canonical_text(fields),
            R"json([9,"2025-07-01T03:00:00.000Z","api_token",12,"etl",null,"indicator.update","failed",)json"
            R"json("indicator","IKU-1",[{"after":1,"before":0,"field":"x"}],null,"::1","ab"])json");
}

TEST(VerifyReportTest, DescribesBothOutcomes) {
  EXPECT_EQ(describe(VerifyReport{3, true, std::nullopt, "", "abc"}),
            "audit chain intact: 3 events, head abc");
  EXPECT_EQ(describe(VerifyReport{16, false, 17, "hash mismatch", "abc"}),
            "audit chain broken at sequence 17: hash mismatch (16 events intact)");
  EXPECT_EQ(describe(VerifyReport{5, false, std::nullopt, "head is missing", ""}),
            "audit chain broken: head is missing (5 events intact)");
}

}  // namespace
}  // namespace sinergi::audit
