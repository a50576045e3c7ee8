// text/lexicon.cc — see lexicon.h. The lists are sorted so lookups are a
// binary search; lexicon_test.cc checks the order.
#include "text/lexicon.h"

#include <algorithm>
#include <cstddef>
#include <unordered_map>

namespace faultline {
namespace {

template <size_t N>
bool Contains(const std::string_view (&sorted)[N], std::string_view w) {
  return std::binary_search(sorted, sorted + N, w);
}

template <size_t N>
bool Sorted(const std::string_view (&list)[N]) {
  return std::is_sorted(list, list + N);
}

// Titles and name parts: "Gen. Mark Milley", "St. Petersburg".
constexpr std::string_view kTitles[] = {
    "Adm", "Ald", "Amb", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Dr", "Fr", "Ft", "Gen",
    "Gov", "Hon", "Lt", "Maj", "Messrs", "Mme", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Pres",
    "Prof", "Pvt", "Rep", "Rev", "Sen", "Sgt", "St", "Supt", "v", "vs",};

constexpr std::string_view kBeforeNumber[] = {
    "No", "Nos", "no", "nos",};

constexpr std::string_view kMonths[] = {
    "Apr", "Aug", "Dec", "Feb", "Jan", "Jul", "Jun", "Mar", "Nov", "Oct", "Sep", "Sept",
    "Thurs", "Tues",};

// Abbreviations that can also be the last word of a sentence.
constexpr std::string_view kCanEnd[] = {
    "Ave", "Blvd", "Bros", "Calif", "Co", "Conn", "Corp", "Dept", "Esq", "Fla", "Inc", "Jr",
    "Ltd", "Mich", "Ont", "Rd", "Sr", "Tenn", "Tex", "Va", "approx", "cf", "est", "etc", "mins",
    "pop", "pp", "vol", "yrs",};

// Prefixes EWT leaves attached (measured on the treebank: the words it keeps
// whole are e-, non-, anti-, pre-, re-, mid-, co-, post-, over-, pro-,
// multi-, ex-, counter-, semi-, sub-, ...; everything else it splits:
// "build - up", "full - scale", "Russia - backed").
constexpr std::string_view kHyphenPrefixes[] = {
    "anti", "bi", "co", "counter", "cross", "de", "e", "ex", "extra", "hyper", "infra", "inter",
    "intra", "macro", "meta", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over",
    "post", "pre", "pro", "pseudo", "psycho", "re", "semi", "socio", "sub", "super", "un",};

constexpr std::string_view kStarters[] = {
    "A", "After", "Also", "An", "And", "As", "At", "Both", "But", "By", "During", "Each",
    "Earlier", "For", "From", "He", "Her", "His", "How", "However", "I", "If", "In", "It",
    "Its", "Last", "Later", "Meanwhile", "Most", "My", "No", "Now", "On", "Once", "One", "Our",
    "She", "Since", "So", "Some", "That", "The", "Their", "Then", "There", "These", "They",
    "This", "Those", "Thus", "To", "Two", "Under", "We", "What", "When", "Where", "While",
    "Why", "With", "Yet", "You",};

constexpr std::string_view kSpeechVerbs[] = {
    "added", "adds", "announced", "asked", "asks", "continued", "declared", "explained",
    "insisted", "replied", "said", "says", "shouted", "stated", "told", "warned", "writes",
    "wrote",};

}  // namespace

// One hash lookup instead of four binary searches: this runs for every word
// before a period.
const std::unordered_map<std::string_view, AbbrevKind>& AbbreviationMap() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, AbbrevKind>();
    for (std::string_view w : kTitles) m->emplace(w, AbbrevKind::kTitle);
    for (std::string_view w : kMonths) m->emplace(w, AbbrevKind::kMonth);
    for (std::string_view w : kBeforeNumber) m->emplace(w, AbbrevKind::kBeforeNumber);
    for (std::string_view w : kCanEnd) m->emplace(w, AbbrevKind::kCanEnd);
    return m;
  }();
  return *map;
}

AbbrevKind LookupAbbreviation(std::string_view w) {
  // Every entry is 1-6 characters long.
  if (w.empty() || w.size() > 6) return AbbrevKind::kNone;
  const auto& map = AbbreviationMap();
  const auto it = map.find(w);
  return it == map.end() ? AbbrevKind::kNone : it->second;
}

bool IsHyphenPrefix(std::string_view word) {
  char buf[8];
  if (word.size() > sizeof(buf)) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
  return Contains(kHyphenPrefixes, std::string_view(buf, word.size()));
}

bool IsSentenceStarter(std::string_view word) { return Contains(kStarters, word); }

bool IsSpeechVerb(std::string_view word) { return Contains(kSpeechVerbs, word); }

namespace internal {

// For lexicon_test.cc: every table must be sorted for binary search.
bool LexiconTablesSorted() {
  return Sorted(kTitles) &&
         Sorted(kBeforeNumber) &&
         Sorted(kMonths) &&
         Sorted(kCanEnd) &&
         Sorted(kHyphenPrefixes) &&
         Sorted(kStarters) &&
         Sorted(kSpeechVerbs);
}

}  // namespace internal
}  // namespace faultline
