// numbers.h — cardinal numbers as news writes them, in digits or words.
//
// Shared by date resolution ("eight years ago") and count extraction ("more
// than 100,000 troops"); it lives in dates/ because extract/ depends on dates/
// and not the other way round. Only exact cardinals are read here; vague
// plurals ("hundreds", "tens of thousands") are a count-extraction concern.
// Pure functions; safe from any thread.
#ifndef FAULTLINE_DATES_NUMBERS_H_
#define FAULTLINE_DATES_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "faultline/document.h"

namespace faultline {

// "5", "100,000", "13,200", "1.5", ".5" is rejected. Thousands separators
// must group by three ("1,00" and "1,0000" are not numbers); no sign.
std::optional<double> ParseNumeral(std::string_view form);

// True for a plain run of ASCII digits ("2014"; not "2,014").
bool IsDigitRun(std::string_view form);

// "zero".."nineteen", "twenty".."ninety", and hyphenated compounds
// ("twenty-five"). Lower-case input. Not ordinals ("third").
std::optional<int> CardinalWordValue(std::string_view lower);

// "hundred" 1e2, "thousand" 1e3, "million" 1e6, "billion" 1e9, "trillion"
// 1e12. Lower-case input; singular only (plurals are vague quantities).
std::optional<double> ScaleWordValue(std::string_view lower);

struct NumberMatch {
  uint32_t end = 0;     // one past the last token of the number
  double value = 0;
  bool numeral = false; // written (at least partly) in digits
};

// The longest cardinal starting at toks[i] of the n tokens of a sentence:
// "1.5 million", "5,000", "two hundred and fifty", "twenty - five",
// "a dozen", "a hundred", "two dozen". nullopt when toks[i] starts none.
std::optional<NumberMatch> MatchNumber(const Token* toks, uint32_t n, uint32_t i);

}  // namespace faultline

#endif  // FAULTLINE_DATES_NUMBERS_H_
