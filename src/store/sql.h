// A minimal SQL connection shared by the store's two back ends: SQLite (the
// embedded default, a single file in WAL mode) and PostgreSQL (libpqxx), so the
// store's queries are written once.
//
// Every statement is written with `?` placeholders and every value is bound —
// no value is ever spliced into SQL text. The PostgreSQL driver rewrites `?`
// to `$1, $2, ...`. Both drivers cache prepared statements by their SQL text.
//
// Thread contract: a connection is used by one thread at a time.
#ifndef FAULTLINE_STORE_SQL_H_
#define FAULTLINE_STORE_SQL_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "faultline/status.h"

namespace faultline {

// NULL, INTEGER, REAL or TEXT.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

// Moves one row's values to the end of `rows` (the values of an
// SqlConnection::InsertRows, row after row).
template <size_t N>
void AppendRow(SqlValue (&row)[N], std::vector<SqlValue>* rows) {
  rows->insert(rows->end(), std::make_move_iterator(std::begin(row)), std::make_move_iterator(std::end(row)));
}

struct SqlRow {
  std::vector<SqlValue> cols;

  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(cols[i]); }
  // Conversions are lenient so that both drivers' column types read alike:
  // NULL reads as 0 / "", an integer column read as Real() converts.
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  std::string Text(size_t i) const;
};

enum class SqlDialect { kSqlite, kPostgres };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual SqlDialect dialect() const = 0;

  // Runs one or more statements without parameters (schema, PRAGMAs).
  virtual Status Execute(std::string_view sql) = 0;
  // Runs one statement with `?` placeholders bound to `params` in order.
  // Returns the rows (empty for statements that return none; use
  // `RETURNING id` to get a generated key).
  virtual Result<std::vector<SqlRow>> Query(std::string_view sql,
                                            const std::vector<SqlValue>& params = {}) = 0;

  // Runs one INSERT of one row and returns the id generated for it, or
  // nullopt when no row was stored (ON CONFLICT DO NOTHING). The default
  // appends `RETURNING id` to `sql`; SQLite reads the last rowid instead,
  // which spares RETURNING's result table (measured: a third of an
  // incident insert's cost).
  virtual Result<std::optional<int64_t>> InsertReturningId(std::string_view sql,
                                                           const std::vector<SqlValue>& params);

  // Inserts rows of `columns` values each (`values` row after row) with as
  // few statements as it can: `head` is "INSERT INTO t (a, b, ...)" and the
  // rows go into multi-row VALUES lists of up to kRowsPerInsert rows. One
  // statement per story instead of one per event saves SQLite opening the
  // table's and every index's cursors again for each row. `tail` follows
  // each VALUES list: an upsert's "ON CONFLICT (...) DO UPDATE SET ..." (no
  // two rows of one call may then have the same key: PostgreSQL refuses to
  // update a row twice in one statement).
  Status InsertRows(std::string_view head, size_t columns, std::vector<SqlValue> values,
                    std::string_view tail = {});
  static constexpr size_t kRowsPerInsert = 64;

  // Transactions. Nothing written between Begin() and Commit() is visible to
  // other connections or survives a crash until Commit() returns.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
};

// A SQLite file (created when missing), in WAL mode with foreign keys on.
Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path);
// A PostgreSQL connection string: "postgresql://user@host:port/db" or
// "host=... port=... dbname=...".
Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url);
// "postgresql://..." / "postgres://..." -> OpenPostgres, anything else is a
// SQLite file path.
Result<std::unique_ptr<SqlConnection>> OpenDatabase(const std::string& where);
bool IsPostgresUrl(std::string_view where);

}  // namespace faultline

#endif  // FAULTLINE_STORE_SQL_H_
