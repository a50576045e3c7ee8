// Interning of tag and label strings: a small closed set that lives for the
// whole process, so tokens can hold string_views without owning anything.
#include <mutex>
#include <string>
#include <unordered_set>

#include "faultline/document.h"

namespace faultline {

std::string_view InternTag(std::string_view tag) {
  static std::mutex mu;
  // std::unordered_set never moves its nodes, so views into them stay valid.
  static auto* table = new std::unordered_set<std::string>();
  std::lock_guard<std::mutex> lock(mu);
  return *table->emplace(tag).first;
}

}  // namespace faultline
