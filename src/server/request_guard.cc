#include "server/request_guard.h"

namespace faultline {

bool IsCanonicalPath(std::string_view path) {
  if (path.empty() || path.front() != '/' || path.size() > 1024) return false;
  for (size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                       c == '~' || c == '-' || c == '.' || c == '/';
    if (!plain) return false;
    if (c == '/' && i + 1 < path.size() && (path[i + 1] == '/' || path[i + 1] == '.')) return false;
  }
  return true;
}

bool IsWriteMethod(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

bool BearerMatches(std::string_view authorization, std::string_view token) {
  constexpr std::string_view kScheme = "Bearer ";
  if (token.empty() || authorization.size() != kScheme.size() + token.size()) return false;
  if (authorization.substr(0, kScheme.size()) != kScheme) return false;
  // The length is no secret worth hiding; the bytes are compared in full.
  unsigned char diff = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    diff |= static_cast<unsigned char>(authorization[kScheme.size() + i] ^ token[i]);
  }
  return diff == 0;
}

}  // namespace faultline
