#include "peers/petrarch_comma.h"

#include <string>

namespace faultline::peers {

bool ApplyPetrarchCommaOption(std::string_view option, PetrarchCommaRule* rule) {
  size_t eq = option.find('=');
  if (eq == std::string_view::npos || !option.starts_with("comma_")) return false;
  std::string_view name = option.substr(6, eq - 6);
  int* field = name == "min" ? &rule->min : name == "max" ? &rule->max : name == "bmin" ? &rule->bmin
             : name == "bmax" ? &rule->bmax : name == "emin" ? &rule->emin : name == "emax" ? &rule->emax : nullptr;
  if (!field) return false;
  try {
    *field = std::stoi(std::string(option.substr(eq + 1)));
  } catch (...) {
    return false;
  }
  return true;
}

uint32_t DeletedTerminalClause(const Document& doc, const Sentence& s, const PetrarchCommaRule& rule) {
  const Token* toks = doc.tokens.data() + s.first;
  int comma = -1;
  for (uint32_t i = 0; i < s.size; ++i) {
    if (toks[i].form == ",") comma = static_cast<int>(i);
  }
  if (comma < 0 || rule.emax <= 0) return s.end;
  bool clause = false;  // a verb in the stretch: a list of names has none
  int words = 0;
  for (uint32_t i = comma + 1; i < s.size; ++i) {
    words += toks[i].upos != "PUNCT";
    clause |= toks[i].upos == "VERB";
  }
  return clause && words >= rule.emin && words <= rule.emax ? toks[comma].begin : s.end;
}

}  // namespace faultline::peers
