// resolve.h — turning a partial or relative date into a calendar date,
// relative to the publication day.
//
// Conventions (newswire):
//   - A month or month-day without a year takes the year that puts it nearest
//     the publication day; ties go to the past, because news mostly reports
//     what happened ("on December 28" in a January 3 story is last December).
//   - A bare weekday is the most recent such day on or before publication
//     ("on Tuesday" in a Tuesday story is that day); in a future context it is
//     the first on or after. "last Tuesday" is strictly before, "next Tuesday"
//     strictly after, "this Tuesday" the one in the publication's ISO week.
// Pure functions; safe from any thread.
#ifndef FAULTLINE_DATES_RESOLVE_H_
#define FAULTLINE_DATES_RESOLVE_H_

#include <cstdint>
#include <optional>

#include "dates/civil_date.h"
#include "dates/date_words.h"

namespace faultline {

// nullopt when no year makes month/day a real day (February 30).
std::optional<CivilDate> NearestMonthDay(unsigned month, unsigned day, const CivilDate& pub);
YearMonth NearestMonth(unsigned month, const CivilDate& pub);
// The latest `month` strictly before the publication month ("last February"),
// and the first strictly after ("next February").
YearMonth PreviousMonthNamed(unsigned month, const CivilDate& pub);
YearMonth NextMonthNamed(unsigned month, const CivilDate& pub);

enum class WeekdayRule { kOnOrBefore, kBefore, kOnOrAfter, kAfter, kSameWeek };
// `weekday` is ISO (1 = Monday).
CivilDate ResolveWeekday(unsigned weekday, WeekdayRule rule, const CivilDate& pub);

// The point `n` units before (n < 0: after) publication: days are exact,
// months and years step the calendar (day clamped), decades are 10 years.
CivilDate ShiftBack(const CivilDate& pub, int64_t n, CalendarUnit unit);

}  // namespace faultline

#endif  // FAULTLINE_DATES_RESOLVE_H_
