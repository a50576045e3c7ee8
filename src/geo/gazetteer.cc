#include "geo/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace faultline {
namespace {

// Splits `line` at tabs into at most n fields; returns how many.
size_t SplitTabs(std::string_view line, std::string_view* f, size_t n) {
  size_t k = 0, start = 0;
  while (k < n) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      f[k++] = line.substr(start);
      break;
    }
    f[k++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return k;
}

uint64_t Hash(std::string_view s) {  // FNV-1a
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

void LowerInto(std::string_view s, std::string* out) {
  for (char c : s) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

bool ParseFloat(std::string_view s, float* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(path + ": cannot open gazetteer");
  std::string text;
  std::fseek(f, 0, SEEK_END);
  long n = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  if (n > 0) {
    text.resize(static_cast<size_t>(n));
    size_t got = std::fread(text.data(), 1, text.size(), f);
    text.resize(got);
  }
  std::fclose(f);
  return Parse(std::move(text), path);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Parse(std::string text, const std::string& origin) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->text_ = std::move(text);
  const std::string_view all(g->text_);
  // Keys are at most the names, ASCII names and alternates: reserve so the
  // views taken into keys_ stay valid.
  g->keys_.reserve(all.size());
  const size_t lines = static_cast<size_t>(std::count(all.begin(), all.end(), '\n')) + 1;
  g->places_.reserve(lines);
  g->index_.reserve(lines + lines / 8);
  size_t line_no = 0;
  auto add_key = [&](std::string_view s, uint32_t value) {
    if (s.empty()) return;
    size_t at = g->keys_.size();
    LowerInto(s, &g->keys_);
    std::string_view key = std::string_view(g->keys_).substr(at, s.size());
    g->index_.push_back({Hash(key), value, key});
  };
  for (size_t pos = 0; pos < all.size();) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string_view f[10];
    if (SplitTabs(line, f, 10) != 10 || f[0].empty() || f[3].size() != 3) {
      return Status::Corruption(origin + ":" + std::to_string(line_no) + ": expected 10 tab-separated fields");
    }
    Place p;
    p.name = f[0];
    p.country = f[3];
    p.admin_code = f[4];
    p.admin = f[5];
    p.feature = f[6];
    unsigned long pop = 0;
    auto r = std::from_chars(f[9].data(), f[9].data() + f[9].size(), pop);
    if (!ParseFloat(f[7], &p.lat) || !ParseFloat(f[8], &p.lon) || r.ec != std::errc()) {
      return Status::Corruption(origin + ":" + std::to_string(line_no) + ": bad coordinates or population");
    }
    p.population = static_cast<uint32_t>(pop);
    const uint32_t id = static_cast<uint32_t>(g->places_.size());
    g->places_.push_back(p);
    add_key(f[0], id << 2);
    if (f[1] != f[0]) add_key(f[1], id << 2);
    for (std::string_view alts = f[2]; !alts.empty();) {
      size_t semi = alts.find(';');
      std::string_view alt = alts.substr(0, semi);
      if (!alt.empty() && alt[0] == '*') add_key(alt.substr(1), id << 2 | 3);
      else add_key(alt, id << 2 | 1);
      alts = semi == std::string_view::npos ? std::string_view() : alts.substr(semi + 1);
    }
    if (p.IsCountry()) g->countries_.emplace_back(p.country, id);
  }
  std::sort(g->index_.begin(), g->index_.end(),
            [](const Key& a, const Key& b) { return a.hash != b.hash ? a.hash < b.hash : a.value < b.value; });
  std::sort(g->countries_.begin(), g->countries_.end());
  return g;
}

std::vector<PlaceMatch> Gazetteer::Find(std::string_view name) const {
  std::vector<PlaceMatch> out;
  if (name.empty()) return out;
  std::string key;
  LowerInto(name, &key);
  const uint64_t h = Hash(key);
  auto lo = std::lower_bound(index_.begin(), index_.end(), h, [](const Key& e, uint64_t v) { return e.hash < v; });
  for (auto it = lo; it != index_.end() && it->hash == h; ++it) {
    if (it->key != key) continue;
    const Place* p = &places_[it->value >> 2];
    const bool alt = it->value & 1, famous = it->value & 2;
    // Sorted by (hash, value): a place's name entry comes before its
    // alternates, so a repeat is skipped.
    if (!out.empty() && out.back().place == p) continue;
    out.push_back({p, alt, famous});
  }
  return out;
}

const Place* Gazetteer::Country(std::string_view alpha3) const {
  auto it = std::lower_bound(countries_.begin(), countries_.end(), alpha3,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  if (it == countries_.end() || it->first != alpha3) return nullptr;
  return &places_[it->second];
}

std::string FindGazetteer(const std::string& home) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("FAULTLINE_GAZETTEER"); env && *env) {
    return fs::exists(env, ec) ? std::string(env) : std::string();
  }
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path p = exe.parent_path() / "gazetteer.tsv";
    if (fs::exists(p, ec)) return p.string();
  }
  if (!home.empty()) {
    fs::path p = fs::path(home) / "build" / "gazetteer.tsv";
    if (fs::exists(p, ec)) return p.string();
  }
  return "";
}

}  // namespace faultline
