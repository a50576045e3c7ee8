// Fuzz target: the query parameters of the HTTP API (src/server/api_params.h).
// Byte 0 picks the endpoint (which QuerySpec, or the alerts or event-id
// parser, exactly as api_handlers.cc uses them); the rest is read twice:
//   1. as the query string of a URL, decoded by cpp-httplib's own
//      parse_query_text (split at '&' and '=', %XX and '+' decoded), which is
//      what the server hands to the handlers;
//   2. as raw "name=value" lines, so names and values can hold any byte
//      ('&', '=', NUL, invalid UTF-8) without the fuzzer having to find
//      percent-escapes first.
// Invariants: an accepted query only holds values the store may be given
// (the doc comment of api_params.h); a refused one is kInvalidArgument with a
// message.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dates/civil_date.h"
#include "fuzz_util.h"
#include "server/api_params.h"

using namespace faultline;

namespace {

bool IsActorCode(const std::string& s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool IsDigits(const std::string& s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// An accepted value is empty (absent) or well formed.
void CheckFilter(const EventFilter& f, const QuerySpec& spec) {
  for (const std::string* code : {&f.actor, &f.source, &f.target}) FUZZ_CHECK(code->empty() || IsActorCode(*code));
  FUZZ_CHECK(f.dyad_a.empty() == f.dyad_b.empty());
  if (!f.dyad_a.empty()) FUZZ_CHECK(IsActorCode(f.dyad_a) && IsActorCode(f.dyad_b));
  FUZZ_CHECK(f.code.size() <= 4 && IsDigits(f.code));
  FUZZ_CHECK(f.root.empty() || (f.root.size() == 2 && IsDigits(f.root) && f.root >= "01" && f.root <= "20"));
  FUZZ_CHECK(f.quad_class >= 0 && f.quad_class <= 4);
  FUZZ_CHECK(f.from.empty() || ParseIsoDate(f.from).ok());
  FUZZ_CHECK(f.to.empty() || ParseIsoDate(f.to).ok());
  FUZZ_CHECK(f.from.empty() || f.to.empty() || f.from <= f.to);
  FUZZ_CHECK(f.doc_id.size() <= 256);
  FUZZ_CHECK(f.incident >= 0 && f.incident <= (int64_t{1} << 53));
  FUZZ_CHECK(f.limit >= 1 && f.limit <= kMaxLimit);
  if (!spec.limit) FUZZ_CHECK(f.limit == spec.default_limit);
  FUZZ_CHECK(f.offset <= kMaxOffset);
  if (!spec.offset) FUZZ_CHECK(f.offset == 0);
}

void CheckRefusal(const Status& s) {
  FUZZ_CHECK(!s.ok());
  FUZZ_CHECK(s.code() == Status::Code::kInvalidArgument);
  FUZZ_CHECK(!s.message().empty());
}

// The endpoints of api_handlers.cc and their specs.
constexpr QuerySpec kSpecs[] = {
    {.limit = true, .offset = true, .default_limit = 100},  // /api/events
    {.interval = true},                                      // /api/timeline
    {.limit = true, .default_limit = 300},                   // /api/network
    {.limit = true, .offset = true, .default_limit = 20},   // /api/top-dyads
    {.limit = true, .offset = true, .default_limit = 50},   // /api/actors
    {.filters = false},                                      // /api/summary, /api/events/ID
};
constexpr size_t kNumSpecs = sizeof(kSpecs) / sizeof(kSpecs[0]);

void RunOne(uint8_t selector, const QueryParams& params) {
  const size_t which = selector % (kNumSpecs + 1);
  if (which == kNumSpecs) {
    auto alerts = ParseAlertQuery(params);
    if (!alerts.ok()) return CheckRefusal(alerts.status());
    FUZZ_CHECK(alerts->baseline_weeks >= 1 && alerts->baseline_weeks <= 520);
    FUZZ_CHECK(alerts->min_events >= 1 && alerts->min_events <= 100000);
    FUZZ_CHECK(alerts->threshold >= -10 && alerts->threshold <= 10);
    FUZZ_CHECK(alerts->limit >= 1 && alerts->limit <= kMaxLimit);
    FUZZ_CHECK(alerts->actor.empty() || IsActorCode(alerts->actor));
    return;
  }
  const QuerySpec& spec = kSpecs[which];
  auto q = ParseApiQuery(params, spec);
  if (!q.ok()) return CheckRefusal(q.status());
  // An endpoint without parameters refuses any name, even with an empty value.
  if (!spec.filters) FUZZ_CHECK(params.empty());
  if (!spec.interval) FUZZ_CHECK(q->interval == Interval::kDay);
  CheckFilter(q->filter, spec);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > fuzz::kMaxInput) return 0;
  const uint8_t selector = data[0];
  const std::string rest(fuzz::AsText(data + 1, size - 1));

  // 1. A URL's query string, decoded as the server decodes it.
  QueryParams decoded;
  httplib::detail::parse_query_text(rest, decoded);
  RunOne(selector, decoded);

  // 2. Raw lines name=value (a line without '=' is a name with an empty value).
  QueryParams raw;
  size_t start = 0;
  while (start < rest.size()) {
    size_t end = rest.find('\n', start);
    if (end == std::string::npos) end = rest.size();
    const std::string_view line(rest.data() + start, end - start);
    const size_t eq = line.find('=');
    raw.emplace(std::string(line.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(line.substr(eq + 1)));
    start = end + 1;
  }
  RunOne(selector, raw);

  // The event id of /api/events/ID, from the whole rest.
  auto id = ParseEventId(rest);
  if (id.ok()) FUZZ_CHECK(*id >= 1 && *id <= (int64_t{1} << 53) && IsDigits(rest));
  else CheckRefusal(id.status());
  return 0;
}
