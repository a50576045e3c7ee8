// Fuzz target: actor dictionary text (doc/dictionary_format.md) through
// ActorDictionary::AddText() and Finish(), then a look-up of every phrase.
#include <cstddef>
#include <cstdint>

#include "dict/actor_dictionary.h"
#include "fuzz_util.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  ActorDictionary d;
  (void)d.AddText(fuzz::AsText(data, size), "fuzz.actors");  // errors are fine; crashes are not
  d.Finish();
  for (const ActorPhrase& p : d.phrases()) {
    FUZZ_CHECK(p.entry < d.entries().size());
    if (!p.words.empty()) FUZZ_CHECK(d.PhrasesStartingWith(p.words[0]) != nullptr);
  }
  for (const ActorEntry& e : d.entries()) {
    e.CodeOn(0);
    e.RoleOn(19000);
  }
  return 0;
}
