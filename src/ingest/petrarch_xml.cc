// PETRARCH XML: a line-driven scanner for the few tags that matter
// (<Sentence ...>, <Text>, </Text>, </Sentence>, comments). Everything else,
// the <Parse> trees included, is passed over without being kept.
#include "ingest/petrarch_xml.h"

#include <utility>
#include <vector>

#include "base/iso_date.h"
#include "base/xml_attr.h"
#include "ingest/text_fault.h"

namespace faultline {
namespace {

using Kind = LineReader::Kind;

class PetrarchXmlParser : public StoryParser {
 public:
  PetrarchXmlParser(std::unique_ptr<LineReader> lines, std::string name, std::string id_base, size_t max_bytes)
      : lines_(std::move(lines)), name_(std::move(name)), id_base_(std::move(id_base)), max_bytes_(max_bytes) {}

  bool Next(Document* doc, std::vector<InputError>* errors) override {
    if (!pending_.empty()) {  // the rest of the line a record ended on
      std::string rest = std::move(pending_);
      pending_.clear();
      if (Scan(rest, pending_line_, doc, errors)) return true;
    }
    LineReader::Line line;
    while (!finished_) {
      const Kind kind = lines_->Next(&line);
      if (kind == Kind::kEnd || kind == Kind::kError) {
        finished_ = true;
        if (kind == Kind::kError) errors->push_back({name_, "read error: " + lines_->error()});
        if (in_record_) errors->push_back({Where(name_, record_line_), "<Sentence> never closed (record skipped)"});
        return false;
      }
      if (kind == Kind::kTooLong) {
        if (in_text_) Fault(line.number, OverLimitMessage("line", line.length, max_bytes_));
        continue;
      }
      if (Scan(line.text, line.number, doc, errors)) return true;
    }
    return false;
  }

 private:
  // Reads one line's tags and text; true when a record ended good (*doc set).
  bool Scan(std::string_view s, uint64_t number, Document* doc, std::vector<InputError>* errors) {
    bool done = false;
    while (!s.empty()) {
      if (in_comment_) {
        size_t e = s.find("-->");
        if (e == std::string_view::npos) return done;
        in_comment_ = false;
        s.remove_prefix(e + 3);
        continue;
      }
      if (in_tag_) {  // a <Sentence tag spread over lines
        size_t e = s.find('>');
        tag_.append(s.substr(0, e == std::string_view::npos ? s.size() : e));
        tag_ += ' ';
        if (e == std::string_view::npos) return done;
        in_tag_ = false;
        Open(number);
        s.remove_prefix(e + 1);
        continue;
      }
      size_t lt = s.find('<');
      if (in_text_) AddText(s.substr(0, lt), number);
      if (lt == std::string_view::npos) return done;
      s.remove_prefix(lt);
      if (s.starts_with("<!--")) {
        in_comment_ = true;
        s.remove_prefix(4);
      } else if (s.starts_with("<Sentence ") || s.starts_with("<Sentence>")) {
        if (in_record_) errors->push_back({Where(name_, record_line_), "<Sentence> never closed (record skipped)"});
        record_line_ = number;
        size_t e = s.find('>');
        tag_.assign(s.substr(0, e == std::string_view::npos ? s.size() : e));
        if (e == std::string_view::npos) {
          in_tag_ = true;
          tag_ += ' ';
          return done;
        }
        Open(number);
        s.remove_prefix(e + 1);
      } else if (s.starts_with("<Text>")) {
        in_text_ = in_record_;
        s.remove_prefix(6);
      } else if (s.starts_with("</Text>")) {
        in_text_ = false;
        s.remove_prefix(7);
      } else if (s.starts_with("</Sentence>")) {
        in_text_ = false;
        s.remove_prefix(11);
        if (in_record_ && Finish(doc, errors)) done = true;
        in_record_ = false;
        if (done) {
          // The rest of the line (rarely anything) is read with the next call.
          pending_.assign(s);
          pending_line_ = number;
          return true;
        }
      } else {
        size_t e = s.find('>');
        s.remove_prefix(e == std::string_view::npos ? s.size() : e + 1);
      }
    }
    return done;
  }

  void Open(uint64_t number) {
    in_record_ = true;
    ++records_;
    id_ = XmlAttribute(tag_, "id");
    raw_date_ = XmlAttribute(tag_, "date");
    date_ = CompactDateToIso(raw_date_);
    text_.clear();
    fault_.clear();
    if (date_.empty()) Fault(number, "bad date '" + raw_date_ + "': expected YYYYMMDD naming a real day");
  }

  void AddText(std::string_view piece, uint64_t number) {
    // Lines are joined with one blank; runs of white space become one.
    for (char c : piece) {
      bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
      if (blank) {
        if (!text_.empty() && text_.back() != ' ') text_ += ' ';
      } else {
        text_ += c;
      }
    }
    if (!text_.empty() && text_.back() != ' ') text_ += ' ';
    if (text_.size() > max_bytes_) Fault(number, OverLimitMessage("story", text_.size(), max_bytes_));
  }

  void Fault(uint64_t number, std::string message) {
    if (fault_.empty()) {
      fault_ = std::move(message);
      fault_line_ = number;
    }
  }

  bool Finish(Document* doc, std::vector<InputError>* errors) {
    std::string text = XmlUnescape(text_);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (fault_.empty() && IsBlankText(text)) Fault(record_line_, "empty <Text>");
    if (fault_.empty()) {
      TextFault tf = FindTextFault(text);
      if (tf.kind != TextFault::Kind::kNone) Fault(record_line_, DescribeTextFault(text, tf));
    }
    std::string id = id_.empty() ? id_base_ + "#" + std::to_string(records_) : id_;
    if (!fault_.empty()) {
      errors->push_back({Where(name_, fault_line_), fault_ + " (record " + id + ")"});
      return false;
    }
    ResetDocument(doc);
    doc->id = std::move(id);
    doc->date = date_;
    doc->text = std::move(text);
    doc->origin = Where(name_, record_line_);
    return true;
  }

  std::unique_ptr<LineReader> lines_;
  std::string name_, id_base_;
  size_t max_bytes_;
  bool finished_ = false, in_comment_ = false, in_tag_ = false, in_record_ = false, in_text_ = false;
  std::string tag_, id_, raw_date_, date_, text_, fault_, pending_;
  uint64_t record_line_ = 0, fault_line_ = 0, pending_line_ = 0;
  int records_ = 0;
};

}  // namespace

std::unique_ptr<StoryParser> NewPetrarchXmlParser(std::unique_ptr<LineReader> lines, std::string name,
                                                  std::string id_base, size_t max_story_bytes) {
  return std::make_unique<PetrarchXmlParser>(std::move(lines), std::move(name), std::move(id_base), max_story_bytes);
}

}  // namespace faultline
