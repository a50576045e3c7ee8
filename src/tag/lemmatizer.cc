#include "tag/lemmatizer.h"

#include <map>

#include "learn/binary_io.h"
#include "tag/tag_features.h"

namespace faultline {

namespace {

const char* const kPosNames[] = {"noun", "verb", "adj", "adv"};

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
  std::unique_ptr<Lemmatizer> lem(new Lemmatizer());
  Status st = lem->LoadWordNet(wordnet_dir);
  if (!st.ok()) return st;
  if (!table_path.empty()) {
    st = lem->LoadTable(table_path);
    if (!st.ok()) return st;
  }
  return lem;
}

Status Lemmatizer::LoadWordNet(const std::string& dir) {
  for (int p = 0; p < kNumPos; ++p) {
    Result<std::string> index = ReadWholeFile(dir + "/index." + kPosNames[p]);
    if (!index.ok()) return index.status();
    Result<std::string> exc = ReadWholeFile(dir + "/" + kPosNames[p] + ".exc");
    if (!exc.ok()) return exc.status();
    std::string_view text = *index;
    for (size_t pos = 0; pos < text.size();) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      if (!line.empty() && line[0] != ' ') index_[p].emplace(line.substr(0, line.find(' ')));
      pos = nl + 1;
    }
    text = *exc;
    for (size_t pos = 0; pos < text.size();) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      size_t sp = line.find(' ');
      if (sp != std::string_view::npos) {
        std::string_view base = line.substr(sp + 1);
        exceptions_[p].emplace(line.substr(0, sp), base.substr(0, base.find(' ')));
      }
      pos = nl + 1;
    }
  }
  return Status::Ok();
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
  auto exc = exceptions_[pos].find(lower);
  if (exc != exceptions_[pos].end()) return exc->second;
  std::vector<std::string> cands = Candidates(lower, pos == kVerb, pos == kAdj || pos == kAdv);
  for (const std::string& c : cands) {
    if (Known(c, pos)) return c;
  }
  if (Known(lower, pos)) return lower;
  return GuessLemma(lower, cands);
}

std::string Lemmatizer::RuleLemma(std::string_view form, std::string_view upos,
                                  std::string_view xpos) const {
  if (upos == "PUNCT" || upos == "NUM" || upos == "SYM" || upos == "X") return std::string(form);
  std::string lower;
  LowerAscii(form, &lower);
  if (upos == "PROPN") {
    if (xpos != "NNPS") return std::string(form);
    std::string base = Morphy(lower, kNoun);
    // Keep the original case of the part that survives ("Americans").
    return lower.compare(0, base.size(), base) == 0 ? std::string(form.substr(0, base.size()))
                                                    : std::string(form);
  }
  if (xpos == "NNS") return Morphy(lower, kNoun);
  if (xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ") return Morphy(lower, kVerb);
  if (xpos == "JJR" || xpos == "JJS") return Morphy(lower, kAdj);
  if (xpos == "RBR" || xpos == "RBS") return Morphy(lower, kAdv);
  return lower;
}

std::string Lemmatizer::Lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  if (!table_.empty()) {
    std::string key;
    LowerAscii(form, &key);
    key.push_back('\t');
    key.append(xpos);
    auto it = table_.find(key);
    if (it != table_.end()) return it->second;
  }
  return RuleLemma(form, upos, xpos);
}

void Lemmatizer::Lemmatize(Document* doc, const Sentence& s) const {
  Token* toks = doc->begin_of(s);
  for (uint32_t i = 0; i < s.size; ++i) toks[i].lemma = Lemma(toks[i].form, toks[i].upos, toks[i].xpos);
}

std::string Lemmatizer::LearnTable(const std::vector<Document>& train) const {
  struct Counts {
    int total = 0;
    std::map<std::string, int> wrong;  // gold lemmas the rules missed
  };
  std::map<std::string, Counts> by_key;
  std::string key;
  for (const Document& d : train) {
    for (const Token& t : d.tokens) {
      if (t.lemma.empty()) continue;
      LowerAscii(t.form, &key);
      key.push_back('\t');
      key.append(t.xpos);
      Counts& c = by_key[key];
      ++c.total;
      if (RuleLemma(t.form, t.upos, t.xpos) != t.lemma) ++c.wrong[t.lemma];
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
                          !exceptions_[kNoun].count(std::string(form));
    if (!regular_plural) out += k + "\t" + best->first + "\n";
  }
  return out;
}

}  // namespace faultline
