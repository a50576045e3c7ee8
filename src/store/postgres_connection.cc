// The PostgreSQL driver behind SqlConnection (libpqxx 6.4).
//
// Statements are prepared once per SQL text on each connection (s1, s2, ...)
// with `?` rewritten to `$1..$n`. Outside Begin()/Commit() every call runs in
// a pqxx::nontransaction, so each statement commits on its own, as it does
// in SQLite's autocommit mode.
//
// A broken connection (the server restarted, the network dropped) is replaced
// by a new one, once per call. Outside an explicit transaction the statement
// is then retried; inside one it is not — the server has rolled the batch
// back, so the caller gets an error and redoes the batch from Begin().
//
// libpqxx reports every fault by exception; none leaves this file.
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "store/sql.h"

namespace faultline {
namespace {

// PostgreSQL type OIDs (catalog/pg_type.dat); stable across versions.
constexpr pqxx::oid kInt8Oid = 20;
constexpr pqxx::oid kInt2Oid = 21;
constexpr pqxx::oid kInt4Oid = 23;
constexpr pqxx::oid kFloat4Oid = 700;
constexpr pqxx::oid kFloat8Oid = 701;
constexpr pqxx::oid kNumericOid = 1700;

struct Rewritten {
  std::string sql;
  size_t placeholders = 0;
};

// Length of the quoted run starting at sql[i] (a ' or "), up to and including
// its closing quote. A doubled quote inside is an escaped quote; `backslash`
// is for E'...' strings, where \' is one too.
size_t QuotedLength(std::string_view sql, size_t i, bool backslash) {
  const char q = sql[i];
  size_t j = i + 1;
  while (j < sql.size()) {
    if (backslash && sql[j] == '\\') {
      j += 2;
    } else if (sql[j] == q) {
      if (j + 1 < sql.size() && sql[j + 1] == q) {
        j += 2;
      } else {
        return j + 1 - i;
      }
    } else {
      ++j;
    }
  }
  return sql.size() - i;  // unterminated: the server will report it
}

// Length of the comment starting at sql[i] ("--" to end of line, or a
// "/* */" block), 0 when none starts there.
size_t CommentLength(std::string_view sql, size_t i) {
  if (sql.compare(i, 2, "--") == 0) {
    size_t end = sql.find('\n', i);
    return (end == std::string_view::npos ? sql.size() : end) - i;
  }
  if (sql.compare(i, 2, "/*") == 0) {
    size_t end = sql.find("*/", i + 2);
    return (end == std::string_view::npos ? sql.size() : end + 2) - i;
  }
  return 0;
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// True when the quote at sql[i] opens an E'...' string (backslash escapes).
bool IsEscapeString(std::string_view sql, size_t i) {
  return sql[i] == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
         (i == 1 || !IsIdentChar(sql[i - 2]));
}

// `?` -> `$1, $2, ...`, leaving string literals, quoted identifiers and
// comments untouched.
Rewritten RewritePlaceholders(std::string_view sql) {
  Rewritten out;
  out.sql.reserve(sql.size() + 8);
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    size_t skip = 0;
    if (c == '\'' || c == '"') {
      skip = QuotedLength(sql, i, IsEscapeString(sql, i));
    } else {
      skip = CommentLength(sql, i);
    }
    if (skip > 0) {
      out.sql.append(sql.substr(i, skip));
      i += skip;
    } else if (c == '?') {
      out.sql += '$';
      out.sql += std::to_string(++out.placeholders);
      ++i;
    } else {
      out.sql += c;
      ++i;
    }
  }
  return out;
}

// Shortest text that reads back as the same double; PostgreSQL's spellings
// for the non-finite values.
std::string DoubleText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

// Parameters travel as text (nullopt is NULL); the server casts them to the
// type it inferred for each $n.
std::vector<std::optional<std::string>> ParamTexts(const std::vector<SqlValue>& params) {
  std::vector<std::optional<std::string>> texts;
  texts.reserve(params.size());
  for (const SqlValue& v : params) {
    if (auto p = std::get_if<int64_t>(&v)) {
      texts.emplace_back(std::to_string(*p));
    } else if (auto p = std::get_if<double>(&v)) {
      texts.emplace_back(DoubleText(*p));
    } else if (auto p = std::get_if<std::string>(&v)) {
      texts.emplace_back(*p);
    } else {
      texts.emplace_back(std::nullopt);
    }
  }
  return texts;
}

SqlValue FieldValue(const pqxx::field& f) {
  if (f.is_null()) return std::monostate{};
  const char* s = f.c_str();
  const size_t n = f.size();
  switch (f.type()) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      int64_t v = 0;
      if (std::from_chars(s, s + n, v).ec == std::errc()) return v;
      break;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double v = 0;
      if (std::from_chars(s, s + n, v).ec == std::errc()) return v;
      break;  // a numeric beyond double's range stays text
    }
    default:
      break;
  }
  return std::string(s, n);
}

