#include "geo/place_resolver.h"

#include <algorithm>
#include <cmath>

#include "base/ascii.h"

namespace faultline {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// `word` occurs in `text` as whole words, with its case.
bool MentionsWord(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool left = at == 0 || !IsWordChar(text[at - 1]);
    const size_t end = at + word.size();
    const bool right = end >= text.size() || !IsWordChar(text[end]);
    if (left && right) return true;
  }
  return false;
}

// "Washington" in a story is the capital more often than the state, and
// "Georgia" may be the country: such a division name says nothing.
bool NamesACapital(const Gazetteer& g, std::string_view name) {
  for (const PlaceMatch& m : g.Find(name)) {
    if (m.place->IsCapital() || m.place->IsCountry()) return true;
  }
  return false;
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

double Score(const Gazetteer& g, const PlaceMatch& m, const PlaceContext& ctx, bool ambiguous, bool* context) {
  const Place& p = *m.place;
  *context = p.IsCountry();
  // Prior: size, and a national capital is what world news means by its
  // name (Washington is D.C. even in a British story).
  double s = std::log10(static_cast<double>(p.population) + 10.0);
  if (p.IsCountry()) s += 30;  // "Mexico" the state, not Mexico City
  if (p.IsCapital()) s += 4;
  else if (p.feature == "PPLA") s += 0.5;
  if (m.famous) s += 4;  // "Geneva" is Genève, whatever the story's countries
  else if (m.alternate) s -= 0.25;
  // The mention's own qualifier settles it.
  if (Contains(ctx.qualifier_countries, p.country)) {
    s += 20;
    *context = true;
  }
  if (!ctx.qualifier.empty()) {
    const std::string q = AsciiLower(ctx.qualifier);
    const Place* c = g.Country(p.country);
    if (q == AsciiLower(p.admin) || q == AsciiLower(p.admin_code) || q == AsciiLower(p.country) ||
        (c && q == AsciiLower(c->name))) {
      s += 20;
      *context = true;
    }
  }
  // The story's context: its divisions, the event's actors, its countries.
  // Context only ranks same-name places; it is still reported for one.
  const double w = ambiguous ? 1 : 0;
  if (!p.admin.empty() && MentionsWord(ctx.story, p.admin) && !NamesACapital(g, p.admin)) {
    s += 4 * w;
    *context = true;
  }
  double c = 0;
  if (Contains(ctx.actor_countries, p.country)) c += 3;
  if (ctx.story_countries) {
    auto it = ctx.story_countries->find(std::string(p.country));
    if (it != ctx.story_countries->end() && it->second > 0) c += 1.5 + 0.1 * std::min(it->second, 10);
  }
  if (c > 0) *context = true;
  s += std::min(c, 4.5) * w;
  return s;
}

}  // namespace

const Place* ResolvePlace(const Gazetteer& g, std::string_view name, const PlaceContext& ctx, bool* in_context) {
  std::vector<PlaceMatch> found = g.Find(name);
  if (found.empty()) return nullptr;
  const bool ambiguous = found.size() > 1;
  const Place* best = nullptr;
  double best_score = -1e9;
  bool best_context = false;
  for (const PlaceMatch& m : found) {
    bool context = false;
    double s = Score(g, m, ctx, ambiguous, &context);
    if (s > best_score || (s == best_score && m.place->population > best->population)) {
      best = m.place;
      best_score = s;
      best_context = context;
    }
  }
  if (in_context) *in_context = best_context;
  return best;
}

Location ToLocation(const Place& p) {
  Location l;
  l.name = std::string(p.name);
  l.country = std::string(p.country);
  l.admin = std::string(p.admin);
  l.lat = std::round(static_cast<double>(p.lat) * 1e5) / 1e5;
  l.lon = std::round(static_cast<double>(p.lon) * 1e5) / 1e5;
  return l;
}

}  // namespace faultline
