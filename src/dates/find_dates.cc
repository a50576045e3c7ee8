// Date expressions: a left-to-right scan that tries, at each token, a fixed
// list of small pattern matchers (longest expressions start earliest, so the
// first matcher that fires at a position wins) and resolves the match against
// the publication day with the rules in resolve.h.
#include "dates/find_dates.h"

#include <cctype>
#include <cmath>
#include <optional>

#include "base/iso_date.h"
#include "dates/date_words.h"
#include "dates/numbers.h"
#include "dates/resolve.h"

namespace faultline {
namespace {

using Precision = DateMention::Precision;
using Extent = DateMention::Extent;

struct When {
  CivilDate date;  // fields finer than `precision` are 1
  Precision precision = Precision::kDay;
};

struct Match {
  uint32_t first = 0;
  uint32_t end = 0;
  When when;
  Extent extent = Extent::kPoint;
};

When Day(const CivilDate& d) { return {d, Precision::kDay}; }
When Week(const CivilDate& d) { return {MondayOf(d), Precision::kWeek}; }
When Month(YearMonth ym) { return {{ym.year, ym.month, 1}, Precision::kMonth}; }
When Year(int year) { return {{year, 1, 1}, Precision::kYear}; }

// The coarsest sensible reading of "n units before publication".
When AtUnit(const CivilDate& d, CalendarUnit unit, bool weeks_as_days) {
  switch (unit) {
    case CalendarUnit::kDay: return Day(d);
    case CalendarUnit::kWeek: return weeks_as_days ? Day(d) : Week(d);
    case CalendarUnit::kMonth: return Month({d.year, d.month});
    default: return Year(d.year);
  }
}

std::string ValueOf(const When& w) {
  switch (w.precision) {
    case Precision::kDay:
    case Precision::kWeek: return ToIso(w.date);
    case Precision::kMonth: return ToIsoMonth(w.date.year, w.date.month);
    case Precision::kYear: return ToIsoYear(w.date.year);
  }
  return "";
}

bool IsCapitalised(std::string_view form) {
  return !form.empty() && std::isupper(static_cast<unsigned char>(form[0]));
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (w == s) return true;
  }
  return false;
}

// "mid-February", "mid-2021": the tokenizer keeps these as one token.
std::string_view StripMid(std::string_view form) {
  if (form.size() > 4 && (form.substr(0, 4) == "mid-" || form.substr(0, 4) == "Mid-")) {
    return form.substr(4);
  }
  return form;
}

// "1", "21st", "3rd": a day of the month.
std::optional<unsigned> DayNumber(std::string_view form) {
  size_t digits = 0;
  while (digits < form.size() && std::isdigit(static_cast<unsigned char>(form[digits]))) ++digits;
  if (digits == 0 || digits > 2) return std::nullopt;
  std::string_view suffix = form.substr(digits);
  if (!suffix.empty() && !OneOf(suffix, {"st", "nd", "rd", "th"})) return std::nullopt;
  unsigned day = static_cast<unsigned>(std::stoi(std::string(form.substr(0, digits))));
  if (day < 1 || day > 31) return std::nullopt;
  return day;
}

// Four plain digits in the accepted year range ("2,014" is a count).
std::optional<int> YearNumber(std::string_view form) {
  if (form.size() != 4 || !IsDigitRun(form)) return std::nullopt;
  int year = std::stoi(std::string(form));
  if (year < kMinIsoYear || year > kMaxIsoYear) return std::nullopt;
  return year;
}

// Words after which a bare four-digit number reads as a year.
bool IsYearTrigger(std::string_view lower) {
  return OneOf(lower, {"in", "since", "by", "until", "till", "from", "through", "during",
                       "before", "after", "of", "around", "circa", "between", "early",
                       "late", "mid", "spring", "summer", "autumn", "fall", "winter"});
}

// Determiners before a year used as a modifier ("the 2014 annexation").
bool IsDeterminer(std::string_view lower) {
  return OneOf(lower, {"the", "a", "an", "its", "their", "his", "her", "'s"});
}

bool IsRangeWord(std::string_view lower) {
  return OneOf(lower, {"and", "to", "or", "-"});
}

class DateScanner {
 public:
  DateScanner(const TokenWindow& w, const CivilDate& pub)
      : w_(w), toks_(w.tokens()), n_(w.size()), pub_(pub), has_tree_(w.has_tree()) {}

