#include "dict/line_fields.h"

#include <chrono>
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace faultline {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view StripComment(std::string_view line) {
  size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  return Trim(line);
}

std::string_view NextField(std::string_view s, std::string_view* rest) {
  s = Trim(s);
  size_t end = s.find_first_of(" \t");
  std::string_view field = s.substr(0, end);
  *rest = end == std::string_view::npos ? std::string_view() : Trim(s.substr(end));
  return field;
}

std::vector<std::string> SplitPhrases(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    std::string_view p = Trim(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (!p.empty()) out.emplace_back(p);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

Status ForEachDictionaryFile(const std::string& path, const std::string& ext,
                             const std::function<Status(const std::string&, const std::string&)>& add) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& f : fs::directory_iterator(path, ec)) {
      if (f.path().extension() == ext) files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  if (files.empty()) return Status::NotFound(path + ": no " + ext + " files");
  // Files of a folder are named by the last two folders and the file name
  // ("data/verbs/19_fight.verbs"): every event's `rule` then reads the same on
  // every machine, whatever the install path, and still says where to look.
  fs::path folder = fs::path(path).lexically_normal();
  if (folder.filename().empty()) folder = folder.parent_path();  // "data/verbs/"
  const fs::path shown_root = fs::is_directory(path, ec) ? folder.parent_path().parent_path() : fs::path();
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::IOError(f.string() + ": cannot open");
    std::stringstream buf;
    buf << in.rdbuf();
    std::string shown = shown_root.empty() ? f.string() : f.lexically_normal().lexically_relative(shown_root).string();
    Status s = add(buf.str(), shown);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

bool IsoToDays(std::string_view iso, int* days) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  auto num = [&](size_t at, size_t n, int* out) {
    auto r = std::from_chars(iso.data() + at, iso.data() + at + n, *out);
    return r.ec == std::errc() && r.ptr == iso.data() + at + n;
  };
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d)) return false;
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  *days = static_cast<int>(sys_days(ymd).time_since_epoch().count());
  return true;
}

}  // namespace faultline
