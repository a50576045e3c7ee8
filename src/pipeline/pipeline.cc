#include "pipeline/pipeline.h"

#include <cstdio>
#include <mutex>

#include "parse/parser.h"
#include "pipeline/resources.h"
#include "tag/lemmatizer.h"
#include "tag/tagger.h"
#include "text/segment.h"

namespace faultline {

struct Pipeline::Impl {
  ActorDictionary actors;
  VerbDictionary verbs;
  CodeTable codes;
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Lemmatizer> lemmatizer;
  std::unique_ptr<Parser> parser;
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<Coder> coder;
  StageProfile* profile = nullptr;
  std::function<bool(std::string_view, bool*)> discard;
};

namespace {

// Drops the events of sentences the discard list names (all of them when
// one sentence discards the whole story).
void DropDiscarded(const Document& doc, const std::function<bool(std::string_view, bool*)>& discard,
                   CodedDocument* coded) {
  std::vector<bool> dropped(doc.sentences.size(), false);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    bool story = false;
    if (!discard(std::string_view(doc.text).substr(s.begin, s.end - s.begin), &story)) continue;
    if (story) {
      coded->events.clear();
      return;
    }
    dropped[i] = true;
  }
  std::erase_if(coded->events, [&](const Event& e) { return e.sentence < dropped.size() && dropped[e.sentence]; });
}

}  // namespace

Pipeline::Pipeline() : impl_(std::make_unique<Impl>()) {}
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Open(PipelineOptions o) {
  if (o.home.empty()) o.home = HomeDir();
  if (o.actors.empty()) o.actors = o.home + "/data/actors";
  if (o.verbs.empty()) o.verbs = o.home + "/data/verbs";
  StageLap lap(o.profile);
  std::unique_ptr<Pipeline> p(new Pipeline());
  Impl& m = *p->impl_;
  m.profile = o.profile;
  m.discard = o.discard;
  auto codes = CodeTable::Load(o.home + "/data/cameo_codes.tsv");
  if (!codes.ok()) return codes.status();
  m.codes = std::move(codes).value();
  if (o.own_dictionaries) {
    auto actors = ActorDictionary::Load(o.actors);
    if (!actors.ok()) return actors.status();
    m.actors = std::move(actors).value();
    auto verbs = VerbDictionary::Load(o.verbs, &m.codes);
    if (!verbs.ok()) return verbs.status();
    m.verbs = std::move(verbs).value();
  }
  if (o.import) {
    Status s = o.import(&m.actors, &m.verbs, &m.codes);
    if (!s.ok()) return s;
    m.actors.Finish();
    m.verbs.Finish();
  }
  auto wordnet = WordNet::Load(o.wordnet);
  if (!wordnet.ok()) return wordnet.status();
  auto tagger = Tagger::Load(o.home + "/models/tagger.bin", *wordnet);
  if (!tagger.ok()) return tagger.status();
  m.tagger = std::move(tagger).value();
  auto lem = Lemmatizer::Load(*wordnet, o.home + "/models/lemmas.tsv");
  if (!lem.ok()) return lem.status();
  m.lemmatizer = std::move(lem).value();
  auto parser = Parser::Load(o.home + "/models/parser.bin");
  if (!parser.ok()) return parser.status();
  m.parser = std::move(parser).value();
  if (o.gazetteer != "none") {
    if (o.gazetteer.empty()) o.gazetteer = FindGazetteer(o.home);
    if (!o.gazetteer.empty()) {
      auto gaz = Gazetteer::Load(o.gazetteer);
      if (!gaz.ok()) return gaz.status();
      m.gazetteer = std::move(gaz).value();
    } else {
      static std::once_flag warned;
      std::call_once(warned, [] {
        std::fprintf(stderr,
                     "faultline: no gazetteer.tsv found (run scripts/setup.sh, or set FAULTLINE_GAZETTEER); "
                     "events will have no location\n");
      });
    }
  }
  o.coder.gazetteer = m.gazetteer.get();
  o.coder.profile = o.profile;
  m.coder = std::make_unique<Coder>(&m.actors, &m.verbs, &m.codes, o.coder);
  lap.Lap(Stage::kLoad);
  return p;
}

// Stage by stage over the documents' sentences rather than sentence by
// sentence: each model's hot lines (the parser's filter, dense rows and
// slots) stay in cache through a run of sentences instead of being pushed
// out by the other models in between. Documents whose `ok` is false (they
// failed to segment) are passed over.
void Pipeline::AnalyseSegmented(Document* docs, size_t n, const bool* ok) const {
  StageLap lap(impl_->profile);
  // One stage over every sentence of the batch, then its lap.
  auto stage = [&](Stage name, const auto& run) {
    for (size_t i = 0; i < n; ++i) {
      if (!ok[i]) continue;
      for (const Sentence& sent : docs[i].sentences) run(&docs[i], sent);
    }
    lap.Lap(name);
  };
  stage(Stage::kTag, [&](Document* d, const Sentence& s) { impl_->tagger->Tag(d, s); });
  stage(Stage::kLemmatise, [&](Document* d, const Sentence& s) { impl_->lemmatizer->Lemmatize(d, s); });
  stage(Stage::kParse, [&](Document* d, const Sentence& s) { impl_->parser->Parse(d, s); });
}

Status Pipeline::SegmentDocument(Document* doc) const {
  StageLap lap(impl_->profile);
  Status s = Segment(doc);
  lap.Lap(Stage::kSegment);
  if (!s.ok()) return Status::Invalid(doc->origin + ": " + s.message());
  return s;
}

Status Pipeline::Analyse(Document* doc) const {
  Status s = SegmentDocument(doc);
  if (!s.ok()) return s;
  const bool ok = true;
  AnalyseSegmented(doc, 1, &ok);
  return s;
}

CodedDocument Pipeline::CodeAnalysed(const Document& doc) const {
  CodedDocument coded = impl_->coder->Code(doc);
  if (impl_->discard) DropDiscarded(doc, impl_->discard, &coded);
  return coded;
}

Result<CodedDocument> Pipeline::Process(Document* doc) const {
  Status s = Analyse(doc);
  if (!s.ok()) return s;
  return CodeAnalysed(*doc);
}

void Pipeline::ProcessBatch(Document* docs, size_t n, Result<CodedDocument>* results) const {
  std::unique_ptr<bool[]> ok(new bool[n]);
  for (size_t i = 0; i < n; ++i) {
    Status s = SegmentDocument(&docs[i]);
    ok[i] = s.ok();
    if (!ok[i]) results[i] = s;
  }
  AnalyseSegmented(docs, n, ok.get());
  for (size_t i = 0; i < n; ++i) {
    if (ok[i]) results[i] = CodeAnalysed(docs[i]);
  }
}

const ActorDictionary& Pipeline::actors() const { return impl_->actors; }
const VerbDictionary& Pipeline::verbs() const { return impl_->verbs; }
const CodeTable& Pipeline::codes() const { return impl_->codes; }
const Gazetteer* Pipeline::gazetteer() const { return impl_->gazetteer.get(); }

}  // namespace faultline
