#include "dates/civil_date.h"

#include <gtest/gtest.h>

#include "dates/resolve.h"

namespace faultline {
namespace {

TEST(ParseIsoDateTest, AcceptsRealDays) {
  auto d = ParseIsoDate("2022-02-03");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->year, 2022);
  EXPECT_EQ(d->month, 2u);
  EXPECT_EQ(d->day, 3u);
  EXPECT_TRUE(ParseIsoDate("2024-02-29").ok());  // leap year
  EXPECT_TRUE(ParseIsoDate("2000-02-29").ok());  // 400-year rule
  EXPECT_TRUE(ParseIsoDate("1000-01-01").ok());
  EXPECT_TRUE(ParseIsoDate("2999-12-31").ok());
}

struct BadDate {
  const char* input;
  const char* message_part;
};

TEST(ParseIsoDateTest, RejectsWithClearMessage) {
  const BadDate rows[] = {
      {"2022-02-30", "February 2022 has 28 days"},
      {"2023-02-29", "February 2023 has 28 days"},
      {"1900-02-29", "February 1900 has 28 days"},
      {"2022-13-01", "no month 13"},
      {"2022-00-10", "no month 00"},
      {"2022-04-31", "April 2022 has 30 days"},
      {"99999-01-01", "out of range"},
      {"0999-12-31", "out of range"},
      {"3000-01-01", "out of range"},
      {"2022-2-3", "YYYY-MM-DD"},
      {"", "YYYY-MM-DD"},
      {"February 3", "YYYY-MM-DD"},
  };
  for (const BadDate& row : rows) {
    auto d = ParseIsoDate(row.input);
    ASSERT_FALSE(d.ok()) << row.input;
    EXPECT_EQ(d.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(d.status().message().find(row.message_part), std::string::npos)
        << row.input << ": " << d.status().message();
  }
}

TEST(MakeDateTest, Validates) {
  EXPECT_TRUE(MakeDate(2022, 2, 28).ok());
  EXPECT_FALSE(MakeDate(2022, 2, 29).ok());
  EXPECT_FALSE(MakeDate(99999, 1, 1).ok());
  EXPECT_FALSE(MakeDate(2022, 13, 1).ok());
}

TEST(ToIsoTest, PadsAndTruncates) {
  EXPECT_EQ(ToIso(CivilDate{2022, 2, 1}), "2022-02-01");
  EXPECT_EQ(ToIsoMonth(2021, 12), "2021-12");
  EXPECT_EQ(ToIsoYear(1997), "1997");
  EXPECT_EQ(ToIso(*ParseIsoDate("1999-12-31")), "1999-12-31");
}

TEST(ArithmeticTest, DaysAcrossBoundaries) {
  EXPECT_EQ(ToDayNumber(CivilDate{1970, 1, 1}), 0);
  EXPECT_EQ(FromDayNumber(-1), (CivilDate{1969, 12, 31}));
  EXPECT_EQ(AddDays(CivilDate{2022, 1, 1}, -1), (CivilDate{2021, 12, 31}));
  EXPECT_EQ(AddDays(CivilDate{2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays(CivilDate{2022, 2, 28}, 1), (CivilDate{2022, 3, 1}));
}

TEST(ArithmeticTest, Weekdays) {
  EXPECT_EQ(IsoWeekday(CivilDate{2022, 2, 3}), 4u);   // Thursday
  EXPECT_EQ(IsoWeekday(CivilDate{2022, 1, 2}), 7u);   // Sunday
  EXPECT_EQ(MondayOf(CivilDate{2022, 2, 3}), (CivilDate{2022, 1, 31}));
  EXPECT_EQ(MondayOf(CivilDate{2022, 1, 31}), (CivilDate{2022, 1, 31}));
  EXPECT_EQ(MondayOf(CivilDate{2022, 1, 2}), (CivilDate{2021, 12, 27}));
}

TEST(ArithmeticTest, Months) {
  EXPECT_EQ(AddMonths({2022, 1}, -1), (YearMonth{2021, 12}));
  EXPECT_EQ(AddMonths({2022, 12}, 1), (YearMonth{2023, 1}));
  EXPECT_EQ(AddMonths({2022, 2}, -26), (YearMonth{2019, 12}));
  EXPECT_EQ(MonthsBetween({2021, 12}, {2022, 2}), 2);
}

TEST(ResolveTest, NearestYearForMonthDay) {
  const CivilDate jan3{2022, 1, 3};
  EXPECT_EQ(*NearestMonthDay(12, 28, jan3), (CivilDate{2021, 12, 28}));
  EXPECT_EQ(*NearestMonthDay(1, 10, jan3), (CivilDate{2022, 1, 10}));
  const CivilDate dec30{2021, 12, 30};
  EXPECT_EQ(*NearestMonthDay(1, 2, dec30), (CivilDate{2022, 1, 2}));
  EXPECT_FALSE(NearestMonthDay(2, 30, jan3).has_value());
  // February 29 exists only in the leap year among the candidates.
  EXPECT_EQ(*NearestMonthDay(2, 29, CivilDate{2023, 3, 1}), (CivilDate{2024, 2, 29}));
}

TEST(ResolveTest, WeekdayRules) {
  const CivilDate thu{2022, 2, 3};
  EXPECT_EQ(ResolveWeekday(2, WeekdayRule::kOnOrBefore, thu), (CivilDate{2022, 2, 1}));
  EXPECT_EQ(ResolveWeekday(4, WeekdayRule::kOnOrBefore, thu), thu);
  EXPECT_EQ(ResolveWeekday(4, WeekdayRule::kBefore, thu), (CivilDate{2022, 1, 27}));
  EXPECT_EQ(ResolveWeekday(2, WeekdayRule::kAfter, thu), (CivilDate{2022, 2, 8}));
  EXPECT_EQ(ResolveWeekday(4, WeekdayRule::kOnOrAfter, thu), thu);
  EXPECT_EQ(ResolveWeekday(7, WeekdayRule::kSameWeek, thu), (CivilDate{2022, 2, 6}));
}

TEST(ResolveTest, ShiftBackClampsDay) {
  EXPECT_EQ(ShiftBack(CivilDate{2022, 3, 31}, 1, CalendarUnit::kMonth), (CivilDate{2022, 2, 28}));
  EXPECT_EQ(ShiftBack(CivilDate{2022, 2, 3}, 8, CalendarUnit::kYear), (CivilDate{2014, 2, 3}));
  EXPECT_EQ(ShiftBack(CivilDate{2022, 2, 3}, 2, CalendarUnit::kDecade), (CivilDate{2002, 2, 3}));
  EXPECT_EQ(ShiftBack(CivilDate{2022, 1, 3}, 1, CalendarUnit::kWeek), (CivilDate{2021, 12, 27}));
}

}  // namespace
}  // namespace faultline
