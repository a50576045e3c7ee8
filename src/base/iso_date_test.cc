#include "base/iso_date.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline {
namespace {

TEST(IsoDateTest, AcceptsRealDays) {
  for (const char* date : {"2022-02-03", "2024-02-29", "2000-02-29", "1000-01-01", "2999-12-31",
                           "2021-04-30", "2021-12-31"}) {
    std::string why = "untouched";
    EXPECT_TRUE(IsValidIsoDate(date, &why)) << date << ": " << why;
    EXPECT_EQ(why, "untouched") << "a good date must not set why";
  }
}

TEST(IsoDateTest, ExplainsEachFault) {
  struct Case {
    const char* date;
    const char* why;
  };
  const Case cases[] = {
      {"2022-02-30", "2022-02-30 is not a date: February 2022 has 28 days"},
      {"2023-02-29", "2023-02-29 is not a date: February 2023 has 28 days"},
      {"1900-02-29", "1900-02-29 is not a date: February 1900 has 28 days"},
      {"2021-04-31", "2021-04-31 is not a date: April 2021 has 30 days"},
      {"2022-01-00", "2022-01-00 is not a date: January 2022 has 31 days"},
      {"2022-13-01", "2022-13-01 is not a date: there is no month 13"},
      {"2022-00-10", "2022-00-10 is not a date: there is no month 00"},
      {"99999-01-01", "99999-01-01 is not a date: year 99999 is out of range 1000..2999"},
      {"0999-12-31", "0999-12-31 is not a date: year 0999 is out of range 1000..2999"},
      {"3000-01-01", "3000-01-01 is not a date: year 3000 is out of range 1000..2999"},
      {"2022-2-3", "'2022-2-3' is not a date in YYYY-MM-DD form"},
      {"2022/02/03", "'2022/02/03' is not a date in YYYY-MM-DD form"},
      {"20220203", "'20220203' is not a date in YYYY-MM-DD form"},
      {"2022-02-03x", "'2022-02-03x' is not a date in YYYY-MM-DD form"},
      {"yesterday", "'yesterday' is not a date in YYYY-MM-DD form"},
      {"", "'' is not a date in YYYY-MM-DD form"},
      {"2022-0a-03", "'2022-0a-03' is not a date in YYYY-MM-DD form"},
  };
  for (const Case& c : cases) {
    std::string why;
    EXPECT_FALSE(IsValidIsoDate(c.date, &why)) << c.date;
    EXPECT_EQ(why, c.why);
    EXPECT_FALSE(IsValidIsoDate(c.date, nullptr)) << "null why must be allowed";
  }
}

TEST(IsoDateTest, LeapYearRule) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2022));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2022, 2), 28);
  EXPECT_EQ(DaysInMonth(2022, 9), 30);
  EXPECT_EQ(DaysInMonth(2022, 13), 0);
}

}  // namespace
}  // namespace faultline
