// Fuzz target: the TABARI/PETRARCH dictionary readers (peers/peer_dict.h).
// The first byte picks the file kind and dialect; the rest is the file's
// text. What was read is then installed into our own dictionaries, and the
// first line is tried as a peer date and as text for the discard check.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_util.h"
#include "peers/peer_dict.h"

using namespace faultline;
using namespace faultline::peers;

static const CodeTable& Codes() {
  static const CodeTable* codes = [] {
    auto t = CodeTable::Load(std::string(FAULTLINE_SOURCE_DIR) + "/data/cameo_codes.tsv");
    if (!t.ok()) {
      std::fprintf(stderr, "peer_dict_fuzzer: %s\n", t.status().message().c_str());
      std::abort();
    }
    return new CodeTable(std::move(*t));
  }();
  return *codes;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > fuzz::kMaxInput) return 0;
  const unsigned selector = data[0];
  const std::string_view text = fuzz::AsText(data + 1, size - 1);
  PeerDictionaries d;
  switch (selector % 6) {
    case 0: d.ReadActors(text, "fuzz.actors"); d.SpecialActorsToDiscards(); break;
    case 1: d.ReadAgents(text, "fuzz.agents"); break;
    case 2: d.ReadVerbs(text, "fuzz.verbs", Dialect::kTabari); break;
    case 3: d.ReadVerbs(text, "fuzz.verbs", Dialect::kPetrarch); break;
    case 4: d.ReadDiscards(text, "fuzz.discards"); break;
    default: {
      const std::string line(text.substr(0, text.find('\n')));
      int days = 0;
      PeerDateToDays(line, &days);
      PeerDateToIso(line);
      return 0;
    }
  }
  ActorDictionary actors;
  VerbDictionary verbs;
  CodeTable codes = Codes();
  (void)d.Install(&actors, &verbs, &codes, {"argentina", "peace", "talks"}, (selector & 8) != 0);
  actors.Finish();
  verbs.Finish();
  bool story = false;
  std::string rule;
  d.Discarded(text.substr(0, 512), &story, &rule);
  return 0;
}
