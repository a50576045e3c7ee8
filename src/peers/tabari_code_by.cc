#include "peers/tabari_code_by.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "base/ascii.h"

namespace faultline::peers {

bool ApplyCodeByOption(std::string_view option, CodeBy* mode) {
  std::string o = AsciiLower(option);
  if (o.find("set:") == std::string::npos) return false;
  if (o.find("code by sentence") != std::string::npos) {
    *mode = CodeBy::kSentence;
  } else if (o.find("code by clause") != std::string::npos) {
    *mode = CodeBy::kClause;
  } else if (o.find("code all") != std::string::npos) {
    *mode = CodeBy::kAll;
  } else {
    return false;
  }
  return true;
}

namespace {

// Byte offsets where a clause starts inside sentence `s`: conjunctions
// whose conjunct is a verb ("... condemned X and promised Y"); those
// joining nouns ("Gondor and Osgiliath") do not split.
std::vector<uint32_t> ClauseStarts(const Document& doc, const Sentence& s) {
  std::vector<uint32_t> out;
  const Token* toks = doc.begin_of(s);
  for (uint32_t i = 0; i < s.size; ++i) {
    if (toks[i].upos != "CCONJ" || toks[i].deprel != "cc" || toks[i].head < 0) continue;
    std::string_view head = toks[toks[i].head].upos;
    if (head == "VERB" || head == "AUX") out.push_back(toks[i].begin);
  }
  return out;
}

}  // namespace

void KeepFirstMatches(const Document& doc, CodeBy mode, const std::function<bool(const Event&)>& counts,
                      std::vector<Event>* events) {
  if (mode == CodeBy::kAll || events->empty()) return;
  // Clause starts, found once per sentence that has events.
  std::map<uint32_t, std::vector<uint32_t>> starts;
  if (mode == CodeBy::kClause) {
    for (const Event& e : *events) {
      if (e.sentence < doc.sentences.size() && !starts.count(e.sentence)) {
        starts.emplace(e.sentence, ClauseStarts(doc, doc.sentences[e.sentence]));
      }
    }
  }
  auto clause_of = [&](const Event& e) {
    auto it = starts.find(e.sentence);
    if (it == starts.end()) return std::pair<uint32_t, size_t>{e.sentence, 0};
    const std::vector<uint32_t>& s = it->second;
    return std::pair<uint32_t, size_t>{e.sentence, static_cast<size_t>(std::upper_bound(s.begin(), s.end(), e.span_begin) - s.begin())};
  };
  // (sentence, clause) -> first evidence start, preferring events that count.
  std::map<std::pair<uint32_t, size_t>, std::pair<bool, uint32_t>> first;  // key -> (counts, span_begin)
  for (const Event& e : *events) {
    std::pair<bool, uint32_t> mine{counts(e), e.span_begin};
    auto [it, added] = first.try_emplace(clause_of(e), mine);
    if (added) continue;
    auto& best = it->second;
    if ((mine.first && !best.first) || (mine.first == best.first && mine.second < best.second)) best = mine;
  }
  std::erase_if(*events, [&](const Event& e) { return first.at(clause_of(e)).second != e.span_begin; });
}

void KeepDominant(const std::function<bool(const Event&)>& dominant, std::vector<Event>* events) {
  if (std::none_of(events->begin(), events->end(), dominant)) return;
  std::erase_if(*events, [&](const Event& e) { return !dominant(e); });
}

}  // namespace faultline::peers
