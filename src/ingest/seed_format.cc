// Seed format: a line-driven state machine. A story is accumulated line by
// line; its first fault (bad date, bad byte, over the size limit) is
// remembered and the rest of its lines are only counted, so a bad story costs
// no memory and the next header still starts a fresh story.
#include "ingest/seed_format.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "base/iso_date.h"
#include "ingest/text_fault.h"

namespace faultline {
namespace {

using Kind = LineReader::Kind;

class SeedParser : public StoryParser {
 public:
  SeedParser(std::unique_ptr<LineReader> lines, std::string name, std::string id_base,
             size_t max_story_bytes)
      : lines_(std::move(lines)),
        name_(std::move(name)),
        id_base_(std::move(id_base)),
        max_bytes_(max_story_bytes) {}

  bool Next(Document* doc, std::vector<InputError>* errors) override;

 private:
  // The story being read.
  struct Story {
    bool active = false;
    int index = 0;           // 1-based position in the input
    uint64_t line = 0;       // where it starts
    uint64_t bytes = 0;      // text bytes seen, including any not kept
    uint64_t held_newlines = 0;  // empty lines not yet known to be inside the text
    bool over_limit = false;
    std::string fault;       // first other fault; empty while good
    uint64_t fault_line = 0;
    std::string date;
    std::string text;
    bool bad() const { return over_limit || !fault.empty(); }
  };

  bool AtEnd(Kind kind, Document* doc, std::vector<InputError>* errors);
  void StartStory(const LineReader::Line& line, bool too_long, bool header);
  void ParseHeader(const LineReader::Line& line, bool too_long);
  void AddLine(const LineReader::Line& line, bool too_long);
  void AddText(std::string_view text, const LineReader::Line& line, size_t column);
  void SetFault(uint64_t line, std::string message);
  void MarkOverLimit();
  // Ends the current story: true with *doc filled when it was good, else
  // its fault goes to *errors.
  bool FinishStory(Document* doc, std::vector<InputError>* errors);
  std::string StoryId() const;

