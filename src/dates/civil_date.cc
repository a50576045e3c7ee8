// Civil-date arithmetic over std::chrono calendar types; validation and its
// messages are shared with the input stage (base/iso_date.h) so a bad date
// reads the same wherever it is caught.
#include "dates/civil_date.h"

#include <chrono>
#include <cstdio>

#include "base/iso_date.h"

namespace faultline {
namespace {

namespace chr = std::chrono;

chr::sys_days ToSysDays(const CivilDate& d) {
  return chr::sys_days(chr::year_month_day(chr::year(d.year), chr::month(d.month),
                                           chr::day(d.day)));
}

std::string Pad(int value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, value);
  return buf;
}

}  // namespace

bool IsRealDay(int year, unsigned month, unsigned day) {
  return year >= kMinIsoYear && year <= kMaxIsoYear && month >= 1 && month <= 12 &&
         day >= 1 && static_cast<int>(day) <= DaysInMonth(year, static_cast<int>(month));
}

Result<CivilDate> MakeDate(int year, unsigned month, unsigned day) {
  if (year < kMinIsoYear || year > kMaxIsoYear || month > 99 || day > 99) {
    return Status::Invalid("year " + std::to_string(year) + " month " + std::to_string(month) +
                           " day " + std::to_string(day) + " is not a date");
  }
  return ParseIsoDate(ToIso(CivilDate{year, month, day}));
}

Result<CivilDate> ParseIsoDate(std::string_view s) {
  std::string why;
  if (!IsValidIsoDate(s, &why)) return Status::Invalid(why);
  auto num = [&](size_t b, size_t n) {
    unsigned v = 0;
    for (size_t i = b; i < b + n; ++i) v = v * 10 + static_cast<unsigned>(s[i] - '0');
    return v;
  };
  return CivilDate{static_cast<int>(num(0, 4)), num(5, 2), num(8, 2)};
}

std::string ToIso(const CivilDate& d) {
  return ToIsoMonth(d.year, d.month) + "-" + Pad(static_cast<int>(d.day), 2);
}

std::string ToIsoMonth(int year, unsigned month) {
  return ToIsoYear(year) + "-" + Pad(static_cast<int>(month), 2);
}

std::string ToIsoYear(int year) { return Pad(year, 4); }

int64_t ToDayNumber(const CivilDate& d) { return ToSysDays(d).time_since_epoch().count(); }

CivilDate FromDayNumber(int64_t n) {
  chr::year_month_day ymd{chr::sys_days(chr::days(n))};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day())};
}

CivilDate AddDays(const CivilDate& d, int64_t n) { return FromDayNumber(ToDayNumber(d) + n); }

unsigned IsoWeekday(const CivilDate& d) {
  return chr::weekday(ToSysDays(d)).iso_encoding();
}

CivilDate MondayOf(const CivilDate& d) {
  return AddDays(d, -static_cast<int64_t>(IsoWeekday(d) - 1));
}

YearMonth AddMonths(YearMonth ym, int64_t n) {
  int64_t index = static_cast<int64_t>(ym.year) * 12 + (ym.month - 1) + n;
  int64_t year = index >= 0 ? index / 12 : (index - 11) / 12;
  return YearMonth{static_cast<int>(year), static_cast<unsigned>(index - year * 12 + 1)};
}

int64_t MonthsBetween(YearMonth a, YearMonth b) {
  return (static_cast<int64_t>(b.year) * 12 + b.month) - (static_cast<int64_t>(a.year) * 12 + a.month);
}

}  // namespace faultline
