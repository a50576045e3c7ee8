#include "server/api_json.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace faultline {
namespace {

using nlohmann::json;

// Four counts, index 0 = quad class 1 (verbal cooperation) ... 3 = class 4
// (material conflict).
json QuadJson(const int64_t (&quad)[5]) { return json::array({quad[1], quad[2], quad[3], quad[4]}); }

// Means are rounded for the wire: three decimals are more than a Goldstein
// weight (one decimal) carries, and keep the JSON short.
double Round3(double v) { return std::isfinite(v) ? std::round(v * 1000) / 1000 : 0; }

json SpanJson(size_t begin, size_t end) { return json{{"begin", begin}, {"end", end}}; }

// Where an actor's words stand in the sentence: the occurrence nearest the
// evidence (a name can occur twice), or null when the text is not there (an
// actor resolved from a pronoun or an earlier sentence).
json ActorSpan(const std::string& sentence, const std::string& text, size_t evidence_begin) {
  if (text.empty()) return nullptr;
  size_t best = std::string::npos, best_distance = 0;
  for (size_t at = sentence.find(text); at != std::string::npos; at = sentence.find(text, at + 1)) {
    size_t distance = at > evidence_begin ? at - evidence_begin : evidence_begin - at;
    if (best == std::string::npos || distance < best_distance) {
      best = at;
      best_distance = distance;
    }
  }
  if (best == std::string::npos) return nullptr;
  return SpanJson(best, best + text.size());
}

}  // namespace

json EventJson(const StoredEvent& s) {
  const Event& e = s.event;
  json j{{"id", s.id},
         {"incident", s.incident},
         {"day", IsoDay(s.day)},
         {"date", e.date},
         {"doc_id", e.doc_id},
         {"sentence", e.sentence},
         {"source", e.source},
         {"target", e.target},
         {"source_text", e.source_text},
         {"target_text", e.target_text},
         {"code", e.code},
         {"root", e.root},
         {"quad_class", e.quad_class},
         {"goldstein", e.goldstein},
         {"plover", e.plover},
         {"status", e.status},
         {"span", SpanJson(e.span_begin, e.span_end)},
         {"rule", e.rule},
         {"location", nullptr}};
  if (e.location) {
    j["location"] = {{"name", e.location->name},
                     {"country", e.location->country},
                     {"admin", e.location->admin},
                     {"lat", e.location->lat},
                     {"lon", e.location->lon}};
  }
  return j;
}

json EventDetailJson(const EventDetail& d) {
  json j = EventJson(d.stored);
  const Event& e = d.stored.event;
  const size_t n = d.sentence.size();
  // Story offsets to sentence offsets, clamped: a span outside the sentence
  // (never expected) must not make a client slice out of range.
  auto local = [&](uint32_t at) {
    return at < d.sentence_begin ? size_t{0} : std::min<size_t>(at - d.sentence_begin, n);
  };
  const size_t begin = local(e.span_begin), end = std::max(begin, local(e.span_end));
  j["sentence_text"] = d.sentence;
  j["sentence_begin"] = d.sentence_begin;
  j["evidence"] = SpanJson(begin, end);
  j["source_span"] = ActorSpan(d.sentence, e.source_text, begin);
  j["target_span"] = ActorSpan(d.sentence, e.target_text, begin);
  j["document"] = {{"id", e.doc_id}, {"date", d.doc_date}, {"title", d.doc_title},
                   {"source", d.doc_source}, {"url", d.doc_url}};
  j["incident_detail"] = {{"id", d.stored.incident},
                          {"mentions", d.incident_mentions},
                          {"documents", d.incident_documents}};
  return j;
}

json TimelineJson(const std::vector<TimelinePoint>& points, Interval interval) {
  json list = json::array();
  for (const TimelinePoint& p : points) {
    list.push_back({{"start", p.start},
                    {"events", p.events},
                    {"incidents", p.incidents},
                    {"quad", QuadJson(p.quad)},
                    {"goldstein_mean", p.events ? json(Round3(p.goldstein_mean)) : json(nullptr)}});
  }
  return {{"interval", interval == Interval::kWeek ? "week" : "day"}, {"points", list}};
}

json DyadJson(const DyadCount& d) {
  const double share = d.events ? static_cast<double>(d.quad[3] + d.quad[4]) / static_cast<double>(d.events) : 0;
  return {{"source", d.source},       {"target", d.target},
          {"events", d.events},       {"incidents", d.incidents},
          {"quad", QuadJson(d.quad)}, {"goldstein_mean", Round3(d.goldstein_mean)},
          {"conflict_share", Round3(share)}};
}

json NetworkJson(const std::vector<DyadCount>& dyads) {
  struct Node {
    int64_t as_source = 0, as_target = 0;
  };
  std::map<std::string, Node> nodes;
  json edges = json::array();
  for (const DyadCount& d : dyads) {
    if (d.target.empty()) continue;
    nodes[d.source].as_source += d.events;
    nodes[d.target].as_target += d.events;
    edges.push_back(DyadJson(d));
  }
  json list = json::array();
  for (const auto& [id, n] : nodes) {
    list.push_back({{"id", id}, {"as_source", n.as_source}, {"as_target", n.as_target},
                    {"events", n.as_source + n.as_target}});
  }
  return {{"nodes", list}, {"edges", edges}};
}

json ActorJson(const ActorCount& a) {
  return {{"actor", a.actor}, {"as_source", a.as_source}, {"as_target", a.as_target},
          {"events", a.events}, {"incidents", a.incidents}};
}

json AlertJson(const Alert& a) {
  return {{"source", a.source},
          {"target", a.target},
          {"week", a.week},
          {"events", a.events},
          {"baseline_events", a.baseline_events},
          {"goldstein_mean", Round3(a.goldstein_mean)},
          {"baseline_goldstein_mean", Round3(a.baseline_goldstein_mean)},
          {"conflict_share", Round3(a.conflict_share)},
          {"baseline_conflict_share", Round3(a.baseline_conflict_share)},
          {"score", Round3(a.score)}};
}

json SummaryJson(const StoreSummary& s) {
  return {{"documents", s.documents}, {"sentences", s.sentences}, {"events", s.events},
          {"incidents", s.incidents}, {"quotes", s.quotes},       {"counts", s.counts},
          {"first_day", s.first_day.empty() ? json(nullptr) : json(s.first_day)},
          {"last_day", s.last_day.empty() ? json(nullptr) : json(s.last_day)}};
}

std::string DumpJson(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace faultline
