// A hash map keyed by std::string that is searched with a string_view
// without building a std::string (C++20 heterogeneous lookup): dictionary
// lookups run for every token, and the copy cost more than the probe.
#ifndef FAULTLINE_BASE_STRING_MAP_H_
#define FAULTLINE_BASE_STRING_MAP_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace faultline {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename V>
using StringMap = std::unordered_map<std::string, V, StringViewHash, std::equal_to<>>;

}  // namespace faultline

#endif  // FAULTLINE_BASE_STRING_MAP_H_
