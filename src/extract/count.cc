// Count extraction: at each token a number core is read (digits, words,
// vague plurals, currency and percent forms), vetted against the things that
// look like counts but are not (dates, ages, times, names), and given the
// qualifier before it and the unit noun phrase after it. The unit comes from
// the dependency tree when there is one (nummod head) and from a surface
// noun-phrase scan otherwise; a casualty verb around it is folded into the
// unit text ("people killed").
#include "extract/count.h"

#include <cctype>
#include <optional>
#include <string_view>

#include "dates/civil_date.h"
#include "dates/date_words.h"
#include "dates/find_dates.h"
#include "dates/numbers.h"

namespace faultline {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (w == s) return true;
  }
  return false;
}

bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }

bool IsAlphaWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Whether `text` has `word` as a whole space-separated word.
bool HasWord(std::string_view text, std::string_view word) {
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || text[at - 1] == ' ') && (end == text.size() || text[end] == ' ')) return true;
  }
  return false;
}

// Letters with inner hyphens: "troops", "anti-tank".
bool IsWord(std::string_view w) {
  if (w.empty() || w.front() == '-' || w.back() == '-') return false;
  for (char c : w) {
    if (c != '-' && !std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "MPs", "UAVs", "IDPs": capitalised, but nouns rather than owners.
bool IsAcronym(std::string_view w) {
  if (w.size() > 1 && w.back() == 's') w.remove_suffix(1);
  if (w.size() < 2) return false;
  for (char c : w) {
    if (!IsUpper(c)) return false;
  }
  return true;
}

// Qualifiers, longest first so "no more than" wins over "more than".
constexpr std::string_view kQualifiers[] = {
    "no more than", "no fewer than", "no less than", "as many as", "as much as", "as few as",
    "in excess of", "upwards of",    "more than",    "fewer than", "less than",  "at least",
    "at most",      "up to",         "close to",     "an estimated", "just over", "just under",
    "well over",    "nearly",        "almost",       "about",      "around",     "some",
    "roughly",      "approximately", "over",         "under",      "estimated",  "only"};

// Function words end a noun phrase (surface mode).
bool IsStopWord(std::string_view lower) {
  return OneOf(lower, {"the", "a", "an", "this", "that", "these", "those", "of", "in", "on",
                       "at", "to", "from", "by", "for", "with", "into", "near", "and", "or",
                       "but", "as", "than", "who", "which", "whom", "whose", "were", "was",
                       "are", "is", "be", "been", "being", "have", "has", "had", "will",
                       "would", "could", "can", "may", "might", "should", "must", "it", "they",
                       "them", "their", "its", "he", "she", "his", "her", "we", "our", "you",
                       "there", "here", "so", "not", "also", "all", "each", "every", "some",
                       "any", "more", "most", "other", "such", "after", "before", "since",
                       "during", "over", "under", "across", "along", "around", "about",
                       "against", "between", "per", "via", "if", "when", "while", "where",
                       "said", "says", "say", "according", "including", "last", "ago",
                       "behind", "ahead", "away", "below", "above", "beyond", "inside",
                       "outside", "off", "out", "up", "down", "back", "within", "without",
                       "toward", "towards", "upon", "among", "amid", "despite", "then",
                       "now", "again", "only", "just", "even", "still", "already", "each"});
}

bool IsIrregularPlural(std::string_view lower) {
  return OneOf(lower, {"people", "men", "women", "children", "personnel", "police", "staff",
                       "militia", "cattle", "aircraft", "livestock"});
}

// Casualty words and the participle the unit gets. `transitive` words only
// count when the counted noun is their object ("killed 50 people").
struct Casualty {
  std::string_view participle;
  bool transitive = false;
};

std::optional<Casualty> LookupCasualty(std::string_view w) {
  if (OneOf(w, {"kill", "kills", "killed", "killing", "slain", "slay", "slew"})) {
    return Casualty{"killed", true};
  }
  if (OneOf(w, {"wound", "wounds", "wounded", "wounding"})) return Casualty{"wounded", true};
  if (OneOf(w, {"injure", "injures", "injured", "injuring", "hurt"})) {
    return Casualty{"injured", true};
  }
  if (OneOf(w, {"displace", "displaces", "displaced", "displacing"})) {
    return Casualty{"displaced", true};
  }
  if (OneOf(w, {"flee", "flees", "fled", "fleeing"})) return Casualty{"displaced", false};
  if (OneOf(w, {"die", "dies", "died", "dying", "dead", "perish", "perished"})) {
    return Casualty{"dead", false};
  }
  return std::nullopt;
}

// The number part of a count.
struct Core {
  uint32_t first = 0;
  uint32_t end = 0;
  double value = 0;
  bool numeral = false;
  std::string vague;  // "tens of thousands"
  std::string unit;   // fixed by a sign or word: "dollars", "percent"
};

// A noun phrase: the tokens that make the unit text and its head.
struct NounPhrase {
  std::vector<uint32_t> words;
  uint32_t end = 0;
  int32_t head = -1;
};

class CountScanner {
 public:
  CountScanner(const Document& doc, const Sentence& s);
  std::vector<CountMention> Run() const;

 private:
  const std::string& Low(int64_t i) const { return w_.Low(i); }
  std::string_view Form(int64_t i) const { return w_.Form(i); }
  bool Capitalised(int64_t i) const {
    std::string_view f = Form(i);
    return !f.empty() && IsUpper(f[0]);
  }
  bool Tagged(int64_t i) const { return i >= 0 && i < n_ && !toks_[i].upos.empty(); }

  std::optional<CountMention> CountAt(uint32_t i) const;
  std::optional<Core> CoreAt(uint32_t i) const;
  std::optional<Core> VagueAt(uint32_t i) const;
  std::optional<Core> NumberCoreAt(uint32_t i) const;
  void ReadSuffix(Core* core) const;
  bool Excluded(const Core& core) const;
  bool NamesSomething(const Core& core) const;
  bool IsPronounOne(const Core& core) const;
  std::string QualifierBefore(uint32_t first, uint32_t* start, bool multiword_only = false) const;
  NounPhrase UnitAfter(const Core& core) const;
  NounPhrase PhraseAt(uint32_t j, int32_t known_head) const;
  bool InPhrase(uint32_t k, uint32_t start) const;
  bool KeepInUnit(uint32_t k, uint32_t j, uint32_t end) const;
  bool NamedHead(int32_t head) const {
    return head >= 0 && Capitalised(head) && !LooksPlural(head) && !IsAcronym(Form(head));
  }
  bool IsHead(uint32_t k) const;
  bool LooksPlural(uint32_t k) const;
  std::string PhraseText(const NounPhrase& np) const;
  std::optional<Casualty> CasualtyFor(const Core& core, const NounPhrase& np,
                                      bool* adjacent) const;
  std::optional<Casualty> CasualtyInTree(int32_t node) const;
  std::optional<Casualty> CasualtyBefore(uint32_t first) const;
  std::optional<Casualty> CasualtyAfter(uint32_t end, bool* adjacent) const;

  TokenWindow w_;
  const Token* toks_;
  uint32_t n_;
  std::vector<bool> in_date_;
  bool has_tree_;
};

CountScanner::CountScanner(const Document& doc, const Sentence& s)
    : w_(doc, s), toks_(w_.tokens()), n_(w_.size()), in_date_(s.size, false), has_tree_(w_.has_tree()) {
  // Which tokens are dates does not depend on the publication day, so an
  // unusable Document::date only costs the resolved values we ignore here.
  auto pub = ParseIsoDate(doc.date);
  const CivilDate day = pub.ok() ? *pub : CivilDate{2000, 1, 1};
  for (const DateMention& m : FindDates(w_, day)) {
    for (uint32_t k = m.first_token; k < m.end_token; ++k) in_date_[k] = true;
  }
}

std::vector<CountMention> CountScanner::Run() const {
  std::vector<CountMention> out;
  for (uint32_t i = 0; i < n_;) {
    std::optional<CountMention> m = in_date_[i] ? std::nullopt : CountAt(i);
    if (!m) {
      ++i;
      continue;
    }
    i = std::max(m->end_token, i + 1);
    out.push_back(std::move(*m));
  }
  return out;
}

std::optional<CountMention> CountScanner::CountAt(uint32_t i) const {
  std::optional<Core> core = CoreAt(i);
  if (!core || Excluded(*core)) return std::nullopt;
  CountMention m;
  m.value = core->value;
  m.first_token = core->first;
  // A vague plural takes only a multi-word qualifier: in "hand over tens of
  // thousands" the "over" is the verb's particle.
  m.qualifier = QualifierBefore(core->first, &m.first_token, !core->vague.empty());
  if (m.qualifier.empty()) m.qualifier = core->vague;
  m.end_token = core->end;
  NounPhrase np;
  if (!core->unit.empty()) {
    m.unit = core->unit;
  } else {
    np = UnitAfter(*core);
    if (NamedHead(np.head)) return std::nullopt;  // "111 Market Place", "Boeing 737"
    m.unit = PhraseText(np);
    m.unit_head = np.head;
    m.end_token = std::max(m.end_token, np.end);
  }
  bool adjacent = false;
  if (auto c = CasualtyFor(*core, np, &adjacent)) {
    // "displaced people" already says it.
    const bool said = HasWord(m.unit, c->participle);
    if (m.unit.empty()) {
      m.unit = c->participle;
    } else if (!said) {
      m.unit += ' ';
      m.unit += c->participle;
    }
    if (adjacent) ++m.end_token;
  }
  return m;
}

// Sign, vague plural or cardinal, then a percent or "-strong" suffix.
std::optional<Core> CountScanner::CoreAt(uint32_t i) const {
  std::string_view currency;
  uint32_t j = i;
  if (Form(j) == "US" && Form(j + 1) == "$") ++j;
  if (Form(j) == "$" || Form(j) == "US$") currency = "dollars";
  if (Form(j) == "£") currency = "pounds";
  if (Form(j) == "€") currency = "euros";
  if (!currency.empty()) ++j;
  std::optional<Core> core = currency.empty() ? VagueAt(j) : std::nullopt;
  if (!core) core = NumberCoreAt(j);
  if (!core) return std::nullopt;
  core->first = i;
  if (!currency.empty()) core->unit = std::string(currency);
  ReadSuffix(&*core);
  return core;
}

// "hundreds", "thousands", "tens of thousands", "hundreds of millions", with
// a following "of" ("thousands of people").
std::optional<Core> CountScanner::VagueAt(uint32_t i) const {
  const std::string& w = Low(i);
  double value = 0;
  uint32_t end = i + 1;
  if (OneOf(w, {"tens", "hundreds"}) && Low(i + 1) == "of" &&
      OneOf(Low(i + 2), {"thousands", "millions", "billions"})) {
    const double base = w == "tens" ? 10 : 100;
    const std::string& scale = Low(i + 2);
    value = base * (scale == "thousands" ? 1e3 : scale == "millions" ? 1e6 : 1e9);
    end = i + 3;
  } else if (w == "dozens") {
    value = 12;
  } else if (w == "scores" && Low(i + 1) == "of") {
    value = 20;
  } else if (w == "hundreds") {
    value = 100;
  } else if (w == "thousands") {
    value = 1e3;
  } else if (w == "millions") {
    value = 1e6;
  } else if (w == "billions") {
    value = 1e9;
  } else {
    return std::nullopt;
  }
  Core core{i, end, value, false, "", ""};
  for (uint32_t k = i; k < end; ++k) core.vague += (k > i ? " " : "") + Low(k);
  if (Low(core.end) == "of") ++core.end;
  return core;
}

std::optional<Core> CountScanner::NumberCoreAt(uint32_t i) const {
  if (auto m = MatchNumber(toks_, n_, i)) return Core{i, m->end, m->value, m->numeral, "", ""};
  // One-token forms from other tokenizers or wire style: "$5", "5bn", "20%".
  std::string_view f = Form(i);
  std::string unit;
  if (!f.empty() && f[0] == '$') f.remove_prefix(1), unit = "dollars";
  double scale = 1;
  if (f.size() > 2 && f.substr(f.size() - 2) == "bn") f.remove_suffix(2), scale = 1e9;
  if (!unit.empty() && f.size() > 1 && f.back() == 'm') f.remove_suffix(1), scale = 1e6;
  if (f.size() > 1 && f.back() == '%') f.remove_suffix(1), unit = "percent";
  if (f.ends_with("-strong")) f.remove_suffix(7);  // "5,000-strong" kept whole
  if (f == Form(i)) return std::nullopt;
  auto v = ParseNumeral(f);
  if (!v) return std::nullopt;
  return Core{i, i + 1, *v * scale, true, "", unit};
}

// "20 %", "20 percent", "20 per cent", "5,000 - strong".
void CountScanner::ReadSuffix(Core* core) const {
  const std::string& w = Low(core->end);
  if (w == "%" || w == "percent" || w == "pct") {
    core->unit = "percent";
    core->end += 1;
  } else if (w == "per" && Low(core->end + 1) == "cent") {
    core->unit = "percent";
    core->end += 2;
  } else if (w == "-strong") {
    core->end += 1;
  } else if (w == "-" && Low(core->end + 1) == "strong") {
    core->end += 2;
  }
}

bool CountScanner::Excluded(const Core& core) const {
  for (uint32_t k = core.first; k < core.end; ++k) {
    if (in_date_[k]) return true;
  }
  const std::string& next = Low(core.end);
  const std::string& prev = Low(static_cast<int64_t>(core.first) - 1);
  if (next == "-" || (!next.empty() && next[0] == '-')) return true;  // "62-year-old", "10-day"
  if (prev == "aged" || (OneOf(next, {"year", "years"}) && Low(core.end + 1) == "old")) {
    return true;
  }
  if (OneOf(next, {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", ":"})) return true;
  if (IsPronounOne(core) || NamesSomething(core)) return true;
  // "Putin, 69, said": an age in apposition to a name.
  if (prev == "," && next == "," && core.first >= 2 && Capitalised(core.first - 2) &&
      core.unit.empty()) {
    return true;
  }
  // A bare four-digit year the date finder did not claim ("the treaty of
  // 1997,"): wire style writes counts of a thousand or more with a comma,
  // so only a plural noun after it makes it a count ("2000 tanks").
  std::string_view f = Form(core.first);
  if (core.end == core.first + 1 && f.size() == 4 && IsDigitRun(f) && core.value >= 1900 &&
      core.value <= 2100) {
    return !LooksPlural(core.end);
  }
  return false;
}

// "No. 10", "Article 5", "Resolution 2231", "Boeing 737": a number after a
// capitalised word names rather than counts.
bool CountScanner::NamesSomething(const Core& core) const {
  if (!core.numeral || !core.unit.empty() || core.first == 0) return false;
  std::string_view prev = Form(core.first - 1);
  if (OneOf(prev, {"No.", "No", "#", "Number", "no."})) return true;
  if (prev.empty() || !IsUpper(prev[0]) || !IsAlphaWord(prev)) return false;
  const std::string& lower = Low(core.first - 1);
  if (IsStopWord(lower)) return false;  // "A 5,000-strong force", "The 300"
  for (std::string_view q : kQualifiers) {
    if (q.size() >= lower.size() && q.substr(q.size() - lower.size()) == lower) return false;
  }
  return LookupMonth(prev).month == 0;
}

// "one" is a count only before a noun: not "one of the", "no one", "the one".
bool CountScanner::IsPronounOne(const Core& core) const {
  if (Low(core.first) != "one" || core.end != core.first + 1) return false;
  const std::string& next = Low(core.end);
  if (next == "of" || next == "another") return true;
  if (OneOf(Low(static_cast<int64_t>(core.first) - 1),
            {"no", "the", "this", "that", "any", "every", "each", "which", "only", "anyone"})) {
    return true;
  }
  if (Tagged(core.end)) return toks_[core.end].upos != "NOUN" && toks_[core.end].upos != "ADJ";
  return !IsAlphaWord(next) || IsStopWord(next) || Capitalised(core.end);
}

// The longest qualifier that ends right before `first`; sets *start to its
// first token (or to `first` when there is none).
std::string CountScanner::QualifierBefore(uint32_t first, uint32_t* start,
                                          bool multiword_only) const {
  *start = first;
  for (std::string_view q : kQualifiers) {
    if (multiword_only && q.find(' ') == std::string_view::npos) continue;
    std::vector<std::string_view> words;
    for (size_t b = 0; b <= q.size();) {
      size_t e = q.find(' ', b);
      if (e == std::string_view::npos) e = q.size();
      words.push_back(q.substr(b, e - b));
      b = e + 1;
    }
    if (words.size() > first) continue;
    bool match = true;
    for (size_t w = 0; w < words.size() && match; ++w) {
      const uint32_t k = first - static_cast<uint32_t>(words.size()) + static_cast<uint32_t>(w);
      match = Low(k) == words[w] && !in_date_[k];
    }
    if (match) {
      *start = first - static_cast<uint32_t>(words.size());
      return std::string(q);
    }
  }
  return "";
}

// The unit noun phrase after the number: a partitive "of the" is skipped
// ("two of the soldiers"), and "of" + a bare noun phrase extends a unit that
// measures something ("rounds of artillery ammunition").
NounPhrase CountScanner::UnitAfter(const Core& core) const {
  uint32_t j = core.end;
  if (Low(j) == "of" && OneOf(Low(j + 1), {"the", "these", "those", "them", "us", "whom"})) {
    if (OneOf(Low(j + 1), {"them", "us", "whom"})) return NounPhrase{{}, core.end, -1};
    j += 2;
  }
  // "thousands of his own citizens", "100 more troops".
  if (j > core.first && Low(j - 1) == "of" &&
      OneOf(Low(j), {"his", "her", "their", "its", "our", "my", "your"})) {
    ++j;
    if (Low(j) == "own") ++j;
  }
  while (OneOf(Low(j), {"more", "other"})) ++j;
  int32_t known_head = -1;
  const uint32_t last = core.end - 1;
  // The tree's nummod arc names the counted noun directly.
  for (uint32_t k = core.first; has_tree_ && k <= last; ++k) {
    const int32_t h = toks_[k].head;
    if (toks_[k].deprel.starts_with("nummod") && h >= static_cast<int32_t>(j) &&
        h < static_cast<int32_t>(j + 6)) {
      known_head = h;
    }
  }
  NounPhrase np = PhraseAt(j, known_head);
  if (np.head < 0) {
    np.end = core.end;
    return np;
  }
  // Not after a time unit: "eight years of battling" is a duration.
  const std::string& next = Low(np.end + 1);
  if (Low(np.end) == "of" && np.end + 1 < n_ && !IsStopWord(next) && !Capitalised(np.end + 1) &&
      !next.ends_with("ing") && LookupUnit(Low(np.head)) == CalendarUnit::kNone) {
    NounPhrase tail = PhraseAt(np.end + 1, -1);
    if (tail.head >= 0) {
      np.words.push_back(np.end);  // "of"
      np.words.insert(np.words.end(), tail.words.begin(), tail.words.end());
      np.end = tail.end;
    }
  }
  return np;
}

// A run of noun-phrase words from j; the head is `known_head` when the tree
// gave one, else the first plausible head noun (English noun phrases are
// head-final, and a plural noun followed by a non-noun ends one).
NounPhrase CountScanner::PhraseAt(uint32_t j, int32_t known_head) const {
  NounPhrase np;
  np.end = j;
  for (uint32_t k = j; k < n_ && k < j + 6; ++k) {
    if (known_head >= 0 ? static_cast<int32_t>(k) > known_head : !InPhrase(k, j)) break;
    np.end = k + 1;
    if (known_head < 0 && IsHead(k)) {
      np.head = static_cast<int32_t>(k);
      break;
    }
  }
  if (known_head >= 0) np.head = known_head;
  if (np.head >= 0 && !IsWord(Form(np.head))) np.head = -1;  // 16 " (inches)
  // No plural head: the last word is the head ("a 5,000-strong force").
  while (np.head < 0 && np.end > j) {
    const uint32_t last = np.end - 1;
    const bool noun = Tagged(last) ? toks_[last].upos == "NOUN" : !LookupCasualty(Low(last));
    if (Form(last) != "-" && noun) {
      np.head = static_cast<int32_t>(last);
    } else {
      --np.end;
    }
  }
  for (uint32_t k = j; np.head >= 0 && k < np.end; ++k) {
    if (static_cast<int32_t>(k) == np.head || KeepInUnit(k, j, np.end)) np.words.push_back(k);
  }
  return np;
}

// Whether modifier k of a phrase [j, end) belongs in the unit text: not
// determiners, and not capitalised words (demonyms and names name the
// owner), with the whole hyphenated compound they are in ("Russia-backed").
bool CountScanner::KeepInUnit(uint32_t k, uint32_t j, uint32_t end) const {
  uint32_t b = k;
  uint32_t e = k + 1;
  while (b > j && !toks_[b - 1].space_after) --b;
  while (e < end && !toks_[e - 1].space_after) ++e;
  for (uint32_t c = b; c < e; ++c) {
    // Plural acronyms are things counted ("MPs"); others own them ("US").
    if (Capitalised(c) && !(IsAcronym(Form(c)) && Form(c).back() == 's')) return false;
    if (Tagged(c) && (toks_[c].upos == "DET" || toks_[c].upos == "NUM")) return false;
  }
  return true;
}

// Whether token k can continue a noun phrase that started at `start`.
bool CountScanner::InPhrase(uint32_t k, uint32_t start) const {
  std::string_view f = Form(k);
  if (f == "-") return k > start && k + 1 < n_ && IsWord(Form(k + 1));  // "anti - tank"
  if (Tagged(k)) {
    std::string_view upos = toks_[k].upos;
    if (upos == "NOUN" || upos == "PROPN" || upos == "ADJ") return true;
    return upos == "VERB" && (toks_[k].deprel == "amod" || toks_[k].deprel == "compound");
  }
  if (!IsWord(f) || IsStopWord(Low(k))) return false;
  if (k == start) return true;
  const std::string& w = Low(k);
  if (LookupCasualty(w)) return false;  // "people killed": the clause's verb
  // Any other verb-looking word must modify a following plural noun
  // ("infantry fighting vehicles"), else it is the verb ("troops massed").
  const bool verbish = w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
  return !verbish || LooksPlural(k + 1);
}

// A head noun: a plural not followed by another plural noun ("police
// officers" heads on "officers"), or with tags a NOUN not followed by one.
bool CountScanner::IsHead(uint32_t k) const {
  if (Tagged(k)) {
    const bool noun = toks_[k].upos == "NOUN" || toks_[k].upos == "PROPN";
    const bool next_noun = Tagged(k + 1) && k + 1 < n_ &&
                           (toks_[k + 1].upos == "NOUN" || toks_[k + 1].upos == "PROPN" ||
                            Form(k + 1) == "-");
    return noun && !next_noun;
  }
  if (!LooksPlural(k) && !IsIrregularPlural(Low(k))) return false;
  return !(k + 1 < n_ && InPhrase(k + 1, k) && (LooksPlural(k + 1) || IsAcronym(Form(k + 1))));
}

bool CountScanner::LooksPlural(uint32_t k) const {
  if (k >= n_) return false;
  if (!toks_[k].xpos.empty()) return toks_[k].xpos == "NNS" || toks_[k].xpos == "NNPS";
  std::string_view f = Form(k);
  if (IsAcronym(f)) return f.back() == 's';
  const std::string& w = Low(k);
  if (IsIrregularPlural(w)) return true;
  if (!IsAlphaWord(w) || w.size() < 3 || w.back() != 's' || IsStopWord(w)) return false;
  const char before = w[w.size() - 2];
  return before != 's' && before != 'u' && before != 'i';
}

std::string CountScanner::PhraseText(const NounPhrase& np) const {
  std::string text;
  for (size_t w = 0; w < np.words.size(); ++w) {
    const uint32_t k = np.words[w];
    const bool joined = w > 0 && np.words[w - 1] == k - 1 && !toks_[k - 1].space_after;
    if (w > 0 && !joined) text += ' ';
    text += toks_[k].form;
  }
  return text;
}

// Whether the counted thing was killed, wounded, ...; *adjacent is set when
// the casualty word directly follows the span ("13,200 people killed").
std::optional<Casualty> CountScanner::CasualtyFor(const Core& core, const NounPhrase& np,
                                                  bool* adjacent) const {
  const int32_t node = np.head >= 0 ? np.head : static_cast<int32_t>(core.end - 1);
  const uint32_t after = np.head >= 0 ? np.end : core.end;
  if (has_tree_) {
    if (auto c = CasualtyInTree(node)) {
      *adjacent = after < n_ && LookupCasualty(Low(after)) && toks_[after].head == node;
      return c;
    }
    // A participle right after the noun is reliable even when the parse
    // attaches it oddly.
    auto c = CasualtyAfter(after, adjacent);
    return c && *adjacent ? c : std::nullopt;
  }
  uint32_t start = core.first;
  QualifierBefore(core.first, &start);
  if (auto c = CasualtyBefore(start)) return c;
  return CasualtyAfter(after, adjacent);
}

// Tree: the noun is the object (or passive subject) of a casualty verb, the
// subject of an intransitive one ("people died", "were dead"), or modified by
// one ("people killed").
std::optional<Casualty> CountScanner::CasualtyInTree(int32_t node) const {
  auto lookup = [&](uint32_t k) {
    auto c = LookupCasualty(toks_[k].lemma.empty() ? Low(k) : toks_[k].lemma);
    return c ? c : LookupCasualty(Low(k));
  };
  const int32_t h = toks_[node].head;
  if (h >= 0 && h < static_cast<int32_t>(n_)) {
    std::string_view rel = toks_[node].deprel;
    if (auto c = lookup(h)) {
      if (rel == "obj" || rel == "nsubj:pass" || (rel == "nsubj" && !c->transitive)) return c;
    }
    // "leaving 22 people dead": the casualty word is the verb's xcomp.
    for (uint32_t k = 0; rel == "obj" && k < n_; ++k) {
      if (toks_[k].head != h || toks_[k].deprel != "xcomp") continue;
      if (auto c = lookup(k)) return c;
    }
  }
  for (uint32_t k = 0; k < n_; ++k) {
    if (toks_[k].head != node) continue;
    std::string_view rel = toks_[k].deprel;
    if (rel.starts_with("acl") || rel == "amod") {
      if (auto c = lookup(k)) return c;
    }
  }
  return std::nullopt;
}

// Surface: "has killed more than 13,200 people", "killing at least 50".
std::optional<Casualty> CountScanner::CasualtyBefore(uint32_t first) const {
  for (int64_t k = static_cast<int64_t>(first) - 1; k >= 0 && k >= first - 3LL; --k) {
    if (OneOf(Low(k), {"reportedly", "allegedly", "already", "also", "now"})) continue;
    auto c = LookupCasualty(Low(k));
    if (c && c->transitive) return c;
    return std::nullopt;
  }
  return std::nullopt;
}

// Surface: "13,200 people killed", "50 people were killed", "10 soldiers
// died" -- but not "five soldiers killed three civilians" (active, the count
// is the killer).
std::optional<Casualty> CountScanner::CasualtyAfter(uint32_t end, bool* adjacent) const {
  uint32_t k = end;
  while (k < end + 4 && OneOf(Low(k), {"were", "was", "have", "has", "had", "been", "are",
                                       "is", "be", "reportedly", "also", "all", "later"})) {
    ++k;
  }
  auto c = LookupCasualty(Low(k));
  if (!c) return std::nullopt;
  const std::string& next = Low(k + 1);
  const bool object_follows =
      c->transitive && (MatchNumber(toks_, n_, k + 1).has_value() ||
                        OneOf(next, {"the", "a", "an", "at", "more", "some", "about", "nearly",
                                     "dozens", "hundreds", "thousands", "his", "their", "its"}));
  if (object_follows) return std::nullopt;
  *adjacent = k == end;
  return c;
}

}  // namespace

std::vector<CountMention> FindCounts(const Document& doc, const Sentence& s) {
  return CountScanner(doc, s).Run();
}

}  // namespace faultline
