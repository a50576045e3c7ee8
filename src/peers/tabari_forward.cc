#include "peers/tabari_forward.h"

#include <cctype>
#include <sstream>
#include <vector>

#include "base/ascii.h"

namespace faultline::peers {

bool ApplyForwardOption(std::string_view option, bool* on) {
  std::string o = AsciiUpper(AsciiTrim(option));
  if (!o.starts_with("FORWARD:")) return false;
  std::istringstream in(o.substr(8));
  *on = true;
  for (std::string w; in >> w;) {
    if (w == "OFF") *on = false;
  }
  return true;
}

std::string ForwardPronoun(const std::string& text, const std::string& name) {
  size_t pos = 0;
  for (int word = 0; word < 5 && pos < text.size(); ++word) {
    while (pos < text.size() && !std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
    size_t end = pos;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    std::string w = AsciiLower(std::string_view(text).substr(pos, end - pos));
    if (w == "he" || w == "she" || w == "it" || w == "they") return text.substr(0, pos) + name + text.substr(end);
    pos = end;
  }
  return text;
}

std::string ForwardState::StoryOf(const std::string& id) {
  size_t dash = id.rfind('-');
  return dash == std::string::npos ? id : id.substr(0, dash);
}

std::string ForwardState::CodeFor(const std::string& id) const {
  if (StoryOf(id) != story_) return "";
  return last_forwarded_ ? first_ : last_;
}

void ForwardState::Coded(const std::string& id, const std::string& source, bool forwarded) {
  if (StoryOf(id) != story_) {
    story_ = StoryOf(id);
    first_ = source;
  }
  last_ = source;
  last_forwarded_ = forwarded;
}

}  // namespace faultline::peers
