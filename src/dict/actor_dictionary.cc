#include "dict/actor_dictionary.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dict/line_fields.h"

namespace faultline {
namespace {

bool ParseKind(std::string_view s, ActorKind* kind) {
  static const std::pair<std::string_view, ActorKind> kKinds[] = {
      {"country", ActorKind::kCountry}, {"demonym", ActorKind::kDemonym},
      {"capital", ActorKind::kCapital}, {"seat", ActorKind::kSeat},
      {"region", ActorKind::kRegion},   {"org", ActorKind::kOrg},
      {"group", ActorKind::kGroup},     {"agent", ActorKind::kAgent},
      {"person", ActorKind::kPerson}};
  for (const auto& [name, k] : kKinds) {
    if (s == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

// CAMEO codes are capital letters and digits, 3 or more of them.
bool IsCode(std::string_view s) {
  if (s.size() < 3) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

CaseRule CaseRuleOf(std::string_view phrase) {
  bool has_lower = false, has_upper = false, inner_upper = false;
  for (size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    has_lower |= (c >= 'a' && c <= 'z');
    bool upper = c >= 'A' && c <= 'Z';
    has_upper |= upper;
    // A capital inside a word ("LeT", "McCain") is part of the spelling.
    bool word_start = i == 0 || phrase[i - 1] == ' ' || phrase[i - 1] == '-' || phrase[i - 1] == '\'';
    inner_upper |= upper && !word_start;
  }
  if ((has_upper && !has_lower) || inner_upper) return CaseRule::kExact;
  if (!phrase.empty() && phrase[0] >= 'A' && phrase[0] <= 'Z') return CaseRule::kCapitalised;
  return CaseRule::kAny;
}

std::string StraightenApostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // U+2019 RIGHT SINGLE QUOTATION MARK and U+2018 -> '
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out += '\'';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> PhraseWords(std::string_view phrase, bool lower) {
  std::string p = StraightenApostrophes(phrase);
  std::vector<std::string> words;
  std::istringstream in(p);
  std::string w;
  while (in >> w) {
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) {
      words.push_back(lower ? Lower(w.substr(0, w.size() - 2)) : w.substr(0, w.size() - 2));
      words.push_back("'s");
    } else {
      words.push_back(lower ? Lower(w) : w);
    }
  }
  return words;
}

std::string ActorEntry::CodeOn(int day) const {
  if (kind != ActorKind::kPerson) return code;
  if (const RoleSpell* r = RoleOn(day)) return r->code;
  const RoleSpell* latest = nullptr;
  for (const RoleSpell& r : roles) {
    if (r.to < day && (!latest || r.to > latest->to)) latest = &r;
  }
  // Out of office: the country of the latest role; an international
  // official's former organisation says nothing of where they stand now.
  if (!latest || latest->code.rfind("IGO", 0) == 0 || latest->code.rfind("NGO", 0) == 0) return std::string();
  return latest->code.substr(0, 3);
}

const RoleSpell* ActorEntry::RoleOn(int day) const {
  // Several roles may overlap (a president who is also party leader): the
  // first listed wins, so files list the primary office first.
  for (const RoleSpell& r : roles) {
    if (r.from <= day && day <= r.to) return &r;
  }
  return nullptr;
}

void ActorDictionary::AddPhrase(uint32_t entry, std::string_view phrase, bool anaphor, bool surname) {
  ActorPhrase p;
  p.words = PhraseWords(phrase, true);
  if (p.words.empty()) return;
  p.exact = PhraseWords(phrase, false);
  p.case_rule = CaseRuleOf(phrase);
  p.entry = entry;
  p.anaphor = anaphor;
  p.surname = surname;
  phrases_.push_back(std::move(p));
}

Status ActorDictionary::AddText(std::string_view text, const std::string& file_name) {
  size_t pos = 0;
  int lineno = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineno;
    bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    std::string_view line = StripComment(raw);
    if (line.empty()) continue;
    std::string where = file_name + ":" + std::to_string(lineno);
    auto bad = [&](const std::string& why) { return Status::Invalid(where + ": " + why); };
    std::string_view rest;
    std::string_view keyword = NextField(line, &rest);
    if (indented) {
      if (entries_.empty()) return bad("indented line before any entry");
      ActorEntry& e = entries_.back();
      if (keyword == "anaphor") {
        for (const std::string& p : SplitPhrases(rest)) AddPhrase(entries_.size() - 1, p, true, false);
      } else if (keyword == "role") {
        if (e.kind != ActorKind::kPerson) return bad("'role' only follows a 'person' line");
        RoleSpell r;
        std::string_view code = NextField(rest, &rest);
        std::string_view from = NextField(rest, &rest);
        std::string_view to = NextField(rest, &rest);
        if (!IsCode(code)) return bad("'" + std::string(code) + "' is not a CAMEO code");
        if (from != "-" && !IsoToDays(from, &r.from)) return bad("role start '" + std::string(from) + "' is not a date");
        if (to != "-" && !IsoToDays(to, &r.to)) return bad("role end '" + std::string(to) + "' is not a date");
        if (r.from > r.to) return bad("role ends before it starts");
        r.code = code;
        for (const std::string& t : SplitPhrases(rest)) r.titles.push_back(Lower(t));
        e.roles.push_back(std::move(r));
      } else {
        return bad("unknown indented keyword '" + std::string(keyword) + "' (expected role or anaphor)");
      }
      continue;
    }
    ActorEntry e;
    e.rule = where;
    if (!ParseKind(keyword, &e.kind)) return bad("unknown kind '" + std::string(keyword) + "'");
    std::string_view second = NextField(rest, &rest);
    if (e.kind == ActorKind::kPerson) {
      if (second != "m" && second != "f" && second != "x") return bad("person gender must be m, f or x");
      e.gender = second[0];
    } else {
      if (!IsCode(second)) return bad("'" + std::string(second) + "' is not a CAMEO code");
      e.code = second;
    }
    std::vector<std::string> names = SplitPhrases(rest);
    if (names.empty()) return bad("no phrases");
    e.name = names[0];
    uint32_t id = static_cast<uint32_t>(entries_.size());
    entries_.push_back(std::move(e));
    for (const std::string& n : names) AddPhrase(id, n, false, false);
    if (entries_.back().kind == ActorKind::kPerson) AddSurnames(id, names[0]);
  }
  return Status::Ok();
}

void ActorDictionary::AddSurnames(uint32_t entry, const std::string& full_name) {
  std::vector<std::string> words = PhraseWords(full_name, false);
  if (words.size() < 2) return;
  for (const std::string& s : SurnameForms(words.back())) AddPhrase(entry, s, false, true);
}

std::vector<std::string> SurnameForms(const std::string& surname) {
  std::vector<std::string> out{surname};
  // Arabic names: "al-Assad" is "Assad" on second mention.
  for (const char* prefix : {"al-", "Al-", "el-", "El-", "ad-", "as-", "ash-"}) {
    std::string p(prefix);
    if (surname.size() > p.size() + 1 && surname.compare(0, p.size(), p) == 0) out.push_back(surname.substr(p.size()));
  }
  return out;
}

uint32_t ActorDictionary::AddEntry(ActorEntry entry, const std::vector<std::string>& names,
                                   const std::vector<std::string>& anaphors) {
  uint32_t id = static_cast<uint32_t>(entries_.size());
  if (entry.name.empty() && !names.empty()) entry.name = names[0];
  bool person = entry.kind == ActorKind::kPerson;
  entries_.push_back(std::move(entry));
  for (const std::string& n : names) AddPhrase(id, n, false, false);
  for (const std::string& n : anaphors) AddPhrase(id, n, true, false);
  if (person && !names.empty()) AddSurnames(id, names[0]);
  return id;
}

void ActorDictionary::Finish() {
  by_first_word_.clear();
  for (uint32_t i = 0; i < phrases_.size(); ++i) by_first_word_[phrases_[i].words[0]].push_back(i);
  for (auto& [word, ids] : by_first_word_) {
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].words.size() > phrases_[b].words.size();
    });
  }
}

const std::vector<uint32_t>* ActorDictionary::PhrasesStartingWith(std::string_view word) const {
  auto it = by_first_word_.find(word);
  return it == by_first_word_.end() ? nullptr : &it->second;
}

size_t ActorDictionary::CountKind(ActorKind kind) const {
  return std::count_if(entries_.begin(), entries_.end(), [&](const ActorEntry& e) { return e.kind == kind; });
}

size_t ActorDictionary::CountRoles() const {
  size_t n = 0;
  for (const ActorEntry& e : entries_) n += e.roles.size();
  return n;
}

Result<ActorDictionary> ActorDictionary::Load(const std::string& path) {
  ActorDictionary dict;
  Status s = ForEachDictionaryFile(path, ".actors", [&](const std::string& text, const std::string& file) {
    return dict.AddText(text, file);
  });
  if (!s.ok()) return s;
  dict.Finish();
  return dict;
}

}  // namespace faultline
