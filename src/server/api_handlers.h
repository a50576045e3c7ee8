// The API's endpoints over one EventStore, independent of HTTP: a path and
// its query parameters in, a status and a JSON body out. The HTTP layer
// (http_server.cc) only routes, so every answer here can be tested without a
// socket.
//
// Thread contract: safe from any number of threads. The store owns one
// connection and is not thread-safe, so calls are serialised by a mutex;
// the queries are short (bounded by the limits in api_params.h) and the
// dashboard issues a handful per view, so one connection is enough.
#ifndef FAULTLINE_SERVER_API_HANDLERS_H_
#define FAULTLINE_SERVER_API_HANDLERS_H_

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>

#include "server/api_params.h"
#include "store/event_store.h"

namespace faultline {

struct ApiReply {
  int status = 200;
  nlohmann::json body;  // {"error": "..."} when status >= 400
};

class ApiHandlers {
 public:
  explicit ApiHandlers(std::unique_ptr<EventStore> store);

  // GET `path` (decoded, starting with /api/). Unknown paths are 404, bad
  // parameters 400, store failures 500; never throws.
  ApiReply Get(std::string_view path, const QueryParams& params);

 private:
  ApiReply Events(const QueryParams& params);
  ApiReply Event(std::string_view id, const QueryParams& params);
  ApiReply Timeline(const QueryParams& params);
  ApiReply Network(const QueryParams& params);
  ApiReply TopDyads(const QueryParams& params);
  ApiReply Actors(const QueryParams& params);
  ApiReply Alerts(const QueryParams& params);
  ApiReply Summary(const QueryParams& params);

  std::mutex mu_;  // guards store_ (one connection, one thread at a time)
  std::unique_ptr<EventStore> store_;
};

ApiReply ErrorReply(int status, const std::string& message);

}  // namespace faultline

#endif  // FAULTLINE_SERVER_API_HANDLERS_H_
