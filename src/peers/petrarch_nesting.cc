#include "peers/petrarch_nesting.h"

#include <algorithm>
#include <string>

#include "base/ascii.h"

namespace faultline::peers {
namespace {

// Words opening a clause a verb governs: adverbial ("after leaving") and
// infinitival ("is said to be about to restore").
bool OpensSubordinateClause(const std::string& lower) {
  static const char* kOpeners[] = {"after", "before", "since", "while", "when", "until", "to"};
  return std::any_of(std::begin(kOpeners), std::end(kOpeners), [&](const char* w) { return lower == w; });
}

// Whether the tokens of sentence `s` between bytes [from, to) hold a word
// opening such a clause with no comma or coordinating conjunction after it.
bool InSubordinateClause(const Document& doc, const Sentence& s, uint32_t from, uint32_t to) {
  bool open = false;
  for (uint32_t i = s.first; i < s.first + s.size; ++i) {
    const Token& t = doc.tokens[i];
    if (t.begin < from || t.end > to) continue;
    std::string l = AsciiLower(t.form);
    if (OpensSubordinateClause(l)) open = true;
    if (l == "," || l == "and" || l == "but" || l == "or") open = false;  // a new stretch or conjunct
  }
  return open;
}

}  // namespace

void DropEventsInSubordinateClauses(const Document& doc, const std::function<bool(const Event&)>& counts,
                                  std::vector<Event>* events) {
  std::vector<Event> kept;
  for (const Event& e : *events) {
    bool nested = std::any_of(events->begin(), events->end(), [&](const Event& f) {
      return f.sentence == e.sentence && f.span_end <= e.span_begin && counts(f) &&
             InSubordinateClause(doc, doc.sentences[e.sentence], f.span_end, e.span_begin);
    });
    if (!nested) kept.push_back(e);
  }
  *events = std::move(kept);
}

}  // namespace faultline::peers
