#include "geo/event_place.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "geo/place_resolver.h"

namespace faultline {
namespace {

constexpr std::string_view kPlaceCases[] = {"in",     "at",     "near",       "outside", "across",
                                            "into",   "inside", "throughout", "around",  "within"};
// Nouns that name a kind of place: "the city of X", "the outskirts of X".
constexpr std::string_view kPlaceNouns[] = {"town",   "city",     "village", "capital", "region",
                                            "province", "oblast", "district", "port",   "area",
                                            "settlement", "suburb", "outskirts", "county", "enclave"};
constexpr std::string_view kLightVerbs[] = {"hold", "have", "conduct", "reach", "sign", "launch",
                                            "carry", "stage", "make", "give", "issue", "host"};
constexpr std::string_view kNotPlaces[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view s) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}

bool Capitalised(const Token& t) {
  if (t.form.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(t.form[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Clause boundaries: a place below them belongs to another act.
bool Boundary(const Tree& t, int child) {
  std::string_view r = t.base_rel(child);
  if (r == "ccomp" || r == "advcl" || r == "acl" || r == "parataxis" || r == "csubj" || r == "xcomp") return true;
  return r == "conj" && t.IsVerbal(child);
}

// c, an object of x, is followed by a clause of x that it is the
// subject of in meaning ("hoped all sides in Myanmar would resolve", "urged
// the forces in Donetsk to withdraw").
bool SubjectOfLaterClause(const Tree& t, int x, int c) {
  if (t.base_rel(c) != "obj") return false;
  for (int k : t.children(x)) {
    std::string_view r = t.base_rel(k);
    if (k > c && (r == "ccomp" || r == "xcomp")) return true;
  }
  return false;
}

class Finder {
 public:
  Finder(const SentenceView& sv, const DocContext& ctx, const Gazetteer& g)
      : sv_(sv), t_(*sv.tree), g_(g) {
    pc_.story_countries = &ctx.countries;
    pc_.story = sv.doc->text;
    for (const ActorRef& r : sv.refs) {
      if (r.role_only || r.code.size() < 3 || r.code.rfind("IGO", 0) == 0) continue;
      if (r.kind == ActorKind::kOrg || r.kind == ActorKind::kRegion || r.kind == ActorKind::kAgent) continue;
      pc_.actor_countries.push_back(r.code.substr(0, 3));
    }
  }

  // The place named by the phrase headed at x, if it is one.
  std::optional<Location> PlaceAt(int x, std::vector<std::string> qualifier_countries = {}) const {
    const Token& tok = t_.tok(x);
    if (In(kPlaceNouns, t_.lemma(x))) {
      // "the eastern Ukrainian city of Kharkiv": the adjectives say where.
      for (int c : t_.children(x)) {
        std::string_view r = t_.base_rel(c);
        if ((r == "amod" || r == "compound" || r == "nmod") && sv_.ref_at[c] >= 0) {
          const ActorRef& ref = sv_.refs[sv_.ref_at[c]];
          if (ref.code.size() >= 3 && ref.kind != ActorKind::kRegion && ref.kind != ActorKind::kOrg) {
            qualifier_countries.push_back(ref.code.substr(0, 3));
          }
        }
      }
      // "the city of Kharkiv", "the capital, Kyiv", "villages near Gori".
      for (int c : t_.children(x)) {
        std::string_view r = t_.base_rel(c);
        std::string cs = t_.CaseOf(c);
        if ((r == "nmod" && (cs == "of" || In(kPlaceCases, cs))) || r == "appos") {
          if (auto l = PlaceAt(c, qualifier_countries)) return l;
        }
      }
      return std::nullopt;
    }
    if (!Capitalised(tok) || In(kNotPlaces, t_.lemma(x))) return std::nullopt;
    if (tok.upos != "PROPN" && !(x > 0 && (tok.upos == "NOUN" || tok.upos == "X"))) return std::nullopt;
    if (sv_.ref_at[x] >= 0) {
      const ActorRef& ref = sv_.refs[sv_.ref_at[x]];
      if (ref.code.size() < 3) return std::nullopt;
      if (ref.kind == ActorKind::kCountry) {
        if (const Place* p = g_.Country(std::string_view(ref.code).substr(0, 3))) return ToLocation(*p);
        return std::nullopt;
      }
      // A capital is looked up by name like any place: the dictionary's
      // Paris is France's, but "Paris, Texas" is not.
      if (ref.kind != ActorKind::kCapital) return std::nullopt;  // a person, an organisation...
    }
    // The name: x with the capitalised words of its phrase around it.
    int lo = x, hi = x;
    while (lo > 0 && Capitalised(t_.tok(lo - 1)) && t_.head(lo - 1) >= lo - 1 && t_.head(lo - 1) <= hi &&
           sv_.ref_at[lo - 1] == sv_.ref_at[x]) {
      --lo;
    }
    while (hi + 1 < t_.size() && Capitalised(t_.tok(hi + 1)) && t_.head(hi + 1) >= lo && t_.head(hi + 1) <= hi &&
           sv_.ref_at[hi + 1] == sv_.ref_at[x]) {
      ++hi;
    }
    PlaceContext pc = pc_;
    pc.qualifier_countries = std::move(qualifier_countries);
    // "Paris, Texas", "Paris, France".
    if (hi + 2 < t_.size() && t_.tok(hi + 1).form == "," && Capitalised(t_.tok(hi + 2))) {
      int q = hi + 2;
      while (q + 1 < t_.size() && Capitalised(t_.tok(q + 1))) ++q;
      pc.qualifier = std::string(Slice(hi + 2, q));
      if (sv_.ref_at[hi + 2] >= 0 && sv_.refs[sv_.ref_at[hi + 2]].kind == ActorKind::kCountry) {
        pc.qualifier_countries.push_back(sv_.refs[sv_.ref_at[hi + 2]].code.substr(0, 3));
      }
    }
    // The whole name ("St Petersburg" as GeoNames writes it, "Saint
    // Petersburg"), else the head word alone — but "Petersburg" out of "St
    // Petersburg" must then be a capital or a state, not any town.
    const Place* p = nullptr;
    bool context = false, whole = true;
    std::string name(Slice(lo, hi));
    if (name.rfind("St. ", 0) == 0) name.replace(0, 3, "Saint");
    else if (name.rfind("St ", 0) == 0) name.replace(0, 2, "Saint");
    p = ResolvePlace(g_, name, pc, &context);
    if (!p && lo != hi) {
      p = ResolvePlace(g_, Slice(x, x), pc, &context);
      whole = false;
    }
    if (!p) return std::nullopt;
    if (!whole && !p->IsCountry() && !p->IsCapital()) return std::nullopt;
    // A small place the story gives no reason for is more likely a word
    // that happens to be a town's name.
    if (!context && p->population < 100000) return std::nullopt;
    return ToLocation(*p);
  }

 private:
  std::string_view Slice(int b, int e) const {
    return sv_.doc->slice(t_.tok(b).begin, t_.tok(e).end);
  }

  const SentenceView& sv_;
  const Tree& t_;
  const Gazetteer& g_;
  PlaceContext pc_;
};

}  // namespace

std::optional<Location> EventPlace(const SentenceView& sv, const DocContext& ctx, int anchor, const Gazetteer& g) {
  if (!sv.tree || anchor < 0 || anchor >= sv.tree->size()) return std::nullopt;
  const Tree& t = *sv.tree;
  Finder f(sv, ctx, g);

  // "visited Kyiv", "a visit to Kyiv": the visit happens at its object.
  if (t.lemma(anchor) == "visit") {
    for (int c : t.children(anchor)) {
      std::string_view r = t.base_rel(c);
      if (r == "obj" || ((r == "nmod" || r == "obl") && t.CaseOf(c) == "to")) {
        if (auto l = f.PlaceAt(c)) return l;
      }
    }
  }

  // The clause: the anchor, and for a noun event the verb it is the object
  // or subject of ("held talks in Minsk").
  std::vector<int> roots = {anchor};
  const int h = t.head(anchor);
  if (h >= 0 && !t.IsVerbal(anchor) && t.IsVerbal(h)) {
    std::string_view r = t.base_rel(anchor);
    if (r == "obj" || r == "nsubj") roots.push_back(h);
  }
  // A light verb's act is its object ("held talks with Putin in Moscow").
  if (In(kLightVerbs, t.lemma(anchor))) {
    if (int o = t.Child(anchor, "obj"); o >= 0 && t.tok(o).upos == "NOUN") roots.push_back(o);
  }
  std::vector<std::pair<int, int>> found;  // (rank, token)
  std::vector<std::pair<int, int>> stack;  // (token, depth)
  for (int r : roots) stack.emplace_back(r, 0);
  std::vector<bool> seen(t.size(), false);
  while (!stack.empty()) {
    auto [x, depth] = stack.back();
    stack.pop_back();
    if (seen[x]) continue;
    seen[x] = true;
    for (int c : t.children(x)) {
      if (Boundary(t, c) || std::find(roots.begin(), roots.end(), c) != roots.end()) continue;
      // Time phrases ("a day after protests in Cairo") place other acts.
      if (t.rel(c).find("tmod") != std::string_view::npos || t.rel(c).find("npmod") != std::string_view::npos) {
        continue;
      }
      std::string_view r = t.base_rel(c);
      if ((r == "obl" || r == "nmod") && In(kPlaceCases, t.CaseOf(c))) {
        found.emplace_back(depth * 100 + std::abs(c - anchor), c);
      }
      // The act's own phrases and their modifiers ("homes in villages near
      // Gori"), not deeper: "a withdrawal of soldiers still in Lebanon" was
      // demanded elsewhere.
      if (depth < 1 && !SubjectOfLaterClause(t, x, c)) stack.emplace_back(c, depth + 1);
    }
  }
  // Everything the tree puts in this clause, at any depth: the surface
  // search below is for what the parser attached elsewhere.
  std::vector<bool> inside(t.size(), false);
  for (std::vector<int> todo = roots; !todo.empty();) {
    int x = todo.back();
    todo.pop_back();
    if (inside[x]) continue;
    inside[x] = true;
    for (int c : t.children(x)) {
      if (!Boundary(t, c)) todo.push_back(c);
    }
  }
  std::sort(found.begin(), found.end());
  for (auto [rank, c] : found) {
    if (auto l = f.PlaceAt(c)) return l;
  }
  // On the surface: "in X", "near X"... right after the anchor, before the
  // next punctuation, whatever the parser attached it to.
  // A clause opener or another preposition first ("protested after talks in
  // Moscow") ends the search: what follows belongs to another phrase.
  for (int i = anchor + 1; i + 1 < t.size() && i <= anchor + 8; ++i) {
    std::string_view u = t.tok(i).upos;
    if (u == "PUNCT" || u == "VERB" || u == "AUX" || u == "SCONJ" || u == "CCONJ" || u == "PRON") break;
    if (!In(kPlaceCases, t.lemma(i))) {
      if (u == "ADP") break;
      continue;
    }
    int j = i + 1;
    while (j < t.size() && (t.tok(j).upos == "DET" || t.tok(j).upos == "ADJ")) ++j;
    if (j < t.size() && t.tok(j).upos == "PROPN") {
      // The last word of the name is its head.
      int e = j;
      while (e + 1 < t.size() && t.tok(e + 1).upos == "PROPN") ++e;
      if (inside[e]) break;  // the tree has it in this clause, below the act's own phrases
      if (auto l = f.PlaceAt(e)) return l;
    }
    break;
  }
  return std::nullopt;
}

}  // namespace faultline
