// Direct quotations and their speakers. Quote marks are paired across the
// document (a quote may span sentences); the speaker is the subject of the
// speech verb outside the quote ("..., Putin said"), else the subject of the
// clause the quote continues ("Blinken 'emphasized that ...'"), else the
// speaker of the quote just before.
#ifndef FAULTLINE_CODE_QUOTES_H_
#define FAULTLINE_CODE_QUOTES_H_

#include <string>
#include <vector>

#include "code/sentence_view.h"
#include "faultline/event.h"

namespace faultline {

class QuoteFinder {
 public:
  explicit QuoteFinder(const Document& doc);
  // Emits the quotes that close in sentence sv (speakers resolved with ctx).
  void AddSentence(const SentenceView& sv, const DocContext& ctx, std::vector<Quote>* out);

 private:
  struct Span {
    uint32_t open = 0, close = 0;  // document token indices of the marks
    uint32_t open_sentence = 0, close_sentence = 0;
    const ActorRef* opening_speaker = nullptr;
    std::string opening_code, opening_text;
  };
  const Document& doc_;
  std::vector<Span> spans_;
  std::string last_code_, last_text_;
  uint32_t last_paragraph_ = 0;
};

// Whether a lemma is a verb of saying ("say", "tell", "warn", ...).
bool IsSpeechVerb(const std::string& lemma);

// The actor who owns a count: the reference that contains its unit noun
// ("Russian troops"), else the subject of the verb above it (*verb is set to
// that verb). nullptr if none.
const ActorRef* CountOwner(const SentenceView& sv, const DocContext& ctx, int unit_head, int* verb);

}  // namespace faultline

#endif  // FAULTLINE_CODE_QUOTES_H_
