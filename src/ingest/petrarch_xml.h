// petrarch_xml.h — PETRARCH's XML story input, as in its GigaWord sample:
//
//   <Sentence date="20080804" id="AFP0808020625_4" source="AFP" sentence="True">
//   <Text>
//   The stopover came as the US leader prepared ...
//   </Text>
//   <Parse> ... </Parse>          <- ignored: faultline parses the text itself
//   </Sentence>
//
// Each <Sentence> is one story; its <Text> lines are joined with blanks.
// The five XML entities are decoded; comments are skipped. A record with a
// date that is not a date, no text, or bad UTF-8 is reported with its line
// and skipped. See doc/input_formats.md.
#ifndef FAULTLINE_INGEST_PETRARCH_XML_H_
#define FAULTLINE_INGEST_PETRARCH_XML_H_

#include <cstddef>
#include <memory>
#include <string>

#include "ingest/line_reader.h"
#include "ingest/story_parser.h"

namespace faultline {

// Stories from `lines`; ids are the records' id attributes (else
// `id_base#N`).
std::unique_ptr<StoryParser> NewPetrarchXmlParser(std::unique_ptr<LineReader> lines, std::string name,
                                                  std::string id_base, size_t max_story_bytes);

}  // namespace faultline

#endif  // FAULTLINE_INGEST_PETRARCH_XML_H_
