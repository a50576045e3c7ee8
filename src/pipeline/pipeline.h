// The whole path from a story to coded events, used the same way by the CLI,
// the server and the tests: Open() loads dictionaries and models once;
// Process() analyses one Document (segment, tag, lemmatise, parse) and codes
// it.
//
// Thread contract: a Pipeline is immutable after Open(); Process() may run
// on several threads at once, each with its own Document.
#ifndef FAULTLINE_PIPELINE_PIPELINE_H_
#define FAULTLINE_PIPELINE_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>

#include "base/stage_profile.h"
#include "code/coder.h"
#include "faultline/document.h"
#include "faultline/event.h"
#include "faultline/status.h"
#include "geo/gazetteer.h"

namespace faultline {

struct PipelineOptions {
  std::string home;        // folder with data/ and models/; default HomeDir()
  std::string actors;      // default <home>/data/actors
  std::string verbs;       // default <home>/data/verbs
  std::string wordnet = "/usr/share/wordnet";
  // The gazetteer for event locations (tools/make_gazetteer.mjs writes it at
  // build time). Default: FindGazetteer(home) — $FAULTLINE_GAZETTEER,
  // gazetteer.tsv next to the program, <home>/build/gazetteer.tsv. "none"
  // turns locations off. A missing file is no error: events then carry no
  // location, and a warning is printed once.
  std::string gazetteer;
  CoderOptions coder;
  // Load faultline's own dictionaries (data/actors, data/verbs). Off when an
  // importer supplies everything (peer validation suites).
  bool own_dictionaries = true;
  // Called after the own dictionaries are loaded (or instead, see above):
  // adds imported entries, patterns and codes. The pipeline calls Finish()
  // on both dictionaries afterwards.
  std::function<Status(ActorDictionary*, VerbDictionary*, CodeTable*)> import;
  // When set, a sentence for which it returns true codes no events (and
  // none of the story's when it sets *whole_story): imported discard lists
  // (PETRARCH discards, TABARI [###] actors).
  std::function<bool(std::string_view sentence, bool* whole_story)> discard;
  // When set, Open() and every Process() add their time per stage to it
  // (`faultline code --profile`); it must outlive the Pipeline. Null (the
  // default): no clock is read.
  StageProfile* profile = nullptr;
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Open(PipelineOptions options);
  ~Pipeline();

  // Fills tokens, sentences, tags, lemmas and the tree. Errors (invalid
  // UTF-8...) name the document.
  Status Analyse(Document* doc) const;
  // Analyse + code.
  Result<CodedDocument> Process(Document* doc) const;
  // Process on each of docs[0..n), into results[0..n), stage by stage
  // across the documents: each model's lines stay in cache through the
  // whole batch instead of being pushed out by the coder after every
  // story. Same results as Process, faster (see pipeline.cc).
  void ProcessBatch(Document* docs, size_t n, Result<CodedDocument>* results) const;

  const ActorDictionary& actors() const;
  const VerbDictionary& verbs() const;
  const CodeTable& codes() const;
  // nullptr when no gazetteer was found or it was turned off.
  const Gazetteer* gazetteer() const;

 private:
  Pipeline();
  Status SegmentDocument(Document* doc) const;
  void AnalyseSegmented(Document* docs, size_t n, const bool* ok) const;
  CodedDocument CodeAnalysed(const Document& doc) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace faultline

#endif  // FAULTLINE_PIPELINE_PIPELINE_H_
