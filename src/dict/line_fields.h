// Small helpers for reading the line-oriented dictionary files.
#ifndef FAULTLINE_DICT_LINE_FIELDS_H_
#define FAULTLINE_DICT_LINE_FIELDS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/status.h"

namespace faultline {

std::vector<std::string_view> SplitTabs(std::string_view line);
// Strips a '#' comment and surrounding white space.
std::string_view StripComment(std::string_view line);
std::string_view Trim(std::string_view s);
// Splits off the first white-space separated field; *rest gets the remainder, trimmed.
std::string_view NextField(std::string_view s, std::string_view* rest);
// "a | b c | d" -> {"a", "b c", "d"}; empty phrases dropped.
std::vector<std::string> SplitPhrases(std::string_view s);
// Reads every file with extension `ext` (".actors") in folder `path`, in
// name order, or `path` itself when it is a file, and calls `add(text,
// file_name)` on each; stops at the first error. NotFound when there is none.
// Files of a folder are named by the folder's last two components
// ("data/verbs/19_fight.verbs"), so rules read alike on every machine.
Status ForEachDictionaryFile(const std::string& path, const std::string& ext,
                             const std::function<Status(const std::string&, const std::string&)>& add);

// Days since 1970-01-01 of an ISO date, or false if it is not a real date.
bool IsoToDays(std::string_view iso, int* days);

}  // namespace faultline

#endif  // FAULTLINE_DICT_LINE_FIELDS_H_
