// Resolution rules for year-less and relative dates (see resolve.h).
#include "dates/resolve.h"

#include <algorithm>
#include <cstdlib>

#include "base/iso_date.h"

namespace faultline {

std::optional<CivilDate> NearestMonthDay(unsigned month, unsigned day, const CivilDate& pub) {
  std::optional<CivilDate> best;
  int64_t best_distance = 0;
  const int64_t pub_days = ToDayNumber(pub);
  // Earliest year first so that a tie keeps the past candidate.
  for (int year = pub.year - 1; year <= pub.year + 1; ++year) {
    if (!IsRealDay(year, month, day)) continue;
    CivilDate candidate{year, month, day};
    int64_t distance = std::llabs(ToDayNumber(candidate) - pub_days);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

YearMonth NearestMonth(unsigned month, const CivilDate& pub) {
  const YearMonth now{pub.year, pub.month};
  YearMonth best{pub.year - 1, month};
  for (int year = pub.year; year <= pub.year + 1; ++year) {
    YearMonth candidate{year, month};
    if (std::llabs(MonthsBetween(now, candidate)) < std::llabs(MonthsBetween(now, best))) {
      best = candidate;
    }
  }
  return best;
}

YearMonth PreviousMonthNamed(unsigned month, const CivilDate& pub) {
  return YearMonth{month < pub.month ? pub.year : pub.year - 1, month};
}

YearMonth NextMonthNamed(unsigned month, const CivilDate& pub) {
  return YearMonth{month > pub.month ? pub.year : pub.year + 1, month};
}

CivilDate ResolveWeekday(unsigned weekday, WeekdayRule rule, const CivilDate& pub) {
  const int64_t today = IsoWeekday(pub);
  const int64_t back = (today - weekday + 7) % 7;     // 0..6 days back
  const int64_t ahead = (weekday - today + 7) % 7;    // 0..6 days ahead
  switch (rule) {
    case WeekdayRule::kOnOrBefore: return AddDays(pub, -back);
    case WeekdayRule::kBefore: return AddDays(pub, back == 0 ? -7 : -back);
    case WeekdayRule::kOnOrAfter: return AddDays(pub, ahead);
    case WeekdayRule::kAfter: return AddDays(pub, ahead == 0 ? 7 : ahead);
    case WeekdayRule::kSameWeek: return AddDays(MondayOf(pub), weekday - 1);
  }
  return pub;
}

CivilDate ShiftBack(const CivilDate& pub, int64_t n, CalendarUnit unit) {
  switch (unit) {
    case CalendarUnit::kDay: return AddDays(pub, -n);
    case CalendarUnit::kWeek: return AddDays(pub, -7 * n);
    case CalendarUnit::kDecade: n *= 10; [[fallthrough]];
    case CalendarUnit::kYear: n *= 12; [[fallthrough]];
    case CalendarUnit::kMonth: {
      YearMonth ym = AddMonths(YearMonth{pub.year, pub.month}, -n);
      const int last = DaysInMonth(ym.year, static_cast<int>(ym.month));
      return CivilDate{ym.year, ym.month, std::min<unsigned>(pub.day, static_cast<unsigned>(last))};
    }
    case CalendarUnit::kNone: break;
  }
  return pub;
}

}  // namespace faultline
