#include "store/filter_sql.h"

#include <algorithm>
#include <limits>

namespace faultline {
namespace {

// Actor and event codes are matched as prefixes with a byte range, which the
// (source, target, day) and (code, day) indexes serve: "RUS" -> [RUS, RUT).
// Codes are upper-case ASCII letters and digits, so bumping the last byte
// gives the end of the range.
struct Range {
  std::string lo, hi;
};

Range PrefixRange(const std::string& prefix) {
  Range r{prefix, prefix};
  r.hi.back() = static_cast<char>(r.hi.back() + 1);
  return r;
}

class WhereBuilder {
 public:
  void Prefix(Criterion c, const char* column, const std::string& prefix) {
    Range r = PrefixRange(prefix);
    Add(c, std::string("(") + column + " >= ? AND " + column + " < ?)", {r.lo, r.hi});
  }
  void Add(Criterion c, const std::string& sql, std::vector<SqlValue> values) {
    where_.terms.push_back({c, sql, std::move(values)});
  }
  // (a-side prefix on `a` and b-side on `b`)
  std::string PairSql(const char* a, const char* b, const std::string& pa, const std::string& pb) {
    Range ra = PrefixRange(pa), rb = PrefixRange(pb);
    pending_.insert(pending_.end(), {ra.lo, ra.hi, rb.lo, rb.hi});
    return std::string("(") + a + " >= ? AND " + a + " < ? AND " + b + " >= ? AND " + b + " < ?)";
  }
  void AddPending(Criterion c, const std::string& sql) {
    Add(c, sql, std::move(pending_));
    pending_.clear();
  }
  SqlWhere& where() {
    where_.Order({});
    return where_;
  }

 private:
  SqlWhere where_;
  std::vector<SqlValue> pending_;
};

Status CheckCode(const char* what, const std::string& code) {
  if (code.size() > 32) return Status::Invalid(std::string(what) + " is too long");
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return Status::Invalid(std::string(what) + " '" + code + "' is not a code (letters A-Z and digits only)");
    }
  }
  return Status::Ok();
}

}  // namespace

std::pair<std::string, std::string> PrefixBounds(const std::string& prefix) {
  Range r = PrefixRange(prefix);
  return {r.lo, r.hi};
}

Result<SqlWhere> BuildWhere(const EventFilter& f) {
  WhereBuilder b;
  const std::pair<const char*, const std::string*> codes[] = {
      {"actor", &f.actor}, {"source", &f.source}, {"target", &f.target}, {"dyad", &f.dyad_a},
      {"dyad", &f.dyad_b}, {"code", &f.code},     {"root", &f.root}};
  for (auto [what, code] : codes) {
    if (Status s = CheckCode(what, *code); !s.ok()) return s;
  }
  if (!f.actor.empty()) {
    Range r = PrefixRange(f.actor);
    b.Add(Criterion::kActor, "((e.source >= ? AND e.source < ?) OR (e.target >= ? AND e.target < ?))",
          {r.lo, r.hi, r.lo, r.hi});
  }
  if (!f.source.empty()) b.Prefix(Criterion::kSource, "e.source", f.source);
  if (!f.target.empty()) b.Prefix(Criterion::kTarget, "e.target", f.target);
  if (!f.dyad_a.empty() || !f.dyad_b.empty()) {
    if (f.dyad_a.empty() || f.dyad_b.empty()) return Status::Invalid("a dyad needs two actors, e.g. RUS-UKR");
    std::string sql = b.PairSql("e.source", "e.target", f.dyad_a, f.dyad_b);
    if (!f.dyad_directed) sql = "(" + sql + " OR " + b.PairSql("e.source", "e.target", f.dyad_b, f.dyad_a) + ")";
    b.AddPending(Criterion::kDyad, sql);
  }
  if (!f.code.empty()) b.Prefix(Criterion::kCode, "e.code", f.code);
  if (!f.root.empty()) {
    b.Prefix(Criterion::kCode, "e.code", f.root);  // the (code, day) index serves it
    b.Add(Criterion::kCode, "e.root = ?", {f.root});
  }
  if (f.quad_class != 0) {
    if (f.quad_class < 1 || f.quad_class > 4) return Status::Invalid("quad class must be 1, 2, 3 or 4");
    b.Add(Criterion::kQuad, "e.quad_class = ?", {int64_t{f.quad_class}});
  }
  if (!f.status.empty()) b.Add(Criterion::kStatus, "e.status = ?", {f.status});
  if (!f.from.empty()) {
    auto day = DayNumber(f.from);
    if (!day || f.from.size() != 10) return Status::Invalid("from: '" + f.from + "' is not a date (YYYY-MM-DD)");
    b.Add(Criterion::kDates, "e.day >= ?", {*day});
  }
  if (!f.to.empty()) {
    auto day = DayNumber(f.to);
    if (!day || f.to.size() != 10) return Status::Invalid("to: '" + f.to + "' is not a date (YYYY-MM-DD)");
    b.Add(Criterion::kDates, "e.day <= ?", {*day});
  }
  if (!f.doc_id.empty()) {
    b.Add(Criterion::kDocument, "d.doc_key = ?", {f.doc_id});
    b.where().needs_documents = true;
  }
  if (f.incident != 0) b.Add(Criterion::kIncident, "e.incident_id = ?", {f.incident});
  return std::move(b.where());
}

