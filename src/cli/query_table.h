// A result table as the query commands print it: aligned columns on a
// terminal, CSV (RFC 4180 quoting) or JSON Lines with typed values.
#ifndef FAULTLINE_CLI_QUERY_TABLE_H_
#define FAULTLINE_CLI_QUERY_TABLE_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <variant>
#include <vector>

namespace faultline::cli {

using Cell = std::variant<int64_t, double, std::string>;

struct QueryTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// format: table | csv | jsonl. False for an unknown format.
bool PrintTable(const QueryTable& table, const std::string& format, std::FILE* out);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_QUERY_TABLE_H_
