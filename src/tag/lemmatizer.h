// Lemmatiser: WordNet's morphy (exception lists + detachment rules, checked
// against the WordNet index) driven by the Penn tag, plus an exception table
// learned from the treebank for what WordNet gets wrong or does not cover
// (closed classes and EWT conventions: "n't"->"not", "'s"/VBZ->"be",
// "I"->"I", "data"->"data").
//
// Conventions follow UD English EWT: proper nouns keep their case, other
// lemmas are lowercase; numbers, symbols and punctuation are their own lemma.
#ifndef FAULTLINE_TAG_LEMMATIZER_H_
#define FAULTLINE_TAG_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "faultline/document.h"
#include "faultline/status.h"
#include "tag/wordnet.h"

namespace faultline {

// Immutable after Load; safe to use from many threads.
class Lemmatizer {
 public:
  // `wordnet_dir` holds {noun,verb,adj,adv}.exc and index.*; `table_path` is
  // the learned TSV (form<TAB>xpos<TAB>lemma), or "" for rules only.
  // Errors: NotFound for a missing file, Corruption for a bad table line.
  static Result<std::unique_ptr<Lemmatizer>> Load(const std::string& wordnet_dir,
                                                  const std::string& table_path);
  // The same with WordNet already loaded (shared with the tagger).
  static Result<std::unique_ptr<Lemmatizer>> Load(std::shared_ptr<const WordNet> wordnet,
                                                  const std::string& table_path);

  // Fills Token::lemma for the tokens of `s` (needs upos/xpos).
  void Lemmatize(Document* doc, const Sentence& s) const;
  // `mid_sentence`: the word is not the first of its sentence, so its
  // capital letter may be its own rather than the sentence's.
  std::string Lemma(std::string_view form, std::string_view upos, std::string_view xpos,
                    bool mid_sentence = false) const;
  // The WordNet/rule answer alone, without the learned table.
  std::string RuleLemma(std::string_view form, std::string_view upos, std::string_view xpos,
                        bool mid_sentence = false) const;

  // Learns the exception table from gold lemmas: (lowercased form, xpos)
  // pairs whose majority lemma differs from RuleLemma, except regular plurals
  // EWT leaves unlemmatised ("troops"). Returns the TSV text.
  std::string LearnTable(const std::vector<Document>& train) const;

  size_t table_size() const { return table_.size(); }

 private:
  using Pos = WordNet::Pos;
  Lemmatizer() = default;
  Status LoadTable(const std::string& path);
  // First rule candidate found in WordNet for `lower`, or a heuristic guess.
  std::string Morphy(const std::string& lower, Pos pos) const;
  bool Known(const std::string& word, Pos pos) const { return wordnet_->Known(word, pos); }

  std::shared_ptr<const WordNet> wordnet_;
  std::unordered_map<std::string, std::string> table_;  // "lower\txpos" -> lemma
};

}  // namespace faultline

#endif  // FAULTLINE_TAG_LEMMATIZER_H_
