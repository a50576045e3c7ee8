// Validation of "YYYY-MM-DD" dates with messages that say what is wrong, so a
// user fixing an input file knows which part of the date to change.
#include "base/iso_date.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>

#include "base/ascii.h"

namespace faultline {
namespace {

constexpr const char* kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses s[begin, begin + len) as an unsigned decimal number; -1 when any of
// it is not a digit.
int ParseDigits(std::string_view s, size_t begin, size_t len) {
  int value = 0;
  for (size_t i = begin; i < begin + len; ++i) {
    if (!IsDigit(s[i])) return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

// True for digits '-' digits '-' digits with a year of more than 4 digits,
// which deserves "year out of range" rather than "wrong form".
bool IsLongYearDate(std::string_view s) {
  size_t dash = s.find('-');
  if (dash == std::string_view::npos || dash <= 4) return false;
  for (size_t i = 0; i < dash; ++i) {
    if (!IsDigit(s[i])) return false;
  }
  std::string_view rest = s.substr(dash);
  return rest.size() == 6 && rest[0] == '-' && rest[3] == '-' &&
         ParseDigits(rest, 1, 2) >= 0 && ParseDigits(rest, 4, 2) >= 0;
}

constexpr std::string_view kYearRange = " is out of range 1000..2999";

// Joins pieces without the temporaries of operator+ (g++ 12 also warns,
// wrongly, on `"literal" + std::string`).
std::string Concat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view p : pieces) out.append(p);
  return out;
}

bool Fail(std::string* why, std::string message) {
  if (why != nullptr) *why = std::move(message);
  return false;
}

}  // namespace

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidIsoDate(std::string_view s, std::string* why) {
  const std::string_view year_digits = s.substr(0, s.find('-'));
  const std::string_view not_a_date = " is not a date: ";
  if (IsLongYearDate(s)) return Fail(why, Concat({s, not_a_date, "year ", year_digits, kYearRange}));
  const bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-';
  const int year = shaped ? ParseDigits(s, 0, 4) : -1;
  const int month = shaped ? ParseDigits(s, 5, 2) : -1;
  const int day = shaped ? ParseDigits(s, 8, 2) : -1;
  if (year < 0 || month < 0 || day < 0) {
    return Fail(why, Concat({"'", s, "' is not a date in YYYY-MM-DD form"}));
  }
  if (year < kMinIsoYear || year > kMaxIsoYear) {
    return Fail(why, Concat({s, not_a_date, "year ", year_digits, kYearRange}));
  }
  if (month < 1 || month > 12) {
    return Fail(why, Concat({s, not_a_date, "there is no month ", s.substr(5, 2)}));
  }
  const int days = DaysInMonth(year, month);
  if (day < 1 || day > days) {
    const std::string count = std::to_string(days);
    return Fail(why, Concat({s, not_a_date, kMonthNames[month - 1], " ", year_digits, " has ",
                             count, " days"}));
  }
  return true;
}

std::string CompactDateToIso(std::string_view s) {
  s = AsciiTrim(s);
  if (s.size() != 6 && s.size() != 8) return "";
  if (!std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  std::string year(s.substr(0, s.size() - 4));
  if (s.size() == 6) year = (std::stoi(year) <= 30 ? "20" : "19") + year;
  std::string iso = year + "-" + std::string(s.substr(s.size() - 4, 2)) + "-" + std::string(s.substr(s.size() - 2));
  return IsValidIsoDate(iso, nullptr) ? iso : "";
}

}  // namespace faultline
