#include "dates/token_window.h"

#include "base/ascii.h"

namespace faultline {

TokenWindow::TokenWindow(const Document& doc, const Sentence& s) : toks_(doc.begin_of(s)), n_(s.size) {
  lower_.reserve(n_);
  for (uint32_t i = 0; i < n_; ++i) {
    lower_.push_back(AsciiLower(toks_[i].form));
    if (toks_[i].head >= 0) has_tree_ = true;
  }
}

const std::string& TokenWindow::Low(int64_t i) const {
  static const std::string kEmpty;
  return i >= 0 && i < n_ ? lower_[i] : kEmpty;
}

}  // namespace faultline
