#include "clause/tree.h"

#include <algorithm>

namespace faultline {

Tree::Tree(const Document& doc, const Sentence& s)
    : toks_(doc.begin_of(s)), n_(s.size), children_(s.size), lemmas_(s.size) {
  for (size_t i = 0; i < n_; ++i) {
    int h = toks_[i].head;
    if (h >= 0 && static_cast<size_t>(h) < n_ && h != static_cast<int>(i)) {
      children_[h].push_back(static_cast<int>(i));
    }
    const std::string& l = toks_[i].lemma.empty() ? toks_[i].form : toks_[i].lemma;
    lemmas_[i].resize(l.size());
    std::transform(l.begin(), l.end(), lemmas_[i].begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  }
}

std::string_view Tree::base_rel(int i) const {
  std::string_view r = rel(i);
  return r.substr(0, r.find(':'));
}

bool Tree::IsVerbal(int i) const {
  std::string_view u = toks_[i].upos;
  return u == "VERB" || u == "AUX";
}

int Tree::Child(int i, std::string_view r) const {
  bool exact = r.find(':') != std::string_view::npos;
  for (int c : children_[i]) {
    if (exact ? rel(c) == r : base_rel(c) == r) return c;
  }
  return -1;
}

std::vector<int> Tree::ChildrenWith(int i, std::string_view r) const {
  bool exact = r.find(':') != std::string_view::npos;
  std::vector<int> out;
  for (int c : children_[i]) {
    if (exact ? rel(c) == r : base_rel(c) == r) out.push_back(c);
  }
  return out;
}

std::string Tree::CaseOf(int i) const {
  int c = Child(i, "case");
  return c < 0 ? std::string() : lemma(c);
}

bool Tree::HasCase(int i, std::string_view c) const {
  for (int k : children_[i]) {
    if (base_rel(k) == "case" && lemma(k) == c) return true;
  }
  return false;
}

std::string Tree::MarkOf(int i) const {
  int c = Child(i, "mark");
  return c < 0 ? std::string() : lemma(c);
}

std::vector<int> Tree::WithConjuncts(int i) const {
  std::vector<int> out{i};
  for (size_t k = 0; k < out.size(); ++k) {
    for (int c : children_[out[k]]) {
      if (base_rel(c) == "conj") out.push_back(c);
    }
  }
  return out;
}

std::vector<int> Tree::Subtree(int i) const {
  std::vector<int> out{i};
  for (size_t k = 0; k < out.size(); ++k) {
    for (int c : children_[out[k]]) out.push_back(c);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool Tree::Dominates(int a, int b) const {
  for (int guard = 0; b >= 0 && guard < static_cast<int>(n_) + 1; ++guard) {
    if (a == b) return true;
    b = head(b);
  }
  return false;
}

}  // namespace faultline
