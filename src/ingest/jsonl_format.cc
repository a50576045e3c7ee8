// JSON Lines: each line goes through the simdjson fast path first (see
// jsonl_fast_path.h). Lines it does not accept are checked for bad bytes (so
// the message can say which byte), then parsed with nlohmann::json, whose
// parse errors are exceptions; they are caught here and never leave this file.
#include "ingest/jsonl_format.h"

#include <nlohmann/json.hpp>

#include <utility>
#include <vector>

#include "base/iso_date.h"
#include "ingest/jsonl_fast_path.h"
#include "ingest/text_fault.h"

namespace faultline {
namespace {

using Json = nlohmann::json;

// Parse errors quote the text read so far, which for a broken line of
// megabytes would be megabytes; keep the message readable.
constexpr size_t kMaxMessageBytes = 200;

std::string TypeOf(const Json& j) { return j.type_name(); }

bool Fail(std::string* why, std::string message) {
  *why = std::move(message);
  return false;
}

// "broken JSON at column 17: syntax error while parsing object - ..."
std::string DescribeParseError(const Json::parse_error& e) {
  std::string what = e.what();
  const size_t at = what.find("column ");
  what = "broken JSON at " + (at == std::string::npos ? what : what.substr(at));
  if (what.size() > kMaxMessageBytes) what = what.substr(0, kMaxMessageBytes) + "...";
  return what;
}

// Copies optional string field `key` into *out; false (with *why) when it is
// present but neither a string nor null.
bool GetOptionalString(const Json& obj, const char* key, std::string* out, std::string* why) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *why = "\"" + std::string(key) + "\" is not a string (found " + TypeOf(*it) + ")";
    return false;
  }
  *out = it->get_ref<const std::string&>();
  return true;
}

bool GetId(const Json& obj, const std::string& fallback_id, std::string* id, std::string* why) {
  const auto it = obj.find("id");
  if (it == obj.end() || it->is_null()) {
    *id = fallback_id;
  } else if (it->is_string()) {
    *id = it->get_ref<const std::string&>();
    if (id->empty()) *id = fallback_id;
  } else if (it->is_number()) {
    *id = it->dump();
  } else {
    *why = "\"id\" is not a string or number (found " + TypeOf(*it) + ")";
    return false;
  }
  return true;
}

// Accepts "YYYY-MM-DD" and a date-time whose first 10 bytes are one
// ("2022-02-03T10:15:00Z"), keeping only the date.
bool GetDate(const Json& obj, std::string* date, std::string* why) {
  const auto it = obj.find("date");
  if (it == obj.end()) return Fail(why, "missing \"date\"");
  if (!it->is_string()) return Fail(why, "\"date\" is not a string (found " + TypeOf(*it) + ")");
  std::string_view s = it->get_ref<const std::string&>();
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
  std::string reason;
  if (!IsValidIsoDate(s, &reason)) return Fail(why, "bad date: " + reason);
  date->assign(s);
  return true;
}

bool TakeText(Json& obj, std::string* text, std::string* why) {
  const auto it = obj.find("text");
  if (it == obj.end()) return Fail(why, "missing \"text\"");
  if (!it->is_string()) return Fail(why, "\"text\" is not a string (found " + TypeOf(*it) + ")");
  *text = std::move(it->get_ref<std::string&>());
  // JSON may spell NUL as \u0000; the raw-byte check cannot see that.
  const size_t nul = text->find('\0');
  if (nul != std::string::npos) {
    return Fail(why, "NUL byte in \"text\" at byte " + std::to_string(nul + 1) + " of the text");
  }
  if (IsBlankText(*text)) return Fail(why, "empty story");
  return true;
}

class JsonlParser : public StoryParser {
 public:
  JsonlParser(std::unique_ptr<LineReader> lines, std::string name, size_t max_story_bytes)
      : lines_(std::move(lines)), name_(std::move(name)), max_bytes_(max_story_bytes) {}

  bool Next(Document* doc, std::vector<InputError>* errors) override {
    LineReader::Line line;
    for (;;) {
      const LineReader::Kind kind = lines_->Next(&line);
      if (kind == LineReader::Kind::kEnd) return false;
      const std::string where = Where(name_, line.number);
      if (kind == LineReader::Kind::kError) {
        if (!error_reported_) errors->push_back({name_, "read error: " + lines_->error()});
        error_reported_ = true;
        return false;
      }
      if (kind == LineReader::Kind::kTooLong) {
        errors->push_back({where, OverLimitMessage("line", line.length, max_bytes_)});
        continue;
      }
      if (IsBlankText(line.text)) continue;
      std::string why;
      if (ReadLine(line.text, where, doc, &why)) return true;
      errors->push_back({where, why});
    }
  }

 private:
  bool ReadLine(std::string_view text, const std::string& where, Document* doc, std::string* why) {
    if (fast_.Parse(text, where, doc)) {
      doc->origin = where;
      return true;
    }
    const TextFault fault = FindTextFault(text);
    if (fault.kind != TextFault::Kind::kNone) {
      *why = DescribeTextFault(text, fault) + " at byte " + std::to_string(fault.offset + 1) +
             " of the line";
      return false;
    }
    if (!ParseJsonStory(text, where, doc, why)) return false;
    doc->origin = where;
    return true;
  }

  std::unique_ptr<LineReader> lines_;
  std::string name_;
  size_t max_bytes_;
  bool error_reported_ = false;
  FastJsonStoryParser fast_;
};

}  // namespace

bool ParseJsonStory(std::string_view line, const std::string& fallback_id, Document* doc,
                    std::string* why) {
  Json obj;
  try {
    obj = Json::parse(line.begin(), line.end());
  } catch (const Json::parse_error& e) {
    *why = DescribeParseError(e);
    return false;
  } catch (const Json::exception& e) {
    // Well-formed JSON nlohmann cannot hold, e.g. a number beyond a double
    // ("1e999999": out_of_range 406). Found by fuzz/jsonl_fuzzer.
    std::string what = e.what();
    const size_t close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
    if (what.size() > kMaxMessageBytes) what = what.substr(0, kMaxMessageBytes) + "...";
    *why = "bad JSON value: " + what;
    return false;
  }
  if (!obj.is_object()) {
    *why = "not a JSON object (found " + TypeOf(obj) + "); each line must hold one story object";
    return false;
  }
  ResetDocument(doc);
  std::string id;
  const bool ok = GetId(obj, fallback_id, &id, why) && GetDate(obj, &doc->date, why) &&
                  TakeText(obj, &doc->text, why) &&
                  GetOptionalString(obj, "title", &doc->title, why) &&
                  GetOptionalString(obj, "source", &doc->source, why) &&
                  GetOptionalString(obj, "url", &doc->url, why);
  if (ok) {
    doc->id = std::move(id);
  } else if (!id.empty() && id != fallback_id) {
    *why = "record \"" + id + "\": " + *why;
  }
  return ok;
}

std::unique_ptr<StoryParser> NewJsonlParser(std::unique_ptr<LineReader> lines, std::string name,
                                            size_t max_story_bytes) {
  return std::make_unique<JsonlParser>(std::move(lines), std::move(name), max_story_bytes);
}

}  // namespace faultline
