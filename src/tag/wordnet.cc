#include "tag/wordnet.h"

#include <algorithm>
#include <atomic>

#include "learn/binary_io.h"
#include "learn/hash.h"

namespace faultline {

namespace {

const char* const kPosNames[] = {"noun", "verb", "adj", "adv"};
constexpr uint8_t kLemmaBit[] = {kWnNoun, kWnVerb, kWnAdj, kWnAdv};
// The bit an exception-list form gets ("mice": an inflected noun).
constexpr uint8_t kExceptionBit[] = {kWnPlural, kWnVerbForm, kWnGraded, kWnGraded};

// Calls f(line) for every line of `text`.
template <typename F>
void ForEachLine(std::string_view text, F f) {
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    f(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<std::shared_ptr<const WordNet>> WordNet::Load(const std::string& dir) {
  static std::atomic<uint64_t> next_serial{1};
  std::shared_ptr<WordNet> wn(new WordNet());
  wn->serial_ = next_serial++;
  // (hash, bit) pairs, sorted and merged: several times faster to build
  // than a node-based map of the ~200k entries (start-up time counts).
  std::vector<std::pair<uint64_t, uint8_t>> pairs;
  pairs.reserve(1 << 18);
  for (int p = 0; p < kNumPos; ++p) {
    Status st = wn->LoadPos(dir, static_cast<Pos>(p), &pairs);
    if (!st.ok()) return st;
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<uint64_t, uint8_t>> classes;
  for (const auto& [hash, bit] : pairs) {
    if (!classes.empty() && classes.back().first == hash) {
      classes.back().second |= bit;
    } else {
      classes.emplace_back(hash, bit);
    }
  }
  size_t size = 16;
  while (size < classes.size() * 2) size *= 2;
  wn->mask_ = size - 1;
  wn->slots_.assign(size, Slot{0, 0});
  for (const auto& [hash, bits] : classes) {
    uint64_t h = hash | 1;  // never 0, the empty mark
    uint64_t i = (hash >> 1) & wn->mask_;
    while (wn->slots_[i].hash != 0) i = (i + 1) & wn->mask_;
    wn->slots_[i] = Slot{h, bits};
  }
  return std::shared_ptr<const WordNet>(std::move(wn));
}

Status WordNet::LoadPos(const std::string& dir, Pos pos,
                        std::vector<std::pair<uint64_t, uint8_t>>* classes) {
  Result<std::string> index = ReadWholeFile(dir + "/index." + kPosNames[pos]);
  if (!index.ok()) return index.status();
  Result<std::string> exc = ReadWholeFile(dir + "/" + kPosNames[pos] + ".exc");
  if (!exc.ok()) return exc.status();
  // index.*: a licence header of lines starting with spaces, then one lemma
  // per line, its first field the lemma (multi-word lemmas joined by '_').
  ForEachLine(*index, [&](std::string_view line) {
    if (line.empty() || line[0] == ' ') return;
    classes->emplace_back(HashBytes(line.substr(0, line.find(' '))), kLemmaBit[pos]);
  });
  // *.exc: "inflected base [base...]".
  ForEachLine(*exc, [&](std::string_view line) {
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return;
    std::string_view base = line.substr(sp + 1);
    exceptions_[pos].emplace(line.substr(0, sp), base.substr(0, base.find(' ')));
    classes->emplace_back(HashBytes(line.substr(0, sp)), kExceptionBit[pos]);
  });
  return Status::Ok();
}

const std::string* WordNet::Exception(const std::string& word, Pos pos) const {
  auto it = exceptions_[pos].find(word);
  return it == exceptions_[pos].end() ? nullptr : &it->second;
}

uint8_t WordNet::Lookup(std::string_view word) const {
  uint64_t hash = HashBytes(word);
  uint64_t h = hash | 1;
  for (uint64_t i = (hash >> 1) & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.hash == h) return s.bits;
    if (s.hash == 0) return 0;
  }
}

bool WordNet::Known(std::string_view word, Pos pos) const {
  return (Lookup(word) & kLemmaBit[pos]) != 0;
}

uint8_t WordNet::CachedWordClasses(std::string_view lower, uint64_t lower_hash) const {
  constexpr size_t kSize = 4096;  // 36 KB per thread: stays in L2
  struct Memo {
    uint64_t owner = 0;
    uint64_t key[kSize];
    uint8_t bits[kSize];
  };
  thread_local Memo memo;
  if (memo.owner != serial_) {
    memo.owner = serial_;
    std::fill(memo.key, memo.key + kSize, 0);
  }
  const size_t i = lower_hash & (kSize - 1);
  const uint64_t key = lower_hash | 1;  // 0 marks an empty entry
  if (memo.key[i] != key) {
    memo.key[i] = key;
    memo.bits[i] = WordClasses(lower);
  }
  return memo.bits[i];
}

uint8_t WordNet::WordClasses(std::string_view w) const {
  uint8_t bits = Lookup(w);
  if (w.size() < 4 || w.size() > 40) return bits;
  // Regular inflections: strip the ending, mend the stem the usual ways
  // (silent e, doubled consonant, y -> i), and ask whether the base is a
  // lemma of the part of speech the ending belongs to.
  char buf[48];
  auto base_has = [&](size_t strip, std::string_view add, uint8_t lemma_bit) {
    size_t n = w.size() - strip;
    w.copy(buf, n);
    add.copy(buf + n, add.size());
    return (Lookup(std::string_view(buf, n + add.size())) & lemma_bit) != 0;
  };
  auto doubled = [&](size_t strip) {
    size_t n = w.size() - strip;
    return n >= 3 && w[n - 1] == w[n - 2];
  };
  if (EndsWith(w, "s") && !EndsWith(w, "ss")) {
    for (auto [strip, add] : {std::pair<size_t, std::string_view>{1, ""}, {2, ""}, {3, "y"}}) {
      if ((strip == 2 && !EndsWith(w, "es")) || (strip == 3 && !EndsWith(w, "ies"))) continue;
      if (base_has(strip, add, kWnNoun)) bits |= kWnPlural;
      if (base_has(strip, add, kWnVerb)) bits |= kWnVerbForm;
    }
  }
  if (EndsWith(w, "ed") || EndsWith(w, "ing")) {
    size_t strip = EndsWith(w, "ed") ? 2 : 3;
    if (base_has(strip, "", kWnVerb) || base_has(strip, "e", kWnVerb) ||
        (strip == 2 && EndsWith(w, "ied") && base_has(3, "y", kWnVerb)) ||
        (doubled(strip) && base_has(strip + 1, "", kWnVerb))) {
      bits |= kWnVerbForm;
    }
  }
  if (EndsWith(w, "er") || EndsWith(w, "est")) {
    size_t strip = EndsWith(w, "er") ? 2 : 3;
    if (base_has(strip, "", kWnAdj) || base_has(strip, "e", kWnAdj) ||
        (w[w.size() - strip - 1] == 'i' && base_has(strip + 1, "y", kWnAdj)) ||
        (doubled(strip) && base_has(strip + 1, "", kWnAdj))) {
      bits |= kWnGraded;
    }
  }
  return bits;
}

}  // namespace faultline
