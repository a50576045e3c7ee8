#include "code/quotes.h"

#include <algorithm>
#include <array>

#include "code/arguments.h"

namespace faultline {
namespace {

bool IsQuoteMark(const Token& t) { return t.form == "\"" || t.form == "``" || t.form == "''"; }

// Single quoted words are scare quotes ("tragedy", "obligations").
constexpr uint32_t kMinQuoteTokens = 2;

}  // namespace

bool IsSpeechVerb(const std::string& l) {
  static constexpr std::array<std::string_view, 22> kVerbs = {
      "say", "tell", "add", "note", "warn", "emphasize", "emphasise", "stress", "insist", "declare", "state",
      "write", "ask", "reiterate", "announce", "argue", "claim", "caution", "remark", "tweet", "explain", "reply"};
  return std::find(kVerbs.begin(), kVerbs.end(), l) != kVerbs.end();
}

QuoteFinder::QuoteFinder(const Document& doc) : doc_(doc) {
  // Pair marks within a paragraph: open, close, open, close ...
  bool open = false;
  Span cur;
  uint32_t paragraph = 0;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.paragraph != paragraph) {
      open = false;
      paragraph = s.paragraph;
    }
    for (uint32_t t = s.first; t < s.first + s.size; ++t) {
      if (!IsQuoteMark(doc.tokens[t])) continue;
      if (!open) {
        cur = Span();
        cur.open = t;
        cur.open_sentence = si;
        open = true;
      } else {
        cur.close = t;
        cur.close_sentence = si;
        if (cur.close - cur.open - 1 >= kMinQuoteTokens) spans_.push_back(cur);
        open = false;
      }
    }
  }
}

namespace {

// Speaker from a speech verb of this sentence outside the quote: the one
// dominating the quote, else the nearest.
const ActorRef* SpeakerInSentence(const SentenceView& sv, const DocContext& ctx, int q_first, int q_last) {
  const Tree& t = *sv.tree;
  const ActorRef* best = nullptr;
  int best_score = 1 << 30;
  for (int v = 0; v < t.size(); ++v) {
    if (v >= q_first && v <= q_last) continue;
    if (!IsSpeechVerb(t.lemma(v)) || t.tok(v).upos != "VERB") continue;
    const ActorRef* who = ActorOfPhrase(sv, ctx, SubjectOf(t, v));
    if (!who) continue;
    bool dominates = q_first < t.size() && t.Dominates(v, std::max(q_first, 0));
    int dist = v < q_first ? q_first - v : v - q_last;
    int score = dominates ? 0 : dist;
    if (score < best_score) {
      best_score = score;
      best = who;
    }
  }
  if (best) return best;
  // The quote is part of a clause begun outside it ("Blinken 'emphasized
  // that ...'", "criticized Israel's 'excessive use of force'"): the
  // subject of the nearest verb above the quote speaks.
  for (int i = std::max(q_first, 0); i <= q_last && i < t.size(); ++i) {
    int h = t.head(i);
    if (h >= q_first && h <= q_last) continue;  // not the quote's own head
    int v = t.IsVerbal(i) ? i : h;
    for (int guard = 0; v >= 0 && !t.IsVerbal(v) && guard < 4; ++guard) v = t.head(v);
    // Only a verb outside the quote: the subject of the quoted sentence
    // itself ("Moscow should understand ...") is not its speaker.
    if (v >= 0 && (v < q_first || v > q_last)) {
      if (const ActorRef* who = ActorOfPhrase(sv, ctx, SubjectOf(t, v))) return who;
    }
  }
  // 'Blinken "emphasized that ..."': the actor right before the opening
  // mark, when the quote goes on with its verb.
  int before = q_first - 2;
  if (before >= 0 && sv.ref_at[before] >= 0 && q_first < t.size() && t.IsVerbal(q_first)) {
    return &sv.refs[sv.ref_at[before]];
  }
  return nullptr;
}

}  // namespace

void QuoteFinder::AddSentence(const SentenceView& sv, const DocContext& ctx, std::vector<Quote>* out) {
  const Sentence& s = *sv.sentence;
  for (Span& q : spans_) {
    int rel_open = static_cast<int>(q.open) - static_cast<int>(s.first);
    int rel_close = static_cast<int>(q.close) - static_cast<int>(s.first);
    if (q.open_sentence == sv.index && q.close_sentence != sv.index) {
      if (const ActorRef* r = SpeakerInSentence(sv, ctx, rel_open + 1, static_cast<int>(s.size) - 1)) {
        q.opening_code = r->code;
        q.opening_text = r->text;
      }
      continue;
    }
    if (q.close_sentence != sv.index) continue;
    std::string code, text;
    const ActorRef* r = SpeakerInSentence(sv, ctx, std::max(rel_open + 1, 0), rel_close - 1);
    if (r) {
      code = r->code;
      text = r->text;
    } else if (!q.opening_code.empty()) {
      code = q.opening_code;
      text = q.opening_text;
    } else if (s.paragraph <= last_paragraph_ + 1) {
      code = last_code_;
      text = last_text_;
    }
    Quote quote;
    quote.doc_id = doc_.id;
    quote.sentence = q.open_sentence;
    quote.speaker = code;
    quote.speaker_text = text;
    quote.span_begin = doc_.tokens[q.open + 1].begin;
    quote.span_end = doc_.tokens[q.close - 1].end;
    quote.quote = std::string(doc_.slice(quote.span_begin, quote.span_end));
    out->push_back(std::move(quote));
    if (!code.empty()) {
      last_code_ = code;
      last_text_ = text;
      last_paragraph_ = s.paragraph;
    }
  }
}

const ActorRef* CountOwner(const SentenceView& sv, const DocContext& ctx, int unit_head, int* verb) {
  *verb = -1;
  if (unit_head < 0 || unit_head >= sv.tree->size()) return nullptr;
  const Tree& t = *sv.tree;
  // Spans of time and shares are nobody's ("nearly eight years").
  static const char* kUnowned[] = {"year", "month", "week", "day", "hour", "minute", "decade", "century", "percent", "%"};
  for (const char* u : kUnowned) {
    if (t.lemma(unit_head) == u) return nullptr;
  }
  if (sv.ref_at[unit_head] >= 0) return &sv.refs[sv.ref_at[unit_head]];
  if (const ActorRef* r = ActorOfPhrase(sv, ctx, unit_head)) return r;
  int v = unit_head;
  for (int guard = 0; v >= 0 && !t.IsVerbal(v) && guard < 4; ++guard) v = t.head(v);
  if (v < 0) return nullptr;
  // Casualties belong to nobody in particular: the killer is an event's
  // source, not the owner of the dead.
  if (t.lemma(v) == "kill" || t.lemma(v) == "wound" || t.lemma(v) == "injure") return nullptr;
  *verb = v;
  return ActorOfPhrase(sv, ctx, SubjectOf(t, v));
}

}  // namespace faultline
