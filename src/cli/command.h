// Subcommand registry for the `faultline` binary. Each subcommand lives in its
// own file under src/cli/ and registers itself with FAULTLINE_COMMAND, so
// main.cc only dispatches (the engine is a library; the CLI is a thin shell).
//
// Exit codes: 0 success, 1 ran but something was skipped or failed a bar,
// 2 usage or set-up error.
#ifndef FAULTLINE_CLI_COMMAND_H_
#define FAULTLINE_CLI_COMMAND_H_

#include <string>
#include <vector>

namespace faultline::cli {

using CommandFn = int (*)(int argc, char** argv);

struct Command {
  const char* name;
  const char* summary;
  CommandFn run;
};

std::vector<Command>& Commands();

struct Registrar {
  Registrar(const char* name, const char* summary, CommandFn fn) {
    Commands().push_back({name, summary, fn});
  }
};

}  // namespace faultline::cli

#define FAULTLINE_COMMAND(ident, name, summary, fn) \
  static ::faultline::cli::Registrar registrar_##ident(name, summary, fn)

#endif  // FAULTLINE_CLI_COMMAND_H_
