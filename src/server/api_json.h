// The HTTP API's JSON shapes (documented in doc/api.md). Spans in an event
// detail are byte offsets into the sentence text (UTF-8), so a client can
// highlight the evidence without the story.
#ifndef FAULTLINE_SERVER_API_JSON_H_
#define FAULTLINE_SERVER_API_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/event_store.h"

namespace faultline {

nlohmann::json EventJson(const StoredEvent& e);
// The event plus its sentence, evidence and actor spans relative to the
// sentence, the story's metadata and the incident's mentions.
nlohmann::json EventDetailJson(const EventDetail& d);
nlohmann::json TimelineJson(const std::vector<TimelinePoint>& points, Interval interval);
nlohmann::json DyadJson(const DyadCount& d);
// Nodes (actors with their event totals over the edges) and edges (directed
// dyads with a target).
nlohmann::json NetworkJson(const std::vector<DyadCount>& dyads);
nlohmann::json ActorJson(const ActorCount& a);
nlohmann::json AlertJson(const Alert& a);
nlohmann::json SummaryJson(const StoreSummary& s);

// Serialises for the wire: invalid UTF-8 from stored text is replaced rather
// than thrown on.
std::string DumpJson(const nlohmann::json& j);

}  // namespace faultline

#endif  // FAULTLINE_SERVER_API_JSON_H_