  std::vector<DateMention> Run() const;

 private:
  const std::string& Low(int64_t i) const { return w_.Low(i); }
  std::string_view Form(int64_t i) const { return w_.Form(i); }

  std::optional<Match> MatchAt(uint32_t i) const;
  std::optional<Match> MatchPoint(uint32_t i) const;
  std::optional<Match> MatchPast(uint32_t i) const;
  std::optional<Match> MatchIso(uint32_t i) const;
  std::optional<Match> MatchDeictic(uint32_t i) const;
  std::optional<Match> MatchRelative(uint32_t i) const;
  std::optional<When> RelativeTarget(int dir, uint32_t k) const;
  std::optional<Match> MatchAgo(uint32_t i) const;
  std::optional<Match> MatchWeekday(uint32_t i) const;
  std::optional<Match> MatchCalendar(uint32_t i) const;
  std::optional<Match> MatchMonthFirst(uint32_t i, const MonthWord& mw) const;
  std::optional<Match> MatchYear(uint32_t i) const;
  std::optional<int64_t> CountAt(uint32_t i, uint32_t* end) const;
  bool LooksPlural(uint32_t k) const;
  bool AfterMidHyphen(uint32_t i) const {
    return i > 1 && Low(i - 1) == "-" && Low(i - 2) == "mid";
  }
  bool FutureContext(uint32_t i) const;

