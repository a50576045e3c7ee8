// ASCII case and blank helpers that leave UTF-8 bytes alone (dictionary words and
// tokens are compared in lower case; non-ASCII letters keep their bytes).
#ifndef FAULTLINE_BASE_ASCII_H_
#define FAULTLINE_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace faultline {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// `s` without leading and trailing blanks, tabs, CR and LF.
inline std::string_view AsciiTrim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

}  // namespace faultline

#endif  // FAULTLINE_BASE_ASCII_H_
