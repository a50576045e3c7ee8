// The SQLite driver: one file, WAL mode (readers never block the writer, and
// a killed writer leaves the last committed transaction intact), prepared
// statements cached by their SQL text.
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/sql.h"

namespace faultline {
namespace {

class SqliteConnection final : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }

  Status Execute(std::string_view sql) override {
    char* err = nullptr;
    std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      Status s = Error(err ? err : sqlite3_errmsg(db_));
      sqlite3_free(err);
      return s;
    }
    return Status::Ok();
  }

  Result<std::vector<SqlRow>> Query(std::string_view sql, const std::vector<SqlValue>& params) override {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    sqlite3_stmt* st = stmt.value();
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(st)) {
      return Status::Internal("SQL statement expects " + std::to_string(sqlite3_bind_parameter_count(st)) +
                              " parameters, got " + std::to_string(params.size()));
    }
    for (size_t i = 0; i < params.size(); ++i) Bind(st, static_cast<int>(i + 1), params[i]);
    std::vector<SqlRow> rows;
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Status s = Error(sqlite3_errmsg(db_));
        sqlite3_reset(st);
        return s;
      }
      rows.push_back(ReadRow(st));
    }
    sqlite3_reset(st);
    return rows;
  }

  Result<std::optional<int64_t>> InsertReturningId(std::string_view sql,
                                                   const std::vector<SqlValue>& params) override {
    auto done = Query(sql, params);
    if (!done.ok()) return done.status();
    // changes() is that of this INSERT: 0 when ON CONFLICT DO NOTHING skipped it.
    if (sqlite3_changes(db_) == 0) return std::optional<int64_t>();
    return std::optional<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status Begin() override { return Execute("BEGIN IMMEDIATE"); }
  Status Commit() override { return Execute("COMMIT"); }
  Status Rollback() override {
    if (sqlite3_get_autocommit(db_)) return Status::Ok();  // nothing open
    return Execute("ROLLBACK");
  }

 private:
  Status Error(std::string_view what) const {
    return Status::IOError(path_ + ": " + std::string(what));
  }

  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &st,
                           nullptr) != SQLITE_OK) {
      return Error(sqlite3_errmsg(db_));
    }
    cache_.emplace(std::move(key), st);
    return st;
  }

  static void Bind(sqlite3_stmt* st, int i, const SqlValue& v) {
    if (auto p = std::get_if<int64_t>(&v)) {
      sqlite3_bind_int64(st, i, *p);
    } else if (auto p = std::get_if<double>(&v)) {
      sqlite3_bind_double(st, i, *p);
    } else if (auto p = std::get_if<std::string>(&v)) {
      sqlite3_bind_text(st, i, p->data(), static_cast<int>(p->size()), SQLITE_STATIC);
    } else {
      sqlite3_bind_null(st, i);
    }
  }

  static SqlRow ReadRow(sqlite3_stmt* st) {
    SqlRow row;
    int n = sqlite3_column_count(st);
    row.cols.reserve(n);
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(st, c)) {
        case SQLITE_INTEGER: row.cols.emplace_back(static_cast<int64_t>(sqlite3_column_int64(st, c))); break;
        case SQLITE_FLOAT: row.cols.emplace_back(sqlite3_column_double(st, c)); break;
        case SQLITE_NULL: row.cols.emplace_back(std::monostate{}); break;
        default: {
          const char* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
          row.cols.emplace_back(std::string(p ? p : "", sqlite3_column_bytes(st, c)));
        }
      }
    }
    return row;
  }

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IOError(path + ": cannot open database: " + why);
  }
  auto conn = std::make_unique<SqliteConnection>(db, path);
  // WAL: a crash never corrupts the file and readers (serve) do not block the
  // writer (ingest). synchronous=NORMAL is durable across process crashes in
  // WAL mode (a power cut may lose the last commits, never consistency).
  // wal_autocheckpoint: the WAL is copied back into the file (and the file
  // synced) when it passes 16,384 pages (64 MB) instead of SQLite's 1,000:
  // an ingest batch writes more than 1,000 pages, so the default copied and
  // synced after every commit, and pages written by several batches are
  // now copied once. Crash safety is the WAL's, whatever its length.
  sqlite3_busy_timeout(db, 10000);
  Status s = conn->Execute(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
      "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=16384;");
  if (!s.ok()) return Status::IOError(path + ": not a usable SQLite database (" + s.message() + ")");
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

}  // namespace faultline
