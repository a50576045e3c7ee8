#include "code/coder.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "clause/modality.h"
#include "code/arguments.h"
#include "code/complexity.h"
#include "code/new_actors.h"
#include "code/pattern_match.h"
#include "code/quotes.h"
#include "code/sentence_view.h"
#include "dates/find_dates.h"
#include "dict/line_fields.h"
#include "extract/count.h"
#include "geo/event_place.h"
#include "text/segment.h"

namespace faultline {
namespace {

bool IsAllCaps(const Document& doc, const Sentence& s) {
  int upper = 0, lower = 0;
  for (uint32_t i = s.begin; i < s.end; ++i) {
    char c = doc.text[i];
    upper += (c >= 'A' && c <= 'Z');
    lower += (c >= 'a' && c <= 'z');
  }
  return upper > 8 && lower == 0;
}

// People the dictionary does not know but the story introduced ("Hezbollah
// leader Hassan Nasrallah") are found again by their surname ("Nasrallah
// said"); the first mention registers them.
void AddNamedInStory(SentenceView* sv, DocContext* ctx) {
  std::vector<bool> covered(sv->words.size(), false);
  for (ActorRef& r : sv->refs) {
    for (size_t w = 0; w < sv->words.size(); ++w) {
      if (sv->words[w].first >= r.first_tok && sv->words[w].last <= r.last_tok) covered[w] = true;
    }
    if (r.kind == ActorKind::kPerson && r.entry_is_name) {
      for (const std::string& form : SurnameForms(r.surname)) ctx->story_names[AsciiLower(form)] = r;
    }
  }
  for (size_t w = 0; w < sv->words.size(); ++w) {
    const Word& word = sv->words[w];
    if (covered[w] || word.surface.empty() || word.surface[0] < 'A' || word.surface[0] > 'Z') continue;
    auto it = ctx->story_names.find(word.key);
    if (it == ctx->story_names.end()) continue;
    ActorRef r = it->second;
    r.first_tok = word.first;
    r.last_tok = word.last;
    r.head_tok = word.head;
    r.text = word.surface;
    sv->refs.push_back(std::move(r));
  }
  std::sort(sv->refs.begin(), sv->refs.end(),
            [](const ActorRef& a, const ActorRef& b) { return a.first_tok < b.first_tok; });
}

// What one pattern match contributes to each of its events.
struct EventDraft {
  const CodeInfo* info;
  std::string_view status;
  std::string date;
  std::string rule;
  uint32_t first_tok, last_tok;
};

// Appends one event unless the same act (sentence, dyad, code) is there.
void Emit(const Document& doc, const Sentence& s, uint32_t si, const EventDraft& d, const std::string& source,
          const std::string& source_text, const std::string& target, const std::string& target_text,
          std::vector<Event>* out) {
  if (source == target) return;
  for (auto it = out->rbegin(); it != out->rend() && it->sentence == si; ++it) {
    if (it->source == source && it->target == target && it->code == d.info->code) return;
  }
  Event e;
  e.doc_id = doc.id;
  e.sentence = si;
  e.date = d.date;
  e.source = source;
  e.source_text = source_text;
  e.target = target;
  e.target_text = target_text;
  e.code = d.info->code;
  e.root = d.info->root;
  e.quad_class = d.info->quad_class;
  e.goldstein = d.info->goldstein;
  e.plover = d.info->plover;
  e.status = std::string(d.status);
  const Token* toks = doc.begin_of(s);
  e.span_begin = toks[d.first_tok].begin;
  e.span_end = toks[d.last_tok].end;
  e.text = std::string(doc.slice(s.begin, s.end));
  e.rule = d.rule;
  out->push_back(std::move(e));
}

// "The prime minister" after "British Prime Minister Boris Johnson": a
// title alone names the latest person in the story who holds it that day.
const ActorRef* TitleHolder(const ActorDictionary& dict, const DocContext& ctx, const ActorRef& r) {
  std::string title = AsciiLower(r.text);
  if (title.rfind("the ", 0) == 0) title = title.substr(4);
  for (auto it = ctx.history.rbegin(); it != ctx.history.rend(); ++it) {
    const ActorRef& p = it->ref;
    if (p.kind != ActorKind::kPerson || p.entry_is_name) continue;
    const RoleSpell* role = dict.entries()[p.entry].RoleOn(ctx.match.day);
    if (role && std::find(role->titles.begin(), role->titles.end(), title) != role->titles.end()) return &p;
  }
  return nullptr;
}

// Whether `r` names a state whose country a role may take.
bool IsStateRef(const ActorRef& r) {
  return !r.role_only && r.kind != ActorKind::kOrg && r.kind != ActorKind::kRegion && r.code.size() >= 3 &&
         r.code.rfind("IGO", 0) != 0;
}

// The country a role's own phrase names in the tree ("soldiers from
// Gondor", "Danish media and government", "the Fornost official"): a state
// among the words its head governs, or the first conjunct's when the head
// is a later one; "" if none. A named actor gives its whole code ("officials
// in White House": USAGOV), one with a role of its own its country ("Danish
// media and government": DNK).
std::string AttachedCountry(const ActorDictionary& dict, const SentenceView& sv, const ActorRef& r) {
  const Tree& t = *sv.tree;
  std::vector<int> heads{r.head_tok};
  if (t.base_rel(r.head_tok) == "conj" && t.head(r.head_tok) >= 0) heads.push_back(t.head(r.head_tok));
  // "Lawmakers and official in Fornost": a phrase our parse hangs on the
  // last conjunct scopes over the coordination, as in the peers' parses.
  for (int c : t.children(r.head_tok)) {
    if (t.base_rel(c) == "conj") heads.push_back(c);
  }
  // "The ambassadors of Arnor, Osgiliath and Gondor": a list of states
  // gives the role to each, as a coded compound ("ARN/OSG/GON").
  auto countries = [&](int s) {
    std::string out;
    for (const ActorRef* m : SurfaceList(sv, s)) {
      if (!IsStateRef(*m)) continue;
      bool named = m->code == dict.entries()[m->entry].code;
      out += (out.empty() ? "" : "/") + (named ? m->code : m->code.substr(0, 3));
    }
    return out;
  };
  for (int h : heads) {
    for (int c : t.children(h)) {
      for (size_t s = 0; s < sv.refs.size(); ++s) {
        if (&sv.refs[s] != &r && IsStateRef(sv.refs[s]) && static_cast<uint32_t>(c) >= sv.refs[s].first_tok &&
            static_cast<uint32_t>(c) <= sv.refs[s].last_tok) {
          return countries(static_cast<int>(s));
        }
      }
    }
  }
  // On the surface: "soldiers from Gondor", "officials in Arnor", and a
  // name right after the role ("Human rights activists Amnesty
  // International", as the peers attach an agent to the actor beside it).
  const Token* toks = sv.doc->begin_of(*sv.sentence);
  uint32_t after = r.last_tok + 1;
  for (size_t s = 0; s < sv.refs.size(); ++s) {
    if (IsStateRef(sv.refs[s]) && sv.refs[s].first_tok == after) return countries(static_cast<int>(s));
  }
  if (after + 1 < sv.sentence->size &&
      (toks[after].form == "from" || toks[after].form == "in" || toks[after].form == "of")) {
    for (size_t s = 0; s < sv.refs.size(); ++s) {
      if (IsStateRef(sv.refs[s]) && sv.refs[s].first_tok == after + 1) return countries(static_cast<int>(s));
    }
  }
  return "";
}

// Role-only references ("police", "the prime minister") become a title's
// holder, else take the country of the first state named in the same
// sentence ("Egyptian President ... named intelligence chief ..."; measured
// better than the story's main country on the sample corpus), else the
// story's main country. With `attached_only` (the peers' rule) a role
// takes only a country its own phrase names, else stays "---" ("---GOV";
// without `bare_roles`, a null actor "---").
void FillRoleCountries(const ActorDictionary& dict, SentenceView* sv, const DocContext& ctx, bool attached_only,
                       bool bare_roles) {
  std::string story = ctx.MainCountry();
  for (ActorRef& r : sv->refs) {
    if (!r.role_only) continue;
    if (const ActorRef* holder = TitleHolder(dict, ctx, r)) {
      uint32_t first = r.first_tok, last = r.last_tok;
      int32_t head = r.head_tok;
      std::string text = r.text;
      r = *holder;
      r.first_tok = first;
      r.last_tok = last;
      r.head_tok = head;
      r.text = text;
      continue;
    }
    std::string country;
    if (attached_only) {
      country = AttachedCountry(dict, *sv, r);
      if (country.empty() && !bare_roles) {
        r.code = "---";
        r.role_only = false;
        continue;
      }
      if (country.empty()) country = "---";
    } else {
      auto state = std::find_if(sv->refs.begin(), sv->refs.end(), IsStateRef);
      if (state != sv->refs.end()) country = state->code.substr(0, 3);
      if (country.empty()) country = story;
      if (country.empty()) continue;
    }
    std::string code;
    for (const std::string& member : CompoundCodes(country)) code += (code.empty() ? "" : "/") + member + r.code;
    r.code = code;
    r.role_only = false;
  }
}

void BuildView(const ActorDictionary& dict, const Document& doc, uint32_t index, const CoderOptions& options,
               DocContext* ctx, SentenceView* sv) {
  const Sentence& s = doc.sentences[index];
  sv->doc = &doc;
  sv->lists_with_modifiers = options.lists_with_modifiers;
  sv->pattern_words_as_written = options.pattern_words_as_written;
  sv->sentence = &s;
  sv->index = index;
  sv->tree.emplace(doc, s);
  BuildWords(doc, s, &sv->words);
  ctx->match.all_caps = IsAllCaps(doc, s);
  std::vector<PhraseHit> hits = MatchActors(dict, sv->words, ctx->match);
  for (const PhraseHit& h : hits) {
    if (!dict.phrases()[h.phrase].anaphor && !dict.phrases()[h.phrase].surname) ctx->match.named.insert(h.entry);
  }
  sv->refs = ComposeActors(dict, sv->words, hits, ctx->match.day);
  AddNamedInStory(sv, ctx);
  FillRoleCountries(dict, sv, *ctx, options.attached_role_countries, options.bare_roles_are_actors);
  if (options.new_actor_length > 0) AddNewActors(options.new_actor_length, sv);
  sv->ref_at.assign(s.size, -1);
  for (size_t r = 0; r < sv->refs.size(); ++r) {
    for (uint32_t t = sv->refs[r].first_tok; t <= sv->refs[r].last_tok; ++t) sv->ref_at[t] = static_cast<int>(r);
  }
  if (std::getenv("FAULTLINE_TRACE")) {
    for (const ActorRef& r : sv->refs) {
      std::fprintf(stderr, "trace: sentence %u actor %s [%u-%u head %d] '%s' %s\n", index, r.code.c_str(), r.first_tok,
                   r.last_tok, r.head_tok, r.text.c_str(), r.rule.c_str());
    }
  }
  for (const ActorRef& r : sv->refs) {
    std::string_view rel = sv->tree->rel(r.head_tok);
    ctx->Remember(r, index, rel == "nsubj" || rel == "nsubj:pass");
  }
}

// The event date: a date in the anchor's clause, else one in the sentence,
// else the last explicit day of this or the two previous paragraphs (a
// story goes on about the day it named; measured on the seed and the sample
// corpus, two paragraphs beat one and beat no limit), else the publication
// date.
std::string EventDate(const Tree& t, int anchor, const std::vector<DateMention>& dates, const std::string& carried,
                      const std::string& published) {
  int v = ClauseVerb(t, anchor);
  for (const DateMention& d : dates) {
    if (t.Dominates(v, static_cast<int>(d.first_token)) || t.Dominates(v, static_cast<int>(d.end_token) - 1)) {
      return d.value;
    }
  }
  if (!dates.empty()) return dates.front().value;
  return carried.empty() ? published : carried;
}

// The subject of the verb of saying that reports the anchor's clause
// ("Morawiecki said Poland would ..."), or nullptr.
const ActorRef* Reporter(const SentenceView& sv, const DocContext& ctx, int anchor) {
  const Tree& t = *sv.tree;
  int v = ClauseVerb(t, anchor);
  for (int guard = 0; guard < 4 && v >= 0; ++guard) {
    std::string_view r = t.base_rel(v);
    int h = t.head(v);
    if (h < 0 || (r != "ccomp" && r != "xcomp" && r != "conj" && r != "parataxis")) return nullptr;
    if (r != "conj" && IsSpeechVerb(t.lemma(h))) {
      if (const ActorRef* who = ActorOfPhrase(sv, ctx, SubjectOf(t, h))) return who;
      if (t.Child(h, "nsubj") >= 0) return nullptr;
      std::vector<const ActorRef*> before = NearestBefore(sv, h);  // parser lost the subject
      return before.empty() ? nullptr : before.front();
    }
    v = h;
  }
  return nullptr;
}

// Whether the anchor's clause is reported (a complement, through
// infinitives: "he said government proposed to take up") by a verb marked
// in `nesting`.
bool NestedInMarkedVerb(const Tree& t, int anchor, const std::vector<bool>& nesting) {
  int v = ClauseVerb(t, anchor);
  for (int guard = 0; guard < 4 && v >= 0; ++guard) {
    std::string_view r = t.base_rel(v);
    int h = t.head(v);
    if (h < 0 || (r != "ccomp" && r != "xcomp")) return false;
    if (nesting[h]) return true;
    v = h;
  }
  return false;
}

// A country named by its own official ("Morawiecki said Poland would hand
// over ...") speaks as that official's government.
std::string SourceCode(const ActorRef* src, const ActorRef* reporter) {
  if (reporter && reporter->kind == ActorKind::kPerson && src->code.size() == 3 &&
      reporter->code.size() > 3 && reporter->code.compare(0, 3, src->code) == 0) {
    return reporter->code;
  }
  return src->code;
}

// Roots whose recipient news often leaves to the context (aid, offers,
// threats): with no target in the clause, the first actor of another
// country in the sentence is taken.
bool TargetFromSentence(const std::string& root) {
  return root == "03" || root == "06" || root == "07" || root == "13";
}

// Whether `r` is on the side of one of `parties`: the same first three
// letters of its code (a country and its government, a party itself).
bool OnSideOf(const ActorRef& r, const std::vector<const ActorRef*>& parties) {
  return std::any_of(parties.begin(), parties.end(),
                     [&](const ActorRef* p) { return p->code.compare(0, 3, r.code, 0, 3) == 0; });
}

const ActorRef* OtherPartyInSentence(const SentenceView& sv, const std::vector<const ActorRef*>& sources) {
  for (const ActorRef& r : sv.refs) {
    if (!OnSideOf(r, sources) && r.code.size() >= 3) return &r;
  }
  return nullptr;
}

// A noun naming a verbal act ("demand", "commitment", "warning") is a new
// event only when a light verb performs it ("issued a warning"); elsewhere
// it refers to an act reported before ("rejected Russia's demand"). Meetings
// and material acts are events wherever they are named.
bool NounIsAnAct(const Tree& t, int noun, const std::string& code) {
  // A noun buried in other nouns ("demands regarding the prevention of NATO
  // expansion") is talked about, not reported: the event noun must be an
  // argument of a verb, or of a noun that is.
  int up = t.head(noun);
  if (up >= 0 && !t.IsVerbal(up) && t.head(up) >= 0 && !t.IsVerbal(t.head(up))) return false;
  std::string root = code.substr(0, 2);
  bool verbal = root <= "13" && root != "04";
  if (!verbal) return true;
  int h = t.head(noun);
  return h >= 0 && t.base_rel(noun) == "obj" && IsLightVerb(t.lemma(h));
}

bool Mutual(const std::string& root) {
  return root == "04" || root == "05" || root == "06" || root == "19";
}

// Meetings, calls and negotiations involve both sides: each is coded in
// both directions.
bool Reciprocal(const std::string& code) { return code == "040" || code == "041" || code == "046"; }

// A headline names the story's country before the text does ("Myanmar army
// seizes power"): its actors seed the document context.
void RememberTitle(const ActorDictionary& dict, const Document& doc, DocContext* ctx) {
  if (doc.title.empty()) return;
  Document title;
  title.text = doc.title;
  if (!Segment(&title).ok()) return;
  std::vector<Word> words;
  for (const Sentence& s : title.sentences) {
    BuildWords(title, s, &words);
    std::vector<PhraseHit> hits = MatchActors(dict, words, ctx->match);
    for (const ActorRef& r : ComposeActors(dict, words, hits, ctx->match.day)) {
      if (!r.role_only) ctx->Remember(r, 0, false);
    }
  }
  // The title is not a sentence of the story: pronouns must not reach it.
  ctx->history.clear();
}

// A phrase the peers' dictionaries recognise to code nothing ("BOROMIR
// [---]"): no party to an act.
bool IsNullActor(const ActorRef* r) { return r->code == "---"; }

// TABARI's reading of a personal pronoun ("he", "him", "she", "it"; not
// the possessive "her"): the sentence's first actor; -1 when `tok` is none
// or no actor precedes it.
int TabariPronounRef(const SentenceView& sv, int tok) {
  static const char* kPersonal[] = {"he", "him", "she", "it"};
  const Tree& t = *sv.tree;
  if (t.tok(tok).upos != "PRON" || sv.refs.empty() || sv.refs[0].first_tok >= static_cast<uint32_t>(tok)) return -1;
  const std::string& l = t.lemma(tok);
  return std::any_of(std::begin(kPersonal), std::end(kPersonal), [&](const char* p) { return l == p; }) ? 0 : -1;
}

// The first actor of another side than `sources` after the anchor, up to
// the next punctuation or coordinating conjunction, with those listed with
// it (null actors passed over); empty if none. With `tabari` (its rules),
// a comma its deletion kept is no end and a personal pronoun names the
// sentence's first actor ("Gondor asked him": Elrond, who opened it).
std::vector<const ActorRef*> FirstActorAfter(const SentenceView& sv, int anchor,
                                             const std::vector<const ActorRef*>& sources, bool tabari = false) {
  const Tree& t = *sv.tree;
  for (int i = anchor + 1; i < t.size(); ++i) {
    if (tabari && t.tok(i).form == ",") continue;
    if (t.tok(i).upos == "PUNCT" || t.tok(i).upos == "CCONJ") break;
    int r = tabari && sv.ref_at[i] < 0 ? TabariPronounRef(sv, i) : sv.ref_at[i];
    if (r < 0) continue;
    const ActorRef* cand = &sv.refs[r];
    if (!OnSideOf(*cand, sources) && !IsNullActor(cand)) return SurfaceList(sv, r);
    if (sv.ref_at[i] == r) i = static_cast<int>(cand->last_tok);
  }
  return {};
}

// The conjunction that opens the anchor's clause as TABARI splits clauses
// (one not joining a list of actors: "and"/"or" after an actor, "the
// awful Fornost, and good Gondor", joins one; "but" never does); -1 if
// none.
int ClauseConjunction(const SentenceView& sv, int anchor) {
  const Tree& t = *sv.tree;
  for (int i = anchor - 1; i > 0; --i) {
    int before = t.tok(i - 1).form == "," && i > 1 ? i - 2 : i - 1;
    if (t.tok(i).upos == "CCONJ" && (sv.ref_at[before] < 0 || t.lemma(i) == "but")) return i;
  }
  return -1;
}

// The first actor before the anchor that is not one of `targets`, with
// those listed with it, as TABARI finds a source: a clause opened by a
// conjunction starts afresh when an actor follows the conjunction ("...
// but Dagolath promised aid"), else the source carries over from the
// sentence's start. Empty if none.
std::vector<const ActorRef*> FirstActorBefore(const SentenceView& sv, int anchor,
                                              const std::vector<const ActorRef*>& targets) {
  const Tree& t = *sv.tree;
  auto other = [&](int r) { return std::find(targets.begin(), targets.end(), &sv.refs[r]) == targets.end(); };
  if (int i = ClauseConjunction(sv, anchor); i >= 0) {
    int k = i + 1;
    while (k < anchor && (t.tok(k).upos == "DET" || t.tok(k).upos == "ADJ")) ++k;
    if (k < anchor && sv.ref_at[k] >= 0 && other(sv.ref_at[k])) return SurfaceList(sv, sv.ref_at[k]);
  }
  for (size_t r = 0; r < sv.refs.size() && sv.refs[r].last_tok < static_cast<uint32_t>(anchor); ++r) {
    if (other(static_cast<int>(r))) return SurfaceList(sv, static_cast<int>(r));
  }
  return {};
}

// An actor in the noun phrase that stands between a comma and the anchor
// (its words: nouns, names, adjectives, adverbs, determiners, numbers),
// not one of `targets`, with those listed with it: the subject PETRARCH's
// parse finds in "..., the primary official news agency WFNA said" or
// "..., a senior official said", however our parser hung the phrase (it
// often makes it a relative clause or another verb's object). Empty if
// none, or if no comma opens the phrase.
std::vector<const ActorRef*> ActorInPhraseAfterComma(const SentenceView& sv, int anchor,
                                                     const std::vector<const ActorRef*>& targets) {
  const Tree& t = *sv.tree;
  auto phrase_word = [&](int i) {
    std::string_view u = t.tok(i).upos;
    return u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "ADV" || u == "DET" || u == "NUM";
  };
  int start = anchor;
  while (start > 0 && phrase_word(start - 1)) --start;
  if (start == 0 || start == anchor || t.tok(start - 1).form != ",") return {};
  for (int i = anchor - 1; i >= start; --i) {
    int r = sv.ref_at[i];
    if (r >= 0 && std::find(targets.begin(), targets.end(), &sv.refs[r]) == targets.end()) return ListAround(sv, r);
  }
  return {};
}

// Fills parties still missing from the default actors (DefaultActors):
// with no source, the default one (PRIOR) or else the first target; with
// no target, the default one, unless a compound source pairs up.
void ApplyDefaults(const DefaultActors& d, const ActorRef* source, const ActorRef* target, Arguments* args) {
  if (args->sources.empty() && d.source_prior && !d.source.empty()) {
    args->sources.push_back(source);
  } else if (args->sources.empty() && !args->targets.empty()) {
    args->sources.push_back(args->targets.front());
    args->targets.erase(args->targets.begin());
  }
  bool pairs = args->sources.size() > 1 && !d.target_after;
  if (!args->sources.empty() && args->targets.empty() && !d.target.empty() && !pairs) args->targets.push_back(target);
}

// Fills in the parties the tree left open: the reporter of a verbal act
// with no agent ("X said Y would be punished"; not for nouns: "there is
// subject for discussion" is nobody's act), a target from the surface or the
// sentence. False when the act has no source at all.
bool CompleteParties(const SentenceView& sv, const PatternMatch& m, const CodeInfo& info, const ActorRef* reporter,
                     bool surface_parties, bool first_actor_source, Arguments* args) {
  if (args->sources.empty() && reporter && info.root <= "13" && !m.pattern->noun) {
    args->sources.push_back(reporter);
  }
  if (surface_parties && m.source_ref < 0 && m.compound_ref < 0 && m.first_tok < static_cast<uint32_t>(m.anchor_tok)) {
    // Pattern words before the verb are part of the predicate ("SUGGESTED *
    // APPLY": "Arnor suggested Gondor should apply"): a source inside them
    // yields to the first actor before them.
    bool inside = std::all_of(args->sources.begin(), args->sources.end(),
                              [&](const ActorRef* s) { return s->first_tok > m.first_tok; });
    std::vector<const ActorRef*> before = FirstActorBefore(sv, static_cast<int>(m.first_tok), args->targets);
    if (inside && !before.empty()) args->sources = before;
  }
  if (first_actor_source && m.source_ref < 0 && m.compound_ref < 0) {
    std::vector<const ActorRef*> first = FirstActorBefore(sv, m.anchor_tok, args->targets);
    if (!first.empty()) args->sources = first;
  }
  // PETRARCH reads the subject from its parse: the actor of a noun phrase
  // a comma opens right before the verb, whatever our tree says.
  if (surface_parties && !first_actor_source) {
    std::vector<const ActorRef*> before = ActorInPhraseAfterComma(sv, m.anchor_tok, args->targets);
    if (!before.empty()) args->sources = before;
  }
  if (args->sources.empty() && surface_parties) args->sources = FirstActorBefore(sv, m.anchor_tok, args->targets);
  // TABARI: none before the verb but the pattern's target ("+ WAS * DEAD":
  // "An Eriadorian was shot dead in Osgiliath"): the first of another side
  // after it.
  if (args->sources.empty() && first_actor_source) args->sources = FirstActorAfter(sv, m.anchor_tok, args->targets);
  if (args->sources.empty()) return false;
  if (m.compound_ref >= 0) return true;  // '%': the members act on each other, no one else
  // "ties with Boromir in Gondor" (BOROMIR [---]): the peers look past a
  // null actor for the target, and past the source named again ("memos
  // not about Bree on its role": not its own, Bree).
  if (surface_parties) {
    std::erase_if(args->targets, [&](const ActorRef* t) {
      return IsNullActor(t) ||
             std::any_of(args->sources.begin(), args->sources.end(), [&](const ActorRef* s) { return s->code == t->code; });
    });
  }
  // TABARI's target: the first actor after the verb, unless the source
  // stands there too (a passive's agent: "was opposed by X").
  bool sources_before = std::all_of(args->sources.begin(), args->sources.end(),
                                    [&](const ActorRef* s) { return s->last_tok < static_cast<uint32_t>(m.anchor_tok); });
  if (first_actor_source && m.target_ref < 0 && sources_before) {
    std::vector<const ActorRef*> first = FirstActorAfter(sv, m.anchor_tok, args->sources, true);
    if (!first.empty()) args->targets = first;
    // None after it: the first of another side before it in its clause
    // (TABARI's rule; "urged Bree to assist it": it is the source, so
    // Bree; "urged Bree ... and then it requested that Elrond assist":
    // Elrond).
    const int clause = ClauseConjunction(sv, m.anchor_tok);
    for (size_t r = 0; args->targets.empty() && r < sv.refs.size() && sv.refs[r].last_tok < static_cast<uint32_t>(m.anchor_tok);
         ++r) {
      const ActorRef* cand = &sv.refs[r];
      if (static_cast<int>(cand->first_tok) > clause && !OnSideOf(*cand, args->sources) && !IsNullActor(cand)) {
        args->targets.push_back(cand);
      }
    }
  }
  // The peers' target with none in the tree: the first actor after the
  // verb, the subject of its complement included ("expressed hopes that
  // Osgiliath ... could be drawn ... with Gondor": Osgiliath).
  if (args->targets.empty() && surface_parties) args->targets = FirstActorAfter(sv, m.anchor_tok, args->sources);
  if (args->targets.empty() && args->sources.size() == 1) {
    // The tree found no target: the first actor after the anchor in its
    // clause (a parser's misattachment should not lose "guarantees from
    // the United States"), with those coordinated to it.
    for (int r : m.later_refs) {
      const ActorRef* cand = &sv.refs[r];
      if (OnSideOf(*cand, args->sources)) continue;  // its own side (the one source's)
      if (surface_parties && IsNullActor(cand)) continue;
      args->targets = SurfaceList(sv, r);
      break;
    }
  }
  if (args->targets.empty() && TargetFromSentence(info.root)) {
    if (const ActorRef* other = OtherPartyInSentence(sv, args->sources)) args->targets.push_back(other);
  }
  return true;
}

// One event per source and target of a match.
void EmitAll(const Document& doc, uint32_t si, const EventDraft& draft, const Arguments& args,
             const ActorRef* reporter, bool pair_any_compound, std::vector<Event>* out) {
  const Sentence& s = doc.sentences[si];
  // Mutual acts with a plural subject and no object ("Putin and Johnson
  // will talk", "the two armies clashed"): each on each. Other acts of a
  // plural subject are each source's own, with no target.
  bool pairwise =
      args.targets.empty() && args.sources.size() > 1 && (pair_any_compound || Mutual(draft.info->root));
  std::vector<const ActorRef*> targets = args.targets;
  if (targets.empty() && !pairwise) targets.push_back(nullptr);
  for (const ActorRef* src : args.sources) {
    for (const ActorRef* tgt : pairwise ? args.sources : targets) {
      // "Russia would continue insisting on its demands": the target
      // found through a pronoun is the source itself.
      if (tgt == src || (tgt && tgt->code == src->code)) continue;
      // An actor is not both a doer and the done-to of one act ("The
      // United States and the EU will lift sanctions on its oil").
      if (!pairwise && tgt && std::find(args.sources.begin(), args.sources.end(), tgt) != args.sources.end()) {
        continue;
      }
      // A coded compound ("FRO/BIL/SAM", imported) acts as each member.
      for (const std::string& src_code : CompoundCodes(SourceCode(src, reporter))) {
        for (const std::string& tgt_code : CompoundCodes(tgt ? tgt->code : "")) {
          Emit(doc, s, si, draft, src_code, src->text, tgt_code, tgt ? tgt->text : "", out);
          if (tgt && Reciprocal(draft.info->code) && !pairwise) {
            Emit(doc, s, si, draft, tgt_code, tgt->text, src_code, src->text, out);
          }
        }
      }
    }
  }
}

// The sentence's numeric claims, each with its owner.
void AddCounts(const Document& doc, const SentenceView& sv, const DocContext& ctx, std::vector<Count>* out) {
  const Sentence& s = *sv.sentence;
  for (const CountMention& c : FindCounts(doc, s)) {
    Count k;
    k.doc_id = doc.id;
    k.sentence = sv.index;
    k.value = c.value;
    k.qualifier = c.qualifier;
    k.unit = c.unit;
    const Token* toks = doc.begin_of(s);
    k.span_begin = toks[c.first_token].begin;
    k.span_end = toks[c.end_token - 1].end;
    k.text = std::string(doc.slice(k.span_begin, k.span_end));
    int verb = -1;
    if (const ActorRef* owner = CountOwner(sv, ctx, c.unit_head, &verb)) {
      k.actor = verb >= 0 ? SourceCode(owner, Reporter(sv, ctx, verb)) : owner->code;
    }
    out->push_back(std::move(k));
  }
}

}  // namespace

CodedDocument Coder::Code(const Document& doc) const {
  CodedDocument out;
  DocContext ctx;
  int pub_day = 0;
  IsoToDays(doc.date, &pub_day);
  ctx.match.day = pub_day;
  Result<CivilDate> published = ParseIsoDate(doc.date);
  std::string carried;
  uint32_t carried_paragraph = 0;
  StageLap lap(options_.profile);
  QuoteFinder quotes(doc);
  RememberTitle(*actors_, doc, &ctx);
  ActorRef default_source, default_target;  // options_.defaults as actors
  default_source.code = default_source.text = options_.defaults.source;
  default_target.code = default_target.text = options_.defaults.target;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    SentenceView sv;
    BuildView(*actors_, doc, si, options_, &ctx, &sv);
    lap.Lap(Stage::kActors);
    std::vector<DateMention> dates;
    if (published.ok()) dates = FindDates(doc, s, published.value());
    lap.Lap(Stage::kDates);
    if (!carried.empty() && s.paragraph > carried_paragraph + 2) carried.clear();
    // Words a verb pattern used ("take military action") are not anchors of
    // their own: one predicate, one event.
    std::vector<bool> consumed(s.size, false);
    // Verbs with a code but no subject actor (sourceless_verbs_nest).
    std::vector<bool> nesting(s.size, false);
    // A sentence TABARI finds too complex (its COMPLEX: option) codes nothing.
    const bool too_complex = options_.complexity.any() && TooComplex(sv, *verbs_, options_.complexity);
    for (uint32_t w = 0; !too_complex && w < sv.words.size(); ++w) {
      if (consumed[sv.words[w].head]) continue;
      PatternMatch m = MatchAnchor(sv, *verbs_, w, options_.surface_verbs, options_.irregular_forms_first);
      if (!m.pattern || m.pattern->blocks()) continue;
      lap.Lap(Stage::kPatterns);
      LapOnExit clause_lap(&lap, Stage::kClause);  // the rest of this anchor, whichever way it ends
      if (!m.pattern->noun) {
        for (uint32_t t = m.first_tok; t <= m.last_tok; ++t) consumed[t] = true;
      } else if (!NounIsAnAct(*sv.tree, m.anchor_tok, m.pattern->code)) {
        continue;
      }
      EventStatus status = StatusOf(*sv.tree, m.anchor_tok);
      const CodeInfo* info = codes_->Find(m.pattern->code);
      if (!info) continue;
      if (info->root == "13" && (status == EventStatus::kReported || status == EventStatus::kPlanned)) {
        status = EventStatus::kConditional;  // a threat is tied to what the target does
      }
      if (!options_.emit_unreal && (status == EventStatus::kNegated || status == EventStatus::kHypothetical)) {
        continue;
      }
      if (options_.sourceless_verbs_nest && NestedInMarkedVerb(*sv.tree, m.anchor_tok, nesting)) continue;
      Arguments args = FindArguments(sv, ctx, m.anchor_tok, m.pattern->noun, m.target_ref, m.source_ref,
                                     options_.surface_parties);
      if (!m.pattern->noun && m.compound_ref < 0 && args.sources.empty()) nesting[m.anchor_tok] = true;
      if (m.compound_ref >= 0) {
        // '%' (imported patterns): the compound acts on its own members,
        // whoever else the sentence names.
        args.sources = CompoundMembers(sv, m.compound_ref);
        args.targets.clear();
      }
      const ActorRef* reporter = Reporter(sv, ctx, m.anchor_tok);
      if (std::getenv("FAULTLINE_TRACE")) {
        std::fprintf(stderr, "trace: sentence %u anchor %d %s sources %zu targets %zu\n", si, m.anchor_tok,
                     m.pattern->rule.c_str(), args.sources.size(), args.targets.size());
      }
      bool complete =
          CompleteParties(sv, m, *info, reporter, options_.surface_parties, options_.first_actor_source, &args);
      if (options_.defaults.any()) {
        ApplyDefaults(options_.defaults, &default_source, &default_target, &args);
        complete = !args.sources.empty();
      }
      if (!complete) continue;
      EventDraft draft{info, StatusName(status), EventDate(*sv.tree, m.anchor_tok, dates, carried, doc.date),
                       m.pattern->rule, m.first_tok, m.last_tok};
      const size_t first_new = out.events.size();  // for the location, below
      EmitAll(doc, si, draft, args, reporter, options_.pair_any_compound || m.compound_ref >= 0, &out.events);
      // Where it happened (geo/): the same place for every event of this match.
      if (options_.gazetteer && out.events.size() > first_new) {
        std::optional<Location> place = EventPlace(sv, ctx, m.anchor_tok, *options_.gazetteer);
        for (size_t i = first_new; i < out.events.size(); ++i) out.events[i].location = place;
      }
    }
    lap.Lap(Stage::kPatterns);
    for (const DateMention& d : dates) {
      if (d.precision == DateMention::Precision::kDay) {
        carried = d.value;
        carried_paragraph = s.paragraph;
      }
    }
    quotes.AddSentence(sv, ctx, &out.quotes);
    AddCounts(doc, sv, ctx, &out.counts);
    lap.Lap(Stage::kQuotes);
  }
  return out;
}

}  // namespace faultline
