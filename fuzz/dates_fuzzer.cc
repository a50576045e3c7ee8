// Fuzz target: dates. The first line goes to ParseIsoDate() (and, when it is
// a date, becomes the publication day); the rest is segmented and every
// sentence goes through FindDates().
#include <cstddef>
#include <cstdint>
#include <string>

#include "dates/civil_date.h"
#include "dates/find_dates.h"
#include "fuzz_util.h"
#include "text/segment.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  const std::string_view input = fuzz::AsText(data, size);
  const size_t nl = input.find('\n');
  const std::string head(input.substr(0, nl));
  CivilDate published{2022, 2, 3};
  auto parsed = ParseIsoDate(head);
  if (parsed.ok()) {
    published = *parsed;
    FUZZ_CHECK(ToIso(published) == head);
  }
  if (nl == std::string_view::npos) return 0;

  Document doc;
  doc.text.assign(input.substr(nl + 1));
  if (!Segment(&doc).ok()) return 0;
  for (const Sentence& s : doc.sentences) {
    uint32_t last_end = 0;
    for (const DateMention& m : FindDates(doc, s, published)) {
      FUZZ_CHECK(m.first_token < m.end_token && m.end_token <= s.size);
      FUZZ_CHECK(m.first_token >= last_end);  // in order, not overlapping
      last_end = m.end_token;
      FUZZ_CHECK(m.value.size() == 4 || m.value.size() == 7 || m.value.size() == 10);
    }
  }
  return 0;
}