std::vector<SqlRow> Rows(const pqxx::result& r) {
  std::vector<SqlRow> rows;
  rows.reserve(r.size());
  for (const pqxx::row& row : r) {
    SqlRow out;
    out.cols.reserve(row.size());
    for (const pqxx::field& f : row) out.cols.push_back(FieldValue(f));
    rows.push_back(std::move(out));
  }
  return rows;
}

// The first line of a libpqxx message, without the "ERROR:" tag: the rest
// ("LINE 1: ..." with a caret, hints) is laid out for a terminal, and the
// caller's Status names the statement anyway.
std::string Brief(std::string_view msg) {
  msg = msg.substr(0, msg.find('\n'));
  if (msg.starts_with("ERROR:")) msg.remove_prefix(6);
  while (!msg.empty() && msg.front() == ' ') msg.remove_prefix(1);
  while (!msg.empty() && (msg.back() == ' ' || msg.back() == '\r')) msg.remove_suffix(1);
  return std::string(msg);
}

// SQL text for an error message: on one line, and not endless.
std::string Excerpt(std::string_view sql) {
  std::string out;
  for (char c : sql.substr(0, 200)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (sql.size() > 200) out += "...";
  return out;
}

// SQLSTATE classes that mean the session is gone rather than the statement
// being wrong: 08 connection exception, 57P0x admin/crash shutdown.
bool IsConnectionState(const std::string& state) {
  return state.starts_with("08") || state.starts_with("57P0");
}

// Server notices ("relation already exists, skipping") are expected in
// schema scripts; a library must not print them on the caller's stderr.
class DropNotices final : public pqxx::errorhandler {
 public:
  explicit DropNotices(pqxx::connection_base& c) : pqxx::errorhandler(c) {}
  bool operator()(const char msg[]) noexcept override {
    return std::strncmp(msg, "NOTICE:", 7) != 0;  // false stops the chain
  }
};

// What went wrong on one attempt, sorted by what to do about it.
enum class Fault { kNone, kBroken, kOther };

class PostgresConnection final : public SqlConnection {
 public:
  explicit PostgresConnection(std::string url) : url_(std::move(url)) {}
  ~PostgresConnection() override { Disconnect(); }
  // Owns a live session and its statement cache; moving it is never needed.
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Status Connect();

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  Status Execute(std::string_view sql) override;
  Result<std::vector<SqlRow>> Query(std::string_view sql,
                                    const std::vector<SqlValue>& params) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;

 private:
  template <typename Fn>
  Status Run(std::string_view what, Fn&& fn);
  template <typename Fn>
  Fault Attempt(std::string_view what, Fn& fn, Status* error);
  const std::string& StatementName(const std::string& pg_sql);
  void Disconnect() noexcept;

  std::string url_;
  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<DropNotices> notices_;  // registered on conn_
  std::unique_ptr<pqxx::work> txn_;       // set between Begin and Commit/Rollback
  std::unordered_map<std::string, std::string> statements_;  // $n SQL -> name
  int next_statement_ = 0;
};

Status PostgresConnection::Connect() {
  Disconnect();
  try {
    conn_ = std::make_unique<pqxx::connection>(url_);
    notices_ = std::make_unique<DropNotices>(*conn_);
    return Status::Ok();
  } catch (const std::exception& e) {
    conn_.reset();
    return Status::IOError("postgres: cannot connect: " + Brief(e.what()));
  }
}

// Forgets the session: the open transaction and every prepared statement,
// which live on the server side of the old session.
void PostgresConnection::Disconnect() noexcept {
  txn_.reset();  // aborts an open transaction; pqxx swallows errors here
  notices_.reset();
  conn_.reset();
  statements_.clear();
}

const std::string& PostgresConnection::StatementName(const std::string& pg_sql) {
  auto it = statements_.find(pg_sql);
  if (it != statements_.end()) return it->second;
  std::string name = "s" + std::to_string(++next_statement_);
  // libpqxx 6 prepares lazily, on first execution, so SQL errors surface there.
  conn_->prepare(name, pg_sql);
  return statements_.emplace(pg_sql, std::move(name)).first->second;
}

// One try of `fn(transaction)`. On failure sets *error (naming `what`).
template <typename Fn>
Fault PostgresConnection::Attempt(std::string_view what, Fn& fn, Status* error) {
  const std::string where = what.empty() ? "" : " in: " + Excerpt(what);
  try {
    if (txn_) {
      fn(*txn_);
    } else {
      pqxx::nontransaction tx(*conn_);
      fn(tx);
    }
    return Fault::kNone;
  } catch (const pqxx::broken_connection& e) {
    *error = Status::IOError("postgres: connection lost: " + Brief(e.what()));
    return Fault::kBroken;
  } catch (const pqxx::sql_error& e) {
    std::string state = e.sqlstate().empty() ? "" : " [SQLSTATE " + e.sqlstate() + "]";
    *error = Status::Invalid("postgres: " + Brief(e.what()) + state + where);
    return IsConnectionState(e.sqlstate()) || !conn_->is_open() ? Fault::kBroken : Fault::kOther;
  } catch (const std::exception& e) {
    *error = Status::Internal("postgres: " + Brief(e.what()) + where);
    return conn_->is_open() ? Fault::kOther : Fault::kBroken;
  }
}

// Runs `fn` in the open transaction or an autocommitted one, reconnecting
// once if the session is found broken (see the top of the file).
template <typename Fn>
Status PostgresConnection::Run(std::string_view what, Fn&& fn) {
  for (int attempt = 0;; ++attempt) {
    if (!conn_) {
      Status s = Connect();
      if (!s.ok()) return s;
    }
    Status error;
    const bool in_transaction = txn_ != nullptr;
    Fault fault = Attempt(what, fn, &error);
    if (fault == Fault::kNone) return Status::Ok();
    if (fault == Fault::kOther) return error;
    Disconnect();
    if (in_transaction) {
      return Status::IOError(error.message() +
                             " (inside a transaction: it was rolled back; Begin() and redo it)");
    }
    // A retry may repeat a write whose reply was lost with the connection;
    // callers that cannot tolerate that write inside Begin()/Commit().
    if (attempt > 0) return error;
  }
}

Status PostgresConnection::Execute(std::string_view sql) {
  const std::string text(sql);
  // The simple-query protocol runs several ';'-separated statements at once.
  return Run(sql, [&](pqxx::transaction_base& tx) { tx.exec(text); });
}

Result<std::vector<SqlRow>> PostgresConnection::Query(std::string_view sql,
                                                      const std::vector<SqlValue>& params) {
  Rewritten pg = RewritePlaceholders(sql);
  if (pg.placeholders != params.size()) {
    return Status::Invalid("postgres: " + std::to_string(pg.placeholders) + " placeholders but " +
                           std::to_string(params.size()) + " parameters in: " + Excerpt(sql));
  }
  const std::vector<std::optional<std::string>> texts = ParamTexts(params);
  std::vector<SqlRow> rows;
  Status s = Run(sql, [&](pqxx::transaction_base& tx) {
    const std::string& name = StatementName(pg.sql);
    rows = Rows(tx.exec_prepared(name, pqxx::prepare::make_dynamic_params(texts)));
  });
  if (!s.ok()) return s;
  return rows;
}

Status PostgresConnection::Begin() {
  if (txn_) return Status::Invalid("postgres: Begin() inside a transaction");
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!conn_) {
      Status s = Connect();
      if (!s.ok()) return s;
    }
    try {
      txn_ = std::make_unique<pqxx::work>(*conn_);
      return Status::Ok();
    } catch (const pqxx::broken_connection&) {
      Disconnect();  // nothing was done yet: reconnect and begin again
    } catch (const std::exception& e) {
      return Status::IOError("postgres: BEGIN failed: " + Brief(e.what()));
    }
  }
  return Status::IOError("postgres: BEGIN failed: connection lost twice");
}

