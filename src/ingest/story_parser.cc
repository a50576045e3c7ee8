// Helpers shared by the seed and JSON Lines formats.
#include "ingest/story_parser.h"

namespace faultline {

void ResetDocument(Document* doc) {
  doc->id.clear();
  doc->date.clear();
  doc->text.clear();
  doc->title.clear();
  doc->source.clear();
  doc->url.clear();
  doc->origin.clear();
  doc->tokens.clear();
  doc->sentences.clear();
}

std::string Where(const std::string& name, uint64_t line) {
  return name + ":" + std::to_string(line);
}

bool IsBlankText(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  }
  return true;
}

std::string OverLimitMessage(std::string_view what, uint64_t bytes, size_t limit) {
  return std::string(what) + " of " + std::to_string(bytes) + " bytes is over the limit of " +
         std::to_string(limit) + " bytes (max_story_bytes)";
}

}  // namespace faultline
