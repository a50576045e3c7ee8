#include "feed/story_message.h"

#include <nlohmann/json.hpp>

#include "ingest/jsonl_format.h"
#include "ingest/story_parser.h"
#include "ingest/text_fault.h"

namespace faultline {

std::string StoryRecord(const Document& doc) {
  // Insertion order, so a record reads id first and the long text last.
  nlohmann::ordered_json j;
  j["id"] = doc.id;
  j["date"] = doc.date;
  if (!doc.title.empty()) j["title"] = doc.title;
  if (!doc.source.empty()) j["source"] = doc.source;
  if (!doc.url.empty()) j["url"] = doc.url;
  j["text"] = doc.text;
  // The readers only pass valid UTF-8; `replace` keeps dump() from throwing
  // should that ever change.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool StoryFromMessage(const StreamMessage& message, const std::string& stream, size_t max_bytes,
                      Document* doc, std::string* why) {
  const std::string* record = message.Field(kStoryField);
  if (record == nullptr) {
    *why = message.deleted ? "message was deleted from the stream" : "no \"story\" field";
    return false;
  }
  if (record->size() > max_bytes) {
    *why = OverLimitMessage("story record", record->size(), max_bytes);
    return false;
  }
  // The same check the JSON Lines reader makes first, for the same message.
  const TextFault fault = FindTextFault(*record);
  if (fault.kind != TextFault::Kind::kNone) {
    *why = DescribeTextFault(*record, fault) + " at byte " + std::to_string(fault.offset + 1) +
           " of the record";
    return false;
  }
  ResetDocument(doc);
  if (!ParseJsonStory(*record, stream + "/" + message.id, doc, why)) return false;
  doc->origin = stream + "/" + message.id;
  return true;
}

}  // namespace faultline
