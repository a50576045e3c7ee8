#include "peers/tabari_comma.h"

#include <cctype>
#include <sstream>
#include <vector>

#include "base/ascii.h"

namespace faultline::peers {

bool ApplyCommaOption(std::string_view option, CommaRule* rule) {
  std::string o = AsciiLower(AsciiTrim(option));
  if (!o.starts_with("comma:")) return false;
  std::istringstream in(o.substr(6));
  std::vector<std::string> words;
  for (std::string w; in >> w;) {
    // "MIN = 4", "MIN=4" and "MIN= 4" all name MIN and 4.
    for (size_t eq; (eq = w.find('=')) != std::string::npos;) {
      if (eq > 0) words.push_back(w.substr(0, eq));
      words.push_back("=");
      w = w.substr(eq + 1);
    }
    if (!w.empty()) words.push_back(w);
  }
  if (words.size() == 1 && words[0] == "off") {
    rule->off = true;
    return true;
  }
  rule->off = false;
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (words[i + 1] != "=" || !std::isdigit(static_cast<unsigned char>(words[i + 2][0]))) continue;
    int v = std::stoi(words[i + 2].substr(0, 4));
    const std::string& k = words[i];
    int* field = k == "min" ? &rule->min : k == "max" ? &rule->max : k == "emin" ? &rule->emin
               : k == "emax" ? &rule->emax : k == "bmin" ? &rule->bmin : k == "bmax" ? &rule->bmax : nullptr;
    if (field) *field = v;
  }
  return true;
}

namespace {

bool Capitalised(const std::string& w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

bool Conjunction(const std::string& w) {
  std::string l = AsciiLower(w);
  return l == "and" || l == "or";
}

// Whether the stretch between the commas toks[c] and toks[d] belongs to a
// list of names: short (TABARI's compound members are a name with a few
// determiners and adjectives), it ends in a capitalised word and
// "and"/"or" follows ("Evil Mordor, the awful Fornost, and good Gondor"),
// or it goes on a list the comma closed ("Calenardhon and Gondor, and
// Ithilen and Dagolath,"). TABARI does not evaluate commas inside its
// compound actors; "..., associated with the IMF and Red Cross, and ..."
// is a clause.
bool ListMember(const std::vector<std::string>& toks, size_t c, size_t d) {
  constexpr size_t kMaxWords = 4;
  if (c == 0 || d + 1 >= toks.size() || d - c - 1 > kMaxWords || !Capitalised(toks[d - 1])) return false;
  return Conjunction(toks[d + 1]) || (Conjunction(toks[c + 1]) && Capitalised(toks[c - 1]));
}

}  // namespace

std::string DeleteCommaClauses(std::string_view text, const CommaRule& rule) {
  if (rule.off) return std::string(text);
  // Words and commas (TABARI puts blanks around commas; ';' counts as one).
  std::vector<std::string> toks;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) {
    std::string cur;
    for (char c : w) {
      if (c == ',' || c == ';') {
        if (!cur.empty()) toks.push_back(cur);
        cur.clear();
        toks.push_back(",");
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) toks.push_back(cur);
  }
  auto deleted = [](size_t n, int lo, int hi) { return static_cast<int>(n) > lo && static_cast<int>(n) <= hi; };
  auto next_comma = [&](size_t from) {
    while (from < toks.size() && toks[from] != ",") ++from;
    return from;
  };
  // The sentence is read left to right, as TABARI deletes.
  std::string end_mark;
  if (!toks.empty() && toks.back() != "," && (toks.back().back() == '.' || toks.back().back() == '?')) {
    end_mark = toks.back().back();
  }
  size_t first = next_comma(0);
  if (first == toks.size()) return std::string(text);
  if (deleted(first, rule.bmin, rule.bmax)) {
    toks.erase(toks.begin(), toks.begin() + static_cast<long>(first) + 1);
    first = next_comma(0);
  }
  for (size_t c = first; c < toks.size();) {
    size_t d = next_comma(c + 1);
    if (d == toks.size()) {
      // Terminal stretch, with the comma that opens it.
      if (deleted(d - c - 1, rule.emin, rule.emax)) toks.erase(toks.begin() + static_cast<long>(c), toks.end());
      break;
    }
    if (deleted(d - c - 1, rule.min, rule.max) && !ListMember(toks, c, d)) {
      // The clause goes with both its commas; the next one is measured
      // from the comma after it.
      toks.erase(toks.begin() + static_cast<long>(c), toks.begin() + static_cast<long>(d) + 1);
      c = next_comma(c);
      continue;
    }
    c = d;
  }
  std::string out;
  for (const std::string& t : toks) {
    if (!out.empty() && t != ",") out += ' ';
    out += t;
  }
  while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
  if (!end_mark.empty() && !out.empty() && out.back() != end_mark[0]) out += end_mark;
  return out;
}

}  // namespace faultline::peers
