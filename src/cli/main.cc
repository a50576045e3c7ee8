// faultline: dispatches to the subcommand named by argv[1].
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/command.h"
#include "cli/version.h"

namespace faultline::cli {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

namespace {

void Usage(FILE* out) {
  std::fprintf(out, "usage: faultline <command> [options]\n\ncommands:\n");
  auto commands = Commands();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return std::strcmp(a.name, b.name) < 0; });
  for (const Command& c : commands) std::fprintf(out, "  %-12s %s\n", c.name, c.summary);
  std::fprintf(out, "\nfaultline <command> --help for the options of one command.\n");
}

}  // namespace
}  // namespace faultline::cli

int main(int argc, char** argv) {
  using namespace faultline::cli;
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    Usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "version")) {
    std::printf("%s\n", VersionString().c_str());
    return 0;
  }
  for (const Command& c : Commands()) {
    if (!std::strcmp(c.name, argv[1])) return c.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "faultline: unknown command '%s'\n", argv[1]);
  Usage(stderr);
  return 2;
}
