// date_words.h — the closed word lists of English dates: month and weekday
// names with their newswire abbreviations, and calendar units.
//
// Lookups take a token form as written; case matters where it disambiguates
// ("May" the month vs "may" the verb), so callers pass the original form.
// Pure functions over static tables; safe from any thread.
#ifndef FAULTLINE_DATES_DATE_WORDS_H_
#define FAULTLINE_DATES_DATE_WORDS_H_

#include <string>
#include <string_view>

#include "base/ascii.h"

namespace faultline {


struct MonthWord {
  unsigned month = 0;        // 1..12; 0 = not a month
  bool abbreviated = false;  // "Feb", "Feb.", "Sept": needs a day or year
  bool ambiguous = false;    // "May", "March": also common English words
};
// Months must be capitalised ("February", "FEBRUARY"); a trailing '.' is
// allowed on abbreviations ("Feb.").
MonthWord LookupMonth(std::string_view form);

// 1 = Monday .. 7 = Sunday; 0 = not a weekday. Capitalised full names only
// ("Tuesday"), since wire copy does not abbreviate weekdays in running text.
unsigned LookupWeekday(std::string_view form);

enum class CalendarUnit { kNone, kDay, kWeek, kMonth, kYear, kDecade };
// "day", "days", "week(s)", "month(s)", "year(s)", "decade(s)"; lower-case in.
CalendarUnit LookupUnit(std::string_view lower);

// "morning", "afternoon", "evening", "night"; lower-case in.
bool IsPartOfDay(std::string_view lower);

}  // namespace faultline

#endif  // FAULTLINE_DATES_DATE_WORDS_H_
