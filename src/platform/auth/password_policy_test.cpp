#include "platform/auth/password_policy.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sinergi::auth {
namespace {

// The one field error of a refused password, or nothing when it was accepted.
std::optional<FieldError> refusal(std::string_view password, std::string_view username = "budi.santoso",
                                  std::string_view field_name = "new_password") {
  const auto result = check_new_password(password, username, field_name);
  if (result.ok()) {
    return std::nullopt;
  }
  EXPECT_EQ(result.error().code(), ErrorCode::ValidationFailed);
  EXPECT_EQ(result.error().fields().size(), 1U);
  if (result.error().fields().empty()) {
    return std::nullopt;
  }
  return result.error().fields().front();
}

std::vector<std::string> blocklist_lines() {
  const auto files = embedded_common_passwords();
  EXPECT_EQ(files.size(), 1U);
  std::vector<std::string> lines;
  std::string_view rest = files.front().second;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    EXPECT_NE(end, std::string_view::npos) << "the file must end with a newline";
    lines.emplace_back(rest.substr(0, end));
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  }
  return lines;
}

TEST(PasswordPolicyTest, AcceptsALongUncommonPassword) {
  EXPECT_TRUE(check_new_password("Kopi tubruk di tepian Mahakam", "budi.santoso").ok());
  EXPECT_TRUE(check_new_password("jembatan-mahakam-7", "siti").ok());
}

TEST(PasswordPolicyTest, TooShortInBothLocales) {
  const auto error = refusal("pendek123");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->field, "new_password");
  EXPECT_EQ(error->message(Locale::indonesian), "paling sedikit 10 karakter");
  EXPECT_EQ(error->message(Locale::english), "at least 10 characters");
  EXPECT_TRUE(refusal("").has_value());
}

TEST(PasswordPolicyTest, FieldNameIsTheCallers) {
  const auto error = refusal("pendek", "budi", "password");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->field, "password");
}

TEST(PasswordPolicyTest, LengthCountsCodePointsNotBytes) {
  // 9 ASCII letters and one emoji: 10 code points in 13 bytes.
  EXPECT_EQ(std::string_view("kataSandi😀").size(), 13U);
  EXPECT_FALSE(refusal("kataSandi😀").has_value());
  // 8 letters and one emoji: 12 bytes, but only 9 code points.
  const auto error = refusal("kataSand😀");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_en, "at least 10 characters");
  // Ten two-byte letters are enough.
  EXPECT_FALSE(refusal("ĀāĂăĄąĆćĈĉ").has_value());
}

TEST(PasswordPolicyTest, TooLongInBytes) {
  std::string longest;
  while (longest.size() < kMaximumPasswordBytes) {
    longest += static_cast<char>('a' + longest.size() % 26);
  }
  EXPECT_FALSE(refusal(longest).has_value());
  const auto error = refusal(longest + "x");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_id, "paling banyak 256 bita");
  EXPECT_EQ(error->message_en, "at most 256 bytes");
}

TEST(PasswordPolicyTest, RefusesOneRepeatedCharacter) {
  for (const char* password : {"aaaaaaaaaa", "AaAaAaAaAaAa", "############", "😀😀😀😀😀😀😀😀😀😀"}) {
    const auto error = refusal(password);
    ASSERT_TRUE(error.has_value()) << password;
    EXPECT_EQ(error->message_id, "tidak boleh hanya satu karakter yang diulang");
    EXPECT_EQ(error->message_en, "must not be one character repeated");
  }
  EXPECT_FALSE(refusal("aaaaaaaaab").has_value());
}

TEST(PasswordPolicyTest, RefusesTheUsernameIgnoringCase) {
  const auto error = refusal("Budi.Santoso", "budi.santoso");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message_id, "tidak boleh sama dengan nama pengguna");
  EXPECT_EQ(error->message_en, "must not be the same as the username");
}

TEST(PasswordPolicyTest, RefusesPasswordsContainingTheUsername) {
  for (const char* password : {"budi-suka-kopi", "SayaBUDI2025!", "kopibudikopi"}) {
    const auto error = refusal(password, "Budi");
    ASSERT_TRUE(error.has_value()) << password;
    EXPECT_EQ(error->message_id, "tidak boleh memuat nama pengguna");
    EXPECT_EQ(error->message_en, "must not contain the username");
  }
}

