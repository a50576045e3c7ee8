// A read-only view of one sentence's dependency tree with child lists, so
// clause analysis can walk down as well as up. Built per sentence; cheap.
#ifndef FAULTLINE_CLAUSE_TREE_H_
#define FAULTLINE_CLAUSE_TREE_H_

#include <string>
#include <string_view>
#include <vector>

#include "faultline/document.h"

namespace faultline {

class Tree {
 public:
  Tree(const Document& doc, const Sentence& s);

  int size() const { return static_cast<int>(n_); }
  const Token& tok(int i) const { return toks_[i]; }
  int head(int i) const { return toks_[i].head; }
  std::string_view rel(int i) const { return toks_[i].deprel; }
  // The relation without its subtype ("nsubj:pass" -> "nsubj").
  std::string_view base_rel(int i) const;
  const std::vector<int>& children(int i) const { return children_[i]; }
  // Lower-case lemma (form when the lemmatiser left it empty).
  const std::string& lemma(int i) const { return lemmas_[i]; }
  bool IsVerbal(int i) const;

  // First child of i whose relation is `rel` (exact, e.g. "nsubj:pass") or,
  // when `rel` has no ':', whose base relation is `rel`. -1 if none.
  int Child(int i, std::string_view rel) const;
  std::vector<int> ChildrenWith(int i, std::string_view rel) const;
  // The head of i's "case" or "mark" child, lower-case ("by", "with", "if").
  std::string CaseOf(int i) const;
  std::string MarkOf(int i) const;
  // Whether any "case" child of i has lemma `c` (a phrase may carry two).
  bool HasCase(int i, std::string_view c) const;
  // i followed by its conjuncts (conj children, recursively).
  std::vector<int> WithConjuncts(int i) const;
  // Every token in i's subtree, in sentence order.
  std::vector<int> Subtree(int i) const;
  bool Dominates(int a, int b) const;  // a is b or an ancestor of b

 private:
  const Token* toks_;
  size_t n_;
  std::vector<std::vector<int>> children_;
  std::vector<std::string> lemmas_;
};

}  // namespace faultline

#endif  // FAULTLINE_CLAUSE_TREE_H_
