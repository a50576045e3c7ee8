// `faultline dict`: what the loaded dictionaries hold (entries per kind,
// office-holder spells, verb patterns, CAMEO codes covered), so users and
// notes can size them with one command.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <set>

#include "cli/command.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {
namespace {

int RunDict(int argc, char** argv) {
  CLI::App app{"Count what the dictionaries hold", "faultline dict"};
  PipelineOptions opts;
  app.add_option("--actors", opts.actors, "actor dictionary file or folder");
  app.add_option("--verbs", opts.verbs, "verb pattern file or folder");
  CLI11_PARSE(app, argc, argv);
  auto p = Pipeline::Open(opts);
  if (!p.ok()) {
    std::fprintf(stderr, "faultline dict: %s\n", p.status().message().c_str());
    return 2;
  }
  const ActorDictionary& a = (*p)->actors();
  const char* kNames[] = {"country", "demonym", "capital", "seat", "region", "org", "group", "agent", "person"};
  std::printf("actor entries %zu, phrases %zu\n", a.entries().size(), a.phrases().size());
  for (int k = 0; k <= static_cast<int>(ActorKind::kPerson); ++k) {
    std::printf("  %-8s %zu\n", kNames[k], a.CountKind(static_cast<ActorKind>(k)));
  }
  std::printf("office-holder spells %zu\n", a.CountRoles());
  const VerbDictionary& v = (*p)->verbs();
  std::set<std::string> codes, roots, anchors;
  size_t blocking = 0;
  for (const VerbPattern& pat : v.patterns()) {
    anchors.insert(pat.anchor);
    if (pat.blocks()) {
      ++blocking;
      continue;
    }
    codes.insert(pat.code);
    roots.insert(pat.code.substr(0, 2));
  }
  std::printf("verb patterns %zu (%zu blocking), anchors %zu, CAMEO codes covered %zu of %zu, roots %zu\n",
              v.patterns().size(), blocking, anchors.size(), codes.size(), (*p)->codes().size(), roots.size());
  return 0;
}

}  // namespace

FAULTLINE_COMMAND(dict, "dict", "count what the dictionaries hold", RunDict);

}  // namespace faultline::cli
