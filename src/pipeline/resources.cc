#include "pipeline/resources.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

namespace faultline {

std::string HomeDir() {
  if (const char* h = std::getenv("FAULTLINE_HOME"); h && *h) return h;
  return FAULTLINE_SOURCE_DIR;
}

std::string DictionaryVersion() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(fs::path(HomeDir()) / "data", ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  // FNV-1a over names and contents: cheap, stable across machines.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](char c) { h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; };
  for (const fs::path& f : files) {
    for (char c : fs::relative(f, HomeDir()).string()) mix(c);
    std::ifstream in(f, std::ios::binary);
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount()) {
      for (std::streamsize i = 0; i < in.gcount(); ++i) mix(buf[i]);
    }
  }
  char out[32];
  std::snprintf(out, sizeof out, "%08x", static_cast<unsigned>(h ^ (h >> 32)));
  return std::string("faultline-dict-") + out + " (" + std::to_string(files.size()) + " files)";
}

}  // namespace faultline
