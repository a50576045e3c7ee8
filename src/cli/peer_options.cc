#include "cli/peer_options.h"

#include <cstdio>

#include "peers/peer_set.h"

namespace faultline::cli {

void PeerOptions::AddTo(CLI::App* app) {
  app->add_option("--peer-config", config_,
                  "import the dictionaries a PETRARCH config (PETR_config.ini) or a TABARI .project names");
  app->add_option("--peer", files_, "import one peer dictionary file: actors=F, agents=F, verbs=F or discards=F");
  app->add_option("--dict-format", format_, "dialect of --peer files: petrarch | tabari");
  app->add_flag("--peer-only", only_, "code with the imported dictionaries alone (not faultline's own)");
}

Status PeerOptions::Apply(const char* command, PipelineOptions* opts) {
  if (config_.empty() && files_.empty()) {
    if (only_) return Status::Invalid("--peer-only needs --peer-config or --peer");
    return Status::Ok();
  }
  peers::PeerSet set;
  if (!config_.empty()) {
    auto read = peers::ReadPeerConfig(config_);
    if (!read.ok()) return read.status();
    set = std::move(read).value();
  }
  if (format_ == "tabari") {
    set.dialect = peers::Dialect::kTabari;
  } else if (format_ == "petrarch") {
    set.dialect = peers::Dialect::kPetrarch;
  } else if (!format_.empty()) {
    return Status::Invalid("unknown --dict-format '" + format_ + "' (petrarch, tabari)");
  } else if (config_.empty()) {
    return Status::Invalid("--peer needs --dict-format petrarch|tabari");
  }
  for (const std::string& f : files_) {
    Status s = peers::AddPeerFile(f, &set);
    if (!s.ok()) return s;
  }
  Status s = peers::LoadPeerSet(set, &dicts_);
  if (!s.ok()) return s;
  for (const std::string& w : dicts_.warnings) std::fprintf(stderr, "%s: %s\n", command, w.c_str());
  std::fprintf(stderr, "%s: imported %zu actors, %zu agents, %zu patterns, %zu discards (%zu lines skipped)\n", command,
               dicts_.actors.size(), dicts_.agents.size(), dicts_.patterns.size(), dicts_.discards.size(),
               dicts_.warnings.size());
  opts->own_dictionaries = !only_;
  peers::ImportPeerSet(dicts_, opts);
  return Status::Ok();
}

}  // namespace faultline::cli
