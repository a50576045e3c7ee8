// A story on a Redis stream: one message whose field `story` holds exactly
// one JSON Lines record, {"id", "date", "title", "source", "url", "text"}, the
// same record `faultline code` reads from a .jsonl file (doc/input_formats.md),
// read back with the same parser.
//
// Pure functions; safe from any thread.
#ifndef FAULTLINE_FEED_STORY_MESSAGE_H_
#define FAULTLINE_FEED_STORY_MESSAGE_H_

#include <cstddef>
#include <string>

#include "faultline/document.h"
#include "feed/stream_consumer.h"

namespace faultline {

inline constexpr char kStoryField[] = "story";

// One JSON Lines record (no newline) for the story's id, date, text and the
// metadata fields that are set.
std::string StoryRecord(const Document& doc);

// Fills *doc from the message's story field. False, with *why, when the
// field is missing, over `max_bytes`, or not a valid story record. A record
// without an id gets "<stream>/<message id>".
bool StoryFromMessage(const StreamMessage& message, const std::string& stream, size_t max_bytes,
                      Document* doc, std::string* why);

}  // namespace faultline

#endif  // FAULTLINE_FEED_STORY_MESSAGE_H_