TEST(PasswordPolicyTest, ShortUsernamesMayAppearInsidePasswords) {
  // "ani" is inside "kemanisan"; usernames under four characters are too short to matter.
  EXPECT_FALSE(refusal("kemanisan-kopi-25", "ani").has_value());
  EXPECT_FALSE(refusal("kemanisan-kopi-25", "").has_value());
}

TEST(PasswordPolicyTest, RefusesCommonPasswordsIgnoringCase) {
  for (const char* password : {"1234567890", "qwertyuiop", "Password123", "BISMILLAH123", "Merdeka1945",
                               "pemprovkaltim", "P@ssw0rd123", "iloveyou123", "Sinergi2026"}) {
    const auto error = refusal(password, "siti");
    ASSERT_TRUE(error.has_value()) << password;
    EXPECT_EQ(error->message(Locale::indonesian), "terlalu umum; pilih kata sandi lain") << password;
    EXPECT_EQ(error->message(Locale::english), "too common; choose another password") << password;
  }
}

TEST(PasswordPolicyTest, IsCommonPasswordLowerCasesAsciiOnly) {
  EXPECT_TRUE(is_common_password("samarinda123"));
  EXPECT_TRUE(is_common_password("SAMARINDA123"));
  EXPECT_TRUE(is_common_password("1q2w3e4r5t"));
  EXPECT_FALSE(is_common_password("samarinda123 "));
  EXPECT_FALSE(is_common_password("bukan-sandi-umum-sama-sekali"));
  EXPECT_FALSE(is_common_password(""));
}

TEST(PasswordPolicyTest, BlocklistFileIsWellFormed) {
  const auto files = embedded_common_passwords();
  ASSERT_EQ(files.size(), 1U);
  EXPECT_EQ(files.front().first, "common_passwords.txt");
  const auto lines = blocklist_lines();
  EXPECT_GE(lines.size(), 400U);
  std::set<std::string> unique;
  std::string previous;
  for (const auto& line : lines) {
    EXPECT_FALSE(line.empty());
    EXPECT_EQ(line.find_first_of(" \t\r"), std::string::npos) << line;
    EXPECT_GE(line.size(), kMinimumPasswordCharacters) << line;
    EXPECT_LE(line.size(), kMaximumPasswordBytes) << line;
    EXPECT_EQ(line.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos) << line;
    EXPECT_LT(previous, line) << "sorted and unique";
    EXPECT_TRUE(unique.insert(line).second) << line;
    previous = line;
  }
}

TEST(PasswordPolicyTest, BlocklistHoldsTheWellKnownOnes) {
  const auto lines = blocklist_lines();
  const std::set<std::string> entries(lines.begin(), lines.end());
  for (const char* password :
       {"1234567890",   "qwertyuiop",   "password123",   "iloveyou123", "1q2w3e4r5t",  "qwerty12345",
        "abcdefghij",   "password1234", "administrator", "0987654321",  "1111111111",  "asdfghjkl;",
        "passw0rd123",  "welcome123",   "sunshine123",   "football123", "princess123", "indonesia123",
        "bismillah123", "bismillah1",   "sayangku123",   "merdeka1945", "pancasila45", "garuda12345",
        "jakarta123",   "samarinda123", "balikpapan1",   "kaltim12345", "pemprov2025", "pemprovkaltim",
        "rahasia123",   "katasandi123", "password@123",  "admin12345",  "sinergi2026", "gubernur123",
        "p@ssw0rd123",  "bandung1234",  "surabaya123",   "asdasdasd1",  "qweqweqwe1"}) {
    EXPECT_TRUE(entries.contains(password)) << password;
    EXPECT_TRUE(is_common_password(password)) << password;
  }
}

TEST(PasswordPolicyTest, EveryBlocklistEntryIsRefused) {
  for (const auto& line : blocklist_lines()) {
    EXPECT_FALSE(check_new_password(line, "x").ok()) << line;
  }
}

}  // namespace
}  // namespace sinergi::auth
