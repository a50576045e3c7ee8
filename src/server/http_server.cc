#include "server/http_server.h"

#include <httplib.h>

#include <cstdio>
#include <exception>

#include "server/api_handlers.h"
#include "server/api_json.h"
#include "server/assets.h"
#include "server/request_guard.h"

namespace faultline {
namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

// The page loads its script, style and chart libraries from this server
// only and has no inline script or style; ECharts and cytoscape draw on
// canvases (img data: covers exported images).
const httplib::Headers kSecurityHeaders = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
     "frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
};

void SendJson(Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(DumpJson(body), "application/json; charset=utf-8");
}

void SendError(Response& res, int status, const std::string& message) {
  SendJson(res, status, nlohmann::json{{"error", message}});
}

// The request-target up to '?', as the client sent it (not decoded).
std::string_view RawPath(const Request& req) {
  std::string_view target = req.target;
  return target.substr(0, target.find('?'));
}

// Messages for the refusals httplib makes itself.
std::string Reason(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    case 414: return "request target too long";
    case 416: return "range not satisfiable";
    default: return status >= 500 ? "internal error" : "request refused";
  }
}

}  // namespace

struct HttpServer::Impl {
  Impl(std::unique_ptr<EventStore> store, ServerOptions o) : api(std::move(store)), options(std::move(o)) {}

  void Routes();
  HandlerResponse Guard(const Request& req, Response& res);
  void Static(const Request& req, Response& res);

  ApiHandlers api;
  ServerOptions options;
  httplib::Server http;
};

// Runs before routing: odd paths and unauthorised writes never reach a
// handler (nor, for writes, is their body read).
HandlerResponse HttpServer::Impl::Guard(const Request& req, Response& res) {
  if (!IsCanonicalPath(RawPath(req)) || !IsCanonicalPath(req.path)) {
    SendError(res, 404, "not found");
    return HandlerResponse::Handled;
  }
  const bool api_path = req.path == "/api" || req.path.starts_with("/api/");
  if (api_path && IsWriteMethod(req.method) &&
      !BearerMatches(req.get_header_value("Authorization"), options.token)) {
    res.set_header("WWW-Authenticate", "Bearer");
    SendError(res, 401, options.token.empty() ? "writes are disabled (serve was started without --token)"
                                              : "writes need Authorization: Bearer <token>");
    return HandlerResponse::Handled;
  }
  return HandlerResponse::Unhandled;
}

void HttpServer::Impl::Static(const Request& req, Response& res) {
  const Asset* asset = FindAsset(req.path == "/" ? "/index.html" : req.path);
  if (!asset) return SendError(res, 404, "not found");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(asset->data.data(), asset->data.size(), std::string(asset->content_type));
}

void HttpServer::Impl::Routes() {
  http.set_default_headers(kSecurityHeaders);
  http.set_payload_max_length(options.max_body_bytes);
  // Headers and body go out in separate writes; with Nagle's algorithm on,
  // the body then waits for the client's delayed ACK (~40 ms a request on
  // Linux). Small JSON answers want every byte sent at once.
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler([this](const Request& req, Response& res) { return Guard(req, res); });

  http.Get(R"(/api(/.*)?)", [this](const Request& req, Response& res) {
    ApiReply reply = api.Get(req.path, req.params);
    SendJson(res, reply.status, reply.body);
  });
  // Writes that passed the token check: no endpoint takes one yet.
  auto no_write = [](const Request&, Response& res) {
    res.set_header("Allow", "GET, HEAD");
    SendError(res, 405, "no write endpoint here");
  };
  http.Post(R"(/api(/.*)?)", no_write);
  http.Put(R"(/api(/.*)?)", no_write);
  http.Patch(R"(/api(/.*)?)", no_write);
  http.Delete(R"(/api(/.*)?)", no_write);
  http.Get(".*", [this](const Request& req, Response& res) { Static(req, res); });

  // httplib's own refusals (unknown route 404, 413, 400 on a bad request
  // line) get a JSON body too; answers that have one keep it.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const Request&, Response& res) {
    if (res.body.empty()) SendError(res, res.status, Reason(res.status));
    return HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const Request& req, Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "faultline serve: %s %s: %s\n", req.method.c_str(), req.path.c_str(), what.c_str());
    SendError(res, 500, "internal error");
  });
}

HttpServer::HttpServer(std::unique_ptr<EventStore> store, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(store), std::move(options))) {
  impl_->Routes();
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind() {
  const ServerOptions& o = impl_->options;
  if (o.port < 0 || o.port > 65535) return Status::Invalid("port " + std::to_string(o.port) + " is not 0..65535");
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
    if (port < 0) return Status::IOError("cannot bind " + o.host + " on any port");
  } else if (!impl_->http.bind_to_port(o.host, port)) {
    return Status::IOError("cannot bind " + o.host + ":" + std::to_string(port) + " (in use, or no such address)");
  }
  return port;
}

Status HttpServer::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IOError("the server stopped on a socket error");
  return Status::Ok();
}

void HttpServer::Stop() { impl_->http.stop(); }

}  // namespace faultline
