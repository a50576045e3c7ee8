// iso_date.h — validation of ISO 8601 calendar dates ("YYYY-MM-DD").
//
// Input stages check every publication date before a Document leaves them, so
// later stages may assume Document::date is a real day. Pure functions; safe
// from any thread.
#ifndef FAULTLINE_BASE_ISO_DATE_H_
#define FAULTLINE_BASE_ISO_DATE_H_

#include <string>
#include <string_view>

namespace faultline {

// Years outside this range are taken as typos in news data, not as dates.
inline constexpr int kMinIsoYear = 1000;
inline constexpr int kMaxIsoYear = 2999;

// True when `s` is exactly "YYYY-MM-DD" naming a real day of the Gregorian
// calendar with a year in [kMinIsoYear, kMaxIsoYear]. Otherwise returns false
// and, when `why` is not null, sets it to a sentence naming the fault, e.g.
// "2022-02-30 is not a date: February 2022 has 28 days".
bool IsValidIsoDate(std::string_view s, std::string* why);

// "YYYYMMDD" or "YYMMDD" (years 00-30 are 20YY, the rest 19YY: the
// peers' convention) as ISO "YYYY-MM-DD"; "" when it is not a valid date
// by IsValidIsoDate. Blanks around it are ignored.
std::string CompactDateToIso(std::string_view s);

// Gregorian leap-year rule (every 4th year, except centuries not divisible
// by 400).
bool IsLeapYear(int year);

// Days in `month` (1..12) of `year`; 0 for a month out of range.
int DaysInMonth(int year, int month);

}  // namespace faultline

#endif  // FAULTLINE_BASE_ISO_DATE_H_
