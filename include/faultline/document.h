// faultline/document.h — the annotated text every stage reads and writes.
//
// A Document owns the original story text. Stages never re-tokenise: the text
// layer fills `tokens` and `sentences` once, the tagger, lemmatiser and parser
// annotate the same tokens in place, and later stages (actors, events, quotes)
// refer to tokens by index and to the story by byte offsets into `text`.
//
// Thread contract: a Document is plain data; one thread works on it at a time.
#ifndef FAULTLINE_DOCUMENT_H_
#define FAULTLINE_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline {

// One token. `begin`/`end` are byte offsets into Document::text (the original,
// un-normalised bytes); `form` is the normalised spelling the models see
// (curly quotes -> straight, dashes -> '-', NBSP -> space, ...).
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string form;
  std::string lemma;       // filled by the lemmatiser ("troops" -> "troop")
  std::string_view upos;   // UD universal tag ("NOUN"); static storage (see InternTag)
  std::string_view xpos;   // Penn tag ("NNS"); static storage
  int32_t head = -1;       // index of the head token within the sentence; -1 = root
  std::string_view deprel; // UD relation ("nsubj", "obl:agent"); static storage
  bool space_after = true; // false when the next token follows with no space
};

// A sentence is a contiguous run of tokens [first, first + size).
struct Sentence {
  uint32_t first = 0;      // index of the first token in Document::tokens
  uint32_t size = 0;       // number of tokens
  uint32_t begin = 0;      // byte offsets into Document::text
  uint32_t end = 0;
  uint32_t paragraph = 0;  // 0-based paragraph index (blank-line separated)
};

struct Document {
  std::string id;
  std::string date;        // publication date, ISO "YYYY-MM-DD"
  std::string text;        // the story, exactly as read (valid UTF-8)
  std::string title, source, url;  // optional metadata from JSON Lines
  std::string origin;      // where it came from ("file.jsonl:12"), for errors
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  // Tokens of sentence `s` as a contiguous range.
  Token* begin_of(const Sentence& s) { return tokens.data() + s.first; }
  const Token* begin_of(const Sentence& s) const { return tokens.data() + s.first; }
  std::string_view slice(uint32_t b, uint32_t e) const {
    return std::string_view(text).substr(b, e - b);
  }
};

// Returns a view of a process-lifetime copy of `tag` (tags and labels are a
// small closed set, so interning them makes Token cheap to fill and compare).
std::string_view InternTag(std::string_view tag);

}  // namespace faultline

#endif  // FAULTLINE_DOCUMENT_H_
