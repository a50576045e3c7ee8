// find_dates.h — date expressions in a sentence, resolved against the
// publication day.
//
// Recognised (each may follow "since", which makes it a period start):
//   ISO            2022-02-01
//   calendar       February 1 | Feb. 1 | Feb 3 | 1 February | February 1, 2022
//                  | February 2021 | in February | in 2014 | the 2014 annexation
//                  optionally led by a weekday ("Tuesday, February 1") or by
//                  early/late/mid ("early February", "mid-2021")
//   weekday        on Tuesday | Friday night | next/last/this Tuesday
//   deictic        today | tonight | yesterday (morning) | tomorrow
//                  | earlier today | last night | this morning
//   relative       last/this/next week|month|year | earlier this month
//                  | last/next February
//   ago            eight years ago | two days ago | a week ago | a decade ago
//   period         over/in/for the past eight years | the last two weeks
//                  | since 2014 | since last year
// Year-less and relative dates follow the conventions in dates/resolve.h.
//
// The span covers the expression itself and words that change its value
// (since, last, ago, the past), not a plain locating preposition ("on", "in",
// "at"), which the coder reads from the tree if it needs it.
//
// Thread contract: pure function of its arguments; safe from any thread.
#ifndef FAULTLINE_DATES_FIND_DATES_H_
#define FAULTLINE_DATES_FIND_DATES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dates/civil_date.h"
#include "dates/token_window.h"
#include "faultline/document.h"

namespace faultline {

struct DateMention {
  enum class Precision { kDay, kWeek, kMonth, kYear };
  // kPoint: the event is at `value`. kSince: a period from `value` up to the
  // publication day ("since 2014"; "over the past eight years" from
  // 2022-02-03 is kSince "2014").
  enum class Extent { kPoint, kSince };

  uint32_t first_token = 0;  // token indices within the sentence, [first, end)
  uint32_t end_token = 0;
  // ISO at its precision, always a prefix of a full date: "2022-02-01",
  // "2022-02", "2014". Week precision gives the week's Monday as a full date
  // ("last week" from Thursday 2022-02-03 is "2022-01-24"), so values stay
  // ISO dates that sort and compare like every other value.
  std::string value;
  Precision precision = Precision::kDay;
  Extent extent = Extent::kPoint;
};

// Date mentions of `s`, in sentence order and not overlapping. Works from
// token forms alone; when the parser has run (Token::head set) it uses the
// tree to tell a future weekday ("will meet on Tuesday") from a past one.
std::vector<DateMention> FindDates(const Document& doc, const Sentence& s,
                                   const CivilDate& published);
// The same on a sentence whose TokenWindow the caller has made already.
std::vector<DateMention> FindDates(const TokenWindow& sentence, const CivilDate& published);

const char* PrecisionName(DateMention::Precision p);

}  // namespace faultline

#endif  // FAULTLINE_DATES_FIND_DATES_H_
