#include "cli/query_table.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace faultline::cli {
namespace {

std::string CellText(const Cell& c) {
  if (auto p = std::get_if<int64_t>(&c)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&c)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", *p);
    return buf;
  }
  return std::get<std::string>(c);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void PrintAligned(const QueryTable& t, std::FILE* out) {
  constexpr size_t kMaxWidth = 48;  // long texts are cut on a terminal; CSV/JSON keep them whole
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(t.columns.size());
  for (size_t c = 0; c < t.columns.size(); ++c) width[c] = t.columns[c].size();
  for (const auto& row : t.rows) {
    auto& texts = cells.emplace_back();
    for (size_t c = 0; c < row.size(); ++c) {
      std::string s = CellText(row[c]);
      if (s.size() > kMaxWidth) s = s.substr(0, kMaxWidth - 3) + "...";
      width[c] = std::max(width[c], s.size());
      texts.push_back(std::move(s));
    }
  }
  auto line = [&](const std::vector<std::string>& texts) {
    std::string l;
    for (size_t c = 0; c < texts.size(); ++c) {
      l += texts[c];
      if (c + 1 < texts.size()) l += std::string(width[c] - texts[c].size() + 2, ' ');
    }
    std::fprintf(out, "%s\n", l.c_str());
  };
  line(t.columns);
  for (const auto& texts : cells) line(texts);
  std::fprintf(out, "(%zu row%s)\n", t.rows.size(), t.rows.size() == 1 ? "" : "s");
}

}  // namespace

bool PrintTable(const QueryTable& t, const std::string& format, std::FILE* out) {
  if (format == "table") {
    PrintAligned(t, out);
  } else if (format == "csv") {
    std::string header;
    for (size_t c = 0; c < t.columns.size(); ++c) header += (c ? "," : "") + CsvField(t.columns[c]);
    std::fprintf(out, "%s\n", header.c_str());
    for (const auto& row : t.rows) {
      std::string l;
      for (size_t c = 0; c < row.size(); ++c) l += (c ? "," : "") + CsvField(CellText(row[c]));
      std::fprintf(out, "%s\n", l.c_str());
    }
  } else if (format == "jsonl") {
    for (const auto& row : t.rows) {
      nlohmann::ordered_json j;
      for (size_t c = 0; c < row.size(); ++c) {
        std::visit([&](const auto& v) { j[t.columns[c]] = v; }, row[c]);
      }
      std::fprintf(out, "%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
  } else {
    return false;
  }
  return true;
}

}  // namespace faultline::cli
