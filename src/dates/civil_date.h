// civil_date.h — a calendar day without time or zone, and its arithmetic.
//
// Dates in news text resolve against the publication day, so everything here
// is day arithmetic on the proleptic Gregorian calendar. The type is a plain
// {year, month, day} triple; arithmetic goes through C++20 <chrono> calendar
// types (std::chrono::year_month_day / sys_days), which g++ 12 ships in full.
// We chose <chrono> over Howard Hinnant's <date/date.h> because it is the same
// design standardised, needs no extra package, and we use none of the parts
// libstdc++ 12 still lacks (parse/format/time zones).
//
// Pure functions; safe from any thread.
#ifndef FAULTLINE_DATES_CIVIL_DATE_H_
#define FAULTLINE_DATES_CIVIL_DATE_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "faultline/status.h"

namespace faultline {

// A valid Gregorian day. Build one with ParseIsoDate or MakeDate, which check
// it; arithmetic below keeps it valid.
struct CivilDate {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Parses exactly "YYYY-MM-DD". Years are accepted in 1000..2999 (anything else
// in news data is a typo, and four digits keep ISO strings sortable). Errors
// (kInvalidArgument) name the fault: "2022-02-30 is not a date: February 2022
// has 28 days", "...there is no month 13", "...year 99999 is out of range".
Result<CivilDate> ParseIsoDate(std::string_view s);

// Checks y/m/d names a real day with a year in 1000..2999.
Result<CivilDate> MakeDate(int year, unsigned month, unsigned day);
bool IsRealDay(int year, unsigned month, unsigned day);

// "2022-02-01"; ToIsoMonth -> "2022-02"; ToIsoYear -> "2022".
std::string ToIso(const CivilDate& d);
std::string ToIsoMonth(int year, unsigned month);
std::string ToIsoYear(int year);

// Days since 1970-01-01 (negative before) and back.
int64_t ToDayNumber(const CivilDate& d);
CivilDate FromDayNumber(int64_t n);

CivilDate AddDays(const CivilDate& d, int64_t n);

// ISO weekday: 1 = Monday ... 7 = Sunday.
unsigned IsoWeekday(const CivilDate& d);

// The Monday on or before `d`: the value we use for week precision.
CivilDate MondayOf(const CivilDate& d);

// A calendar month with month arithmetic ("last month" from January).
struct YearMonth {
  int year = 1970;
  unsigned month = 1;
  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
  friend bool operator==(const YearMonth&, const YearMonth&) = default;
};
YearMonth AddMonths(YearMonth ym, int64_t n);
// Months from `a` to `b` (positive when b is later).
int64_t MonthsBetween(YearMonth a, YearMonth b);

}  // namespace faultline

#endif  // FAULTLINE_DATES_CIVIL_DATE_H_
