// Which peer dictionary files to import, and loading them: the files a
// PETRARCH config (PETR_config.ini, [Dictionaries]) or a TABARI .project
// names, or files given one by one ("verbs=CAMEO.2.0.txt"). Used by
// `faultline code` and `faultline eval` (--peer-config, --peer) so users can
// code with the dictionaries they already have, alone or beside ours.
#ifndef FAULTLINE_PEERS_PEER_SET_H_
#define FAULTLINE_PEERS_PEER_SET_H_

#include <string>
#include <vector>

#include "faultline/status.h"
#include "peers/peer_dict.h"
#include "pipeline/pipeline.h"

namespace faultline::peers {

struct PeerSet {
  Dialect dialect = Dialect::kPetrarch;
  std::vector<std::string> actors, agents, verbs, discards, options;  // full paths
  bool empty() const { return actors.empty() && agents.empty() && verbs.empty() && discards.empty(); }
};

// Reads a PETRARCH config (*.ini) or a TABARI project (*.project); the
// files it names are looked up beside it. Sets the dialect.
Result<PeerSet> ReadPeerConfig(const std::string& path);

// Parses a TABARI project's text: the dictionary files it names (beside
// `path`) and, in *textfiles when given, its <textfile> names as written.
PeerSet ParseTabariProject(const std::string& path, const std::string& text, std::vector<std::string>* textfiles);

// Adds one "kind=path" (kind: actors, agents, verbs, discards).
Status AddPeerFile(const std::string& spec, PeerSet* set);

// Reads every file of the set into *dicts (bad lines go to dicts->warnings).
Status LoadPeerSet(const PeerSet& set, PeerDictionaries* dicts);

// Points `opts` at the loaded dictionaries: their entries and patterns are
// compiled beside ours (or alone when own_dictionaries is off), their codes
// taken as CAMEO codes, and sentences holding a discard phrase (stories,
// for story-level discards) code nothing. `dicts` must outlive the pipeline.
void ImportPeerSet(const PeerDictionaries& dicts, PipelineOptions* opts);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_PEER_SET_H_
