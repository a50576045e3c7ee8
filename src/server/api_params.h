// Query-string parameters of the HTTP API, checked before anything reaches
// the store. Every endpoint declares which names it takes; an unknown name, a
// repeated name or a malformed value is an error naming the parameter, so a
// typo ("acter=RUS") is a 400 instead of a silently unfiltered answer.
//
// Values (an empty value counts as absent, as HTML forms send them):
//   actor, source, target   actor code prefix, [A-Z0-9]{1,15}
//   dyad                    "A-B" either direction or "A>B" directed
//   code                    CAMEO code prefix, 1-4 digits
//   root                    CAMEO root, "01".."20"
//   quad                    quad class 1..4
//   status                  reported | planned | conditional | negated | hypothetical
//   from, to                ISO days (YYYY-MM-DD), from <= to
//   doc                     a story id (printable, at most 256 bytes)
//   incident                an incident id (positive)
//   limit, offset           paging: limit 1..1000 (default per endpoint), offset <= 1,000,000
//   interval                day | week
//
// Pure functions; safe from any thread.
#ifndef FAULTLINE_SERVER_API_PARAMS_H_
#define FAULTLINE_SERVER_API_PARAMS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "faultline/status.h"
#include "store/event_store.h"

namespace faultline {

// Decoded query parameters, as the HTTP library hands them over.
using QueryParams = std::multimap<std::string, std::string>;

inline constexpr size_t kMaxLimit = 1000;
inline constexpr size_t kMaxOffset = 1000000;

// Which parameters an endpoint takes besides none.
struct QuerySpec {
  bool filters = true;        // actor ... incident (the EventFilter fields)
  bool limit = false;         // limit
  bool offset = false;        // offset
  bool interval = false;      // interval=day|week
  bool exact_total = false;   // exact_total=true|false (/api/events)
  size_t default_limit = 100;
};

struct ApiQuery {
  EventFilter filter;               // limit/offset set from the query or the spec's default
  Interval interval = Interval::kDay;
  bool exact_total = false;         // count every match, however many
};

// Errors are kInvalidArgument and name the parameter: "limit: 5000 is above 1000".
Result<ApiQuery> ParseApiQuery(const QueryParams& params, const QuerySpec& spec);

// /api/alerts: from, to, actor, baseline_weeks (1..520), min_events
// (1..100000), threshold (a number in -10..10), limit (1..1000).
Result<AlertOptions> ParseAlertQuery(const QueryParams& params);

// An event id in a path: decimal digits, 1..2^53 (what JSON numbers carry exactly).
Result<int64_t> ParseEventId(std::string_view text);

// [A-Z0-9]{1,15}; `name` is the parameter named in the error.
Status CheckActorCode(std::string_view name, std::string_view code);

}  // namespace faultline

#endif  // FAULTLINE_SERVER_API_PARAMS_H_
