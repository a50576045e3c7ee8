// `faultline validate FILE [--dict-format tabari|petrarch]`: runs a peer's
// validation suite (PETRARCH's PETR.UnitTest.records.xml or TABARI's
// Validate.text) with the dictionaries its environment or project file
// names, loaded by the peers' readers into our matchers, and compares each
// record's events (source, target, code) with the expected ones. Prints every
// failure, pass rates overall and per category, and as its last line
// `events-exact X/Y noevents-clean A/B`. Exit 0 unless it could not run (2).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "base/ascii.h"
#include "cli/command.h"
#include "dict/line_fields.h"
#include "peers/peer_dict.h"
#include "peers/peer_records.h"
#include "peers/petrarch_comma.h"
#include "peers/petrarch_nesting.h"
#include "peers/tabari_code_by.h"
#include "peers/tabari_comma.h"
#include "peers/tabari_complex.h"
#include "peers/tabari_default.h"
#include "peers/tabari_forward.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {
namespace {

using peers::Dialect;
using peers::PeerDictionaries;
using peers::ValidationRecord;
using Triple = std::tuple<std::string, std::string, std::string>;

// Lower-case words of the suite's texts: lets TABARI stems match the words
// that start with them.
std::unordered_set<std::string> Vocabulary(const std::vector<ValidationRecord>& records) {
  std::unordered_set<std::string> v;
  for (const ValidationRecord& r : records) {
    for (std::string& w : peers::TextWords(r.text)) v.insert(std::move(w));
  }
  return v;
}

std::string Show(const std::set<Triple>& s) {
  std::string out;
  for (const auto& [a, b, c] : s) {
    if (!out.empty()) out += ' ';
    out += a + ">" + b + ":" + c;
  }
  return out.empty() ? "(none)" : out;
}

// "SET: MINIMUM WORDS = 4" sets *n; other options leave it.
void MinimumWordsOption(const std::string& option, int* n) {
  std::string o = AsciiUpper(option);
  size_t at = o.find("MINIMUM WORDS");
  if (o.find("SET:") == std::string::npos || at == std::string::npos) return;
  size_t digit = o.find_first_of("0123456789", at);
  if (digit != std::string::npos) *n = std::stoi(o.substr(digit, 4));
}

int WordCount(const std::string& text) {
  std::istringstream in(text);
  int n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

// TABARI's per-record rules: its options file, then the OPTION records in
// force, each overriding what came before.
struct TabariRules {
  peers::CommaRule comma;                          // clauses deleted before coding
  peers::CodeBy code_by = peers::CodeBy::kClause;  // which matches code
  int min_words = 8;                               // shorter records are not coded
  DefaultActors defaults;                          // DEFAULT: codes for missing parties
  bool convert_agents = false;                     // SET: CONVERT AGENT(S): a bare role is an actor
  bool forward = false;                            // FORWARD: leading pronouns name the story's actors
  Complexity complexity;                           // COMPLEX: sentences too complex to code
};

// "SET: CONVERT AGENT = TRUE" sets *on (FALSE clears it); others leave it.
void ConvertAgentsOption(const std::string& option, bool* on) {
  std::string o = AsciiUpper(option);
  size_t at = o.find("CONVERT AGENT");
  if (o.find("SET:") == std::string::npos || at == std::string::npos) return;
  *on = o.find("TRUE", at) != std::string::npos;
}

TabariRules RulesFor(const std::vector<std::string>& file_options, const std::vector<std::string>& record_options) {
  TabariRules rules;
  for (const auto* options : {&file_options, &record_options}) {
    for (const std::string& o : *options) {
      peers::ApplyCommaOption(o, &rules.comma);
      peers::ApplyCodeByOption(o, &rules.code_by);
      MinimumWordsOption(o, &rules.min_words);
      peers::ApplyDefaultOption(o, &rules.defaults);
      ConvertAgentsOption(o, &rules.convert_agents);
      peers::ApplyForwardOption(o, &rules.forward);
      peers::ApplyComplexOption(o, &rules.complexity);
    }
  }
  return rules;
}

struct Tally {
  int pass = 0, total = 0;
};

int RunValidate(int argc, char** argv) {
  CLI::App app{"Run a peer's validation suite (TABARI Validate.text or PETRARCH PETR.UnitTest.records.xml)",
               "faultline validate"};
  std::string file, format;
  bool real_only = false, quiet = false, cameo_semantics = false, tabari_dyads = true;
  app.add_option("file", file, "the validation file")->required();
  app.add_option("--dict-format", format, "tabari | petrarch (default: detected from the file)");
  app.add_flag("--real-only", real_only, "drop negated and hypothetical events (the peers code them)");
  app.add_flag("--quiet", quiet, "print only the summary");
  app.add_flag("--cameo-semantics", cameo_semantics,
               "let the suite's codes take on CAMEO behaviour (041 reciprocal, ...); off: they are foreign codes");
  app.add_flag("!--tabari-no-dyads", tabari_dyads, "TABARI: keep events that have no target");
  std::string only;
  app.add_option("--only", only, "run only the records whose id starts with this");
  bool trace = false;
  app.add_flag("--trace", trace, "print every event the coder emitted, before the suite's filters");
  CLI11_PARSE(app, argc, argv);

  Dialect dialect;
  if (format == "tabari") {
    dialect = Dialect::kTabari;
  } else if (format == "petrarch") {
    dialect = Dialect::kPetrarch;
  } else if (format.empty()) {
    auto d = peers::DetectDialect(file);
    if (!d.ok()) {
      std::fprintf(stderr, "faultline validate: %s\n", d.status().message().c_str());
      return 2;
    }
    dialect = d.value();
  } else {
    std::fprintf(stderr, "faultline validate: unknown --dict-format '%s' (tabari, petrarch)\n", format.c_str());
    return 2;
  }
  auto suite = dialect == Dialect::kTabari ? peers::ReadTabariSuite(file) : peers::ReadPetrarchSuite(file);
  if (!suite.ok()) {
    std::fprintf(stderr, "faultline validate: %s\n", suite.status().message().c_str());
    return 2;
  }
  for (const std::string& w : suite->warnings) std::fprintf(stderr, "faultline validate: %s\n", w.c_str());

  PeerDictionaries dicts;
  auto read_all = [&](const std::vector<std::string>& files, const char* kind) {
    for (const std::string& f : files) {
      Status s = dicts.ReadFile(f, kind, dialect);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  };
  for (auto [files, kind] : {std::pair{&suite->actors, "actors"}, {&suite->agents, "agents"},
                             {&suite->verbs, "verbs"}, {&suite->discards, "discards"}}) {
    Status s = read_all(*files, kind);
    if (!s.ok()) {
      std::fprintf(stderr, "faultline validate: %s\n", s.message().c_str());
      return 2;
    }
  }
  dicts.SpecialActorsToDiscards();
  {
    std::vector<std::string> texts;
    for (const ValidationRecord& r : suite->records) texts.push_back(r.text);
    dicts.AddSpellingsApart(texts);
  }
  for (const std::string& w : dicts.warnings) std::fprintf(stderr, "faultline validate: %s\n", w.c_str());
  std::printf("dictionaries: %zu actors, %zu agents, %zu verbs, %zu patterns, %zu synsets, %zu discards, %zu lines skipped\n",
              dicts.actors.size(), dicts.agents.size(), dicts.verbs, dicts.patterns.size(), dicts.synsets,
              dicts.discards.size(), dicts.warnings.size());

  // The lines of a TABARI project's options files (comments left out).
  std::vector<std::string> tabari_options;
  for (const std::string& f : suite->options) {
    std::string text;
    if (!peers::ReadWholeFile(f, &text).ok()) continue;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
      if (!l.starts_with("//")) tabari_options.push_back(l);
    }
  }
  std::unordered_set<std::string> vocab;
  if (dialect == Dialect::kTabari) vocab = Vocabulary(suite->records);
  PipelineOptions opts;
  opts.own_dictionaries = false;
  opts.coder.emit_unreal = !real_only;
  opts.coder.pair_any_compound = true;  // the peers pair a compound subject with no target
  opts.coder.attached_role_countries = true;  // their agent-only codes: "---GOV"
  opts.coder.surface_parties = true;    // parties the tree leaves open: the peers' first actors
  opts.coder.lists_with_modifiers = true;  // "Fornost and the evil awful Gondor"
  opts.coder.first_actor_source = dialect == Dialect::kTabari;  // TABARI has no parse: the first actor
  // A dictionary verb the tagger took for a noun: as each peer finds verbs.
  opts.coder.surface_verbs =
      dialect == Dialect::kTabari ? SurfaceVerbs::kNoDeterminerBefore : SurfaceVerbs::kBareNoun;
  // PETRARCH2 nests an event reported by a coded verb with no subject actor.
  opts.coder.sourceless_verbs_nest = dialect == Dialect::kPetrarch;
  // PETRARCH matches a pattern's words as its parse writes them.
  opts.coder.pattern_words_as_written = dialect == Dialect::kPetrarch;
  opts.coder.irregular_forms_first = true;  // "left": LEFT before LEAVE, as the peers read words
  opts.import = [&](ActorDictionary* a, VerbDictionary* v, CodeTable* c) { return dicts.Install(a, v, c, vocab, !cameo_semantics); };
  std::unordered_set<std::string> prefix_agents;
  for (const peers::PeerAgent& a : dicts.agents) {
    if (a.prefix) prefix_agents.insert(a.code);
  }
  auto pipeline = Pipeline::Open(opts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "faultline validate: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  // What a pattern's rule adds: the reverse event of "a:b" codes, and
  // whether it is subordinate ("?").
  std::unordered_map<std::string, const peers::PeerPattern*> by_rule;
  for (const peers::PeerPattern& p : dicts.patterns) by_rule.emplace(p.rule, &p);
  // The imported pattern that coded `e` (null for our own).
  auto pattern_of = [&](const Event& e) -> const peers::PeerPattern* {
    auto it = by_rule.find(e.rule);
    return it == by_rule.end() ? nullptr : it->second;
  };
  // A subordinate ("?") pattern's event counts only when nothing else codes.
  auto subordinate = [&](const Event& e) {
    const peers::PeerPattern* p = pattern_of(e);
    return p && p->subordinate;
  };

  auto actor_code = [&](const std::string& code) {
    if (code.empty() || code == "---") return std::string("---");
    if (dicts.agent_codes.count(code) && !dicts.actor_codes.count(code)) return "---" + code;
    return peers::PeerActorCode(code, prefix_agents);
  };
  auto expected_code = [&](std::string c) {
    c = AsciiUpper(c);
    if (c.starts_with("~")) return "---" + c.substr(1);
    return c.empty() ? std::string("---") : c;
  };

  // A phrase naming each actor code (an actor of one undated code), for
  // TABARI's FORWARD: a forwarded pronoun is replaced by it.
  std::unordered_map<std::string, std::string> name_of;
  for (const peers::PeerActor& a : dicts.actors) {
    if (a.codes.size() != 1 || a.codes[0].dated() || a.phrases.empty()) continue;
    std::string name;
    for (const std::string& w : a.phrases[0].words) name += (name.empty() ? "" : " ") + w;
    name_of.emplace(a.codes[0].code, name);
  }
  peers::ForwardState forward;

  Tally events, noevents, errors;
  std::map<std::string, Tally> by_category;
  int control = 0;
  for (const ValidationRecord& r : suite->records) {
    if (r.kind == ValidationRecord::Kind::kControl) {
      ++control;
      continue;
    }
    if (!only.empty() && !r.id.starts_with(only)) continue;
    std::set<Triple> want, got;
    for (const peers::ExpectedEvent& x : r.expected) {
      want.emplace(expected_code(x.source), expected_code(x.target), AsciiUpper(x.code));
    }
    // PETRARCH's require_dyad (default true): an event needs a target; its
    // new_actor_length: noun phrases naming no actor code by their text.
    bool require_dyad = true;
    size_t new_actor_length = 0;
    for (const std::string& o : r.options) {
      if (o.starts_with("require_dyad=")) require_dyad = AsciiUpper(o.substr(13)) != "FALSE";
      if (o.starts_with("new_actor_length=")) new_actor_length = std::strtoul(o.c_str() + 17, nullptr, 10);
    }
    if (dialect == Dialect::kTabari && !tabari_dyads) require_dyad = false;
    std::vector<std::string> fired;
    std::string note;
    bool forwarded = false;  // TABARI FORWARD: a pronoun took the story's actor
    bool story = false;
    std::string discard_rule;
    const bool tabari = dialect == Dialect::kTabari;
    const TabariRules rules = RulesFor(tabari_options, r.options);
    // TABARI leaves records of fewer than SET: MINIMUM WORDS (8) uncoded.
    const int min_words = tabari ? rules.min_words : 0;
    if (r.date.empty()) {
      note = "date '" + r.raw_date + "' is not a date: not coded";
    } else if (WordCount(r.text) < min_words) {
      note = "fewer than " + std::to_string(min_words) + " words: not coded";
    } else if (int day = 0; IsoToDays(r.date, &day) && dicts.Discarded(r.text, &story, &discard_rule, &day)) {
      note = std::string(story ? "story" : "sentence") + " discarded by " + discard_rule;
    } else {
      Document doc;
      doc.id = r.id;
      doc.date = r.date;
      doc.text = r.text;
      if (tabari) {
        // TABARI codes the sentence without its short comma-delimited clauses.
        doc.text = peers::DeleteCommaClauses(r.text, rules.comma);
        // FORWARD: a leading pronoun names the story's previous source.
        if (auto name = name_of.find(forward.CodeFor(r.id)); rules.forward && name != name_of.end()) {
          std::string text = peers::ForwardPronoun(doc.text, name->second);
          forwarded = text != doc.text;
          doc.text = std::move(text);
        }
        if (trace && doc.text != r.text) std::printf("  trace %s: coded as: %s\n", r.id.c_str(), doc.text.c_str());
      }
      doc.origin = r.origin;
      auto code = [&]() -> Result<CodedDocument> {
        if (!tabari && new_actor_length == 0) return (*pipeline)->Process(&doc);
        // The record's options: the same analysis, coded with them.
        Status s = (*pipeline)->Analyse(&doc);
        if (!s.ok()) return s;
        CoderOptions record = opts.coder;
        record.new_actor_length = new_actor_length;
        if (tabari) {
          record.defaults = rules.defaults;
          record.bare_roles_are_actors = rules.convert_agents;
          record.complexity = rules.complexity;
        }
        return Coder(&(*pipeline)->actors(), &(*pipeline)->verbs(), &(*pipeline)->codes(), record).Code(doc);
      };
      auto coded = code();
      if (!coded.ok()) {
        note = "not coded: " + coded.status().message();
      } else {
        for (Event& e : coded->events) e.code = peers::ForeignToPeer(e.code);
        if (!tabari) {
          // PETRARCH deletes the short terminal comma clause before coding:
          // what its verbs coded goes.
          peers::PetrarchCommaRule comma;
          for (const std::string& o : r.options) peers::ApplyPetrarchCommaOption(o, &comma);
          std::erase_if(coded->events, [&](const Event& e) {
            return e.span_begin >= peers::DeletedTerminalClause(doc, doc.sentences[e.sentence], comma);
          });
          // A coded verb takes in the adverbial clause it governs.
          peers::DropEventsInSubordinateClauses(doc, [&](const Event& e) { return !subordinate(e); }, &coded->events);
        }
        if (tabari) {
          peers::KeepDominant([&](const Event& e) {
            const peers::PeerPattern* p = pattern_of(e);
            return p && p->dominant;
          }, &coded->events);
          // TABARI codes the first event of each clause (CODE BY CLAUSE) or
          // sentence; a subordinate or targetless match is first only
          // when nothing else codes.
          peers::KeepFirstMatches(doc, rules.code_by, [&](const Event& e) {
            return !subordinate(e) && !e.source.empty() && !e.target.empty();
          }, &coded->events);
          if (rules.forward) {
            auto first = std::find_if(coded->events.begin(), coded->events.end(),
                                      [](const Event& e) { return e.source.size() >= 3 && !e.source.starts_with("---"); });
            forward.Coded(r.id, first == coded->events.end() ? "" : first->source.substr(0, 3), forwarded);
          }
        }
        if (trace) {
          for (const Event& e : coded->events) {
            std::printf("  trace %s: %s>%s:%s by %s [%s]\n", r.id.c_str(), e.source.c_str(), e.target.c_str(),
                        e.code.c_str(), e.rule.c_str(), e.status.c_str());
          }
        }
        std::vector<Event> evs;
        for (const Event& e : coded->events) {
          if (e.source.empty() || e.source == "---") continue;  // a null actor acts on nobody
          evs.push_back(e);
          const peers::PeerPattern* p = pattern_of(e);
          if (p && !p->code2.empty() && !e.target.empty() && e.target != "---") {
            Event rev = e;
            std::swap(rev.source, rev.target);
            rev.code = p->code2;
            evs.push_back(rev);
          }
        }
        // Subordinate ("?") events count only when nothing else codes.
        bool main_event = std::any_of(evs.begin(), evs.end(), [&](const Event& e) { return !subordinate(e); });
        bool dropped = false;
        for (const Event& e : evs) {
          if (main_event && subordinate(e)) continue;
          if (e.code == "+++" || e.code == "###" || e.source == "###" || e.target == "###" || e.source == "+++" ||
              e.target == "+++") {
            dropped = true;
            note = "complex/discard code from " + e.rule;
            break;
          }
          Triple t{actor_code(e.source), actor_code(e.target), e.code};
          if (require_dyad && std::get<1>(t) == "---") continue;
          if (got.insert(t).second) {
            fired.push_back(std::get<0>(t) + ">" + std::get<1>(t) + ":" + e.code + " by " + e.rule + " [" +
                            e.status + "]");
          }
        }
        if (dropped) got.clear(), fired.clear();
      }
    }
    bool pass = r.kind == ValidationRecord::Kind::kEvents ? got == want : got.empty();
    Tally& t = r.kind == ValidationRecord::Kind::kEvents ? events
               : r.kind == ValidationRecord::Kind::kError ? errors
                                                          : noevents;
    ++t.total;
    t.pass += pass;
    Tally& c = by_category[r.category + (r.in_scope ? "" : " (out of scope)")];
    ++c.total;
    c.pass += pass;
    if (!pass && !quiet) {
      std::printf("FAIL %s [%s] %s\n  text: %s\n  expected: %s\n  got:      %s\n", r.id.c_str(), r.category.c_str(),
                  r.origin.c_str(), r.text.c_str(), r.kind == ValidationRecord::Kind::kEvents ? Show(want).c_str()
                                                                                              : "(none)",
                  Show(got).c_str());
      for (const std::string& f : fired) std::printf("    %s\n", f.c_str());
      if (!note.empty()) std::printf("  note: %s\n", note.c_str());
    }
  }
  std::printf("\nby category:\n");
  for (const auto& [cat, t] : by_category) {
    std::printf("  %-28s %3d/%-3d %5.1f%%\n", cat.c_str(), t.pass, t.total, t.total ? 100.0 * t.pass / t.total : 0.0);
  }
  int all_pass = events.pass + noevents.pass + errors.pass, all = events.total + noevents.total + errors.total;
  std::printf("records: %d/%d pass (%.1f%%); events %d/%d, noevents %d/%d, errors %d/%d; %d option records not scored\n",
              all_pass, all, all ? 100.0 * all_pass / all : 0.0, events.pass, events.total, noevents.pass,
              noevents.total, errors.pass, errors.total, control);
  std::printf("events-exact %d/%d noevents-clean %d/%d\n", events.pass, events.total, noevents.pass, noevents.total);
  return 0;
}

}  // namespace

FAULTLINE_COMMAND(validate, "validate", "run a TABARI or PETRARCH validation suite with its dictionaries",
                  RunValidate);

}  // namespace faultline::cli
