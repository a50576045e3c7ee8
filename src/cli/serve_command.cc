// `faultline serve --db FILE`: the HTTP API and the dashboard over an event
// store. Prints "serving http://HOST:PORT/" once the socket is bound (with
// --port 0 the port is the one the system chose), so scripts can read it.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command.h"
#include "server/http_server.h"
#include "store/event_store.h"

namespace faultline::cli {
namespace {

int RunServe(int argc, char** argv) {
  CLI::App app{"Serve the HTTP API and the dashboard over an event store", "faultline serve"};
  std::string db;
  ServerOptions options;
  app.add_option("--db", db, "SQLite file made by `faultline ingest`, or postgresql://user@host:port/db")->required();
  app.add_option("--host", options.host, "address to listen on (default 127.0.0.1: this machine only)");
  app.add_option("--port", options.port, "port (default 8080; 0 picks a free one and prints it)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--token", options.token, "bearer token that write requests must carry (none: writes refused)");
  CLI11_PARSE(app, argc, argv);

  // Opening a store creates one when missing; serving a typo'd path would
  // show an empty dashboard instead of saying what is wrong.
  struct stat st;
  if (!IsPostgresUrl(db) && stat(db.c_str(), &st) != 0) {
    std::fprintf(stderr, "faultline serve: %s: no such store (make one with `faultline ingest PATH --db %s`)\n",
                 db.c_str(), db.c_str());
    return 2;
  }
  auto store = EventStore::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "faultline serve: %s\n", store.status().message().c_str());
    return 2;
  }
  HttpServer server(std::move(store).value(), options);
  auto port = server.Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "faultline serve: %s\n", port.status().message().c_str());
    return 2;
  }
  const bool v6 = options.host.find(':') != std::string::npos;
  std::printf("serving http://%s%s%s:%d/\n", v6 ? "[" : "", options.host.c_str(), v6 ? "]" : "", *port);
  std::fflush(stdout);
  if (Status s = server.Run(); !s.ok()) {
    std::fprintf(stderr, "faultline serve: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

FAULTLINE_COMMAND(serve, "serve", "serve the HTTP API and dashboard over an event store", RunServe);

}  // namespace faultline::cli
