#include "output/writer.h"

#include <algorithm>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

namespace faultline {
namespace {

using Json = nlohmann::ordered_json;

Json Span(uint32_t b, uint32_t e) { return Json::array({b, e}); }

class JsonlWriter : public Writer {
 public:
  explicit JsonlWriter(FILE* out) : out_(out) {}
  void Write(const CodedDocument& d) override {
    for (const Event& e : d.events) Line(EventJson(e));
    for (const Quote& q : d.quotes) Line(QuoteJson(q));
    for (const Count& c : d.counts) Line(CountJson(c));
  }

 private:
  void Line(const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), out_);
    std::fputc('\n', out_);
  }
  FILE* out_;
};

std::string Clean(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// Columns: doc_id sentence date source target code root quad_class goldstein
// plover status source_text target_text span rule text.
class TsvWriter : public Writer {
 public:
  explicit TsvWriter(FILE* out) : out_(out) {
    std::fputs("doc_id\tsentence\tdate\tsource\ttarget\tcode\troot\tquad_class\tgoldstein\tplover\tstatus\t"
               "source_text\ttarget_text\tspan\trule\ttext\n", out_);
  }
  void Write(const CodedDocument& d) override {
    for (const Event& e : d.events) {
      std::fprintf(out_, "%s\t%u\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\t%s\t%s\t%s\t%u-%u\t%s\t%s\n",
                   Clean(e.doc_id).c_str(), e.sentence, e.date.c_str(), e.source.c_str(), e.target.c_str(),
                   e.code.c_str(), e.root.c_str(), e.quad_class, e.goldstein, e.plover.c_str(), e.status.c_str(),
                   Clean(e.source_text).c_str(), Clean(e.target_text).c_str(), e.span_begin, e.span_end,
                   e.rule.c_str(), Clean(e.text).c_str());
    }
  }

 private:
  FILE* out_;
};

class TableWriter : public Writer {
 public:
  explicit TableWriter(FILE* out) : out_(out) {}
  void Write(const CodedDocument& d) override {
    for (const Event& e : d.events) {
      std::string span = e.text;
      std::fprintf(out_, "%-10s %-10s %-12s %-12s %-5s %-12s %s\n", e.date.c_str(), e.doc_id.substr(0, 10).c_str(),
                   e.source.c_str(), e.target.empty() ? "-" : e.target.c_str(), e.code.c_str(), e.status.c_str(),
                   Clean(e.source_text + " -> " + (e.target_text.empty() ? "-" : e.target_text)).c_str());
      ++events_;
      ++by_root_[e.root];
      ++by_dyad_[e.source + " -> " + (e.target.empty() ? "-" : e.target)];
    }
    quotes_ += d.quotes.size();
    counts_ += d.counts.size();
    ++stories_;
  }
  // A summary after the events: totals, events per CAMEO root, top dyads.
  void Finish() override {
    std::fprintf(out_, "\n%zu stories: %zu events, %zu quotes, %zu counts\nevents per root:", stories_, events_,
                 quotes_, counts_);
    for (const auto& [root, n] : by_root_) std::fprintf(out_, " %s:%d", root.c_str(), n);
    std::vector<std::pair<int, std::string>> dyads;
    for (const auto& [dyad, n] : by_dyad_) dyads.emplace_back(-n, dyad);
    std::sort(dyads.begin(), dyads.end());
    std::fprintf(out_, "\ntop dyads:");
    for (size_t i = 0; i < dyads.size() && i < 8; ++i) {
      std::fprintf(out_, "%s %s (%d)", i ? "," : "", dyads[i].second.c_str(), -dyads[i].first);
    }
    std::fprintf(out_, "\n");
  }

 private:
  FILE* out_;
  size_t events_ = 0, quotes_ = 0, counts_ = 0, stories_ = 0;
  std::map<std::string, int> by_root_, by_dyad_;
};

}  // namespace

std::string EventJson(const Event& e) {
  Json j;
  j["kind"] = "event";
  j["doc_id"] = e.doc_id;
  j["sentence"] = e.sentence;
  j["date"] = e.date;
  j["source"] = e.source;
  j["target"] = e.target;
  j["source_text"] = e.source_text;
  j["target_text"] = e.target_text;
  j["code"] = e.code;
  j["root"] = e.root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["plover"] = e.plover;
  j["status"] = e.status;
  if (e.location) {
    j["location"] = Json{{"name", e.location->name}, {"country", e.location->country},
                         {"admin", e.location->admin}, {"lat", e.location->lat}, {"lon", e.location->lon}};
  } else {
    j["location"] = nullptr;
  }
  j["span"] = Span(e.span_begin, e.span_end);
  j["text"] = e.text;
  j["rule"] = e.rule;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string QuoteJson(const Quote& q) {
  Json j;
  j["kind"] = "quote";
  j["doc_id"] = q.doc_id;
  j["sentence"] = q.sentence;
  j["speaker"] = q.speaker;
  j["speaker_text"] = q.speaker_text;
  j["quote"] = q.quote;
  j["span"] = Span(q.span_begin, q.span_end);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string CountJson(const Count& c) {
  Json j;
  j["kind"] = "count";
  j["doc_id"] = c.doc_id;
  j["sentence"] = c.sentence;
  j["value"] = c.value;
  j["qualifier"] = c.qualifier;
  j["unit"] = c.unit;
  j["actor"] = c.actor;
  j["span"] = Span(c.span_begin, c.span_end);
  j["text"] = c.text;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::unique_ptr<Writer> MakeWriter(const std::string& format, FILE* out) {
  if (format == "jsonl") return std::make_unique<JsonlWriter>(out);
  if (format == "tsv") return std::make_unique<TsvWriter>(out);
  if (format == "table") return std::make_unique<TableWriter>(out);
  return nullptr;
}

}  // namespace faultline