void SqlWhere::Order(const std::map<Criterion, double>& rank) {
  auto at = [&](const SqlTerm& t) {
    auto it = rank.find(t.criterion);
    return it == rank.end() ? std::numeric_limits<double>::infinity() : it->second;
  };
  std::stable_sort(terms.begin(), terms.end(), [&](const SqlTerm& a, const SqlTerm& b) { return at(a) < at(b); });
  sql.clear();
  params.clear();
  for (const SqlTerm& t : terms) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += t.sql;
    params.insert(params.end(), t.params.begin(), t.params.end());
  }
}

std::string SeekBranch::Sql() const {
  if (!target.empty()) return "(e.source = ? AND e.target = ?)";
  if (!code_lo.empty()) {
    return std::string("(e.") + column + " = ? AND e.code >= ? AND e.code < ?" +
           (skip_lo.empty() ? ")" : " AND NOT (e.source >= ? AND e.source < ?))");
  }
  return std::string("(e.") + column + " >= ? AND e." + column + " < ?)";
}

std::vector<SqlValue> SeekBranch::Params() const {
  if (!target.empty()) return {lo, target};
  if (!code_lo.empty()) {
    if (skip_lo.empty()) return {lo, code_lo, code_hi};
    return {lo, code_lo, code_hi, skip_lo, skip_hi};
  }
  return {lo, hi};
}

std::vector<SeekPath> SeekPaths(const EventFilter& f) {
  auto branch = [](const char* index, const char* column, const std::string& prefix) {
    Range r = PrefixRange(prefix);
    return SeekBranch{index, column, r.lo, r.hi};
  };
  std::vector<SeekPath> paths;
  if (!f.actor.empty()) {
    paths.push_back({Criterion::kActor,
                     {branch("events_source", "source", f.actor), branch("events_target_code", "target", f.actor)}});
  }
  if (!f.source.empty()) paths.push_back({Criterion::kSource, {branch("events_source", "source", f.source)}});
  if (!f.target.empty()) paths.push_back({Criterion::kTarget, {branch("events_target_code", "target", f.target)}});
  if (!f.dyad_a.empty() && !f.dyad_b.empty()) {
    if (f.dyad_directed) {
      paths.push_back({Criterion::kDyad, {branch("events_source", "source", f.dyad_a)}});
      paths.push_back({Criterion::kDyad, {branch("events_target_code", "target", f.dyad_b)}});
    } else {
      paths.push_back({Criterion::kDyad,
                       {branch("events_source", "source", f.dyad_a), branch("events_source", "source", f.dyad_b)}});
      paths.push_back({Criterion::kDyad,
                       {branch("events_target_code", "target", f.dyad_a),
                        branch("events_target_code", "target", f.dyad_b)}});
    }
  }
  // A root is a code prefix; with both, the longer prefix is the narrower
  // range (or they disagree, and no event matches either way).
  const std::string& code = f.code.size() >= f.root.size() ? f.code : f.root;
  if (!code.empty()) paths.push_back({Criterion::kCode, {branch("events_code", "code", code)}});
  return paths;
}

int64_t SqlCount(size_t n) {
  return n > static_cast<size_t>(std::numeric_limits<int64_t>::max()) ? std::numeric_limits<int64_t>::max()
                                                                       : static_cast<int64_t>(n);
}

std::string EventsFrom(const SqlWhere& where) {
  return where.needs_documents ? " FROM events e JOIN documents d ON d.id = e.document_id" : " FROM events e";
}

}  // namespace faultline
