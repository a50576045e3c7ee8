// Cardinal numbers in digits and words. Word numbers follow the usual English
// grammar: units and tens add, "hundred" multiplies the running group, and
// "thousand"/"million"/... close a group ("two hundred and fifty thousand").
#include "dates/numbers.h"

#include <cctype>
#include <string>

#include "dates/date_words.h"

namespace faultline {
namespace {

constexpr std::string_view kUnits[] = {
    "zero",    "one",     "two",       "three",    "four",    "five",    "six",
    "seven",   "eight",   "nine",      "ten",      "eleven",  "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
constexpr std::string_view kTens[] = {"twenty", "thirty",  "forty",  "fifty",
                                      "sixty",  "seventy", "eighty", "ninety"};

std::optional<int> SimpleWordValue(std::string_view w) {
  for (int i = 0; i < 20; ++i) {
    if (w == kUnits[i]) return i;
  }
  for (int i = 0; i < 8; ++i) {
    if (w == kTens[i]) return 20 + 10 * i;
  }
  return std::nullopt;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Integer part with optional comma grouping: "100,000" ok, "1,00" not.
bool ValidIntegerPart(std::string_view s) {
  if (s.empty() || !IsDigit(s[0])) return false;
  size_t comma = s.find(',');
  if (comma == std::string_view::npos) return IsDigitRun(s);
  if (comma > 3) return false;
  for (size_t i = comma; i < s.size(); i += 4) {
    if (s[i] != ',' || i + 4 > s.size() || !IsDigitRun(s.substr(i + 1, 3))) return false;
  }
  return IsDigitRun(s.substr(0, comma));
}

// Accumulates word numbers token by token.
class WordNumber {
 public:
  // Returns false when `w` cannot continue the number.
  bool Add(std::string_view w) {
    if (auto v = CardinalWordValue(w)) {
      // "two three" is two numbers; "a five" is none.
      if (last_ == Last::kUnit || last_ == Last::kArticle) return false;
      group_ += *v;
      last_ = Last::kUnit;
      return true;
    }
    if (last_ == Last::kNone) return false;
    if (w == "hundred" || w == "dozen") {
      if (last_ != Last::kUnit && last_ != Last::kArticle) return false;
      group_ *= (w == "hundred") ? 100 : 12;
      last_ = Last::kHundred;
      return true;
    }
    if (auto scale = ScaleWordValue(w); scale && *scale >= 1000) {
      total_ += group_ * *scale;
      group_ = 0;
      last_ = Last::kScale;
      return true;
    }
    return false;
  }
  void Start(double v) { group_ = v; last_ = Last::kUnit; }
  void MarkArticle() { group_ = 1; last_ = Last::kArticle; }
  double value() const { return total_ + group_; }
  bool after_scale() const { return last_ == Last::kHundred || last_ == Last::kScale; }

 private:
  enum class Last { kNone, kArticle, kUnit, kHundred, kScale };
  double total_ = 0;
  double group_ = 0;
  Last last_ = Last::kNone;
};

std::optional<NumberMatch> MatchNumeral(const Token* toks, uint32_t n, uint32_t i) {
  auto v = ParseNumeral(toks[i].form);
  if (!v) return std::nullopt;
  NumberMatch m{i + 1, *v, true};
  while (m.end < n) {
    auto scale = ScaleWordValue(AsciiLower(toks[m.end].form));
    if (!scale) break;
    m.value *= *scale;
    ++m.end;
  }
  return m;
}

// Whether a word number may start with `c`: "a"/"an" or a cardinal
// ("zero".."nineteen", "twenty".."ninety"). Most words fail here, before
// any lower-casing: MatchNumber is tried at every token by dates and counts.
bool MayStartWordNumber(char c) {
  switch (c | 0x20) {
    case 'a': case 'e': case 'f': case 'n': case 'o': case 's': case 't': case 'z': return true;
    default: return false;
  }
}

std::optional<NumberMatch> MatchWords(const Token* toks, uint32_t n, uint32_t i) {
  if (toks[i].form.empty() || !MayStartWordNumber(toks[i].form[0])) return std::nullopt;
  WordNumber num;
  uint32_t j = i;
  const std::string first = AsciiLower(toks[i].form);
  if (first == "a" || first == "an") {
    num.MarkArticle();
    ++j;
  }
  uint32_t end = 0;  // one past the last token that completed a number
  double value = 0;
  while (j < n) {
    std::string w = AsciiLower(toks[j].form);
    // "twenty - five" when the tokenizer split the hyphen.
    if (j + 2 < n && toks[j + 1].form == "-" && SimpleWordValue(w).value_or(0) >= 20) {
      std::string compound = w + "-" + AsciiLower(toks[j + 2].form);
      if (CardinalWordValue(compound) && num.Add(compound)) {
        j += 3;
        end = j;
        value = num.value();
        continue;
      }
    }
    if (w == "and" && num.after_scale() && j + 1 < n &&
        CardinalWordValue(AsciiLower(toks[j + 1].form))) {
      ++j;
      continue;
    }
    if (!num.Add(w)) break;
    ++j;
    end = j;
    value = num.value();
  }
  if (end == 0) return std::nullopt;
  return NumberMatch{end, value, false};
}

}  // namespace

bool IsDigitRun(std::string_view form) {
  if (form.empty()) return false;
  for (char c : form) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

std::optional<double> ParseNumeral(std::string_view form) {
  size_t dot = form.find('.');
  std::string_view int_part = form.substr(0, dot);
  if (!ValidIntegerPart(int_part)) return std::nullopt;
  if (dot != std::string_view::npos && !IsDigitRun(form.substr(dot + 1))) return std::nullopt;
  std::string digits;
  for (char c : form) {
    if (c != ',') digits += c;
  }
  return std::stod(digits);
}

std::optional<int> CardinalWordValue(std::string_view lower) {
  size_t dash = lower.find('-');
  if (dash == std::string_view::npos) return SimpleWordValue(lower);
  auto tens = SimpleWordValue(lower.substr(0, dash));
  auto unit = SimpleWordValue(lower.substr(dash + 1));
  if (!tens || !unit || *tens < 20 || *unit < 1 || *unit > 9) return std::nullopt;
  return *tens + *unit;
}

std::optional<double> ScaleWordValue(std::string_view lower) {
  if (lower == "hundred") return 1e2;
  if (lower == "thousand") return 1e3;
  if (lower == "million") return 1e6;
  if (lower == "billion") return 1e9;
  if (lower == "trillion") return 1e12;
  return std::nullopt;
}

std::optional<NumberMatch> MatchNumber(const Token* toks, uint32_t n, uint32_t i) {
  if (i >= n) return std::nullopt;
  if (auto m = MatchNumeral(toks, n, i)) return m;
  return MatchWords(toks, n, i);
}

}  // namespace faultline
