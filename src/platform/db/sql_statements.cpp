#include "platform/db/sql_statements.h"

#include <cctype>

namespace sinergi::db {
namespace {

bool is_word_character(char character) {
  return std::isalnum(static_cast<unsigned char>(character)) != 0 || character == '_';
}

bool equals_ignoring_case(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) {
    return false;
  }
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (std::toupper(static_cast<unsigned char>(left[index])) !=
        std::toupper(static_cast<unsigned char>(right[index]))) {
      return false;
    }
  }
  return true;
}

// Collects the words (keywords and bare identifiers) of the current statement, enough to
// recognise "CREATE [TEMP|TEMPORARY] TRIGGER" and to track its BEGIN ... END nesting.
class StatementState {
 public:
  void add_word(std::string_view word) {
    if (word_count_ < 3) {
      if (word_count_ == 0) {
        starts_with_create_ = equals_ignoring_case(word, "CREATE");
      } else if (starts_with_create_ && !is_trigger_) {
        if (equals_ignoring_case(word, "TRIGGER")) {
          is_trigger_ = true;
        } else if (!equals_ignoring_case(word, "TEMP") && !equals_ignoring_case(word, "TEMPORARY")) {
          starts_with_create_ = false;
        }
      }
    }
    ++word_count_;
    if (!is_trigger_) {
      return;
    }
    if (equals_ignoring_case(word, "BEGIN") || equals_ignoring_case(word, "CASE")) {
      ++block_depth_;
    } else if (equals_ignoring_case(word, "END") && block_depth_ > 0) {
      --block_depth_;
    }
  }

  bool semicolon_ends_statement() const { return block_depth_ == 0; }
  bool has_content() const { return has_content_; }
  void mark_content() { has_content_ = true; }

 private:
  int word_count_ = 0;
  int block_depth_ = 0;
  bool starts_with_create_ = false;
  bool is_trigger_ = false;
  bool has_content_ = false;
};

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// Returns the length of a dollar-quote tag ("$$", "$body$") starting at `position`, or 0.
std::size_t dollar_tag_length(std::string_view script, std::size_t position) {
  std::size_t end = position + 1;
  if (end < script.size() && std::isdigit(static_cast<unsigned char>(script[end])) != 0) {
    return 0;  // $1 is a positional parameter, not a tag
  }
  while (end < script.size() && is_word_character(script[end])) {
    ++end;
  }
  return end < script.size() && script[end] == '$' ? end - position + 1 : 0;
}

}  // namespace

std::vector<std::string> split_sql_statements(std::string_view script) {
  std::vector<std::string> statements;
  std::size_t statement_start = 0;
  StatementState state;
  const auto finish_statement = [&](std::size_t end) {
    if (state.has_content()) {
      statements.push_back(trimmed(script.substr(statement_start, end - statement_start)));
    }
    statement_start = end + 1;
    state = StatementState();
  };

  std::size_t position = 0;
  while (position < script.size()) {
    const char character = script[position];
    const char next = position + 1 < script.size() ? script[position + 1] : '\0';
    if (character == '-' && next == '-') {
      const std::size_t line_end = script.find('\n', position);
      position = line_end == std::string_view::npos ? script.size() : line_end + 1;
    } else if (character == '/' && next == '*') {
      const std::size_t comment_end = script.find("*/", position + 2);
      position = comment_end == std::string_view::npos ? script.size() : comment_end + 2;
    } else if (character == '\'' || character == '"') {
      // A doubled quote inside is an escaped quote: the scan simply re-enters the quote.
      const std::size_t closing = script.find(character, position + 1);
      position = closing == std::string_view::npos ? script.size() : closing + 1;
      state.mark_content();
    } else if (character == '$' && dollar_tag_length(script, position) > 0) {
      const std::size_t tag_length = dollar_tag_length(script, position);
      const std::string_view tag = script.substr(position, tag_length);
      const std::size_t closing = script.find(tag, position + tag_length);
      position = closing == std::string_view::npos ? script.size() : closing + tag_length;
      state.mark_content();
    } else if (character == ';') {
      if (state.semicolon_ends_statement()) {
        finish_statement(position);
      }
      ++position;
    } else if (is_word_character(character)) {
      std::size_t word_end = position;
      while (word_end < script.size() && is_word_character(script[word_end])) {
        ++word_end;
      }
      state.add_word(script.substr(position, word_end - position));
      state.mark_content();
      position = word_end;
    } else {
      if (std::isspace(static_cast<unsigned char>(character)) == 0) {
        state.mark_content();
      }
      ++position;
    }
  }
  finish_statement(script.size());
  return statements;
}

}  // namespace sinergi::db
