// ASCII case helpers that leave UTF-8 bytes alone (dictionary words and
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

}  // namespace faultline

#endif  // FAULTLINE_BASE_ASCII_H_
