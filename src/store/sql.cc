#include "store/sql.h"

#include <algorithm>
#include <charconv>
#include <iterator>

namespace faultline {

int64_t SqlRow::Int(size_t i) const {
  const SqlValue& v = cols[i];
  if (auto p = std::get_if<int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    int64_t n = 0;
    std::from_chars(p->data(), p->data() + p->size(), n);
    return n;
  }
  return 0;
}

double SqlRow::Real(size_t i) const {
  const SqlValue& v = cols[i];
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    double d = 0;
    std::from_chars(p->data(), p->data() + p->size(), d);
    return d;
  }
  return 0;
}

std::string SqlRow::Text(size_t i) const {
  const SqlValue& v = cols[i];
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
  return "";
}

Result<std::optional<int64_t>> SqlConnection::InsertReturningId(std::string_view sql,
                                                                const std::vector<SqlValue>& params) {
  auto rows = Query(std::string(sql) + " RETURNING id", params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows->front().Int(0));
}

Status SqlConnection::InsertRows(std::string_view head, size_t columns, std::vector<SqlValue> values,
                                 std::string_view tail) {
  const size_t rows = columns ? values.size() / columns : 0;
  std::vector<SqlValue> chunk;
  for (size_t row = 0; row < rows; row += kRowsPerInsert) {
    const size_t n = std::min(kRowsPerInsert, rows - row);
    std::string sql(head);
    sql += " VALUES ";
    for (size_t r = 0; r < n; ++r) {
      sql += r ? ", (" : "(";
      for (size_t c = 0; c < columns; ++c) sql += c ? ", ?" : "?";
      sql += ')';
    }
    sql += tail;
    if (n == rows) {  // the usual case: one statement, no copy
      auto done = Query(sql, values);
      return done.ok() ? Status::Ok() : done.status();
    }
    chunk.assign(std::make_move_iterator(values.begin() + row * columns),
                 std::make_move_iterator(values.begin() + (row + n) * columns));
    auto done = Query(sql, chunk);
    if (!done.ok()) return done.status();
  }
  return Status::Ok();
}

bool IsPostgresUrl(std::string_view where) {
  return where.starts_with("postgresql://") || where.starts_with("postgres://") ||
         where.find("dbname=") != std::string_view::npos;
}

Result<std::unique_ptr<SqlConnection>> OpenDatabase(const std::string& where) {
  if (where.empty()) return Status::Invalid("no database given (--db FILE or --db postgresql://...)");
  if (IsPostgresUrl(where)) return OpenPostgres(where);
  return OpenSqlite(where);
}

}  // namespace faultline
