// faultline/event.h — what the coder emits: events, quotes and counts, each
// traceable to its document, sentence, byte span and dictionary rule.
// Field meanings are documented for users in doc/output_formats.md.
#ifndef FAULTLINE_EVENT_H_
#define FAULTLINE_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace faultline {

struct Location {
  std::string name, country, admin;
  double lat = 0, lon = 0;
};

struct Event {
  std::string doc_id;
  uint32_t sentence = 0;        // index of the sentence in the document
  std::string date;             // when it happened (ISO, at its precision)
  std::string source, target;   // CAMEO actor codes; target may be empty
  std::string source_text, target_text;
  std::string code, root;       // "0256", "02"
  int quad_class = 0;
  double goldstein = 0;
  std::string plover;
  std::string status;           // reported | planned | conditional | negated | hypothetical
  std::optional<Location> location;
  uint32_t span_begin = 0, span_end = 0;  // bytes of the evidence in the story
  std::string text;             // the sentence
  std::string rule;             // the verb pattern's file:line (+ actor rules)
};

struct Quote {
  std::string doc_id;
  uint32_t sentence = 0;
  std::string speaker, speaker_text;
  std::string quote;
  uint32_t span_begin = 0, span_end = 0;
};

struct Count {
  std::string doc_id;
  uint32_t sentence = 0;
  double value = 0;
  std::string qualifier, unit, actor;
  uint32_t span_begin = 0, span_end = 0;
  std::string text;
};

struct CodedDocument {
  std::vector<Event> events;
  std::vector<Quote> quotes;
  std::vector<Count> counts;
};

}  // namespace faultline

#endif  // FAULTLINE_EVENT_H_
