#include "tag/lemmatizer.h"

#include <algorithm>
#include <map>

#include "learn/binary_io.h"
#include "tag/tag_features.h"

namespace faultline {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "hop" (consonant-vowel-consonant, not w/x/y) likely lost a silent e:
// "hoping" -> "hope"; "visit" or "sing" did not.
bool LostSilentE(std::string_view stem) {
  size_t n = stem.size();
  if (n < 2) return false;
  char c = stem[n - 1];
  if (IsVowel(c) || c == 'w' || c == 'x' || c == 'y') return false;
  if (!IsVowel(stem[n - 2])) return c == 's' || c == 'v' || c == 'z' || c == 'c' || c == 'g';
  return n == 2 || !IsVowel(stem[n - 3]);
}

// "stopp" -> "stop".
bool DoubledConsonant(std::string_view stem) {
  size_t n = stem.size();
  return n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' &&
         stem[n - 1] != 's' && stem[n - 1] != 'f' && stem[n - 1] != 'z';
}

// Candidate base forms for an inflected `w`, most likely first.
std::vector<std::string> Candidates(const std::string& w, bool verb_like, bool adj_like) {
  std::vector<std::string> out;
  auto strip = [&](size_t n) { return w.substr(0, w.size() - n); };
  if (adj_like) {
    for (std::string_view suf : {"est", "er"}) {
      if (!EndsWith(w, suf)) continue;
      std::string stem = strip(suf.size());
      out.push_back(stem);
      out.push_back(stem + "e");
      if (DoubledConsonant(stem)) out.push_back(stem.substr(0, stem.size() - 1));
      if (EndsWith(stem, "i")) out.push_back(stem.substr(0, stem.size() - 1) + "y");
    }
    return out;
  }
  if (EndsWith(w, "ies") && w.size() > 4) out.push_back(strip(3) + "y");
  if (EndsWith(w, "es")) {
    std::string stem = strip(2);
    bool sibilant = EndsWith(stem, "s") || EndsWith(stem, "x") || EndsWith(stem, "z") ||
                    EndsWith(stem, "ch") || EndsWith(stem, "sh");
    if (sibilant) out.push_back(stem);
  }
  if (EndsWith(w, "s") && !EndsWith(w, "ss")) out.push_back(strip(1));
  if (!verb_like) {
    if (EndsWith(w, "men")) out.push_back(strip(3) + "man");
    return out;
  }
  for (std::string_view suf : {"ing", "ed"}) {
    if (!EndsWith(w, suf)) continue;
    std::string stem = strip(suf.size());
    if (suf == "ed" && EndsWith(stem, "i")) out.push_back(stem.substr(0, stem.size() - 1) + "y");
    if (LostSilentE(stem)) out.push_back(stem + "e");
    out.push_back(stem);
    if (!LostSilentE(stem)) out.push_back(stem + "e");
    if (DoubledConsonant(stem)) out.push_back(stem.substr(0, stem.size() - 1));
  }
  return out;
}

// EWT's number lemmas: digit groups lose their commas ("420,588" ->
// "420588", every one of the 108 in train), number words are lowercased
// ("One" -> "one"), anything else stays as written ("3.5", "1990s").
std::string NumberLemma(std::string_view form) {
  bool digits_and_commas = !form.empty(), has_comma = false, letters_only = !form.empty();
  for (char c : form) {
    bool digit = c >= '0' && c <= '9';
    has_comma |= c == ',';
    digits_and_commas &= digit || c == ',' || c == '.';
    letters_only &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  }
  std::string out(form);
  if (digits_and_commas && has_comma && form.front() != ',') {
    std::erase(out, ',');
  } else if (letters_only) {
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
  }
  return out;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool HasUpper(std::string_view s) { return std::any_of(s.begin(), s.end(), IsUpper); }

// "SOUTER", "WASHINGTON": all capitals, 5+ letters, 2+ vowels (not "IFERC"
// or "HPL", which are acronyms).
bool LooksLikeCapitalisedName(std::string_view s) {
  if (s.size() < 5) return false;
  int vowels = 0;
  for (char c : s) {
    if (!IsUpper(c)) return false;
    vowels += c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
  }
  return vowels >= 2;
}

std::string TitleCase(std::string lower) {
  lower[0] = static_cast<char>(lower[0] - 32);
  return lower;
}

// When WordNet knows no candidate: the first candidate that keeps a stem.
std::string GuessLemma(const std::string& w, const std::vector<std::string>& cands) {
  for (const std::string& c : cands) {
    if (c.size() >= 3 || (c.size() >= 2 && w.size() <= 4)) return c;
  }
  return w;
}

}  // namespace

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& wordnet_dir,
                                                     const std::string& table_path) {
  auto wordnet = WordNet::Load(wordnet_dir);
  if (!wordnet.ok()) return wordnet.status();
  return Load(std::move(wordnet).value(), table_path);
}

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(std::shared_ptr<const WordNet> wordnet,
                                                     const std::string& table_path) {
  std::unique_ptr<Lemmatizer> lem(new Lemmatizer());
  lem->wordnet_ = std::move(wordnet);
  if (!table_path.empty()) {
    Status st = lem->LoadTable(table_path);
    if (!st.ok()) return st;
  }
  return lem;
}

