#include "base/xml_attr.h"

namespace faultline {

std::string XmlAttribute(std::string_view tag, std::string_view name) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  for (size_t p = tag.find(name); p != std::string_view::npos; p = tag.find(name, p + name.size())) {
    if (p == 0 || !blank(tag[p - 1])) continue;
    size_t q = p + name.size();
    while (q < tag.size() && blank(tag[q])) ++q;
    if (q >= tag.size() || tag[q] != '=') continue;
    ++q;
    while (q < tag.size() && blank(tag[q])) ++q;
    if (q >= tag.size() || (tag[q] != '"' && tag[q] != '\'')) continue;
    size_t e = tag.find(tag[q], q + 1);
    if (e != std::string_view::npos) return std::string(tag.substr(q + 1, e - q - 1));
  }
  return "";
}

std::string XmlUnescape(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    bool decoded = false;
    if (s[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (s.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      }
    }
    if (!decoded) out += s[i];
  }
  return out;
}

}  // namespace faultline
