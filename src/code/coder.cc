#include "code/coder.h"

#include <algorithm>

#include "clause/modality.h"
#include "code/arguments.h"
#include "code/pattern_match.h"
#include "code/quotes.h"
#include "code/sentence_view.h"
#include "dates/find_dates.h"
#include "dict/line_fields.h"
#include "extract/count.h"

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

// Role-only references ("police", "separatists") take a country from their
// own phrase's place words, else from the story's main country.
void FillRoleCountries(SentenceView* sv, const DocContext& ctx) {
  std::string main = ctx.MainCountry();
  for (ActorRef& r : sv->refs) {
    if (!r.role_only || main.empty()) continue;
    r.code = main + r.code;
    r.role_only = false;
  }
}

void BuildView(const ActorDictionary& dict, const Document& doc, uint32_t index, DocContext* ctx,
               SentenceView* sv) {
  const Sentence& s = doc.sentences[index];
  sv->doc = &doc;
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
  FillRoleCountries(sv, *ctx);
  sv->ref_at.assign(s.size, -1);
  for (size_t r = 0; r < sv->refs.size(); ++r) {
    for (uint32_t t = sv->refs[r].first_tok; t <= sv->refs[r].last_tok; ++t) sv->ref_at[t] = static_cast<int>(r);
  }
  for (const ActorRef& r : sv->refs) {
    std::string_view rel = sv->tree->rel(r.head_tok);
    ctx->Remember(r, index, rel == "nsubj" || rel == "nsubj:pass");
  }
}

// The event date: a date in the anchor's clause, else one in the sentence,
// else the last explicit date of this or the previous paragraph, else the
// publication date.
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
  QuoteFinder quotes(doc);
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    SentenceView sv;
    BuildView(*actors_, doc, si, &ctx, &sv);
    std::vector<DateMention> dates;
    if (published.ok()) dates = FindDates(doc, s, published.value());
    if (!carried.empty() && s.paragraph > carried_paragraph + 1) carried.clear();
    for (uint32_t w = 0; w < sv.words.size(); ++w) {
      PatternMatch m = MatchAnchor(sv, *verbs_, w);
      if (!m.pattern || m.pattern->blocks()) continue;
      EventStatus status = StatusOf(*sv.tree, m.anchor_tok);
      const CodeInfo* info = codes_->Find(m.pattern->code);
      if (!info) continue;
      if (info->root == "13" && (status == EventStatus::kReported || status == EventStatus::kPlanned)) {
        status = EventStatus::kConditional;  // a threat is tied to what the target does
      }
      if (!options_.emit_unreal && (status == EventStatus::kNegated || status == EventStatus::kHypothetical)) {
        continue;
      }
      Arguments args = FindArguments(sv, ctx, m.anchor_tok, m.target_ref);
      if (args.sources.empty()) continue;
      // Reciprocal acts with a plural subject and no object: each on each.
      bool pairwise = args.targets.empty() && args.sources.size() > 1;
      std::vector<const ActorRef*> targets = args.targets;
      if (targets.empty() && !pairwise) targets.push_back(nullptr);
      std::string date = EventDate(*sv.tree, m.anchor_tok, dates, carried, doc.date);
      for (const ActorRef* src : args.sources) {
        for (const ActorRef* tgt : pairwise ? args.sources : targets) {
          if (tgt == src || (tgt && tgt->code == src->code)) continue;
          Event e;
          e.doc_id = doc.id;
          e.sentence = si;
          e.date = date;
          e.source = src->code;
          e.source_text = src->text;
          if (tgt) {
            e.target = tgt->code;
            e.target_text = tgt->text;
          }
          e.code = info->code;
          e.root = info->root;
          e.quad_class = info->quad_class;
          e.goldstein = info->goldstein;
          e.plover = info->plover;
          e.status = std::string(StatusName(status));
          const Token* toks = doc.begin_of(s);
          e.span_begin = toks[m.first_tok].begin;
          e.span_end = toks[m.last_tok].end;
          e.text = std::string(doc.slice(s.begin, s.end));
          e.rule = m.pattern->rule;
          out.events.push_back(std::move(e));
        }
      }
    }
    for (const DateMention& d : dates) {
      if (d.precision == DateMention::Precision::kDay) {
        carried = d.value;
        carried_paragraph = s.paragraph;
      }
    }
    quotes.AddSentence(sv, ctx, &out.quotes);
    for (const CountMention& c : FindCounts(doc, s)) {
      Count k;
      k.doc_id = doc.id;
      k.sentence = si;
      k.value = c.value;
      k.qualifier = c.qualifier;
      k.unit = c.unit;
      const Token* toks = doc.begin_of(s);
      k.span_begin = toks[c.first_token].begin;
      k.span_end = toks[c.end_token - 1].end;
      k.text = std::string(doc.slice(k.span_begin, k.span_end));
      k.actor = CountOwner(sv, ctx, c.unit_head);
      out.counts.push_back(std::move(k));
    }
  }
  return out;
}

}  // namespace faultline
