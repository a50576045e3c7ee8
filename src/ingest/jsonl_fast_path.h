// jsonl_fast_path.h — the quick way through a JSON Lines record.
//
// Most lines are good, and nlohmann::json parses them at well under 100 MB/s.
// simdjson parses them many times faster but says little about what is wrong
// with a bad one. So simdjson takes every line first and accepts only records
// that are plainly good; anything else (broken JSON, a bad field, a float id)
// is left to the nlohmann path in jsonl_format.cc, which decides and explains.
// The two must agree on what a good record yields; jsonl_format_test checks it.
//
// Thread contract: one thread per FastJsonStoryParser (it reuses buffers).
#ifndef FAULTLINE_INGEST_JSONL_FAST_PATH_H_
#define FAULTLINE_INGEST_JSONL_FAST_PATH_H_

#include <memory>
#include <string>
#include <string_view>

#include "faultline/document.h"

namespace faultline {

class FastJsonStoryParser {
 public:
  FastJsonStoryParser();
  ~FastJsonStoryParser();
  FastJsonStoryParser(const FastJsonStoryParser&) = delete;
  FastJsonStoryParser& operator=(const FastJsonStoryParser&) = delete;

  // True when `line` is a good story record; then *doc holds id, date, text,
  // title, source and url (origin untouched). False means "not sure": *doc
  // may be partly written and the caller must use the full parser.
  bool Parse(std::string_view line, const std::string& fallback_id, Document* doc);

 private:
  struct Impl;  // keeps simdjson.h out of every includer
  std::unique_ptr<Impl> impl_;
};

}  // namespace faultline

#endif  // FAULTLINE_INGEST_JSONL_FAST_PATH_H_
