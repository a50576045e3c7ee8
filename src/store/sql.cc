#include "store/sql.h"

#include <charconv>

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