  std::unique_ptr<LineReader> lines_;
  std::string name_;
  std::string id_base_;
  size_t max_bytes_;
  Story story_;
  int stories_seen_ = 0;
  bool after_blank_ = true;  // the start of input counts as after a blank line
  bool seen_text_ = false;   // a non-blank line has been read
  bool finished_ = false;    // end of input (or a read error) reached
};

bool SeedParser::Next(Document* doc, std::vector<InputError>* errors) {
  LineReader::Line line;
  while (!finished_) {
    const Kind kind = lines_->Next(&line);
    if (kind == Kind::kEnd || kind == Kind::kError) return AtEnd(kind, doc, errors);
    const bool too_long = kind == Kind::kTooLong;
    const bool blank = !too_long && IsBlankText(line.text);
    const bool header = after_blank_ && !blank && IsSeedHeader(line.text, !seen_text_);
    after_blank_ = blank;
    if (blank && !story_.active) continue;  // blank lines before the first story
    seen_text_ = true;
    if (!header && story_.active) {
      AddLine(line, too_long);
      continue;
    }
    const bool finished_good = story_.active && FinishStory(doc, errors);
    StartStory(line, too_long, header);
    if (finished_good) return true;
  }
  return false;
}

bool SeedParser::AtEnd(Kind kind, Document* doc, std::vector<InputError>* errors) {
  finished_ = true;
  const std::string read_error = "read error: " + lines_->error();
  if (!story_.active) {
    if (kind == Kind::kError) errors->push_back({name_, read_error});
    return false;
  }
  // A story cut short by a read error is not the story the author wrote.
  if (kind == Kind::kError) SetFault(story_.line, read_error);
  return FinishStory(doc, errors);
}

void SeedParser::StartStory(const LineReader::Line& line, bool too_long, bool header) {
  story_.active = true;
  story_.index = ++stories_seen_;
  story_.line = line.number;
  story_.bytes = 0;
  story_.held_newlines = 0;
  story_.over_limit = false;
  story_.fault.clear();
  story_.date.clear();
  story_.text.clear();
  if (header) {
    ParseHeader(line, too_long);
    return;
  }
  SetFault(line.number, "missing date: a story must start with \" date YYYY-MM-DD \"");
  AddLine(line, too_long);
}

// " date 2022-02-03 text" or "date 2022-02-03 text"; the date ends at the
// next space or at the end of the line (a CR there belongs to the newline).
void SeedParser::ParseHeader(const LineReader::Line& line, bool too_long) {
  const size_t date_begin = line.text.find("date ") + 5;
  size_t date_end = line.text.find(' ', date_begin);
  const bool text_follows = date_end != std::string_view::npos;
  if (!text_follows) date_end = line.text.size();
  std::string_view date = line.text.substr(date_begin, date_end - date_begin);
  if (!date.empty() && date.back() == '\r') date.remove_suffix(1);
  std::string why;
  if (!IsValidIsoDate(date, &why)) SetFault(line.number, "bad date: " + why);
  story_.date.assign(date);
  if (too_long) {
    story_.bytes = line.length - std::min<uint64_t>(line.length, date_end + 1);
    MarkOverLimit();
  } else if (text_follows) {
    AddText(line.text.substr(date_end + 1), line, date_end + 1);
  }
}

void SeedParser::AddLine(const LineReader::Line& line, bool too_long) {
  // Blank lines between the header and the first text are not part of it.
  if (story_.bytes == 0 && !too_long && IsBlankText(line.text)) return;
  // Trailing newlines are not part of the story (nor of its size), so empty
  // lines are held back until text follows them.
  if (!too_long && line.text.empty()) {
    ++story_.held_newlines;
    return;
  }
  if (story_.bytes > 0) {
    const uint64_t newlines = story_.held_newlines + 1;
    story_.bytes += newlines;
    if (!story_.bad()) story_.text.append(newlines, '\n');
  }
  story_.held_newlines = 0;
  if (too_long) {
    story_.bytes += line.length;
    MarkOverLimit();
    return;
  }
  AddText(line.text, line, 0);
}

void SeedParser::AddText(std::string_view text, const LineReader::Line& line, size_t column) {
  story_.bytes += text.size();
  if (story_.bad()) return;
  if (story_.bytes > max_bytes_) {
    MarkOverLimit();
    return;
  }
  const TextFault fault = FindTextFault(text);
  if (fault.kind != TextFault::Kind::kNone) {
    SetFault(line.number, DescribeTextFault(text, fault) + " at byte " +
                              std::to_string(column + fault.offset + 1) + " of line " +
                              std::to_string(line.number));
    return;
  }
  story_.text.append(text);
}

void SeedParser::SetFault(uint64_t line, std::string message) {
  if (story_.bad()) return;
  story_.fault = std::move(message);
  story_.fault_line = line;
  story_.text.clear();
}

// The size message is built at the end, once the whole story is counted.
void SeedParser::MarkOverLimit() {
  if (story_.bad()) return;
  story_.over_limit = true;
  story_.text.clear();
}

std::string SeedParser::StoryId() const {
  return story_.index == 1 ? id_base_ : id_base_ + "#" + std::to_string(story_.index);
}

bool SeedParser::FinishStory(Document* doc, std::vector<InputError>* errors) {
  story_.active = false;
  std::string& text = story_.text;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (!story_.bad() && IsBlankText(text)) SetFault(story_.line, "empty story");
  const std::string which_story = " (story " + StoryId() + " from line " +
                                  std::to_string(story_.line) + ")";
  if (story_.over_limit) {
    errors->push_back({Where(name_, story_.line),
                       OverLimitMessage("story", story_.bytes, max_bytes_) + which_story});
    return false;
  }
  if (!story_.fault.empty()) {
    errors->push_back({Where(name_, story_.fault_line), story_.fault + which_story});
    return false;
  }
  ResetDocument(doc);
  doc->id = StoryId();
  doc->date.swap(story_.date);
  doc->text.swap(text);  // both keep their buffers for the next story
  doc->origin = Where(name_, story_.line);
  return true;
}

}  // namespace

bool IsSeedHeader(std::string_view line, bool at_start) {
  if (line.starts_with(" date ")) return true;
  if (!line.starts_with("date ")) return false;
  return at_start || (line.size() > 5 && line[5] >= '0' && line[5] <= '9');
}

std::unique_ptr<StoryParser> NewSeedParser(std::unique_ptr<LineReader> lines, std::string name,
                                           std::string id_base, size_t max_story_bytes) {
  return std::make_unique<SeedParser>(std::move(lines), std::move(name), std::move(id_base),
                                      max_story_bytes);
}

}  // namespace faultline
