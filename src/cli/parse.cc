// `faultline parse [PATH...]`: prints CoNLL-U (tokens, tags, lemmas, tree)
// for stories in any input format, so anyone can see what the coder sees.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command.h"
#include "ingest/reader.h"
#include "parse/conllu.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {
namespace {

int RunParse(int argc, char** argv) {
  CLI::App app{"Print CoNLL-U for stories (seed format, JSON Lines, folders, - for stdin)", "faultline parse"};
  std::vector<std::string> paths;
  app.add_option("paths", paths, "inputs (default: standard input)");
  CLI11_PARSE(app, argc, argv);
  if (paths.empty()) paths.push_back("-");
  auto pipeline = Pipeline::Open({});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "faultline parse: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  auto reader = DocumentReader::Open(paths);
  if (!reader.ok()) {
    std::fprintf(stderr, "faultline parse: %s\n", reader.status().message().c_str());
    return 2;
  }
  Document doc;
  std::vector<InputError> errors;
  int status = 0;
  while ((*reader)->Next(&doc, &errors)) {
    Status s = (*pipeline)->Analyse(&doc);
    if (!s.ok()) {
      std::fprintf(stderr, "faultline parse: %s\n", s.message().c_str());
      status = 1;
      continue;
    }
    std::fputs(WriteConllu(doc).c_str(), stdout);
  }
  for (const InputError& e : errors) std::fprintf(stderr, "faultline parse: %s: %s\n", e.where.c_str(), e.message.c_str());
  return errors.empty() ? status : 1;
}

}  // namespace

FAULTLINE_COMMAND(parse, "parse", "print CoNLL-U (tags, lemmas, tree) for stories", RunParse);

}  // namespace faultline::cli
