// Readers for the peers' validation inputs: PETRARCH's XML records
// (<Sentence date id category> with <EventCoding> expectations and <Text>;
// the <Parse> is ignored: we code from raw text) and TABARI's record text
// format (date line, text lines, blank line; expectations in /* {...} */),
// with the dictionaries each suite's environment or project file names.
#ifndef FAULTLINE_PEERS_PEER_RECORDS_H_
#define FAULTLINE_PEERS_PEER_RECORDS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/status.h"
#include "peers/peer_dict.h"

namespace faultline::peers {

struct ExpectedEvent {
  std::string source, target, code;  // as written ("---GOV", "~REB", "---")
};

struct ValidationRecord {
  enum class Kind {
    kEvents,    // expects the listed events, exactly
    kNoEvents,  // expects nothing
    kError,     // a faulty record: nothing may be coded
    kControl,   // changes options only (TABARI "OPTION:" records); not scored
  };
  std::string id, category;
  std::string date;      // ISO; empty when the record's date is not a date
  std::string raw_date;  // as written
  std::string text;
  Kind kind = Kind::kNoEvents;
  std::vector<ExpectedEvent> expected;
  std::vector<std::string> options;  // "name=value" in force (PETRARCH <Config>, TABARI OPTION:)
  bool in_scope = true;  // PETRARCH: category listed in <Include>
  std::string origin;    // "file:line"
};

struct ValidationSuite {
  Dialect dialect = Dialect::kPetrarch;
  std::string path;
  // Dictionary files (full paths) by kind.
  std::vector<std::string> actors, agents, verbs, discards, options;
  std::vector<ValidationRecord> records;
  std::vector<std::string> warnings;
};

// PETR.UnitTest.records.xml and the dictionaries its <Environment> names
// (looked up beside it).
Result<ValidationSuite> ReadPetrarchSuite(const std::string& path);
// Parses the XML text only (for tests); `file` names it in origins.
ValidationSuite ParsePetrarchRecords(const std::string& text, const std::string& file);

// Validate.text and the .project file beside it that names it as
// <textfile>. Records after FINAL-01 (debugging records) are left out.
Result<ValidationSuite> ReadTabariSuite(const std::string& path);
ValidationSuite ParseTabariRecords(const std::string& text, const std::string& file);

// Detects the dialect of a validation file by extension and content.
Result<Dialect> DetectDialect(const std::string& path);

// The upper-case words of a TABARI option line after its command
// (`command`, upper case: "DEFAULT:", "COMPLEX:"); false, *words left
// alone, when the line is no such option.
bool TabariOptionWords(std::string_view option, std::string_view command, std::vector<std::string>* words);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_PEER_RECORDS_H_
