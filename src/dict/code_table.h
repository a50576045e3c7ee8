// The CAMEO code table: every event code with its root, quad class,
// Goldstein weight and PLOVER event type (data/cameo_codes.tsv, generated
// from ../shared/taxonomy by tools/make_code_table.py).
//
// Immutable after Load; safe to share across threads.
#ifndef FAULTLINE_DICT_CODE_TABLE_H_
#define FAULTLINE_DICT_CODE_TABLE_H_

#include <string>
#include <string_view>

#include "base/string_map.h"
#include "faultline/status.h"

namespace faultline {

struct CodeInfo {
  std::string code;     // "0256"
  std::string root;     // "02"
  int quad_class = 0;   // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;
  std::string plover;   // "CONSULT"; empty for statements and appeals
  std::string name;
};

class CodeTable {
 public:
  static Result<CodeTable> Load(const std::string& path);
  // nullptr when the code is unknown.
  const CodeInfo* Find(std::string_view code) const;
  bool Contains(std::string_view code) const { return Find(code) != nullptr; }
  // Registers a code outside CAMEO (the peers' validation suites use
  // WEIS-style and test codes): root = its first two characters, no quad
  // class, weight or PLOVER type. Existing codes are left as they are.
  void AddForeign(const std::string& code);
  size_t size() const { return codes_.size(); }

 private:
  StringMap<CodeInfo> codes_;
};

}  // namespace faultline

#endif  // FAULTLINE_DICT_CODE_TABLE_H_
