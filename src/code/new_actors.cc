#include "code/new_actors.h"

#include <algorithm>

#include "base/ascii.h"
#include "dates/date_words.h"

namespace faultline {
namespace {

// The places a noun phrase takes in its clause for PETRARCH to read it as
// a party: its subject, object or a prepositional phrase of the verb, or a
// conjunct of one of these.
bool IsArgument(const Tree& t, int h) {
  std::string_view rel = t.base_rel(h);
  if (rel == "conj" && t.head(h) >= 0) return IsArgument(t, t.head(h));
  return rel == "nsubj" || rel == "obj" || rel == "iobj" || rel == "obl";
}

// Dependents that are not part of the phrase's own words: clauses,
// appositions, conjuncts and the preposition in front of the phrase.
bool LeavesPhrase(const Tree& t, int d, int head) {
  std::string_view rel = t.base_rel(d);
  if (rel == "case" && t.head(d) == head) return true;
  return rel == "acl" || rel == "appos" || rel == "conj" || rel == "cc" || rel == "punct" || rel == "advcl" ||
         rel == "parataxis" || rel == "dep";
}

// The tokens of the noun phrase headed by h, in order.
void PhraseTokens(const Tree& t, int h, int head, std::vector<int>* out) {
  out->push_back(h);
  for (int d : t.children(h)) {
    if (!LeavesPhrase(t, d, head)) PhraseTokens(t, d, head, out);
  }
}

bool IsDateWord(std::string_view form) { return LookupWeekday(form) != 0 || LookupMonth(form).month != 0; }

}  // namespace

void AddNewActors(size_t max_words, SentenceView* sv) {
  const Tree& t = *sv->tree;
  // The argument noun phrases, in order.
  std::vector<std::vector<int>> phrases;
  for (int h = 0; h < t.size(); ++h) {
    std::string_view upos = t.tok(h).upos;
    if ((upos != "NOUN" && upos != "PROPN") || !IsArgument(t, h) || IsDateWord(t.tok(h).form)) continue;
    std::vector<int> tokens;
    PhraseTokens(t, h, h, &tokens);
    std::sort(tokens.begin(), tokens.end());
    if (tokens.back() - tokens.front() + 1 != static_cast<int>(tokens.size())) continue;  // not contiguous
    // Two subjects (objects...) of one verb side by side are one phrase
    // our parse split: "Gryffindor's head | Minerva McGonagall left".
    if (!phrases.empty()) {
      std::vector<int>& last = phrases.back();
      const int last_head = last[0];
      if (last.back() + 1 == tokens.front() && t.head(last_head) == t.head(h) &&
          t.base_rel(last_head) == t.base_rel(h)) {
        last.insert(last.end(), tokens.begin(), tokens.end());
        continue;
      }
    }
    tokens.insert(tokens.begin(), h);  // [0]: the head, then the tokens in order
    phrases.push_back(std::move(tokens));
  }
  std::vector<bool> covered(static_cast<size_t>(t.size()), false);
  for (const ActorRef& r : sv->refs) {
    for (uint32_t k = r.first_tok; k <= r.last_tok && k < covered.size(); ++k) covered[k] = true;
  }
  const size_t named = sv->refs.size();
  for (const std::vector<int>& phrase : phrases) {
    const int head = phrase[0];
    const std::vector<int> tokens(phrase.begin() + 1, phrase.end());
    if (std::any_of(tokens.begin(), tokens.end(), [&](int k) { return covered[k]; })) continue;  // names an actor
    std::string text;
    size_t words = 0;
    for (int k : tokens) {
      const std::string& form = t.tok(k).form;
      if (form == "'s" || form == "'" || t.tok(k).upos == "PUNCT") continue;  // PETRARCH's text leaves them out
      text += (text.empty() ? "" : " ") + AsciiUpper(form);
      ++words;
    }
    if (words == 0 || words > max_words) continue;
    ActorRef r;
    r.code = "\"" + text + "\"";
    r.text = text;
    r.first_tok = static_cast<uint32_t>(tokens.front());
    r.last_tok = static_cast<uint32_t>(tokens.back());
    // The last head of a merged phrase heads it, as a name after its title.
    r.head_tok = t.base_rel(tokens.back()) == "flat" ? t.head(tokens.back()) : head;
    r.kind = ActorKind::kOrg;
    r.rule = "new actor (new_actor_length " + std::to_string(max_words) + ")";
    sv->refs.push_back(std::move(r));
  }
  if (sv->refs.size() == named) return;
  std::sort(sv->refs.begin(), sv->refs.end(),
            [](const ActorRef& a, const ActorRef& b) { return a.first_tok < b.first_tok; });
}

}  // namespace faultline
