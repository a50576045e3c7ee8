#include "server/api_handlers.h"

#include <algorithm>
#include <cstdio>
#include <exception>

#include "server/api_json.h"

namespace faultline {
namespace {

using nlohmann::json;

// A store failure: a bad argument the parameter checks let through is the
// caller's (400); anything else is ours (500), logged with its detail and
// answered without it (SQL text is no business of a client).
ApiReply StoreError(const Status& s) {
  if (s.code() == Status::Code::kInvalidArgument) return ErrorReply(400, s.message());
  if (s.code() == Status::Code::kNotFound) return ErrorReply(404, s.message());
  std::fprintf(stderr, "faultline serve: store: %s\n", s.message().c_str());
  return ErrorReply(500, "store error");
}

constexpr QuerySpec kEventsSpec{.limit = true, .offset = true, .exact_total = true, .default_limit = 100};
constexpr QuerySpec kTimelineSpec{.interval = true};
// The network is drawn whole, so it takes a bigger default than a list.
constexpr QuerySpec kNetworkSpec{.limit = true, .default_limit = 300};
constexpr QuerySpec kTopDyadsSpec{.limit = true, .offset = true, .default_limit = 20};
constexpr QuerySpec kActorsSpec{.limit = true, .offset = true, .default_limit = 50};
constexpr QuerySpec kNoParams{.filters = false};

}  // namespace

ApiReply ErrorReply(int status, const std::string& message) { return {status, json{{"error", message}}}; }

ApiHandlers::ApiHandlers(std::unique_ptr<EventStore> store) : store_(std::move(store)) {}

ApiReply ApiHandlers::Get(std::string_view path, const QueryParams& params) {
  try {
    if (path == "/api/events") return Events(params);
    if (path.starts_with("/api/events/")) return Event(path.substr(12), params);
    if (path == "/api/timeline") return Timeline(params);
    if (path == "/api/network") return Network(params);
    if (path == "/api/top-dyads") return TopDyads(params);
    if (path == "/api/actors") return Actors(params);
    if (path == "/api/alerts") return Alerts(params);
    if (path == "/api/summary") return Summary(params);
    return ErrorReply(404, "no such endpoint");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "faultline serve: %.*s: %s\n", static_cast<int>(path.size()), path.data(), e.what());
    return ErrorReply(500, "internal error");
  }
}

ApiReply ApiHandlers::Events(const QueryParams& params) {
  auto q = ParseApiQuery(params, kEventsSpec);
  if (!q.ok()) return ErrorReply(400, q.status().message());
  std::lock_guard lock(mu_);
  // Counted up to kEventsTotalCap unless exact_total=true; the cap reaches
  // past the page, so that a lower bound is never below the rows paged through.
  const int64_t cap = std::max<int64_t>(kEventsTotalCap, static_cast<int64_t>(q->filter.offset + q->filter.limit));
  auto page = store_->EventsWithTotal(q->filter, q->exact_total ? 0 : cap);
  if (!page.ok()) return StoreError(page.status());
  json list = json::array();
  for (const StoredEvent& e : page->events) list.push_back(EventJson(e));
  return {200, json{{"total", page->total.count},
                    {"total_exact", page->total.exact},
                    {"limit", q->filter.limit},
                    {"offset", q->filter.offset},
                    {"events", list}}};
}

ApiReply ApiHandlers::Event(std::string_view id_text, const QueryParams& params) {
  auto id = ParseEventId(id_text);
  if (!id.ok()) return ErrorReply(400, id.status().message());
  if (auto none = ParseApiQuery(params, kNoParams); !none.ok()) return ErrorReply(400, none.status().message());
  std::lock_guard lock(mu_);
  auto detail = store_->Event(*id);
  if (!detail.ok()) return StoreError(detail.status());
  if (!detail->has_value()) return ErrorReply(404, "no event " + std::to_string(*id));
  return {200, EventDetailJson(**detail)};
}

ApiReply ApiHandlers::Timeline(const QueryParams& params) {
  auto q = ParseApiQuery(params, kTimelineSpec);
  if (!q.ok()) return ErrorReply(400, q.status().message());
  std::lock_guard lock(mu_);
  auto points = store_->Timeline(q->filter, q->interval);
  if (!points.ok()) return StoreError(points.status());
  return {200, TimelineJson(*points, q->interval)};
}

ApiReply ApiHandlers::Network(const QueryParams& params) {
  auto q = ParseApiQuery(params, kNetworkSpec);
  if (!q.ok()) return ErrorReply(400, q.status().message());
  std::lock_guard lock(mu_);
  auto dyads = store_->TopDyads(q->filter);
  if (!dyads.ok()) return StoreError(dyads.status());
  return {200, NetworkJson(*dyads)};
}

ApiReply ApiHandlers::TopDyads(const QueryParams& params) {
  auto q = ParseApiQuery(params, kTopDyadsSpec);
  if (!q.ok()) return ErrorReply(400, q.status().message());
  std::lock_guard lock(mu_);
  auto dyads = store_->TopDyads(q->filter);
  if (!dyads.ok()) return StoreError(dyads.status());
  json list = json::array();
  for (const DyadCount& d : *dyads) list.push_back(DyadJson(d));
  return {200, json{{"dyads", list}}};
}

ApiReply ApiHandlers::Actors(const QueryParams& params) {
  auto q = ParseApiQuery(params, kActorsSpec);
  if (!q.ok()) return ErrorReply(400, q.status().message());
  std::lock_guard lock(mu_);
  auto actors = store_->Actors(q->filter);
  if (!actors.ok()) return StoreError(actors.status());
  json list = json::array();
  for (const ActorCount& a : *actors) list.push_back(ActorJson(a));
  return {200, json{{"actors", list}}};
}

ApiReply ApiHandlers::Alerts(const QueryParams& params) {
  auto options = ParseAlertQuery(params);
  if (!options.ok()) return ErrorReply(400, options.status().message());
  std::lock_guard lock(mu_);
  auto alerts = store_->Alerts(*options);
  if (!alerts.ok()) return StoreError(alerts.status());
  json list = json::array();
  for (const Alert& a : *alerts) list.push_back(AlertJson(a));
  return {200, json{{"alerts", list}}};
}

ApiReply ApiHandlers::Summary(const QueryParams& params) {
  if (auto none = ParseApiQuery(params, kNoParams); !none.ok()) return ErrorReply(400, none.status().message());
  std::lock_guard lock(mu_);
  auto summary = store_->Summary();
  if (!summary.ok()) return StoreError(summary.status());
  return {200, SummaryJson(*summary)};
}

}  // namespace faultline
