// Output writers for coded documents: JSON Lines (the default for machines;
// fields documented in doc/output_formats.md), a TSV in the spirit of GDELT's
// event table, and a readable table for terminals. All are deterministic:
// the same input gives byte-identical output.
#ifndef FAULTLINE_OUTPUT_WRITER_H_
#define FAULTLINE_OUTPUT_WRITER_H_

#include <cstdio>
#include <memory>
#include <string>

#include "faultline/event.h"

namespace faultline {

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void Write(const CodedDocument& doc) = 0;
  virtual void Finish() {}
};

// format: "jsonl", "tsv" or "table". nullptr for an unknown format.
std::unique_ptr<Writer> MakeWriter(const std::string& format, FILE* out);

// One JSON object per line for each record (exposed for the store and tests).
std::string EventJson(const Event& e);
std::string QuoteJson(const Quote& q);
std::string CountJson(const Count& c);

}  // namespace faultline

#endif  // FAULTLINE_OUTPUT_WRITER_H_
