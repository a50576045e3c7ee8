// `faultline serve`: the HTTP API (api_handlers.h) and the dashboard (the
// embedded assets.h files) on one port. httplib stays inside http_server.cc;
// callers see only this class.
//
// What every response carries: the security headers (a strict
// Content-Security-Policy: the page has no inline script or style; nosniff;
// no referrer; no framing). What it refuses: request bodies over
// max_body_bytes (413), paths with encoded or dot segments (404: static files
// come only from the embedded table, never the file system), writes without
// `Authorization: Bearer <token>` (401; there is no write endpoint yet, so
// an authorised write is 405).
#ifndef FAULTLINE_SERVER_HTTP_SERVER_H_
#define FAULTLINE_SERVER_HTTP_SERVER_H_

#include <memory>
#include <string>

#include "faultline/status.h"
#include "store/event_store.h"

namespace faultline {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless asked otherwise
  int port = 8080;                 // 0: the system picks a free port
  std::string token;               // empty: every write is refused
  size_t max_body_bytes = 64 * 1024;
};

class HttpServer {
 public:
  HttpServer(std::unique_ptr<EventStore> store, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the port bound (the chosen one for port 0).
  Result<int> Bind();
  // Serves until Stop() (from another thread) or a fatal socket error.
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace faultline

#endif  // FAULTLINE_SERVER_HTTP_SERVER_H_
