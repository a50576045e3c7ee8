#include "peers/peer_set.h"

#include <filesystem>
#include <sstream>

#include "base/ascii.h"

namespace faultline::peers {
namespace {

std::string Beside(const std::string& config, const std::string& name) {
  std::filesystem::path p(name);
  if (p.is_absolute()) return name;
  return (std::filesystem::path(config).parent_path() / p).string();
}

// PETR_config.ini: "key = value" lines in [Dictionaries]; lists are
// comma-separated.
Status ReadPetrarchConfig(const std::string& path, const std::string& text, PeerSet* set) {
  std::istringstream in(text);
  bool dictionaries = false;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    line = std::string(AsciiTrim(line));
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line[0] == '[') {
      dictionaries = AsciiLower(line) == "[dictionaries]";
      continue;
    }
    if (!dictionaries) continue;
    size_t eq = line.find('=');
    if (eq == std::string::npos) {
      return Status::Invalid(path + ":" + std::to_string(n) + ": expected 'name = value' in [Dictionaries]");
    }
    std::string key = AsciiLower(AsciiTrim(std::string_view(line).substr(0, eq)));
    std::vector<std::string>* files = key.starts_with("verbfile")      ? &set->verbs
                                      : key.starts_with("actorfile")   ? &set->actors
                                      : key.starts_with("agentfile")   ? &set->agents
                                      : key.starts_with("discardfile") ? &set->discards
                                                                       : nullptr;
    if (!files) continue;  // issues: not coded by faultline
    std::istringstream list(line.substr(eq + 1));
    for (std::string f; std::getline(list, f, ',');) {
      f = std::string(AsciiTrim(f));
      if (!f.empty()) files->push_back(Beside(path, f));
    }
  }
  if (set->empty()) return Status::Invalid(path + ": no [Dictionaries] files named");
  return Status::Ok();
}

}  // namespace

PeerSet ParseTabariProject(const std::string& path, const std::string& text, std::vector<std::string>* textfiles) {
  PeerSet out;
  out.dialect = Dialect::kTabari;
  PeerSet* set = &out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    std::istringstream ls(l);
    std::string tag, value;
    ls >> tag >> value;
    if (value.empty()) continue;
    if (tag == "<actorsfile>") set->actors.push_back(Beside(path, value));
    if (tag == "<agentsfile>") set->agents.push_back(Beside(path, value));
    if (tag == "<verbsfile>") set->verbs.push_back(Beside(path, value));
    if (tag == "<optionsfile>") set->options.push_back(Beside(path, value));
    if (tag == "<textfile>" && textfiles) textfiles->push_back(value);
  }
  return out;
}

Result<PeerSet> ReadPeerConfig(const std::string& path) {
  std::string text;
  Status s = ReadWholeFile(path, &text);
  if (!s.ok()) return s;
  PeerSet set;
  if (path.ends_with(".project")) {
    set = ParseTabariProject(path, text, nullptr);
    if (set.empty()) return Status::Invalid(path + ": the project names no dictionary files");
    return set;
  }
  if (path.ends_with(".ini")) {
    set.dialect = Dialect::kPetrarch;
    s = ReadPetrarchConfig(path, text, &set);
    if (!s.ok()) return s;
    return set;
  }
  return Status::Invalid(path + ": not a PETRARCH config (.ini) or a TABARI project (.project)");
}

Status AddPeerFile(const std::string& spec, PeerSet* set) {
  size_t eq = spec.find('=');
  std::string kind = eq == std::string::npos ? "" : spec.substr(0, eq);
  std::string file = eq == std::string::npos ? "" : spec.substr(eq + 1);
  std::vector<std::string>* files = kind == "actors"     ? &set->actors
                                    : kind == "agents"   ? &set->agents
                                    : kind == "verbs"    ? &set->verbs
                                    : kind == "discards" ? &set->discards
                                                         : nullptr;
  if (!files || file.empty()) {
    return Status::Invalid("'" + spec + "': expected KIND=FILE with KIND actors, agents, verbs or discards");
  }
  files->push_back(file);
  return Status::Ok();
}

Status LoadPeerSet(const PeerSet& set, PeerDictionaries* dicts) {
  for (auto [files, kind] : {std::pair{&set.actors, "actors"}, {&set.agents, "agents"}, {&set.verbs, "verbs"},
                             {&set.discards, "discards"}}) {
    for (const std::string& f : *files) {
      Status s = dicts->ReadFile(f, kind, set.dialect);
      if (!s.ok()) return s;
    }
  }
  dicts->SpecialActorsToDiscards();
  return Status::Ok();
}

void ImportPeerSet(const PeerDictionaries& dicts, PipelineOptions* opts) {
  const PeerDictionaries* d = &dicts;
  opts->import = [d](ActorDictionary* a, VerbDictionary* v, CodeTable* c) { return d->Install(a, v, c); };
  if (!dicts.discards.empty()) {
    opts->discard = [d](std::string_view text, bool* story) {
      std::string rule;
      return d->Discarded(text, story, &rule);
    };
  }
}

}  // namespace faultline::peers
