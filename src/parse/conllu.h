// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// Reading keeps the syntactic words: multiword-token lines ("1-2") and empty
// nodes ("8.1") are skipped, and the Document's text is rebuilt from the word
// forms and SpaceAfter=No, so token offsets point at real bytes. A new
// Document starts at each "# newdoc" comment. FEATS, DEPS and the rest of MISC
// are not kept (Document has no place for them) and are written as "_".
#ifndef FAULTLINE_PARSE_CONLLU_H_
#define FAULTLINE_PARSE_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "faultline/document.h"
#include "faultline/status.h"

namespace faultline {

// Errors name the origin and line: "dev.conllu:812: bad HEAD 'x'".
Result<std::vector<Document>> ParseConllu(std::string_view content, const std::string& origin);
Result<std::vector<Document>> ReadConlluFile(const std::string& path);

// Appends one sentence in CoNLL-U (comments "# sent_id" and "# text", ten
// columns per token, blank line after).
void AppendConlluSentence(const Document& doc, const Sentence& s, const std::string& sent_id,
                          std::string* out);
// All sentences of `doc` after a "# newdoc id" line (if doc.id is set),
// sent_id "<doc.id>-<n>" (1-based).
std::string WriteConllu(const Document& doc);

}  // namespace faultline

#endif  // FAULTLINE_PARSE_CONLLU_H_
