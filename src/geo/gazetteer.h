// The gazetteer: GeoNames places of 1,000+ people and one row per ISO 3166-1
// country, loaded from the TSV that tools/make_gazetteer.mjs writes at build
// time (<build>/gazetteer.tsv; columns documented there). Looked up by name,
// case-insensitively, through the name, its ASCII spelling and alternates.
//
// Thread contract: immutable after Load(); lookups may run on any thread.
#ifndef FAULTLINE_GEO_GAZETTEER_H_
#define FAULTLINE_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/status.h"

namespace faultline {

struct Place {
  std::string_view name;        // as GeoNames spells it ("Kyiv", "Zürich")
  std::string_view country;     // ISO 3166-1 alpha-3
  std::string_view admin_code;  // first-order division: ISO 3166-2 suffix or GeoNames' code
  std::string_view admin;       // its ISO 3166-2 name when known ("Texas"), else empty
  std::string_view feature;     // GeoNames feature code (PPLC, PPLA, PPL...) or COUNTRY
  float lat = 0, lon = 0;
  uint32_t population = 0;
  bool IsCountry() const { return feature == "COUNTRY"; }
  bool IsCapital() const { return feature == "PPLC"; }
};

// One way a name reaches a place.
struct PlaceMatch {
  const Place* place;
  bool alternate;  // through an alternate name, not the name or its ASCII form
  bool famous;     // through an English name ('*' alternate): the place news means by it
};

class Gazetteer {
 public:
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  // Same, from the file's text (tests).
  static Result<std::unique_ptr<Gazetteer>> Parse(std::string text, const std::string& origin);

  // Places called `name` (any case; UTF-8 or its ASCII folding), each once.
  std::vector<PlaceMatch> Find(std::string_view name) const;
  // The row for a country (alpha-3), or nullptr.
  const Place* Country(std::string_view alpha3) const;
  size_t size() const { return places_.size(); }

 private:
  Gazetteer() = default;
  std::string text_;                 // the file; Place fields view into it
  std::string keys_;                 // lower-case keys; index_ views into it
  std::vector<Place> places_;
  struct Key {
    uint64_t hash;          // of the lower-case key
    uint32_t value;         // place index << 2 | famous << 1 | alternate
    std::string_view key;   // the lower-case key, to rule out collisions
  };
  std::vector<Key> index_;  // sorted by (hash, value)
  std::vector<std::pair<std::string_view, uint32_t>> countries_;  // alpha-3 -> place, sorted
};

// Where the gazetteer is: $FAULTLINE_GAZETTEER if set, else gazetteer.tsv
// next to the running program (the build folder, where setup writes it),
// else <home>/build/gazetteer.tsv. "" when none of these files exists.
std::string FindGazetteer(const std::string& home);

}  // namespace faultline

#endif  // FAULTLINE_GEO_GAZETTEER_H_
