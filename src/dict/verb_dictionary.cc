#include "dict/verb_dictionary.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dict/actor_dictionary.h"
#include "dict/code_table.h"
#include "dict/line_fields.h"

namespace faultline {
namespace {

// Parses PATTERN (everything after the code) into *p. Returns an error
// message, or "" on success.
std::string ParsePattern(std::string_view s, VerbPattern* p) {
  bool have_anchor = false;
  size_t i = 0;
  auto skip_space = [&] { while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i; };
  for (skip_space(); i < s.size(); skip_space()) {
    if (s[i] == '{') {
      size_t close = s.find('}', i);
      if (close == std::string_view::npos) return "unbalanced '{'";
      if (!have_anchor) return "a pattern starts with its anchor word, not '{'";
      PatternItem item;
      for (const std::string& alt : SplitPhrases(s.substr(i + 1, close - i - 1))) {
        item.alternatives.push_back(PhraseWords(alt, true));
      }
      if (item.alternatives.empty()) return "empty '{}'";
      p->items.push_back(std::move(item));
      ++p->specificity;
      i = close + 1;
      continue;
    }
    size_t end = s.find_first_of(" \t", i);
    std::string_view word = s.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    i = end == std::string_view::npos ? s.size() : end;
    if (word.find_first_of("{}|") != std::string_view::npos) return "stray '" + std::string(word) + "'";
    if (word == "+") {
      if (!have_anchor) return "'+' before the anchor";
      if (std::any_of(p->items.begin(), p->items.end(), [](const PatternItem& it) { return it.target; })) {
        return "more than one '+'";
      }
      PatternItem item;
      item.target = true;
      p->items.push_back(std::move(item));
      continue;
    }
    if (word[0] == '^') {
      if (have_anchor) return "'^word' must come before the anchor";
      for (std::string& w : PhraseWords(word.substr(1), true)) p->before.push_back(std::move(w));
      ++p->specificity;
      continue;
    }
    if (!have_anchor) {
      have_anchor = true;
      if (word.ends_with("/n")) {
        p->noun = true;
        word.remove_suffix(2);
      } else if (word.ends_with("/v")) {
        word.remove_suffix(2);
      }
      std::vector<std::string> w = PhraseWords(word, true);
      if (w.size() != 1) return "bad anchor '" + std::string(word) + "'";
      p->anchor = w[0];
      continue;
    }
    if (word.find('/') != std::string_view::npos) {
      return "a part of speech ('" + std::string(word) + "') is only allowed on the anchor";
    }
    PatternItem item;
    item.alternatives.push_back(PhraseWords(word, true));
    p->items.push_back(std::move(item));
    ++p->specificity;
  }
  return have_anchor ? "" : "no anchor word";
}

}  // namespace

Status VerbDictionary::AddText(std::string_view text, const std::string& file_name, const CodeTable* codes) {
  size_t pos = 0;
  int lineno = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineno;
    line = StripComment(line);
    if (line.empty()) continue;
    std::string where = file_name + ":" + std::to_string(lineno);
    VerbPattern p;
    std::string_view rest;
    p.code = NextField(line, &rest);
    if (p.code != "---" && codes && !codes->Contains(p.code)) {
      return Status::Invalid(where + ": '" + p.code + "' is not a CAMEO event code");
    }
    if (rest.empty()) return Status::Invalid(where + ": no pattern after the code");
    std::string err = ParsePattern(rest, &p);
    if (!err.empty()) return Status::Invalid(where + ": " + err);
    p.rule = where;
    p.text = rest;
    patterns_.push_back(std::move(p));
  }
  return Status::Ok();
}

void VerbDictionary::WordBits::Add(std::string_view word) {
  uint64_t h = std::hash<std::string_view>{}(word) * 0x9e3779b97f4a7c15ULL >> 56;  // 0..255
  bits[h >> 6] |= uint64_t{1} << (h & 63);
}

void VerbDictionary::Finish() {
  needs_.assign(patterns_.size(), Needs{});
  auto stem = [](const std::string& w) { return !w.empty() && w.back() == '*'; };
  for (uint32_t i = 0; i < patterns_.size(); ++i) {
    Needs& n = needs_[i];
    for (const PatternItem& item : patterns_[i].items) {
      const auto& alts = item.alternatives;
      if (item.slot() || alts.empty()) continue;
      if (alts.size() == 1) {
        if (!alts[0].empty() && !stem(alts[0][0])) n.all.Add(alts[0][0]);
        continue;
      }
      if (!n.any.empty()) continue;  // the first such item only
      bool usable = std::all_of(alts.begin(), alts.end(),
                                [&](const std::vector<std::string>& a) { return !a.empty() && !stem(a[0]); });
      if (!usable) continue;
      for (const auto& a : alts) n.any.Add(a[0]);
    }
  }
  verbs_.clear();
  nouns_.clear();
  for (uint32_t i = 0; i < patterns_.size(); ++i) {
    (patterns_[i].noun ? nouns_ : verbs_)[patterns_[i].anchor].push_back(i);
  }
  for (auto* index : {&verbs_, &nouns_}) {
    for (auto& [lemma, ids] : *index) {
      std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
        return patterns_[a].specificity > patterns_[b].specificity;
      });
    }
  }
}

const std::vector<uint32_t>* VerbDictionary::PatternsFor(std::string_view lemma, bool noun) const {
  const auto& index = noun ? nouns_ : verbs_;
  auto it = index.find(lemma);
  return it == index.end() ? nullptr : &it->second;
}

Result<VerbDictionary> VerbDictionary::Load(const std::string& path, const CodeTable* codes) {
  VerbDictionary dict;
  Status s = ForEachDictionaryFile(path, ".verbs", [&](const std::string& text, const std::string& file) {
    return dict.AddText(text, file, codes);
  });
  if (!s.ok()) return s;
  dict.Finish();
  return dict;
}

}  // namespace faultline
