// Chooses among the places that share a name ("Paris": France, Texas,
// Ontario...) by the story's context, and turns the choice into the
// Location an event carries.
#ifndef FAULTLINE_GEO_PLACE_RESOLVER_H_
#define FAULTLINE_GEO_PLACE_RESOLVER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/event.h"
#include "geo/gazetteer.h"

namespace faultline {

struct PlaceContext {
  // Countries (alpha-3) the story has named so far, with weights
  // (DocContext::countries); may be null.
  const std::map<std::string, int>* story_countries = nullptr;
  // Countries of the event's own actors (alpha-3).
  std::vector<std::string> actor_countries;
  // Words qualifying the mention itself: ", Texas", ", France", "the
  // Ukrainian town of": country codes and names of divisions or countries.
  std::vector<std::string> qualifier_countries;
  std::string qualifier;
  // The story's text: a division named anywhere in it ("Texas") favours
  // the places in that division.
  std::string_view story;
};

// The best place called `name`, or nullptr when the gazetteer has none.
// A country's own row wins over towns of the same name; else, in order of
// weight: the qualifier, a division the story names, the event's actors'
// countries, the story's countries, then size (capitals and division seats
// first among equals).
// *in_context (optional) tells whether the choice is a country, or lies in
// a country or division the qualifier, the actors or the story name.
const Place* ResolvePlace(const Gazetteer& g, std::string_view name, const PlaceContext& ctx,
                          bool* in_context = nullptr);

// The event's Location for a place: name, country, division (its ISO 3166-2
// name; empty where GeoNames' division codes are not ISO's), coordinates (a
// country's are its capital's).
Location ToLocation(const Place& p);

}  // namespace faultline

#endif  // FAULTLINE_GEO_PLACE_RESOLVER_H_
