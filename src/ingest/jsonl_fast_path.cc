// simdjson fast path for JSON Lines records; see jsonl_fast_path.h for why.
// Every check here mirrors one in jsonl_format.cc; on any doubt it returns
// false and the full parser takes over.
#include "ingest/jsonl_fast_path.h"

#include <simdjson.h>

#include "base/iso_date.h"
#include "ingest/story_parser.h"

namespace faultline {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

bool TakeString(element value, std::string* out) {
  if (value.type() == element_type::NULL_VALUE) return true;
  std::string_view s;
  if (value.get_string().get(s)) return false;
  out->assign(s);
  return true;
}

bool TakeId(element value, const std::string& fallback_id, std::string* id) {
  switch (value.type()) {
    case element_type::NULL_VALUE:
      *id = fallback_id;
      return true;
    case element_type::INT64:
      *id = std::to_string(int64_t(value));
      return true;
    case element_type::UINT64:
      *id = std::to_string(uint64_t(value));
      return true;
    case element_type::STRING:
      *id = std::string_view(value);
      if (id->empty()) *id = fallback_id;
      return true;
    default:
      return false;  // floats are spelled by nlohmann; other types are errors
  }
}

bool TakeDate(element value, std::string* date) {
  std::string_view s;
  if (value.get_string().get(s)) return false;
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
  if (!IsValidIsoDate(s, nullptr)) return false;
  date->assign(s);
  return true;
}

bool TakeText(element value, std::string* text) {
  std::string_view s;
  if (value.get_string().get(s)) return false;
  if (s.find('\0') != std::string_view::npos || IsBlankText(s)) return false;
  text->assign(s);
  return true;
}

// Later duplicates win, as in nlohmann::json.
bool TakeField(std::string_view key, element value, const std::string& fallback_id,
               Document* doc) {
  if (key == "id") return TakeId(value, fallback_id, &doc->id);
  if (key == "date") return TakeDate(value, &doc->date);
  if (key == "text") return TakeText(value, &doc->text);
  if (key == "title") return TakeString(value, &doc->title);
  if (key == "source") return TakeString(value, &doc->source);
  if (key == "url") return TakeString(value, &doc->url);
  return true;  // unknown fields are ignored
}

}  // namespace

struct FastJsonStoryParser::Impl {
  simdjson::dom::parser parser;
};

FastJsonStoryParser::FastJsonStoryParser() : impl_(std::make_unique<Impl>()) {}
FastJsonStoryParser::~FastJsonStoryParser() = default;

bool FastJsonStoryParser::Parse(std::string_view line, const std::string& fallback_id,
                                Document* doc) {
  simdjson::dom::object obj;
  if (impl_->parser.parse(line.data(), line.size()).get_object().get(obj)) return false;
  ResetDocument(doc);
  doc->id = fallback_id;
  for (const auto field : obj) {
    if (!TakeField(field.key, field.value, fallback_id, doc)) return false;
  }
  // Required fields; a JSON "date"/"text" of "" never gets here.
  return !doc->date.empty() && !doc->text.empty();
}

}  // namespace faultline