Status Lemmatizer::LoadTable(const std::string& path) {
  Result<std::string> data = ReadWholeFile(path);
  if (!data.ok()) return data.status();
  std::string_view text = *data;
  size_t lineno = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    size_t t2 = line.rfind('\t');
    size_t t1 = t2 == std::string_view::npos ? t2 : line.rfind('\t', t2 - 1);
    if (t1 == std::string_view::npos) {
      return Status::Corruption(path + ":" + std::to_string(lineno) +
                                ": expected form<TAB>xpos<TAB>lemma");
    }
    table_.emplace(std::string(line.substr(0, t2)), std::string(line.substr(t2 + 1)));
  }
  return Status::Ok();
}

std::string Lemmatizer::Morphy(const std::string& lower, Pos pos) const {
  if (const std::string* exc = wordnet_->Exception(lower, pos)) return *exc;
  std::vector<std::string> cands =
      Candidates(lower, pos == WordNet::kVerb, pos == WordNet::kAdj || pos == WordNet::kAdv);
  for (const std::string& c : cands) {
    if (Known(c, pos)) return c;
  }
  if (Known(lower, pos)) return lower;
  return GuessLemma(lower, cands);
}

std::string Lemmatizer::RuleLemma(std::string_view form, std::string_view upos,
                                  std::string_view xpos, bool mid_sentence) const {
  if (upos == "NUM") return NumberLemma(form);
  if (upos == "PUNCT" || upos == "SYM" || upos == "X") return std::string(form);
  // Case conventions of EWT, each checked on train (kept/changed counts):
  // codes and letters keep their case ("EB3326", "P": 181/32), adjectives
  // tagged NNP keep theirs ("Red Cross": 598/14), and so do capitalised
  // adjectives inside a sentence that WordNet does not know as common
  // adjectives ("Jordanian", "anti-Muslim": 56/27).
  if (upos == "NOUN" && (HasDigit(form) || (form.size() == 1 && IsUpper(form[0])))) {
    return std::string(form);
  }
  if (upos == "ADJ" && (xpos == "NNP" || xpos == "NNPS")) return std::string(form);
  std::string lower;
  LowerAscii(form, &lower);
  if (upos == "ADJ" && mid_sentence && xpos == "JJ" && HasUpper(form) &&
      !wordnet_->Known(lower, WordNet::kAdj)) {
    return std::string(form);
  }
  if (upos == "PROPN") {
    // Names written in capitals get their usual case ("SOUTER" -> "Souter",
    // 131/37 for 5+ letters with 2+ vowels); shorter ones are acronyms.
    if (LooksLikeCapitalisedName(form)) return TitleCase(lower);
    if (xpos != "NNPS") return std::string(form);
    std::string base = Morphy(lower, WordNet::kNoun);
    // Keep the original case of the part that survives ("Americans").
    return lower.compare(0, base.size(), base) == 0 ? std::string(form.substr(0, base.size()))
                                                    : std::string(form);
  }
  if (xpos == "NNS") return Morphy(lower, WordNet::kNoun);
  if (xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ") return Morphy(lower, WordNet::kVerb);
  if (xpos == "JJR" || xpos == "JJS") return Morphy(lower, WordNet::kAdj);
  if (xpos == "RBR" || xpos == "RBS") return Morphy(lower, WordNet::kAdv);
  return lower;
}

std::string Lemmatizer::Lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos, bool mid_sentence) const {
  if (!table_.empty()) {
    std::string key;
    LowerAscii(form, &key);
    key.push_back('\t');
    key.append(xpos);
    auto it = table_.find(key);
    if (it != table_.end()) return it->second;
  }
  return RuleLemma(form, upos, xpos, mid_sentence);
}

void Lemmatizer::Lemmatize(Document* doc, const Sentence& s) const {
  Token* toks = doc->begin_of(s);
  for (uint32_t i = 0; i < s.size; ++i) {
    toks[i].lemma = Lemma(toks[i].form, toks[i].upos, toks[i].xpos, i > 0);
  }
}

std::string Lemmatizer::LearnTable(const std::vector<Document>& train) const {
  struct Counts {
    int total = 0;
    std::map<std::string, int> wrong;  // gold lemmas the rules missed
  };
  std::map<std::string, Counts> by_key;
  std::string key;
  for (const Document& d : train) {
    for (const Sentence& s : d.sentences) {
      for (uint32_t i = 0; i < s.size; ++i) {
        const Token& t = d.tokens[s.first + i];
        if (t.lemma.empty()) continue;
        LowerAscii(t.form, &key);
        key.push_back('\t');
        key.append(t.xpos);
        Counts& c = by_key[key];
        ++c.total;
        if (RuleLemma(t.form, t.upos, t.xpos, i > 0) != t.lemma) ++c.wrong[t.lemma];
      }
    }
  }
  std::string out = "# form(lowercased)\txpos\tlemma: learned from the treebank where WordNet rules differ\n";
  for (const auto& [k, c] : by_key) {
    const std::pair<const std::string, int>* best = nullptr;
    for (const auto& w : c.wrong) {
      if (!best || w.second > best->second) best = &w;
    }
    if (!best || 2 * best->second <= c.total) continue;
    // EWT sometimes keeps a regular plural as its own lemma ("troops");
    // event coding wants the singular, so those stay with the rules.
    std::string_view form = std::string_view(k).substr(0, k.find('\t'));
    bool regular_plural = k.ends_with("\tNNS") && best->first == form &&
                          !wordnet_->Exception(std::string(form), WordNet::kNoun);
    if (!regular_plural) out += k + "\t" + best->first + "\n";
  }
  return out;
}

}  // namespace faultline
