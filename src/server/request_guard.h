// Checks made on every request before routing (http_server.cc), kept apart
// from httplib so they can be tested alone.
#ifndef FAULTLINE_SERVER_REQUEST_GUARD_H_
#define FAULTLINE_SERVER_REQUEST_GUARD_H_

#include <string_view>

namespace faultline {

// A path the server answers at all: starts with '/', at most 1024 bytes, only
// [A-Za-z0-9_~.-] and '/', no empty segment ("//") and no segment starting
// with '.' ("..", ".git"). Applied to the raw request target (so "%2e%2e" and
// "%2f" fail: '%' is not allowed) and to the decoded path. Nothing we serve
// needs anything else, so the rest is a 404 before any handler runs.
bool IsCanonicalPath(std::string_view path);

// Methods that would change the store: anything but GET, HEAD and OPTIONS.
bool IsWriteMethod(std::string_view method);

// Whether an Authorization header carries "Bearer <token>". An empty token
// (no --token given) authorises nothing. Compares in time independent of
// where the strings differ.
bool BearerMatches(std::string_view authorization, std::string_view token);

}  // namespace faultline

#endif  // FAULTLINE_SERVER_REQUEST_GUARD_H_
