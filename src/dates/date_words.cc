// Word tables for date expressions.
#include "dates/date_words.h"

#include <array>
#include <cctype>

namespace faultline {
namespace {

struct MonthEntry {
  std::string_view full;
  std::array<std::string_view, 2> abbrevs;  // "" = unused slot
};

constexpr MonthEntry kMonths[] = {
    {"january", {"jan", ""}},    {"february", {"feb", ""}},   {"march", {"mar", ""}},
    {"april", {"apr", ""}},      {"may", {"", ""}},           {"june", {"jun", ""}},
    {"july", {"jul", ""}},       {"august", {"aug", ""}},     {"september", {"sep", "sept"}},
    {"october", {"oct", ""}},    {"november", {"nov", ""}},   {"december", {"dec", ""}},
};

constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

bool IsCapitalised(std::string_view form) {
  return !form.empty() && std::isupper(static_cast<unsigned char>(form[0]));
}

}  // namespace


MonthWord LookupMonth(std::string_view form) {
  if (!IsCapitalised(form)) return {};
  const bool dotted = form.size() > 1 && form.back() == '.';
  const std::string lower = AsciiLower(dotted ? form.substr(0, form.size() - 1) : form);
  for (unsigned m = 0; m < 12; ++m) {
    const MonthEntry& e = kMonths[m];
    if (!dotted && lower == e.full) {
      return MonthWord{m + 1, false, lower == "may" || lower == "march"};
    }
    for (std::string_view a : e.abbrevs) {
      if (!a.empty() && lower == a) return MonthWord{m + 1, true, false};
    }
  }
  return {};
}

unsigned LookupWeekday(std::string_view form) {
  if (!IsCapitalised(form)) return 0;
  const std::string lower = AsciiLower(form);
  for (unsigned d = 0; d < 7; ++d) {
    if (lower == kWeekdays[d]) return d + 1;
  }
  return 0;
}

CalendarUnit LookupUnit(std::string_view lower) {
  if (lower.size() > 1 && lower.back() == 's') lower.remove_suffix(1);
  if (lower == "day") return CalendarUnit::kDay;
  if (lower == "week") return CalendarUnit::kWeek;
  if (lower == "month") return CalendarUnit::kMonth;
  if (lower == "year") return CalendarUnit::kYear;
  if (lower == "decade") return CalendarUnit::kDecade;
  return CalendarUnit::kNone;
}

bool IsPartOfDay(std::string_view lower) {
  return lower == "morning" || lower == "afternoon" || lower == "evening" || lower == "night";
}

}  // namespace faultline
