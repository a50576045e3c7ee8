#include "peers/petrarch_nesting.h"

#include <algorithm>
#include <string>

#include "base/ascii.h"

namespace faultline::peers {
namespace {

bool OpensAdverbialClause(const std::string& form) {
  static const char* kOpeners[] = {"after", "before", "since", "while", "when", "until"};
  std::string l = AsciiLower(form);
  return std::any_of(std::begin(kOpeners), std::end(kOpeners), [&](const char* w) { return l == w; });
}

// Whether the tokens of sentence `s` between bytes [from, to) hold a word
// opening an adverbial clause with no comma after it.
bool InAdverbialClause(const Document& doc, const Sentence& s, uint32_t from, uint32_t to) {
  bool open = false;
  for (uint32_t i = s.first; i < s.first + s.size; ++i) {
    const Token& t = doc.tokens[i];
    if (t.begin < from || t.end > to) continue;
    if (OpensAdverbialClause(t.form)) open = true;
    if (t.form == ",") open = false;
  }
  return open;
}

}  // namespace

void DropEventsInAdverbialClauses(const Document& doc, const std::function<bool(const Event&)>& counts,
                                  std::vector<Event>* events) {
  std::vector<Event> kept;
  for (const Event& e : *events) {
    bool nested = std::any_of(events->begin(), events->end(), [&](const Event& f) {
      return f.sentence == e.sentence && f.span_end <= e.span_begin && counts(f) &&
             InAdverbialClause(doc, doc.sentences[e.sentence], f.span_end, e.span_begin);
    });
    if (!nested) kept.push_back(e);
  }
  *events = std::move(kept);
}

}  // namespace faultline::peers
