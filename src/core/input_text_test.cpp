#include "core/input_text.h"

#include <gtest/gtest.h>

#include <string>

namespace sinergi {
namespace {

TEST(InputTextTest, TrimsAsciiWhitespaceOnly) {
  EXPECT_EQ(trim_ascii_whitespace(" \t\r\n\v\f99,66 \n"), "99,66");
  EXPECT_EQ(trim_ascii_whitespace("   "), "");
  EXPECT_EQ(trim_ascii_whitespace(""), "");
  EXPECT_EQ(trim_ascii_whitespace("a b"), "a b");
  EXPECT_EQ(trim_ascii_whitespace("\xC2\xA0"
                                  "12"),
            "\xC2\xA0"
            "12");  // no-break space stays
}

TEST(InputTextTest, DetectsNonAscii) {
  EXPECT_TRUE(is_ascii("1.004.422.800"));
  EXPECT_TRUE(is_ascii(""));
  EXPECT_FALSE(is_ascii("\xD9\xA1"));
  EXPECT_FALSE(is_ascii("12\xC2\xA0"));
}

TEST(InputTextTest, ExcerptKeepsShortValidText) {
  EXPECT_EQ(excerpt_for_message("2025-Q5"), "2025-Q5");
  EXPECT_EQ(excerpt_for_message(""), "");
  EXPECT_EQ(excerpt_for_message("Triwulan \xE2\x85\xA2"), "Triwulan \xE2\x85\xA2");  // Roman numeral three
}

TEST(InputTextTest, ExcerptCutsByCharactersNotBytes) {
  EXPECT_EQ(excerpt_for_message(std::string(41, 'a')), std::string(40, 'a') + "\xE2\x80\xA6");
  EXPECT_EQ(excerpt_for_message(std::string(40, 'a')), std::string(40, 'a'));
  std::string arabic_digits;
  for (int repeat = 0; repeat < 50; ++repeat) {
    arabic_digits += "\xD9\xA1";
  }
  std::string expected;
  for (int repeat = 0; repeat < 40; ++repeat) {
    expected += "\xD9\xA1";
  }
  EXPECT_EQ(excerpt_for_message(arabic_digits), expected + "\xE2\x80\xA6");
  EXPECT_EQ(excerpt_for_message("abcdef", 3), "abc\xE2\x80\xA6");
}

TEST(InputTextTest, ExcerptReplacesMalformedBytesAndControls) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(excerpt_for_message("a\xFF"
                                "b"),
            "a" + replacement + "b");
  EXPECT_EQ(excerpt_for_message("\xC3"), replacement);                                      // cut sequence
  EXPECT_EQ(excerpt_for_message("\xC0\xAF"), replacement + replacement);                    // overlong '/'
  EXPECT_EQ(excerpt_for_message("\xED\xA0\x80"), replacement + replacement + replacement);  // surrogate
  EXPECT_EQ(excerpt_for_message("\xF4\x90\x80\x80").substr(0, 3), replacement);             // beyond U+10FFFF
  EXPECT_EQ(excerpt_for_message("a\nb\x7F"), "a" + replacement + "b" + replacement);
  EXPECT_EQ(excerpt_for_message(std::string("a\0b", 3)), "a" + replacement + "b");
  EXPECT_EQ(excerpt_for_message("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");  // emoji is valid
}

}  // namespace
}  // namespace sinergi
