#include "peers/peer_dict.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include "base/ascii.h"
#include "base/iso_date.h"
#include "code/actor_refs.h"
#include "dict/line_fields.h"

namespace faultline::peers {
namespace {

// Splits text into lines with XML comments (also multi-line) blanked out,
// so that line numbers stay right.
std::vector<std::string> Lines(std::string_view text) {
  std::string t(text);
  for (size_t p = t.find("<!--"); p != std::string::npos; p = t.find("<!--", p)) {
    size_t e = t.find("-->", p + 4);
    size_t end = e == std::string::npos ? t.size() : e + 3;
    for (size_t i = p; i < end; ++i) {
      if (t[i] != '\n') t[i] = ' ';
    }
    p = end;
  }
  std::vector<std::string> lines;
  std::istringstream in(t);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// Strips '#' and ';' comments (both dialects use them; '//' starts a TABARI
// comment line).
std::string_view StripPeerComment(std::string_view line) {
  // A '#' inside a code block ("[###]") is the discard code, not a comment.
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '[') ++depth;
    if (c == ']' && depth > 0) --depth;
    if ((c == '#' || c == ';') && depth == 0) {
      line = line.substr(0, i);
      break;
    }
  }
  std::string_view t = AsciiTrim(line);
  if (t.starts_with("//")) return {};
  return t;
}

bool IsCodeChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// An actor/agent/event code: letters and digits, or one of the peers' special
// codes (--- null, ### discard, +++ complex).
bool ValidCode(std::string_view c) {
  if (c == "---" || c == "###" || c == "+++") return true;
  return !c.empty() && std::all_of(c.begin(), c.end(), IsCodeChar);
}

// Splits a peer phrase ("PRESIDENT_GEORGE_W._BUSH", "GROUP OF 77") into
// lower-case words; *stem says whether the last word lacked a trailing '_'.
PeerPhrase ParsePhrase(std::string_view s) {
  PeerPhrase p;
  std::string cur;
  s = AsciiTrim(s);
  bool blank = false;  // a blank since the last word
  auto flush = [&] {
    if (cur.empty()) return;
    p.apart.push_back(blank && !p.words.empty());
    p.words.push_back(AsciiLower(cur));
    cur.clear();
    blank = false;
  };
  for (char c : s) {
    if (c == '_' || c == ' ' || c == '\t') {
      flush();
      blank |= c != '_';
    } else {
      cur += c;
    }
  }
  flush();
  p.stem = !s.empty() && s.back() != '_' && s.back() != '=';
  p.no_endings = !s.empty() && s.back() == '=';
  for (std::string& w : p.words) {
    while (!w.empty() && w.back() == '=') w.pop_back();
  }
  for (size_t i = p.words.size(); i-- > 0;) {
    if (p.words[i].empty()) {
      p.words.erase(p.words.begin() + static_cast<std::ptrdiff_t>(i));
      p.apart.erase(p.apart.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  return p;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Parses the inside of one "[...]" actor code block: "USAGOV", "HOB <950601",
// "HOBGOV 19950601 - 19990815", "UNO >920101", "ELR/GAL". Returns "" or why
// it is bad.
std::string ParseActorCode(std::string_view inside, PeerCode* out) {
  std::string s;
  for (char c : inside) {
    if (c != ' ' && c != '\t') s += c;
  }
  size_t split = s.find_first_of("<>0123456789");
  // The code itself may contain digits (G77, AR1): the restriction starts at
  // '<', '>' or at a digit run of 6 or 8 followed by '-' or the end.
  size_t lt = s.find_first_of("<>");
  if (lt != std::string::npos) {
    split = lt;
  } else {
    split = std::string::npos;
    for (size_t i = 0; i < s.size(); ++i) {
      if (!(s[i] >= '0' && s[i] <= '9')) continue;
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      if ((j - i == 6 || j - i == 8) && (j == s.size() || s[j] == '-')) {
        split = i;
        break;
      }
      i = j;
    }
  }
  std::string code = s.substr(0, split);
  std::string restr = split == std::string::npos ? "" : s.substr(split);
  if (code.empty()) return "code block [" + std::string(inside) + "] has no code";
  code = AsciiUpper(code);
  // A coded compound "[FRO/BIL/SAM]": one phrase, several actors; each
  // member must be a code.
  for (const std::string& member : CompoundCodes(code)) {
    if (!ValidCode(member)) return "'" + member + "' is not a code";
  }
  out->code = code;
  if (restr.empty()) return "";
  if (restr[0] == '<' || restr[0] == '>') {
    int d;
    if (!PeerDateToDays(restr.substr(1), &d)) return "'" + restr.substr(1) + "' is not a date";
    (restr[0] == '<' ? out->to : out->from) = d;
    return "";
  }
  size_t dash = restr.find('-');
  if (dash == std::string::npos) return "'" + restr + "' is not a date restriction";
  if (!PeerDateToDays(restr.substr(0, dash), &out->from)) return "'" + restr.substr(0, dash) + "' is not a date";
  if (!PeerDateToDays(restr.substr(dash + 1), &out->to)) return "'" + restr.substr(dash + 1) + "' is not a date";
  if (out->from > out->to) return "date range ends before it starts";
  return "";
}

// Splits "PHRASE [A] [B]" into the phrase and the bracket contents. Returns
// false on unbalanced brackets.
bool SplitCodes(std::string_view line, std::string_view* phrase, std::vector<std::string_view>* blocks) {
  size_t open = line.find('[');
  *phrase = AsciiTrim(line.substr(0, open == std::string_view::npos ? line.size() : open));
  if (phrase->find(']') != std::string_view::npos) return false;
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) return false;
    if (line.substr(open + 1, close - open - 1).find('[') != std::string_view::npos) return false;
    blocks->push_back(line.substr(open + 1, close - open - 1));
    open = line.find('[', close);
    if (AsciiTrim(line.substr(close + 1, open == std::string_view::npos ? std::string_view::npos : open - close - 1))
            .size()) {
      return false;  // text between or after code blocks
    }
  }
  return true;
}

// Regular plural of a lower-case word (PETRARCH's rule: Y -> IES, S -> +ES,
// else +S).
std::string Plural(const std::string& w) {
  if (w.size() > 1 && w.back() == 'y' && std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  if (w.ends_with("s") || w.ends_with("sh") || w.ends_with("ch") || w.ends_with("x")) return w + "es";
  return w + "s";
}

// Candidate lemmas of a peer verb word: TABARI stems ("ACCUS", "ALLEG") and
// inflected roots ("CALLED_ON") are reduced the simple way; our lemmatiser
// gives the infinitive, so a few guesses cover most of them.
std::vector<std::string> VerbLemmas(const std::string& w, bool stem) {
  std::vector<std::string> out{w};
  auto add = [&](const std::string& s) {
    if (s.size() >= 2 && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  auto vowel = [](char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; };
  if (stem && !w.empty() && !vowel(w.back())) add(w + "e");
  if (w.size() > 4 && w.ends_with("ied")) add(w.substr(0, w.size() - 3) + "y");
  if (w.size() > 4 && w.ends_with("ed")) {
    std::string b = w.substr(0, w.size() - 2);
    add(b);
    add(b + "e");
    if (b.size() > 2 && b.back() == b[b.size() - 2]) add(b.substr(0, b.size() - 1));
  }
  if (w.size() > 5 && w.ends_with("ing")) {
    std::string b = w.substr(0, w.size() - 3);
    add(b);
    add(b + "e");
    if (b.size() > 2 && b.back() == b[b.size() - 2]) add(b.substr(0, b.size() - 1));
  }
  if (w.size() > 4 && w.ends_with("ies")) add(w.substr(0, w.size() - 3) + "y");
  if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss")) add(w.substr(0, w.size() - 1));
  return out;
}

// ---- verb patterns -------------------------------------------------------

struct PToken {
  std::string text;       // a word (lower-case), "*", "$", "+", "%", "^", "{", "}", "|", "&NAME"
  bool joined = false;    // joined to the previous token by '_' (must be adjacent)
  bool exact = false;     // a word written with a '_' or '=' after it (TABARI: not a stem)
};

std::vector<PToken> Tokenise(std::string_view s) {
  std::vector<PToken> out;
  bool joined = false;
  bool stem_joined = false;  // a '~' just joined the last word to the next
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    if (cur[0] == '&') {
      out.push_back({AsciiUpper(cur), joined});
    } else {
      std::string w = AsciiLower(cur);
      // "ANTI-": the peers read a hyphen as a blank ("anti- Gondor").
      while (w.size() > 1 && w.back() == '-') w.pop_back();
      while (w.size() > 1 && w.front() == '-') w.erase(0, 1);
      // "DIDN'T" is two words in our tokens, as in the treebank: "did n't".
      if (w.size() > 3 && w.ends_with("n't")) {
        out.push_back({w.substr(0, w.size() - 3), joined, true});
        out.push_back({"n't", true, true});
      } else {
        out.push_back({w, joined});
      }
    }
    joined = false;
    stem_joined = false;
    cur.clear();
  };
  for (char c : s) {
    if (c == '~' && !cur.empty() && cur[0] != '&') {
      // TABARI "REAL~_PLEASANT": a stem joined to the next word (a bare '_'
      // would make REAL exact).
      flush();
      joined = true;
      stem_joined = true;
    } else if (c == '_' || c == '=') {
      bool word = !cur.empty() && cur[0] != '&';
      flush();
      if (word) out.back().exact = true;
      joined = c == '_' || stem_joined;
    } else if (c == ' ' || c == '\t') {
      flush();
      joined = stem_joined;  // "XXX~ YYY" is joined too
    } else if (std::string_view("*$+%^{}|()").find(c) != std::string_view::npos) {
      flush();
      out.push_back({std::string(1, c), joined});
      joined = stem_joined = false;
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

using Alternatives = std::vector<std::vector<std::string>>;

// A word TABARI matches as a prefix when written without a trailing '_':
// letters only (numbers and contractions stay exact).
bool IsStemWord(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The pattern marks that are not words: '*', slots, brackets.
bool IsMark(const std::string& t) {
  return t.size() == 1 && std::string_view("*$+%^{}|()").find(t) != std::string_view::npos;
}

}  // namespace

std::string PeerActorCode(const std::string& code, const std::unordered_set<std::string>& prefix_agents) {
  // New-actor text ("\"INJURY TOLL\"") is no run of 3-letter blocks.
  if (code.size() <= 3 || code.size() % 3 != 0 || code.front() == '"') return code;
  std::vector<std::string> blocks;
  for (size_t i = 0; i < code.size(); i += 3) {
    std::string b = code.substr(i, 3);
    if (std::find(blocks.begin(), blocks.end(), b) == blocks.end()) blocks.push_back(b);
  }
  std::string front, rest;
  for (size_t i = 0; i < blocks.size(); ++i) {
    (i > 0 && prefix_agents.count(blocks[i]) ? front : rest) += blocks[i];
  }
  return front + rest;
}

bool PeerDateToDays(std::string_view s, int* days) {
  std::string iso = PeerDateToIso(s);
  return !iso.empty() && IsoToDays(iso, days);
}

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::stringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return Status::Ok();
}

Status PeerDictionaries::ReadFile(const std::string& path, const std::string& kind, Dialect dialect) {
  std::string text;
  Status s = ReadWholeFile(path, &text);
  if (!s.ok()) return s;
  if (kind == "actors") {
    ReadActors(text, path);
  } else if (kind == "agents") {
    ReadAgents(text, path);
  } else if (kind == "verbs") {
    ReadVerbs(text, path, dialect);
  } else if (kind == "discards") {
    ReadDiscards(text, path);
  } else {
    return Status::Invalid(path + ": unknown dictionary kind '" + kind + "'");
  }
  return Status::Ok();
}

void PeerDictionaries::ReadActors(std::string_view text, const std::string& file) {
  std::vector<std::string> lines = Lines(text);
  PeerActor* cur = nullptr;
  bool in_section = false;  // TABARI <NOUN>, <ADJECTIVE>: uncoded helper words
  auto finish = [&] {
    if (cur && cur->codes.empty()) {
      // A record with no code at all is not an actor.
      warnings.push_back(cur->rule + ": actor has no code (skipped)");
      actors.pop_back();
    } else if (cur) {
      for (const PeerCode& c : cur->codes) actor_codes.insert(c.code);
    }
    cur = nullptr;
  };
  for (size_t n = 0; n < lines.size(); ++n) {
    const std::string& raw = lines[n];
    std::string where = file + ":" + std::to_string(n + 1);
    bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    std::string_view line = StripPeerComment(raw);
    if (line.empty()) continue;
    if (line.starts_with("~FINISH") || line.starts_with("~~FINISH")) break;
    if (line[0] == '<') {
      // "<! -- ... -->" (a comment with a stray blank, PETR.Validate.actors)
      // is a comment line; only TABARI's word sections open a section, so
      // one odd tag cannot swallow the rest of the file.
      finish();
      if (line.starts_with("<!")) continue;
      std::string tag = AsciiLower(std::string(line.substr(0, line.find('>') + 1)));
      if (tag == "<noun>" || tag == "<adjective>") {
        in_section = true;
      } else if (tag == "</noun>" || tag == "</adjective>") {
        in_section = false;
      } else {
        warnings.push_back(where + ": unknown tag line (skipped)");
      }
      continue;
    }
    if (in_section) continue;
    std::string_view phrase;
    std::vector<std::string_view> blocks;
    if (!SplitCodes(line, &phrase, &blocks)) {
      warnings.push_back(where + ": unbalanced brackets (skipped)");
      continue;
    }
    std::vector<PeerCode> codes;
    bool bad = false;
    for (std::string_view b : blocks) {
      PeerCode c;
      std::string why = ParseActorCode(b, &c);
      if (!why.empty()) {
        warnings.push_back(where + ": " + why + " (skipped)");
        bad = true;
        break;
      }
      codes.push_back(c);
    }
    if (bad) continue;
    if (phrase.empty()) {
      // A code line: belongs to the record above.
      if (!cur) {
        warnings.push_back(where + ": code line before any actor (skipped)");
        continue;
      }
      cur->codes.insert(cur->codes.end(), codes.begin(), codes.end());
      continue;
    }
    if (phrase[0] == '+') {
      if (!cur) {
        warnings.push_back(where + ": synonym before any actor (skipped)");
        continue;
      }
      PeerPhrase p = ParsePhrase(phrase.substr(1));
      if (!p.words.empty()) cur->phrases.push_back(std::move(p));
      cur->codes.insert(cur->codes.end(), codes.begin(), codes.end());
      continue;
    }
    if (indented && cur && codes.empty()) {
      warnings.push_back(where + ": indented line is neither a code nor a synonym (skipped)");
      continue;
    }
    finish();
    PeerPhrase p = ParsePhrase(phrase);
    if (p.words.empty()) {
      warnings.push_back(where + ": no phrase (skipped)");
      continue;
    }
    actors.push_back(PeerActor{{std::move(p)}, std::move(codes), where});
    cur = &actors.back();
  }
  finish();
}

void PeerDictionaries::ReadAgents(std::string_view text, const std::string& file) {
  std::vector<std::string> lines = Lines(text);
  std::map<std::string, std::vector<std::string>> subst;  // "!PERSON!" -> words
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string where = file + ":" + std::to_string(n + 1);
    std::string_view line = StripPeerComment(lines[n]);
    if (line.empty() || line[0] == '<') continue;
    if (line.starts_with("~FINISH")) break;
    if (line[0] == '!' && line.find('=') != std::string_view::npos) {
      size_t eq = line.find('=');
      size_t close = line.find('!', 1);
      if (eq == std::string_view::npos || close == std::string_view::npos || close > eq) {
        warnings.push_back(where + ": bad substitution set (skipped)");
        continue;
      }
      std::vector<std::string>& words = subst[std::string(line.substr(0, close + 1))];
      std::string rest(line.substr(eq + 1));
      std::replace(rest.begin(), rest.end(), ',', ' ');
      std::istringstream in(rest);
      for (std::string w; in >> w;) words.push_back(AsciiLower(w));
      continue;
    }
    std::string_view phrase;
    std::vector<std::string_view> blocks;
    if (!SplitCodes(line, &phrase, &blocks)) {
      warnings.push_back(where + ": unbalanced brackets (skipped)");
      continue;
    }
    if (blocks.empty()) continue;  // a line without a code is not an agent
    std::string code;
    for (char c : blocks[0]) {
      if (c != ' ' && c != '\t') code += c;
    }
    PeerAgent a;
    a.rule = where;
    if (code.starts_with("~")) {
      code = code.substr(1);
    } else if (code.ends_with("~")) {
      code.pop_back();
      a.prefix = true;
    }
    code = AsciiUpper(code);
    if (!ValidCode(code) || code.size() < 3) {
      warnings.push_back(where + ": '" + std::string(blocks[0]) + "' is not an agent code (skipped)");
      continue;
    }
    a.code = code;
    // PHRASE {PLURAL ...}
    std::string_view plural_text;
    bool explicit_plural = false;
    if (size_t open = phrase.find('{'); open != std::string_view::npos) {
      size_t close = phrase.find('}', open);
      if (close == std::string_view::npos) {
        warnings.push_back(where + ": unbalanced '{' (skipped)");
        continue;
      }
      plural_text = phrase.substr(open + 1, close - open - 1);
      explicit_plural = true;
      phrase = AsciiTrim(phrase.substr(0, open));
    }
    // Substitution markers expand into one phrase per listed word.
    std::vector<std::string> expanded{std::string(phrase)};
    for (const auto& [marker, words] : subst) {
      std::vector<std::string> next;
      for (const std::string& e : expanded) {
        size_t at = e.find(marker);
        if (at == std::string::npos) {
          next.push_back(e);
          continue;
        }
        for (const std::string& w : words) next.push_back(e.substr(0, at) + AsciiUpper(w) + e.substr(at + marker.size()));
      }
      expanded = std::move(next);
    }
    bool substituted = expanded.size() > 1;
    for (const std::string& e : expanded) {
      PeerPhrase p = ParsePhrase(e);
      if (p.words.empty()) continue;
      if (!explicit_plural && !substituted) {
        PeerPhrase pl = p;
        pl.words.back() = Plural(pl.words.back());
        a.phrases.push_back(std::move(p));
        a.phrases.push_back(std::move(pl));
      } else {
        a.phrases.push_back(std::move(p));
      }
    }
    if (explicit_plural) {
      std::istringstream in{std::string(plural_text)};
      for (std::string w; in >> w;) {
        PeerPhrase p = ParsePhrase(w);
        if (!p.words.empty()) a.phrases.push_back(std::move(p));
      }
    }
    if (a.phrases.empty()) {
      warnings.push_back(where + ": no phrase (skipped)");
      continue;
    }
    agent_codes.insert(a.code);
    agents.push_back(std::move(a));
  }
}

void PeerDictionaries::ReadDiscards(std::string_view text, const std::string& file) {
  std::vector<std::string> lines = Lines(text);
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = StripPeerComment(lines[n]);
    if (line.empty() || line[0] == '<') continue;
    PeerDiscard d;
    d.rule = file + ":" + std::to_string(n + 1);
    if (line[0] == '+') {
      d.story = true;
      line = AsciiTrim(line.substr(1));
    }
    d.whole_word = line.ends_with("_");
    PeerPhrase p = ParsePhrase(line);
    for (std::string& w : p.words) d.words.push_back(AsciiUpper(w));
    if (d.words.empty()) continue;
    discards.push_back(std::move(d));
  }
}

namespace {

// State of the verb reader.
struct VerbReader {
  PeerDictionaries* dict;
  Dialect dialect;
  std::map<std::string, std::vector<std::vector<std::string>>> synsets;  // "&NAME" -> members (raw upper)
  struct Verb {
    std::vector<std::string> anchors;  // candidate lemmas
    bool stem = false;                 // a TABARI stem root: it begins the words it names
    std::vector<std::string> before;   // words before the verb word (multi-word verbs)
    std::vector<std::string> after;    // words after it
    std::string code;
    std::string rule;
  };
  std::vector<Verb> verbs;
  std::string block_code = "---";
  std::vector<PeerPattern> pending;  // patterns of the current block, anchor unset

  static std::string Norm(std::string name) {
    while (!name.empty() && name.back() == '_') name.pop_back();
    return AsciiUpper(name);
  }

  // Expands a token sequence (words and &SYNSETS) into word sequences.
  bool Expand(const std::vector<PToken>& toks, Alternatives* out, int depth, std::string* why) {
    Alternatives acc{{}};
    for (const PToken& t : toks) {
      // Words of an alternative or a synset member apart by a blank
      // ("{ LOUDLY INCLUDED | ... }", "+AUSTRIAN FLORIN"): other words may
      // stand between them (kGap).
      bool gap = dialect == Dialect::kTabari && &t != &toks.front() && !t.joined;
      Alternatives choices;
      if (t.text[0] == '&') {
        if (depth > 5 || !ExpandSynset(t.text, &choices, depth, why)) return false;
      } else if (dialect == Dialect::kTabari && !t.exact && IsStemWord(t.text)) {
        choices.push_back({t.text + "*"});  // a TABARI stem: "EFFORT" matches "efforts"
      } else {
        choices.push_back({t.text});
      }
      Alternatives next;
      for (const auto& a : acc) {
        for (const auto& c : choices) {
          auto s = a;
          if (gap && !s.empty() && !c.empty()) s.push_back(kGap);
          s.insert(s.end(), c.begin(), c.end());
          next.push_back(std::move(s));
          if (next.size() > 400) {
            *why = "pattern expands into too many alternatives";
            return false;
          }
        }
      }
      acc = std::move(next);
    }
    out->insert(out->end(), acc.begin(), acc.end());
    return true;
  }

  bool ExpandSynset(const std::string& name, Alternatives* out, int depth, std::string* why) {
    auto it = synsets.find(Norm(name));
    if (it == synsets.end()) {
      *why = "unknown synset " + name;
      return false;
    }
    for (const auto& member : it->second) {
      std::vector<PToken> toks;
      for (const std::string& m : member) {
        for (PToken& t : Tokenise(m)) {
          if (t.text == "$" || t.text == "+") continue;
          toks.push_back(std::move(t));
        }
      }
      if (toks.empty()) continue;
      if (!Expand(toks, out, depth + 1, why)) return false;
    }
    return true;
  }

  // Parses a code "[...]" content into the pattern's code fields.
  bool ParseVerbCode(std::string_view inside, PeerPattern* p, std::string* why) {
    std::string s;
    for (char c : inside) {
      if (c != ' ' && c != '\t') s += c;
    }
    if (s == "---" || s == "+++" || s == "###") {
      p->code = s;
      return true;
    }
    while (!s.empty() && (s.back() == '?' || s.back() == '!')) {
      (s.back() == '?' ? p->subordinate : p->dominant) = true;
      s.pop_back();
    }
    std::string a = s, b;
    if (size_t colon = s.find(':'); colon != std::string::npos) {
      a = s.substr(0, colon);
      b = s.substr(colon + 1);
    }
    a = AsciiUpper(a);
    b = AsciiUpper(b);
    if ((!a.empty() && !ValidCode(a)) || (!b.empty() && !ValidCode(b)) || (a.empty() && b.empty())) {
      *why = "'" + std::string(inside) + "' is not an event code";
      return false;
    }
    if (a.empty()) {
      a = b;  // "[:173]": only the reverse reading; approximated by the code itself
      b.clear();
    }
    p->code = a;
    p->code2 = b;
    return true;
  }

  // Parses "- PATTERN [CODE] # comment" (comment already stripped).
  bool ParsePatternLine(std::string_view line, const std::string& where, PeerPattern* p, std::string* why) {
    line = AsciiTrim(line.substr(1));
    size_t open = line.rfind('[');
    size_t close = line.rfind(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      *why = "pattern without a [code]";
      return false;
    }
    if (!ParseVerbCode(line.substr(open + 1, close - open - 1), p, why)) return false;
    // PETRARCH does not implement complex codes in patterns (its suite,
    // DEMO-04: "currently not implemented"): no pattern, so the verb's
    // others code ("fxll diplomatic" -> "* DIPLOMATIC [064]").
    if (dialect == Dialect::kPetrarch && p->code == "+++") {
      *why = "complex code [+++] in a pattern, which PETRARCH does not implement";
      return false;
    }
    std::string_view body = AsciiTrim(line.substr(0, open));
    p->rule = where;
    p->text = std::string(body);
    const std::vector<PToken> toks = Tokenise(body);
    int depth = 0;
    for (const PToken& t : toks) {
      if (t.text == "{" || t.text == "(") ++depth;
      if (t.text == "}" || t.text == ")") --depth;
      if (depth < 0) break;
    }
    if (depth != 0) {
      *why = "unbalanced brackets in pattern";
      return false;
    }
    auto star = std::find_if(toks.begin(), toks.end(), [](const PToken& t) { return t.text == "*"; });
    if (star == toks.end()) {
      *why = "pattern without '*'";
      return false;
    }
    // After the verb: words (other words may stand between them),
    // {a | b} alternatives, the '+' target and '$' source slots.
    bool target_seen = false, source_seen = false;
    int skip = 0;  // '^'s waiting for the next slot
    auto slot = [&](const std::string& x, std::vector<PatternItem>* out) {
      if (x == "^") {
        ++skip;
      } else if (x == "+" && !target_seen) {
        out->push_back(PatternItem{true, {}, false, std::exchange(skip, 0)});
        target_seen = true;
      } else if (x == "$" && !source_seen) {
        out->push_back(PatternItem{false, {}, true, std::exchange(skip, 0)});
        source_seen = true;
      } else if (x == "%" && dialect == Dialect::kPetrarch && out == &p->items && !target_seen) {
        // PETRARCH: a compound after the verb is its target ("AGREE WITH %":
        // "agrees with the Philippines and France" -> each); TABARI pairs
        // its members as before the verb.
        out->push_back(PatternItem{true, {}, false, std::exchange(skip, 0)});
        target_seen = true;
      } else if (x == "%") {
        PatternItem both;
        both.skip = std::exchange(skip, 0);
        both.compound = true;
        out->push_back(std::move(both));
      }
    };
    // Parses "{ a | b c }" starting at `it`; returns the closing brace.
    auto alternatives = [&](std::vector<PToken>::const_iterator it, std::vector<PToken>::const_iterator end,
                            std::vector<PatternItem>* out) -> std::optional<std::vector<PToken>::const_iterator> {
      auto close = std::find_if(it, end, [](const PToken& t) { return t.text == "}"; });
      std::vector<std::vector<PToken>> alts{{}};
      for (auto k = it + 1; k != close; ++k) {
        if (k->text == "|") {
          alts.emplace_back();
        } else if (!IsMark(k->text)) {
          alts.back().push_back(*k);
        }
      }
      PatternItem item;
      for (const auto& a : alts) {
        if (!a.empty() && !Expand(a, &item.alternatives, 0, why)) return std::nullopt;
      }
      if (!item.alternatives.empty()) out->push_back(std::move(item));
      return close;
    };
    // Items: runs of words joined by '_' (consecutive), alternatives,
    // slots; other words may stand between items.
    using It = std::vector<PToken>::const_iterator;
    auto items = [&](It from, It to, std::vector<PatternItem>* out) {
      for (It it = from; it != to; ++it) {
        const std::string& x = it->text;
        // Joined to the verb or to the previous item ("*_OF",
        // "}_CONVENTIONS", "APPLY_{ GENEVA | INTERNATIONAL }"), not to a slot.
        const bool adjacent =
            it->joined && it != toks.begin() && std::string_view("$+%^").find((it - 1)->text) == std::string_view::npos;
        if (x == "$" || x == "%" || x == "+" || x == "^") {
          slot(x, out);
        } else if (x == "{") {
          skip = 0;  // as for words, below
          size_t had = out->size();
          auto close = alternatives(it, to, out);
          if (!close) return false;
          if (out->size() > had) out->back().adjacent = adjacent;
          it = *close;
          if (it == to) break;
        } else if (!IsMark(x)) {
          std::vector<PToken> run{*it};
          while (it + 1 != to && (it + 1)->joined && !IsMark((it + 1)->text)) run.push_back(*++it);
          PatternItem item;
          item.adjacent = adjacent;
          // "* EID AT ^ WITH +": a '^' before words passes over the actor
          // among the words of the gap (any word may stand there), not one
          // before the next slot.
          skip = 0;
          if (!Expand(run, &item.alternatives, 0, why)) return false;
          out->push_back(std::move(item));
        }
      }
      return true;
    };
    if (!items(star + 1, toks.end(), &p->items)) return false;
    // Before the verb: words joined to '*' by '_' must stand just before it
    // (`before`); the others are items that may have other words between
    // them and the verb (`pre`): runs of joined words, alternatives, slots.
    std::vector<PToken> before(toks.begin(), star);
    size_t chain_from = before.size();
    for (bool chain = star->joined; chain && chain_from > 0 && !IsMark(before[chain_from - 1].text);) {
      --chain_from;
      chain = before[chain_from].joined;
    }
    std::vector<PToken> adjacent(before.begin() + chain_from, before.end());
    skip = 0;
    if (!items(before.cbegin(), before.cbegin() + chain_from, &p->pre)) return false;
    if (!adjacent.empty()) {
      Alternatives alts;
      if (!Expand(adjacent, &alts, 0, why)) return false;
      // One pattern per alternative of the words before (synsets there).
      for (auto& a : alts) {
        PeerPattern q = *p;
        q.before = std::move(a);
        pending.push_back(std::move(q));
      }
      return true;
    }
    pending.push_back(*p);
    return true;
  }

  // Emits the block's patterns for every verb of the block.
  void FlushBlock() {
    for (const Verb& v : verbs) {
      for (const std::string& anchor : v.anchors) {
        for (const PeerPattern& p : pending) {
          PeerPattern q = p;
          q.anchor = anchor;
          q.stem_anchor = v.stem;
          if (!v.before.empty()) q.before = v.before;
          std::vector<PatternItem> items;
          for (const std::string& w : v.after) items.push_back(PatternItem{false, {{w}}});
          items.insert(items.end(), q.items.begin(), q.items.end());
          q.items = std::move(items);
          dict->patterns.push_back(std::move(q));
        }
        // The verb alone codes the verb line's code (else the block's).
        PeerPattern bare;
        bare.anchor = anchor;
        bare.stem_anchor = v.stem;
        bare.before = v.before;
        for (const std::string& w : v.after) bare.items.push_back(PatternItem{false, {{w}}});
        std::string why;
        ParseVerbCode(v.code, &bare, &why);
        bare.rule = v.rule;
        bare.text = "*";
        bare.dropped_words = -1;  // marks the bare verb (least specific)
        dict->patterns.push_back(std::move(bare));
      }
    }
    verbs.clear();
    pending.clear();
  }

  // A verb line: "RESTORE", "BAN {BANS BANNED}", "+BEEF_UP", "KLM_NOP_+RST [002]",
  // TABARI "ACT_ [100]", "CALLED_ON [094]".
  void AddVerbLine(std::string_view line, const std::string& where) {
    std::string_view phrase;
    std::vector<std::string_view> blocks;
    std::string forms;
    std::string text(line);
    if (size_t open = text.find('{'); open != std::string::npos) {
      size_t close = text.find('}', open);
      if (close == std::string::npos) {
        dict->warnings.push_back(where + ": unbalanced '{' (skipped)");
        return;
      }
      forms = text.substr(open + 1, close - open - 1);
      text.erase(open, close - open + 1);
    }
    if (!SplitCodes(text, &phrase, &blocks)) {
      dict->warnings.push_back(where + ": unbalanced brackets (skipped)");
      return;
    }
    Verb v;
    v.rule = where;
    v.code = blocks.empty() ? block_code : std::string(blocks[0]);
    PeerPattern probe;
    std::string why;
    if (!ParseVerbCode(v.code, &probe, &why)) {
      dict->warnings.push_back(where + ": " + why + " (skipped)");
      return;
    }
    std::string p(phrase);
    bool had_plus = !p.empty() && p[0] == '+';
    if (had_plus) p = p.substr(1);
    // The verb word is the one after '+' (or the first).
    std::vector<std::string> words;
    int verb_at = 0;
    {
      std::string cur;
      bool plus_next = false;
      for (size_t i = 0; i <= p.size(); ++i) {
        char c = i < p.size() ? p[i] : '_';
        if (c == '_' || c == ' ') {
          if (!cur.empty()) {
            if (plus_next) verb_at = static_cast<int>(words.size());
            words.push_back(AsciiLower(cur));
            plus_next = false;
          }
          cur.clear();
        } else if (c == '+') {
          plus_next = true;
        } else {
          cur += c;
        }
      }
    }
    if (words.empty()) {
      dict->warnings.push_back(where + ": no verb (skipped)");
      return;
    }
    bool stem = dialect == Dialect::kTabari && !phrase.empty() && phrase.back() != '_';
    v.anchors = VerbLemmas(words[verb_at], stem && words.size() == 1);
    v.stem = stem && words.size() == 1;
    if (dialect == Dialect::kTabari && !stem) {
      // "DEPART_": exact, but the regular endings -S -ED -ES -EN -ING match
      // too (TABARI's rule), as surface forms.
      for (const char* ending : {"s", "ed", "es", "en", "ing"}) {
        std::string f = words[verb_at] + ending;
        if (std::find(v.anchors.begin(), v.anchors.end(), f) == v.anchors.end()) v.anchors.push_back(f);
      }
    }
    v.before.assign(words.begin(), words.begin() + verb_at);
    v.after.assign(words.begin() + verb_at + 1, words.end());
    // Listed forms: their simple lemmas are anchors too (irregular verbs the
    // lemmatiser may leave alone stay reachable).
    std::istringstream in(forms);
    for (std::string f; in >> f;) {
      std::vector<std::string> fw;
      std::string cur;
      for (char c : f + "_") {
        if (c == '_') {
          if (!cur.empty()) fw.push_back(AsciiLower(cur));
          cur.clear();
        } else if (c != '+') {
          cur += c;
        }
      }
      // A multi-word form names the verb word at the root's place
      // ("+CORDON_OFF {+CORDONED_OFF ...}": "cordoned", whatever the
      // lemmatiser makes of it); other shapes follow the root's words.
      if (fw.size() != words.size()) continue;
      const std::string& form = fw[verb_at];
      if (std::find(v.anchors.begin(), v.anchors.end(), form) == v.anchors.end()) v.anchors.push_back(form);
      for (const std::string& l : VerbLemmas(form, false)) {
        if (std::find(v.anchors.begin(), v.anchors.end(), l) == v.anchors.end()) v.anchors.push_back(l);
      }
    }
    ++dict->verbs;
    verbs.push_back(std::move(v));
  }

  void Read(std::string_view text, const std::string& file) {
    std::vector<std::string> lines = Lines(text);
    enum class Mode { kNone, kSynset, kBlock, kSkip, kTime } mode = Mode::kNone;
    std::string synset;
    bool tabari_synsets = false;
    for (size_t n = 0; n < lines.size(); ++n) {
      std::string where = file + ":" + std::to_string(n + 1);
      const std::string& raw = lines[n];
      // Pattern lines keep their '#'/';' comments out; a '#' never belongs to a pattern.
      std::string_view line = StripPeerComment(raw);
      if (line.empty()) continue;
      if (line.starts_with("~FINISH") || line.starts_with("~~FINISH")) break;
      if (line[0] == '<') {
        std::string tag = AsciiUpper(line);
        if (tag.starts_with("<SYNSETS>")) {
          tabari_synsets = true;
          mode = Mode::kSynset;
        } else if (tag.starts_with("</SYNSETS>")) {
          tabari_synsets = false;
          mode = Mode::kNone;
        } else if (tag.starts_with("</")) {
          mode = Mode::kNone;
        } else {
          FlushBlock();
          mode = tag.starts_with("<TIME>") ? Mode::kTime : Mode::kSkip;  // <ATTRIB>, ...
        }
        continue;
      }
      if (mode == Mode::kSkip) continue;
      if (mode == Mode::kTime) {
        // TABARI's time words: a [###] or [+++] phrase ("KAN_WA_MA_KAN
        // [###]", "WHEN_PEACE_COMES [+++]") keeps its record from being
        // coded; the time shifts ("TOMORROW [+1]") are not applied.
        std::string_view phrase;
        std::vector<std::string_view> blocks;
        if (line[0] == '-' || !SplitCodes(line, &phrase, &blocks) || blocks.empty()) continue;
        std::string code(AsciiTrim(blocks[0]));
        if (code != "###" && code != "+++") continue;
        PeerDiscard d;
        for (const std::string& w : ParsePhrase(phrase).words) d.words.push_back(AsciiUpper(w));
        d.whole_word = true;
        d.rule = where;
        if (!d.words.empty()) dict->discards.push_back(std::move(d));
        continue;
      }
      if (line[0] == '~') continue;  // PETRARCH2 transformations: not supported
      if (line[0] == '&') {
        synset = VerbReader::Norm(std::string(AsciiTrim(line)));
        synsets[synset];
        ++dict->synsets;
        if (!tabari_synsets) {
          FlushBlock();
        }
        mode = Mode::kSynset;
        continue;
      }
      if (mode == Mode::kSynset && line[0] == '+') {
        std::string member(AsciiTrim(line.substr(1)));
        if (synset.empty()) {
          dict->warnings.push_back(where + ": synset member before any synset (skipped)");
          continue;
        }
        synsets[synset].push_back({member});
        continue;
      }
      if (tabari_synsets) continue;
      if (line.starts_with("---")) {
        // PETRARCH block header "--- NAME [CODE] ---".
        FlushBlock();
        mode = Mode::kBlock;
        size_t open = line.find('['), close = line.find(']');
        block_code = "---";
        if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
          block_code = std::string(line.substr(open + 1, close - open - 1));
          PeerPattern probe;
          std::string why;
          if (!ParseVerbCode(block_code, &probe, &why)) {
            dict->warnings.push_back(where + ": " + why + " (block code ignored)");
            block_code = "---";
          }
        } else {
          dict->warnings.push_back(where + ": block header without [code]");
        }
        continue;
      }
      if (line[0] == '-') {
        if (verbs.empty()) {
          dict->warnings.push_back(where + ": pattern before any verb (skipped)");
          continue;
        }
        PeerPattern p;
        std::string why;
        if (!ParsePatternLine(line, where, &p, &why)) {
          dict->warnings.push_back(where + ": " + why + " (skipped)");
          continue;
        }
        if (!p.code.empty()) dict->codes.insert(p.code);
        if (!p.code2.empty()) dict->codes.insert(p.code2);
        continue;
      }
      if (line[0] == '{') {
        // TABARI irregular forms of the root above.
        if (verbs.empty()) {
          dict->warnings.push_back(where + ": verb forms before any verb (skipped)");
          continue;
        }
        std::string forms(line);
        std::erase(forms, '{');
        std::erase(forms, '}');
        std::istringstream in(forms);
        Verb& v = verbs.back();
        for (std::string f; in >> f;) {
          PeerPhrase fp = ParsePhrase(f);
          if (fp.words.size() != 1) continue;
          for (const std::string& l : VerbLemmas(fp.words[0], false)) {
            if (std::find(v.anchors.begin(), v.anchors.end(), l) == v.anchors.end()) v.anchors.push_back(l);
          }
        }
        continue;
      }
      if (dialect == Dialect::kTabari) {
        // A root line opens its own block.
        FlushBlock();
        std::string_view phrase;
        std::vector<std::string_view> blocks;
        if (!SplitCodes(line, &phrase, &blocks)) {
          dict->warnings.push_back(where + ": unbalanced brackets (skipped)");
          continue;
        }
        if (blocks.empty()) {
          dict->warnings.push_back(where + ": verb root without [code] (skipped)");
          continue;
        }
        block_code = std::string(blocks[0]);
        mode = Mode::kBlock;
        AddVerbLine(line, where);
        if (!verbs.empty()) {
          PeerPattern probe;
          std::string why;
          ParseVerbCode(verbs.back().code, &probe, &why);
          dict->codes.insert(probe.code);
        }
        continue;
      }
      if (mode != Mode::kBlock) {
        dict->warnings.push_back(where + ": verb line outside a verb block (skipped)");
        continue;
      }
      AddVerbLine(line, where);
    }
    FlushBlock();
  }
};

}  // namespace

void PeerDictionaries::ReadVerbs(std::string_view text, const std::string& file, Dialect dialect) {
  VerbReader r{this, dialect, {}, {}, "---", {}};
  r.Read(text, file);
  for (const PeerPattern& p : patterns) {
    if (!p.code.empty()) codes.insert(p.code);
    if (!p.code2.empty()) codes.insert(p.code2);
  }
}

Status PeerDictionaries::Install(ActorDictionary* actor_dict, VerbDictionary* verb_dict, CodeTable* code_table,
                                 const std::unordered_set<std::string>& vocabulary, bool foreign) const {
  auto mark = [&](const std::string& c) { return foreign && c != "---" ? std::string(1, kForeignMark) + c : c; };
  std::vector<std::string> vocab(vocabulary.begin(), vocabulary.end());
  std::sort(vocab.begin(), vocab.end());
  // All names of a phrase: itself, and among the text's words for a stem
  // those that start with it, for an exact word ("LIBYA_") its plural
  // ("Libyas": TABARI's regular noun ending; the possessive is a token of
  // its own already).
  auto names_of = [&](const PeerPhrase& p) {
    std::vector<std::string> out{Join(p.words)};
    if (vocab.empty() || p.no_endings) return out;
    const std::string& last = p.words.back();
    auto also = [&](const std::string& form) {
      std::vector<std::string> w = p.words;
      w.back() = form;
      out.push_back(Join(w));
    };
    if (!p.stem) {
      if (std::binary_search(vocab.begin(), vocab.end(), last + "s")) also(last + "s");
      return out;
    }
    for (auto it = std::lower_bound(vocab.begin(), vocab.end(), last); it != vocab.end() && it->starts_with(last);
         ++it) {
      if (*it != last) also(*it);
    }
    return out;
  };
  for (const PeerActor& a : actors) {
    ActorEntry e;
    e.rule = a.rule;
    std::vector<std::string> names;
    for (const PeerPhrase& p : a.phrases) {
      for (std::string& n : names_of(p)) names.push_back(std::move(n));
    }
    bool dated = std::any_of(a.codes.begin(), a.codes.end(), [](const PeerCode& c) { return c.dated(); });
    if (!dated) {
      e.kind = ActorKind::kCountry;
      e.code = a.codes.front().code;
    } else {
      // Date-restricted codes: tried in file order, the default (undated)
      // last; a lone restricted code has the null code as its default.
      e.kind = ActorKind::kPerson;
      std::string fallback = "---";
      for (const PeerCode& c : a.codes) {
        if (!c.dated()) {
          fallback = c.code;
          continue;
        }
        RoleSpell r;
        r.code = c.code;
        r.from = c.from;
        r.to = c.to;
        e.roles.push_back(std::move(r));
      }
      RoleSpell def;
      def.code = fallback;
      e.roles.push_back(std::move(def));
    }
    actor_dict->AddEntry(std::move(e), names);
  }
  for (const PeerAgent& a : agents) {
    ActorEntry e;
    e.kind = ActorKind::kAgent;
    e.code = a.code;
    e.rule = a.rule;
    std::vector<std::string> names;
    for (const PeerPhrase& p : a.phrases) names.push_back(Join(p.words));
    actor_dict->AddEntry(std::move(e), names);
  }
  for (const std::string& c : codes) code_table->AddForeign(mark(c));
  for (const PeerPattern& p : patterns) {
    VerbPattern v;
    v.code = mark(p.code);
    v.anchor = p.anchor;
    v.stem_anchor = p.stem_anchor;
    v.before = p.before;
    v.pre = p.pre;
    v.items = p.items;
    // More words required, more specific: an item counts its shortest
    // alternative ("MOST_CERTAINLY_&NEG_EVER *" beats "&NEG EVER *"); at
    // equal length a literal word beats a synset or {a | b} ("* DOLLAR"
    // before "* &CURRENCY"): words count 2, an item with alternatives one
    // less.
    v.specificity = 2 * static_cast<int>(p.before.size());
    for (const auto* items : {&p.pre, &p.items}) {
      for (const PatternItem& it : *items) {
        size_t shortest = it.alternatives.empty() ? 0 : SIZE_MAX;
        for (const auto& a : it.alternatives) {
          shortest = std::min(shortest, a.size() - std::count(a.begin(), a.end(), std::string(kGap)));
        }
        v.specificity += 2 * static_cast<int>(shortest) - (it.alternatives.size() > 1 ? 1 : 0);
      }
    }
    // The bare verb is the least specific of its words ("CALL" -1, "CALLED_UPON"
    // 1: the word it needs after the verb counts).
    if (p.dropped_words < 0) v.specificity -= 1;
    v.rule = p.rule;
    v.text = p.text;
    verb_dict->AddPattern(std::move(v));
  }
  return Status::Ok();
}

std::vector<std::string> TextWords(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'') {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  return words;
}

void PeerDictionaries::AddSpellingsApart(const std::vector<std::string>& texts) {
  std::vector<std::vector<std::string>> tokenised;
  for (const std::string& t : texts) tokenised.push_back(TextWords(t));
  for (PeerActor& a : actors) {
    std::vector<PeerPhrase> more;
    for (const PeerPhrase& p : a.phrases) {
      if (p.words.size() < 2 || std::none_of(p.apart.begin(), p.apart.end(), [](bool b) { return b; })) continue;
      for (const auto& words : tokenised) {
        for (size_t start = 0; start < words.size(); ++start) {
          if (words[start] != p.words[0]) continue;
          size_t at = start + 1, k = 1;
          for (; k < p.words.size(); ++k) {
            size_t limit = std::min(words.size(), at + (p.apart[k] ? 4 : 1));
            while (at < limit && words[at] != p.words[k]) ++at;
            if (at == limit) break;
            ++at;
          }
          if (k < p.words.size() || at - start == p.words.size()) continue;  // no match, or no words between
          PeerPhrase spelled;
          spelled.words.assign(words.begin() + static_cast<std::ptrdiff_t>(start), words.begin() + static_cast<std::ptrdiff_t>(at));
          spelled.apart.assign(spelled.words.size(), false);
          bool known = std::any_of(more.begin(), more.end(), [&](const PeerPhrase& m) { return m.words == spelled.words; });
          if (!known) more.push_back(std::move(spelled));
        }
      }
    }
    a.phrases.insert(a.phrases.end(), more.begin(), more.end());
  }
}

namespace {

// Whether the code that holds on `day` (the first dated one covering it, in
// file order, else the undated one) is [###] or [+++].
bool SpecialOn(const std::vector<PeerCode>& codes, int day) {
  const PeerCode* on = nullptr;
  for (const PeerCode& c : codes) {
    if (c.dated() && day >= c.from && day <= c.to) {
      on = &c;
      break;
    }
    if (!c.dated() && !on) on = &c;
  }
  return on && (on->code == "###" || on->code == "+++");
}

}  // namespace

void PeerDictionaries::SpecialActorsToDiscards() {
  std::vector<PeerActor> kept;
  for (PeerActor& a : actors) {
    auto special_code = [](const PeerCode& c) { return c.code == "###" || c.code == "+++"; };
    if (std::none_of(a.codes.begin(), a.codes.end(), special_code)) {
      kept.push_back(std::move(a));
      continue;
    }
    for (const PeerPhrase& p : a.phrases) {
      PeerDiscard d;
      for (const std::string& w : p.words) d.words.push_back(AsciiUpper(w));
      d.whole_word = !p.stem;
      d.rule = a.rule;
      if (a.codes.size() > 1) d.codes = a.codes;  // dated: discards only when ### holds
      discards.push_back(std::move(d));
    }
    if (a.codes.size() > 1) kept.push_back(std::move(a));
  }
  actors = std::move(kept);
}

bool PeerDictionaries::Discarded(std::string_view text, bool* story, std::string* rule, const int* day) const {
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    if (IsCodeChar(c) || c == '\'' || c == '-') {
      cur += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  for (const PeerDiscard& d : discards) {
    if (!d.codes.empty() && (!day || !SpecialOn(d.codes, *day))) continue;
    for (size_t i = 0; i + d.words.size() <= words.size(); ++i) {
      bool ok = true;
      for (size_t k = 0; k < d.words.size() && ok; ++k) {
        bool last = k + 1 == d.words.size();
        ok = (last && !d.whole_word) ? words[i + k].starts_with(d.words[k]) : words[i + k] == d.words[k];
      }
      if (ok) {
        if (story) *story = d.story;
        if (rule) *rule = d.rule;
        return true;
      }
    }
  }
  return false;
}

}  // namespace faultline::peers