Status PostgresConnection::Commit() {
  if (!txn_) return Status::Invalid("postgres: Commit() without Begin()");
  std::unique_ptr<pqxx::work> txn = std::move(txn_);
  try {
    txn->commit();
    return Status::Ok();
  } catch (const pqxx::in_doubt_error& e) {
    Disconnect();
    return Status::IOError("postgres: connection lost during COMMIT; the batch may or may not "
                           "have been written: " + Brief(e.what()));
  } catch (const pqxx::broken_connection& e) {
    Disconnect();
    return Status::IOError("postgres: connection lost before COMMIT; the batch was rolled back: " +
                           Brief(e.what()));
  } catch (const pqxx::sql_error& e) {
    return Status::Invalid("postgres: COMMIT failed: " + Brief(e.what()));
  } catch (const std::exception& e) {
    return Status::IOError("postgres: COMMIT failed: " + Brief(e.what()));
  }
}

Status PostgresConnection::Rollback() {
  if (!txn_) return Status::Invalid("postgres: Rollback() without Begin()");
  std::unique_ptr<pqxx::work> txn = std::move(txn_);
  try {
    txn->abort();
    return Status::Ok();
  } catch (...) {
    // A lost session rolls back by itself; only the session must be renewed.
    Disconnect();
    return Status::Ok();
  }
}

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url) {
  auto conn = std::make_unique<PostgresConnection>(url);
  Status s = conn->Connect();
  if (!s.ok()) return s;
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

}  // namespace faultline
