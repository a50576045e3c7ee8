#include "match/actor_matcher.h"

namespace faultline {
namespace {

bool CaseFits(const ActorPhrase& p, const std::vector<Word>& words, uint32_t at, bool all_caps) {
  switch (p.case_rule) {
    case CaseRule::kAny:
      return true;
    case CaseRule::kCapitalised: {
      char c = words[at].surface.empty() ? 0 : words[at].surface[0];
      return all_caps || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    }
    case CaseRule::kExact:
      for (size_t k = 0; k < p.exact.size(); ++k) {
        if (words[at + k].surface != p.exact[k]) return false;
      }
      return true;
  }
  return false;
}

bool WordsFit(const ActorPhrase& p, const std::vector<Word>& words, uint32_t at) {
  if (at + p.words.size() > words.size()) return false;
  for (size_t k = 0; k < p.words.size(); ++k) {
    if (words[at + k].key != p.words[k]) return false;
  }
  return true;
}

// A bare surname names a person once the full name has appeared, or on its
// own when no other person in the dictionary has that surname and the person
// holds an office on the day.
bool SurnameAllowed(const ActorDictionary& dict, const ActorPhrase& p, const MatchContext& ctx) {
  if (ctx.named.count(p.entry)) return true;
  if (!dict.entries()[p.entry].RoleOn(ctx.day)) return false;
  const std::vector<uint32_t>* same = dict.PhrasesStartingWith(p.words[0]);
  for (uint32_t id : *same) {
    const ActorPhrase& q = dict.phrases()[id];
    if (q.entry != p.entry && q.words.size() == 1 && dict.entries()[q.entry].kind == ActorKind::kPerson) {
      return false;
    }
  }
  return true;
}

// "the ruling National Democratic Party" is not the Democratic Party: an
// organisation's name preceded by a capitalised word that no phrase took
// (and that does not start the sentence) is part of a longer, unknown name.
bool InsideLongerName(const ActorDictionary& dict, const ActorPhrase& p, const std::vector<Word>& words, uint32_t at,
                      bool prev_word_in_hit) {
  ActorKind k = dict.entries()[p.entry].kind;
  if ((k != ActorKind::kGroup && k != ActorKind::kOrg) || at < 2 || prev_word_in_hit) return false;
  const std::string& prev = words[at - 1].surface;
  return !prev.empty() && prev[0] >= 'A' && prev[0] <= 'Z';
}

}  // namespace

std::vector<PhraseHit> MatchActors(const ActorDictionary& dict, const std::vector<Word>& words,
                                   const MatchContext& ctx) {
  std::vector<PhraseHit> hits;
  uint32_t i = 0;
  while (i < words.size()) {
    const std::vector<uint32_t>* cands = dict.PhrasesStartingWith(words[i].key);
    bool found = false;
    if (cands) {
      for (uint32_t id : *cands) {
        const ActorPhrase& p = dict.phrases()[id];
        if (!WordsFit(p, words, i) || !CaseFits(p, words, i, ctx.all_caps)) continue;
        if (p.anaphor && !ctx.named.count(p.entry)) continue;
        if (p.surname && !SurnameAllowed(dict, p, ctx)) continue;
        if (!ctx.all_caps && InsideLongerName(dict, p, words, i, !hits.empty() && hits.back().last_word + 1 == i)) {
          continue;
        }
        uint32_t n = static_cast<uint32_t>(p.words.size());
        hits.push_back({i, i + n - 1, p.entry, id});
        i += n;
        found = true;
        break;
      }
    }
    if (!found) ++i;
  }
  return hits;
}

}  // namespace faultline