  const TokenWindow& w_;
  const Token* toks_;
  uint32_t n_;
  CivilDate pub_;
  bool has_tree_;
};

std::vector<DateMention> DateScanner::Run() const {
  std::vector<DateMention> out;
  for (uint32_t i = 0; i < n_;) {
    std::optional<Match> m = MatchAt(i);
    const int year = m ? m->when.date.year : 0;
    if (!m || year < kMinIsoYear || year > kMaxIsoYear) {
      ++i;
      continue;
    }
    // "early February", "late 2021": the modifier narrows, the value stays.
    const bool free_before = out.empty() || out.back().end_token < m->first;
    if (m->first > 0 && free_before && OneOf(Low(m->first - 1), {"early", "late", "mid"})) {
      --m->first;
    } else if (m->first > 1 && free_before && Low(m->first - 1) == "-" &&
               Low(m->first - 2) == "mid") {
      m->first -= 2;  // "mid - February" from a tokenizer that splits hyphens
    }
    out.push_back(DateMention{m->first, m->end, ValueOf(m->when), m->when.precision, m->extent});
    i = m->end;
  }
  return out;
}

std::optional<Match> DateScanner::MatchAt(uint32_t i) const {
  if (auto m = MatchPast(i)) return m;
  if (Low(i) == "since") {
    if (auto m = MatchPoint(i + 1)) {
      m->first = i;
      m->extent = Extent::kSince;
      return m;
    }
  }
  return MatchPoint(i);
}

std::optional<Match> DateScanner::MatchPoint(uint32_t i) const {
  if (i >= n_) return std::nullopt;
  if (auto m = MatchIso(i)) return m;
  if (auto m = MatchDeictic(i)) return m;
  if (auto m = MatchRelative(i)) return m;
  if (auto m = MatchAgo(i)) return m;
  if (auto m = MatchWeekday(i)) return m;
  if (auto m = MatchCalendar(i)) return m;
  return MatchYear(i);
}

// "over the past eight years", "in the last week", "the past two months".
std::optional<Match> DateScanner::MatchPast(uint32_t i) const {
  uint32_t j = i;
  if (OneOf(Low(j), {"over", "in", "for", "during", "within", "throughout"})) ++j;
  if (Low(j) != "the" || !OneOf(Low(j + 1), {"past", "last"})) return std::nullopt;
  j += 2;
  int64_t count = 1;
  if (auto n = CountAt(j, &j)) count = *n;
  const CalendarUnit unit = LookupUnit(Low(j));
  if (unit == CalendarUnit::kNone) return std::nullopt;
  const CivilDate start = ShiftBack(pub_, count, unit);
  return Match{i, j + 1, AtUnit(start, unit, /*weeks_as_days=*/true), Extent::kSince};
}

std::optional<Match> DateScanner::MatchIso(uint32_t i) const {
  if (auto d = ParseIsoDate(Form(i)); d.ok()) return Match{i, i + 1, Day(*d)};
  // "2022 - 02 - 01" when the tokenizer split the hyphens.
  if (Form(i).size() == 4 && Form(i + 1) == "-" && Form(i + 3) == "-") {
    std::string joined = std::string(Form(i)) + "-" + std::string(Form(i + 2)) + "-" +
                         std::string(Form(i + 4));
    if (auto d = ParseIsoDate(joined); d.ok()) return Match{i, i + 5, Day(*d)};
  }
  return std::nullopt;
}

std::optional<Match> DateScanner::MatchDeictic(uint32_t i) const {
  uint32_t j = i;
  if (OneOf(Low(j), {"earlier", "later"}) && Low(j + 1) == "today") ++j;
  const std::string& w = Low(j);
  int offset = 0;
  if (w == "yesterday") {
    offset = -1;
  } else if (w == "tomorrow") {
    offset = 1;
  } else if (w != "today" && w != "tonight") {
    return std::nullopt;
  }
  // "Today" capitalised mid-sentence is a name (Russia Today, USA Today).
  if (j > 0 && IsCapitalised(Form(j))) return std::nullopt;
  uint32_t end = j + 1;
  if (w != "tonight" && IsPartOfDay(Low(end))) ++end;
  return Match{i, end, Day(AddDays(pub_, offset))};
}

// [earlier|later|early|late] (this|last|next) (week|month|year|<weekday>|
// <month>|night|morning...).
std::optional<Match> DateScanner::MatchRelative(uint32_t i) const {
  uint32_t j = i;
  if (OneOf(Low(j), {"earlier", "later", "early", "late"})) ++j;
  const std::string& rel = Low(j);
  if (!OneOf(rel, {"this", "last", "next"})) return std::nullopt;
  // "the last week" is a period, and "the next day" is narrative time.
  if (Low(static_cast<int64_t>(i) - 1) == "the") return std::nullopt;
  const int dir = rel == "last" ? -1 : rel == "next" ? 1 : 0;
  std::optional<When> when = RelativeTarget(dir, j + 1);
  if (!when) return std::nullopt;
  uint32_t end = j + 2;
  if (LookupWeekday(Form(j + 1)) != 0 && IsPartOfDay(Low(end))) ++end;
  return Match{i, end, *when};
}

std::optional<When> DateScanner::RelativeTarget(int dir, uint32_t k) const {
  const std::string& what = Low(k);
  const YearMonth this_month{pub_.year, pub_.month};
  if (what == "week") return Week(AddDays(pub_, 7 * dir));
  if (what == "month") return Month(AddMonths(this_month, dir));
  if (what == "year") return Year(pub_.year + dir);
  if (unsigned wd = LookupWeekday(Form(k))) {
    const WeekdayRule rule =
        dir < 0 ? WeekdayRule::kBefore : dir > 0 ? WeekdayRule::kAfter : WeekdayRule::kSameWeek;
    return Day(ResolveWeekday(wd, rule, pub_));
  }
  MonthWord mw = LookupMonth(Form(k));
  if (mw.month != 0 && !mw.abbreviated) {
    if (dir < 0) return Month(PreviousMonthNamed(mw.month, pub_));
    if (dir > 0) return Month(NextMonthNamed(mw.month, pub_));
    return Month({pub_.year, mw.month});
  }
  if (dir < 0 && what == "night") return Day(AddDays(pub_, -1));
  if (dir == 0 && IsPartOfDay(what)) return Day(pub_);
  return std::nullopt;
}

// A whole number of units at tokens[i...]: "eight", "two", "13", "a".
std::optional<int64_t> DateScanner::CountAt(uint32_t i, uint32_t* end) const {
  if (auto m = MatchNumber(toks_, n_, i)) {
    if (m->value < 1 || m->value > 5000 || m->value != std::floor(m->value)) return std::nullopt;
    *end = m->end;
    return static_cast<int64_t>(m->value);
  }
  if (Low(i) == "a" || Low(i) == "an") {
    *end = i + 1;
    return 1;
  }
  return std::nullopt;
}

// "eight years ago", "two days ago", "a week ago".
std::optional<Match> DateScanner::MatchAgo(uint32_t i) const {
  uint32_t k = i;
  std::optional<int64_t> count = CountAt(i, &k);
  if (!count) return std::nullopt;
  const CalendarUnit unit = LookupUnit(Low(k));
  if (unit == CalendarUnit::kNone || Low(k + 1) != "ago") return std::nullopt;
  return Match{i, k + 2, AtUnit(ShiftBack(pub_, *count, unit), unit, false)};
}

std::optional<Match> DateScanner::MatchWeekday(uint32_t i) const {
  const unsigned wd = LookupWeekday(Form(i));
  if (wd == 0) return std::nullopt;
  // "Tuesday, February 1": the calendar date decides.
  const uint32_t after = Form(i + 1) == "," ? i + 2 : i + 1;
  if (auto m = MatchCalendar(after); m && m->when.precision == Precision::kDay) {
    m->first = i;
    return m;
  }
  const WeekdayRule rule = FutureContext(i) ? WeekdayRule::kOnOrAfter : WeekdayRule::kOnOrBefore;
  uint32_t end = i + 1;
  if (IsPartOfDay(Low(end))) ++end;
  return Match{i, end, Day(ResolveWeekday(wd, rule, pub_))};
}

std::optional<Match> DateScanner::MatchCalendar(uint32_t i) const {
  if (i >= n_) return std::nullopt;
  MonthWord mw = LookupMonth(StripMid(Form(i)));
  if (mw.month != 0) return MatchMonthFirst(i, mw);
  // "1 February", "1 Feb. 2022".
  std::optional<unsigned> day = DayNumber(Form(i));
  MonthWord next = LookupMonth(Form(i + 1));
  if (!day || next.month == 0) return std::nullopt;
  uint32_t k = i + 2;
  if (next.abbreviated && Form(k) == ".") ++k;
  if (auto year = YearNumber(Form(k))) {
    if (!IsRealDay(*year, next.month, *day)) return std::nullopt;
    return Match{i, k + 1, Day({*year, next.month, *day})};
  }
  std::optional<CivilDate> d = NearestMonthDay(next.month, *day, pub_);
  if (!d) return std::nullopt;
  return Match{i, k, Day(*d)};
}

// "February 1", "Feb. 1, 2022", "February 2021", "(in) February".
std::optional<Match> DateScanner::MatchMonthFirst(uint32_t i, const MonthWord& mw) const {
  uint32_t k = i + 1;
  if (mw.abbreviated && Form(k) == ".") ++k;
  if (std::optional<unsigned> day = DayNumber(Form(k))) {
    const uint32_t y = Form(k + 1) == "," ? k + 2 : k + 1;
    if (auto year = YearNumber(Form(y))) {
      if (!IsRealDay(*year, mw.month, *day)) return std::nullopt;
      return Match{i, y + 1, Day({*year, mw.month, *day})};
    }
    std::optional<CivilDate> d = NearestMonthDay(mw.month, *day, pub_);
    if (!d) return std::nullopt;
    return Match{i, k + 1, Day(*d)};
  }
  if (auto year = YearNumber(Form(k))) return Match{i, k + 1, Month({*year, mw.month})};
  if (mw.abbreviated) return std::nullopt;  // "Jan" alone is more often a name
  const bool after_trigger = IsYearTrigger(Low(static_cast<int64_t>(i) - 1)) ||
                             StripMid(Form(i)) != Form(i) || AfterMidHyphen(i);
  if (mw.ambiguous && !after_trigger) return std::nullopt;  // "may", "March on"
  if (!after_trigger && IsCapitalised(Form(k))) return std::nullopt;  // "June Carter"
  return Match{i, i + 1, Month(NearestMonth(mw.month, pub_))};
}

// "in 2014", "since 1997", "between 2014 and 2022", "the 2014 annexation".
std::optional<Match> DateScanner::MatchYear(uint32_t i) const {
  const bool mid = StripMid(Form(i)) != Form(i) || AfterMidHyphen(i);
  std::optional<int> year = YearNumber(StripMid(Form(i)));
  if (!year) return std::nullopt;
  const std::string& prev = Low(static_cast<int64_t>(i) - 1);
  bool ok = mid;
  if (IsYearTrigger(prev)) ok = !LooksPlural(i + 1);
  if (IsRangeWord(prev) && YearNumber(Form(static_cast<int64_t>(i) - 2))) ok = true;
  if (IsDeterminer(prev) && *year >= 1900 && *year <= 2100) {
    const std::string& next = Low(i + 1);
    ok = !next.empty() && std::isalpha(static_cast<unsigned char>(next[0])) &&
         !IsCapitalised(Form(i + 1));
  }
  if (!ok) return std::nullopt;
  return Match{i, i + 1, Year(*year)};
}

// A plural noun after a number makes it a count ("in 2000 tanks").
bool DateScanner::LooksPlural(uint32_t k) const {
  if (k >= n_) return false;
  if (!toks_[k].xpos.empty()) return toks_[k].xpos == "NNS";
  const std::string& w = Low(k);
  if (OneOf(w, {"people", "men", "women", "children", "personnel", "police"})) return true;
  if (w.size() < 4 || w.back() != 's' || IsCapitalised(Form(k))) return false;
  const char before = w[w.size() - 2];
  return before != 's' && before != 'u' && before != 'i';
}

// True when the clause of token i speaks of the future ("will meet on
// Tuesday"). Uses the tree when there is one: an aux will/shall on the verb
// the date attaches to. Otherwise scans back to the start of the clause.
bool DateScanner::FutureContext(uint32_t i) const {
  auto is_future_aux = [&](uint32_t k) {
    return OneOf(Low(k), {"will", "'ll", "shall"}) || toks_[k].lemma == "will";
  };
  if (has_tree_ && toks_[i].head >= 0) {
    const int32_t verb = toks_[i].head;
    for (uint32_t k = 0; k < n_; ++k) {
      if (toks_[k].head == verb && is_future_aux(k)) return true;
    }
    return false;
  }
  for (int64_t k = static_cast<int64_t>(i) - 1; k >= 0; --k) {
    if (is_future_aux(static_cast<uint32_t>(k))) return true;
    if (OneOf(Low(k), {"said", "says", ";", "."})) break;
  }
  return false;
}

}  // namespace

std::vector<DateMention> FindDates(const Document& doc, const Sentence& s,
                                   const CivilDate& published) {
  return FindDates(TokenWindow(doc, s), published);
}

std::vector<DateMention> FindDates(const TokenWindow& sentence, const CivilDate& published) {
  return DateScanner(sentence, published).Run();
}

const char* PrecisionName(DateMention::Precision p) {
  switch (p) {
    case Precision::kDay: return "day";
    case Precision::kWeek: return "week";
    case Precision::kMonth: return "month";
    case Precision::kYear: return "year";
  }
  return "?";
}

}  // namespace faultline
