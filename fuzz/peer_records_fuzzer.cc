// Fuzz target: the readers of the peers' validation records
// (peers/peer_records.h): PETRARCH's XML records and TABARI's record text.
// Byte 0 picks the reader; the rest is the file's text. Checked: every
// record says where it came from (file:line), and a record's date is either
// empty (the record's date was not a date) or a valid ISO day.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/iso_date.h"
#include "fuzz_util.h"
#include "peers/peer_records.h"

using namespace faultline;
using namespace faultline::peers;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > fuzz::kMaxInput) return 0;
  const std::string text(fuzz::AsText(data + 1, size - 1));
  ValidationSuite suite = data[0] % 2 == 0 ? ParsePetrarchRecords(text, "fuzz.xml")
                                           : ParseTabariRecords(text, "fuzz.text");
  for (const ValidationRecord& r : suite.records) {
    FUZZ_CHECK(r.origin.find(':') != std::string::npos);
    if (!r.date.empty() && !IsValidIsoDate(r.date, nullptr)) {
      std::fprintf(stderr, "%s: date '%s' from '%s' is not a valid ISO day\n", r.origin.c_str(),
                   r.date.c_str(), r.raw_date.c_str());
      std::abort();
    }
    for (const ExpectedEvent& e : r.expected) FUZZ_CHECK(e.code.size() < text.size() + 1);
  }
  return 0;
}
