// `faultline code [PATH...]`: codes files, folders or standard input and
// writes events, quotes and counts to standard output.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command.h"
#include "ingest/reader.h"
#include "output/writer.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {
namespace {

int RunCode(int argc, char** argv) {
  CLI::App app{"Code stories into CAMEO events (JSON Lines, TSV or a table)", "faultline code"};
  std::vector<std::string> paths;
  std::string format;
  bool all_statuses = false;
  PipelineOptions opts;
  app.add_option("paths", paths, "files, folders, or - for standard input (default)");
  app.add_option("--format", format, "jsonl | tsv | table (default: table on a terminal, else jsonl)");
  app.add_flag("--all-statuses", all_statuses, "also emit negated and hypothetical events");
  app.add_option("--home", opts.home, "folder with data/ and models/ (default $FAULTLINE_HOME or the source tree)");
  app.add_option("--actors", opts.actors, "actor dictionary file or folder");
  app.add_option("--verbs", opts.verbs, "verb pattern file or folder");
  CLI11_PARSE(app, argc, argv);
  if (paths.empty()) paths.push_back("-");
  if (format.empty()) format = isatty(fileno(stdout)) ? "table" : "jsonl";
  opts.coder.emit_unreal = all_statuses;
  auto writer = MakeWriter(format, stdout);
  if (!writer) {
    std::fprintf(stderr, "faultline code: unknown format '%s' (jsonl, tsv, table)\n", format.c_str());
    return 2;
  }
  auto pipeline = Pipeline::Open(opts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "faultline code: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  auto reader = DocumentReader::Open(paths);
  if (!reader.ok()) {
    std::fprintf(stderr, "faultline code: %s\n", reader.status().message().c_str());
    return 2;
  }
  Document doc;
  std::vector<InputError> errors;
  size_t skipped = 0, coded = 0;
  auto report = [&] {
    for (const InputError& e : errors) std::fprintf(stderr, "faultline code: %s: %s (skipped)\n", e.where.c_str(), e.message.c_str());
    skipped += errors.size();
    errors.clear();
  };
  while ((*reader)->Next(&doc, &errors)) {
    report();
    auto coded_doc = (*pipeline)->Process(&doc);
    if (!coded_doc.ok()) {
      std::fprintf(stderr, "faultline code: %s (skipped)\n", coded_doc.status().message().c_str());
      ++skipped;
      continue;
    }
    writer->Write(coded_doc.value());
    ++coded;
  }
  report();
  writer->Finish();
  std::fflush(stdout);
  if (skipped) std::fprintf(stderr, "faultline code: %zu stories coded, %zu skipped\n", coded, skipped);
  return skipped ? 1 : 0;
}

}  // namespace

FAULTLINE_COMMAND(code, "code", "code stories into events (files, folders, - for stdin)", RunCode);

}  // namespace faultline::cli
