// TokenWindow — one sentence's tokens as the date and count scanners read
// them: by position, with the lower-cased forms made once, and nothing past
// either end (their patterns look a few tokens around each token, so reads
// outside the sentence are the normal case at its edges, not an error).
//
// Thread contract: immutable after construction; refers to the Document,
// which must outlive it.
#ifndef FAULTLINE_DATES_TOKEN_WINDOW_H_
#define FAULTLINE_DATES_TOKEN_WINDOW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/document.h"

namespace faultline {

class TokenWindow {
 public:
  TokenWindow(const Document& doc, const Sentence& s);

  uint32_t size() const { return n_; }
  const Token* tokens() const { return toks_; }
  // Token i's lower-cased form / its form as written; "" outside the sentence.
  const std::string& Low(int64_t i) const;
  std::string_view Form(int64_t i) const {
    return i >= 0 && i < n_ ? std::string_view(toks_[i].form) : std::string_view();
  }
  // Whether the parser has run on the sentence (a token has a head).
  bool has_tree() const { return has_tree_; }

 private:
  const Token* toks_;
  uint32_t n_;
  std::vector<std::string> lower_;
  bool has_tree_ = false;
};

}  // namespace faultline

#endif  // FAULTLINE_DATES_TOKEN_WINDOW_H_
