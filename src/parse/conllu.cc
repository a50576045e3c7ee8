#include "parse/conllu.h"

#include <charconv>

#include "learn/binary_io.h"

namespace faultline {

namespace {

// Splits a token line into its ten tab-separated columns.
bool SplitColumns(std::string_view line, std::string_view cols[10]) {
  size_t n = 0;
  size_t start = 0;
  while (n < 10) {
    size_t tab = line.find('\t', start);
    cols[n++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return n == 10;
}

bool ParseInt(std::string_view s, int* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool IsRangeOrEmptyNode(std::string_view id) {
  return id.find_first_of("-.") != std::string_view::npos;
}

bool NoSpaceAfter(std::string_view misc) {
  size_t p = 0;
  while (p <= misc.size()) {
    size_t bar = misc.find('|', p);
    std::string_view item = misc.substr(p, bar == std::string_view::npos ? bar : bar - p);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    p = bar + 1;
  }
  return false;
}

class Reader {
 public:
  explicit Reader(const std::string& origin) : origin_(origin) {}

  Status Line(std::string_view line, size_t lineno);
  std::vector<Document> Finish() {
    EndSentence();
    EndDocument();
    return std::move(docs_);
  }

 private:
  Status Error(size_t lineno, const std::string& what) const {
    return Status::Corruption(origin_ + ":" + std::to_string(lineno) + ": " + what);
  }
  Status Word(std::string_view cols[10], size_t lineno);
  void EndSentence();
  void EndDocument() {
    if (!doc_.sentences.empty()) docs_.push_back(std::move(doc_));
    doc_ = Document();
  }

  std::string origin_;
  std::vector<Document> docs_;
  Document doc_;
  Sentence sent_;
  bool in_sentence_ = false;
  int mwt_last_ = 0;         // last word id covered by the current "a-b" line
  bool mwt_no_space_ = false;
};

Status Reader::Line(std::string_view line, size_t lineno) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) {
    EndSentence();
    return Status::Ok();
  }
  if (line[0] == '#') {
    if (line.starts_with("# newdoc") && !in_sentence_) {
      EndDocument();
      size_t eq = line.find("id = ");
      if (eq != std::string_view::npos) doc_.id = std::string(line.substr(eq + 5));
    }
    return Status::Ok();
  }
  std::string_view cols[10];
  if (!SplitColumns(line, cols)) return Error(lineno, "expected 10 tab-separated columns");
  if (IsRangeOrEmptyNode(cols[0])) {
    size_t dash = cols[0].find('-');
    if (dash != std::string_view::npos && !ParseInt(cols[0].substr(dash + 1), &mwt_last_)) {
      return Error(lineno, "bad multiword range '" + std::string(cols[0]) + "'");
    }
    if (dash != std::string_view::npos) mwt_no_space_ = NoSpaceAfter(cols[9]);
    return Status::Ok();
  }
  return Word(cols, lineno);
}

Status Reader::Word(std::string_view cols[10], size_t lineno) {
  int id = 0, head = 0;
  if (!ParseInt(cols[0], &id) || id < 1) return Error(lineno, "bad ID '" + std::string(cols[0]) + "'");
  if (!in_sentence_) {
    if (!doc_.text.empty()) doc_.text += '\n';
    sent_ = Sentence();
    sent_.first = doc_.tokens.size();
    sent_.begin = doc_.text.size();
    in_sentence_ = true;
  }
  if (static_cast<uint32_t>(id) != sent_.size + 1) return Error(lineno, "word IDs out of sequence");
  if (cols[6] == "_") {
    head = 0;
  } else if (!ParseInt(cols[6], &head) || head < 0) {
    return Error(lineno, "bad HEAD '" + std::string(cols[6]) + "'");
  }
  Token t;
  t.form = std::string(cols[1]);
  t.lemma = cols[2] == "_" && cols[1] != "_" ? "" : std::string(cols[2]);
  t.upos = InternTag(cols[3]);
  t.xpos = InternTag(cols[4]);
  t.head = head - 1;
  t.deprel = InternTag(cols[7]);
  if (id < mwt_last_) {
    t.space_after = false;
  } else if (id == mwt_last_) {
    t.space_after = !mwt_no_space_;
  } else {
    t.space_after = !NoSpaceAfter(cols[9]);
  }
  t.begin = doc_.text.size();
  doc_.text += t.form;
  t.end = doc_.text.size();
  if (t.space_after) doc_.text += ' ';
  doc_.tokens.push_back(std::move(t));
  ++sent_.size;
  return Status::Ok();
}

void Reader::EndSentence() {
  if (!in_sentence_) return;
  in_sentence_ = false;
  mwt_last_ = 0;
  const Token& last = doc_.tokens.back();
  sent_.end = last.end;
  doc_.text.resize(last.end);  // drop a trailing space
  for (uint32_t i = 0; i < sent_.size; ++i) {
    int32_t h = doc_.tokens[sent_.first + i].head;
    if (h >= static_cast<int32_t>(sent_.size)) doc_.tokens[sent_.first + i].head = -1;
  }
  doc_.sentences.push_back(sent_);
}

void AppendField(std::string_view v, std::string* out) {
  out->append(v.empty() ? std::string_view("_") : v);
  out->push_back('\t');
}

}  // namespace

Result<std::vector<Document>> ParseConllu(std::string_view content, const std::string& origin) {
  Reader reader(origin);
  size_t lineno = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    Status st = reader.Line(content.substr(pos, nl - pos), ++lineno);
    if (!st.ok()) return st;
    pos = nl + 1;
  }
  return reader.Finish();
}

Result<std::vector<Document>> ReadConlluFile(const std::string& path) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ParseConllu(*content, path);
}

void AppendConlluSentence(const Document& doc, const Sentence& s, const std::string& sent_id,
                          std::string* out) {
  out->append("# sent_id = ").append(sent_id).append("\n# text = ");
  const Token* toks = doc.begin_of(s);
  for (uint32_t i = 0; i < s.size; ++i) {
    out->append(toks[i].form);
    if (toks[i].space_after && i + 1 < s.size) out->push_back(' ');
  }
  out->push_back('\n');
  for (uint32_t i = 0; i < s.size; ++i) {
    const Token& t = toks[i];
    out->append(std::to_string(i + 1)).push_back('\t');
    AppendField(t.form, out);
    AppendField(t.lemma, out);
    AppendField(t.upos, out);
    AppendField(t.xpos, out);
    out->append("_\t");
    out->append(std::to_string(t.head + 1)).push_back('\t');
    AppendField(t.deprel, out);
    out->append("_\t");
    out->append(t.space_after ? "_" : "SpaceAfter=No").push_back('\n');
  }
  out->push_back('\n');
}

std::string WriteConllu(const Document& doc) {
  std::string out;
  if (!doc.id.empty()) out += "# newdoc id = " + doc.id + "\n";
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    AppendConlluSentence(doc, doc.sentences[i], doc.id + "-" + std::to_string(i + 1), &out);
  }
  return out;
}

}  // namespace faultline
