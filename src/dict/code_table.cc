#include "dict/code_table.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "dict/line_fields.h"

namespace faultline {

Result<CodeTable> CodeTable::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open the code table");
  CodeTable table;
  std::string line;
  for (int lineno = 1; std::getline(in, line); ++lineno) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 6) {
      return Status::Corruption(path + ":" + std::to_string(lineno) + ": expected 6 tab-separated fields");
    }
    CodeInfo info;
    info.code = f[0];
    info.root = f[1];
    info.quad_class = std::atoi(std::string(f[2]).c_str());
    info.goldstein = std::atof(std::string(f[3]).c_str());
    info.plover = f[4];
    info.name = f[5];
    table.codes_[info.code] = std::move(info);
  }
  if (table.codes_.empty()) return Status::Corruption(path + ": no codes");
  return table;
}

void CodeTable::AddForeign(const std::string& code) {
  if (codes_.count(code)) return;
  CodeInfo info;
  info.code = code;
  info.root = code.substr(0, 2);
  info.name = "(imported)";
  codes_[code] = std::move(info);
}

const CodeInfo* CodeTable::Find(std::string_view code) const {
  auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace faultline
