#include "server/api_params.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <set>
#include <vector>

#include "dates/civil_date.h"

namespace faultline {
namespace {

Status Bad(std::string_view name, const std::string& why) {
  return Status::Invalid(std::string(name) + ": " + why);
}

// Values are echoed in messages; a long or binary value is cut so that an
// error body stays small and printable.
std::string Shown(std::string_view value) {
  std::string out;
  for (char c : value.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  if (value.size() > 40) out += "...";
  return "'" + out + "'";
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A decimal count in [lo, hi]. Digits only: no sign, no spaces, no hex; more
// than 16 digits is "too large" before any conversion can overflow.
Result<int64_t> ParseCount(std::string_view name, std::string_view value, int64_t lo, int64_t hi) {
  if (!AllDigits(value)) return Bad(name, Shown(value) + " is not a whole number");
  if (value.size() > 16) return Bad(name, Shown(value) + " is too large (at most " + std::to_string(hi) + ")");
  int64_t n = 0;
  std::from_chars(value.data(), value.data() + value.size(), n);
  if (n < lo) return Bad(name, std::to_string(n) + " is below " + std::to_string(lo));
  if (n > hi) return Bad(name, std::to_string(n) + " is above the maximum " + std::to_string(hi));
  return n;
}

Status CheckDate(std::string_view name, std::string_view value) {
  auto d = ParseIsoDate(value);
  if (!d.ok()) return Bad(name, d.status().message());
  return Status::Ok();
}

Status CheckRange(const std::string& from, const std::string& to) {
  // ISO days compare as strings.
  if (!from.empty() && !to.empty() && from > to) return Bad("from", "'" + from + "' is after to '" + to + "'");
  return Status::Ok();
}

const std::set<std::string_view> kStatuses = {"reported", "planned", "conditional", "negated", "hypothetical"};

using Setter = std::function<Status(std::string_view name, const std::string& value, ApiQuery* q)>;

Status SetFilter(std::string_view name, const std::string& v, ApiQuery* q) {
  EventFilter& f = q->filter;
  if (name == "actor" || name == "source" || name == "target") {
    if (Status s = CheckActorCode(name, v); !s.ok()) return s;
    (name == "actor" ? f.actor : name == "source" ? f.source : f.target) = v;
  } else if (name == "dyad") {
    if (Status s = ParseDyad(v, &f); !s.ok()) return s;  // its message names the dyad
    if (Status s = CheckActorCode(name, f.dyad_a); !s.ok()) return s;
    if (Status s = CheckActorCode(name, f.dyad_b); !s.ok()) return s;
  } else if (name == "code") {
    if (!AllDigits(v) || v.size() > 4) return Bad(name, Shown(v) + " is not a CAMEO code prefix (1-4 digits)");
    f.code = v;
  } else if (name == "root") {
    if (!AllDigits(v) || v.size() != 2 || v < "01" || v > "20") {
      return Bad(name, Shown(v) + " is not a CAMEO root (01..20)");
    }
    f.root = v;
  } else if (name == "quad") {
    auto n = ParseCount(name, v, 1, 4);
    if (!n.ok()) return n.status();
    f.quad_class = static_cast<int>(*n);
  } else if (name == "status") {
    if (!kStatuses.count(v)) return Bad(name, Shown(v) + " is not reported, planned, conditional, negated or hypothetical");
    f.status = v;
  } else if (name == "from" || name == "to") {
    if (Status s = CheckDate(name, v); !s.ok()) return s;
    (name == "from" ? f.from : f.to) = v;
  } else if (name == "doc") {
    if (v.size() > 256) return Bad(name, "a story id is at most 256 bytes");
    for (unsigned char c : v) {
      if (c < 0x20 || c == 0x7f) return Bad(name, "a story id has no control characters");
    }
    f.doc_id = v;
  } else if (name == "incident") {
    auto n = ParseCount(name, v, 1, int64_t{1} << 53);
    if (!n.ok()) return n.status();
    f.incident = *n;
  } else {
    return Bad(name, "unknown parameter");
  }
  return Status::Ok();
}

const std::set<std::string_view> kFilterNames = {"actor", "source", "target", "dyad", "code", "root", "quad",
                                                 "status", "from",  "to",     "doc",  "incident"};

std::string TakesList(const std::vector<std::string_view>& allowed) {
  if (allowed.empty()) return "this endpoint takes no parameters";
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  return "this endpoint takes " + list;
}

// Walks the parameters once: every name must be one this endpoint takes and
// be given once; empty values are skipped after that check.
Status ForEachParam(const QueryParams& params, const std::vector<std::string_view>& allowed,
                    const std::function<Status(const std::string&, const std::string&)>& fn) {
  std::set<std::string_view> seen;
  for (const auto& [name, value] : params) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return Bad(Shown(name), "unknown parameter (" + TakesList(allowed) + ")");
    }
    if (!seen.insert(name).second) return Bad(name, "given more than once");
    if (value.empty()) continue;
    if (Status s = fn(name, value); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status CheckActorCode(std::string_view name, std::string_view code) {
  if (code.empty() || code.size() > 15) return Bad(name, Shown(code) + " is not an actor code (1-15 of A-Z, 0-9)");
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return Bad(name, Shown(code) + " is not an actor code (1-15 of A-Z, 0-9)");
    }
  }
  return Status::Ok();
}

Result<ApiQuery> ParseApiQuery(const QueryParams& params, const QuerySpec& spec) {
  ApiQuery q;
  q.filter.limit = spec.default_limit;
  q.filter.offset = 0;
  std::vector<std::string_view> allowed;
  if (spec.filters) allowed.insert(allowed.end(), kFilterNames.begin(), kFilterNames.end());
  if (spec.limit) allowed.push_back("limit");
  if (spec.offset) allowed.push_back("offset");
  if (spec.interval) allowed.push_back("interval");
  if (spec.exact_total) allowed.push_back("exact_total");
  Status s = ForEachParam(params, allowed, [&](const std::string& name, const std::string& v) -> Status {
    if (kFilterNames.count(name)) return SetFilter(name, v, &q);
    if (name == "limit") {
      auto n = ParseCount(name, v, 1, kMaxLimit);
      if (!n.ok()) return n.status();
      q.filter.limit = static_cast<size_t>(*n);
      return Status::Ok();
    }
    if (name == "offset") {
      auto n = ParseCount(name, v, 0, kMaxOffset);
      if (!n.ok()) return n.status();
      q.filter.offset = static_cast<size_t>(*n);
      return Status::Ok();
    }
    if (name == "exact_total") {
      if (v != "true" && v != "false") return Bad(name, Shown(v) + " is not true or false");
      q.exact_total = v == "true";
      return Status::Ok();
    }
    // interval, the only name left
    if (v == "day") q.interval = Interval::kDay;
    else if (v == "week") q.interval = Interval::kWeek;
    else return Bad(name, Shown(v) + " is not day or week");
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (Status r = CheckRange(q.filter.from, q.filter.to); !r.ok()) return r;
  return q;
}

Result<AlertOptions> ParseAlertQuery(const QueryParams& params) {
  AlertOptions o;
  const std::vector<std::string_view> allowed = {"from", "to", "actor", "baseline_weeks", "min_events", "threshold", "limit"};
  Status s = ForEachParam(params, allowed, [&](const std::string& name, const std::string& v) -> Status {
    if (name == "from" || name == "to") {
      if (Status d = CheckDate(name, v); !d.ok()) return d;
      (name == "from" ? o.from : o.to) = v;
    } else if (name == "actor") {
      if (Status c = CheckActorCode(name, v); !c.ok()) return c;
      o.actor = v;
    } else if (name == "baseline_weeks" || name == "min_events" || name == "limit") {
      const int64_t hi = name == "baseline_weeks" ? 520 : name == "min_events" ? 100000 : int64_t{kMaxLimit};
      auto n = ParseCount(name, v, 1, hi);
      if (!n.ok()) return n.status();
      if (name == "baseline_weeks") o.baseline_weeks = static_cast<int>(*n);
      else if (name == "min_events") o.min_events = static_cast<int>(*n);
      else o.limit = static_cast<size_t>(*n);
    } else {  // threshold, the only name left
      double t = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), t);
      if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(t) || t < -10 || t > 10) {
        return Bad(name, Shown(v) + " is not a number in -10..10");
      }
      o.threshold = t;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (Status r = CheckRange(o.from, o.to); !r.ok()) return r;
  return o;
}

Result<int64_t> ParseEventId(std::string_view text) {
  return ParseCount("id", text, 1, int64_t{1} << 53);
}

}  // namespace faultline
