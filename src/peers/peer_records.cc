#include "peers/peer_records.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/ascii.h"
#include "base/xml_attr.h"
#include "peers/peer_set.h"

namespace faultline::peers {
namespace {

// Blank-trimmed copy (records hold ASCII markup around UTF-8 text).
std::string Trim(std::string_view s) { return std::string(AsciiTrim(s)); }

// Collapses white space runs into single blanks.
std::string Squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// "950101 DEFAULT-CMD02": a TABARI record's first line (a date of six or
// eight digits, blanks, an id).
bool IsRecordHeader(std::string_view l) {
  size_t d = 0;
  while (d < l.size() && std::isdigit(static_cast<unsigned char>(l[d]))) ++d;
  if ((d != 6 && d != 8) || d == l.size() || (l[d] != ' ' && l[d] != '\t')) return false;
  return !AsciiTrim(l.substr(d)).empty();
}

int LineAt(const std::string& text, size_t pos) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min(pos, text.size()), '\n'));
}

std::string Dir(const std::string& path) {
  std::filesystem::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : ".";
}

}  // namespace

ValidationSuite ParsePetrarchRecords(const std::string& input, const std::string& file) {
  ValidationSuite suite;
  suite.dialect = Dialect::kPetrarch;
  suite.path = file;
  // Blank out XML comments (keeping line breaks for line numbers).
  std::string text = input;
  for (size_t p = text.find("<!--"); p != std::string::npos; p = text.find("<!--", p)) {
    size_t e = text.find("-->", p + 4);
    size_t end = e == std::string::npos ? text.size() : e + 3;
    for (size_t i = p; i < end; ++i) {
      if (text[i] != '\n') text[i] = ' ';
    }
    p = end;
  }
  auto element = [&](const std::string& name, std::string_view in) -> std::string {
    size_t b = in.find("<" + name + ">");
    if (b == std::string_view::npos) return "";
    size_t e = in.find("</" + name + ">", b);
    if (e == std::string_view::npos) return "";
    return std::string(in.substr(b + name.size() + 2, e - b - name.size() - 2));
  };
  std::vector<std::string> include;
  size_t env = text.find("<Environment>");
  // The closing tag is looked for after the opening one: a stray
  // "</Environment>" before it would otherwise make a negative length.
  size_t env_end = env == std::string::npos ? std::string::npos : text.find("</Environment>", env);
  if (env != std::string::npos && env_end != std::string::npos) {
    std::string_view e(text.data() + env, env_end - env);
    std::istringstream in(element("Include", e));
    for (std::string w; in >> w;) include.push_back(w);
    auto add = [&](const char* tag, std::vector<std::string>* out) {
      std::string f = Trim(element(tag, e));
      if (!f.empty()) out->push_back(f);
    };
    add("Verbfile", &suite.verbs);
    add("Actorfile", &suite.actors);
    add("Agentfile", &suite.agents);
    add("Discardfile", &suite.discards);
  }
  std::vector<std::pair<std::string, std::string>> config;
  size_t pos = env_end == std::string::npos ? 0 : env_end;
  while (true) {
    size_t s = text.find("<Sentence ", pos);
    size_t c = text.find("<Config ", pos);
    if (s == std::string::npos && c == std::string::npos) break;
    if (c != std::string::npos && (s == std::string::npos || c < s)) {
      size_t e = text.find('>', c);
      std::string_view tag(text.data() + c, (e == std::string::npos ? text.size() : e) - c);
      std::string opt = XmlAttribute(tag, "option"), val = XmlAttribute(tag, "value");
      auto it = std::find_if(config.begin(), config.end(), [&](const auto& kv) { return kv.first == opt; });
      if (it != config.end()) {
        it->second = val;
      } else if (!opt.empty()) {
        config.emplace_back(opt, val);
      }
      pos = e == std::string::npos ? text.size() : e + 1;
      continue;
    }
    size_t tag_end = text.find('>', s);
    size_t close = text.find("</Sentence>", s);
    if (tag_end == std::string::npos || close == std::string::npos) {
      suite.warnings.push_back(file + ":" + std::to_string(LineAt(text, s)) + ": unclosed <Sentence> (skipped)");
      break;
    }
    if (tag_end > close) {  // "<Sentence </Sentence>": the tag never closed
      suite.warnings.push_back(file + ":" + std::to_string(LineAt(text, s)) + ": malformed <Sentence> tag (skipped)");
      pos = close + 11;
      continue;
    }
    std::string_view tag(text.data() + s, tag_end - s);
    std::string_view body(text.data() + tag_end + 1, close - tag_end - 1);
    ValidationRecord r;
    r.origin = file + ":" + std::to_string(LineAt(text, s));
    r.id = XmlAttribute(tag, "id");
    r.category = XmlAttribute(tag, "category");
    r.raw_date = XmlAttribute(tag, "date");
    r.date = PeerDateToIso(r.raw_date);
    r.text = Squeeze(element("Text", body));
    for (const auto& [k, v] : config) r.options.push_back(k + "=" + v);
    r.in_scope = include.empty() || std::find(include.begin(), include.end(), r.category) != include.end();
    bool noevents = false, error = false;
    for (size_t p = body.find("<EventCoding"); p != std::string_view::npos; p = body.find("<EventCoding", p + 1)) {
      size_t e = body.find('>', p);
      std::string_view et = body.substr(p, e - p);
      if (AsciiLower(XmlAttribute(et, "noevents")) == "true") {
        noevents = true;
        continue;
      }
      if (!XmlAttribute(et, "error").empty()) {
        error = true;
        continue;
      }
      ExpectedEvent x{XmlAttribute(et, "sourcecode"), XmlAttribute(et, "targetcode"), XmlAttribute(et, "eventcode")};
      if (!x.code.empty()) r.expected.push_back(std::move(x));
    }
    if (error) {
      r.kind = ValidationRecord::Kind::kError;
    } else if (!r.expected.empty()) {
      r.kind = ValidationRecord::Kind::kEvents;
    } else {
      (void)noevents;
      r.kind = ValidationRecord::Kind::kNoEvents;
    }
    if (r.date.empty() && r.kind != ValidationRecord::Kind::kError) {
      suite.warnings.push_back(r.origin + ": date '" + r.raw_date + "' is not a date");
    }
    suite.records.push_back(std::move(r));
    pos = close + 11;
  }
  return suite;
}

Result<ValidationSuite> ReadPetrarchSuite(const std::string& path) {
  std::string text;
  Status st = ReadWholeFile(path, &text);
  if (!st.ok()) return st;
  ValidationSuite suite = ParsePetrarchRecords(text, path);
  std::string dir = Dir(path);
  for (auto* list : {&suite.verbs, &suite.actors, &suite.agents, &suite.discards}) {
    for (std::string& f : *list) f = dir + "/" + f;
  }
  if (suite.verbs.empty() || suite.actors.empty()) {
    return Status::Invalid(path + ": the <Environment> names no <Verbfile> or <Actorfile>");
  }
  return suite;
}

ValidationSuite ParseTabariRecords(const std::string& text, const std::string& file) {
  ValidationSuite suite;
  suite.dialect = Dialect::kTabari;
  suite.path = file;
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
      if (!l.empty() && l.back() == '\r') l.pop_back();
      lines.push_back(l);
    }
  }
  std::vector<std::string> options;
  size_t n = 0;
  while (n < lines.size()) {
    const std::string& head = lines[n];
    if (head.empty() || !std::isdigit(static_cast<unsigned char>(head[0]))) {
      ++n;
      continue;
    }
    ValidationRecord r;
    r.origin = file + ":" + std::to_string(n + 1);
    std::istringstream hs(head);
    hs >> r.raw_date >> r.id;
    r.date = PeerDateToIso(r.raw_date);
    size_t dash = r.id.rfind('-');
    r.category = dash == std::string::npos ? r.id : r.id.substr(0, dash);
    // Text lines up to a blank line that is not inside a /* */ comment.
    std::string body;
    bool in_comment = false;
    ++n;
    for (; n < lines.size(); ++n) {
      const std::string& l = lines[n];
      // A blank line ends the record, even inside a comment the suite left
      // open when the next record's header follows (DEFAULT-06b).
      if (Trim(l).empty() && (!in_comment || (n + 1 < lines.size() && IsRecordHeader(lines[n + 1])))) break;
      body += l;
      body += '\n';
      // Track comment state along the line.
      for (size_t p = 0; p + 1 < l.size(); ++p) {
        if (!in_comment && l[p] == '/' && l[p + 1] == '*') {
          in_comment = true;
          ++p;
        } else if (in_comment && l[p] == '*' && l[p + 1] == '/') {
          in_comment = false;
          ++p;
        }
      }
    }
    std::string plain, comments;
    for (size_t p = 0; p < body.size();) {
      size_t b = body.find("/*", p);
      if (b == std::string::npos) {
        plain += body.substr(p);
        break;
      }
      plain += body.substr(p, b - p);
      size_t e = body.find("*/", b + 2);
      comments += body.substr(b + 2, (e == std::string::npos ? body.size() : e) - b - 2);
      comments += '\n';
      p = e == std::string::npos ? body.size() : e + 2;
    }
    // "\n" is a display break in TABARI's text.
    for (size_t p; (p = plain.find("\\n")) != std::string::npos;) plain.replace(p, 2, " ");
    r.text = Squeeze(plain);
    bool has_option = false, has_none = false;
    for (size_t p = comments.find('{'); p != std::string::npos; p = comments.find('{', p + 1)) {
      size_t e = comments.find('}', p);
      if (e == std::string::npos) {
        // "{ OPTION: SET: MINIMUM WORDS = 4  */": the suite leaves a few
        // option braces unclosed; the option runs to the end of its line.
        size_t eol = comments.find('\n', p);
        std::string rest = Trim(comments.substr(p + 1, eol == std::string::npos ? std::string::npos : eol - p - 1));
        if (rest.starts_with("OPTION:")) {
          has_option = true;
          options.push_back(Trim(rest.substr(7)));
        }
        break;
      }
      // "-{ ... }" is a commented-out expectation.
      size_t k = p;
      while (k > 0 && (comments[k - 1] == ' ' || comments[k - 1] == '\t')) --k;
      bool negated = k > 0 && comments[k - 1] == '-';
      std::string inside = Trim(comments.substr(p + 1, e - p - 1));
      p = e;
      if (negated) continue;
      if (inside.starts_with("OPTION:")) {
        has_option = true;
        options.push_back(Trim(inside.substr(7)));
        continue;
      }
      if (inside.find('/') == std::string::npos) {
        has_none = true;  // {}, {---}, {+++}, {###}
        continue;
      }
      std::vector<std::string> parts;
      std::string cur;
      for (char c : inside) {
        if (c == '/') {
          parts.push_back(Trim(cur));
          cur.clear();
        } else {
          cur += c;
        }
      }
      parts.push_back(Trim(cur));
      if (parts.size() != 3) {
        suite.warnings.push_back(r.origin + ": expectation {" + inside + "} is not {SRC / TGT / CODE}");
        continue;
      }
      r.expected.push_back({parts[0], parts[1], parts[2]});
    }
    r.options = options;
    if (has_option && r.expected.empty()) {
      r.kind = ValidationRecord::Kind::kControl;
    } else if (r.date.empty()) {
      r.kind = ValidationRecord::Kind::kError;
    } else if (!r.expected.empty()) {
      r.kind = ValidationRecord::Kind::kEvents;
    } else {
      (void)has_none;
      r.kind = ValidationRecord::Kind::kNoEvents;
    }
    bool final_record = r.id == "FINAL-01";
    suite.records.push_back(std::move(r));
    if (final_record) break;
  }
  return suite;
}

Result<ValidationSuite> ReadTabariSuite(const std::string& path) {
  namespace fs = std::filesystem;
  std::string text;
  Status st = ReadWholeFile(path, &text);
  if (!st.ok()) return st;
  ValidationSuite suite = ParseTabariRecords(text, path);
  std::string dir = Dir(path);
  std::string base = fs::path(path).filename().string();
  // The project file beside it that names this text file.
  std::vector<fs::path> projects;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir, ec)) {
    if (f.path().extension() == ".project") projects.push_back(f.path());
  }
  std::sort(projects.begin(), projects.end());
  for (const fs::path& p : projects) {
    std::string ptext;
    if (!ReadWholeFile(p.string(), &ptext).ok()) continue;
    std::vector<std::string> texts;
    PeerSet files = ParseTabariProject(p.string(), ptext, &texts);
    if (std::find(texts.begin(), texts.end(), base) == texts.end()) continue;
    suite.actors = files.actors;
    suite.agents = files.agents;
    suite.verbs = files.verbs;
    suite.options = files.options;
    return suite;
  }
  return Status::NotFound(path + ": no .project file beside it names it as <textfile>");
}

Result<Dialect> DetectDialect(const std::string& path) {
  std::string text;
  Status st = ReadWholeFile(path, &text);
  if (!st.ok()) return st;
  if (path.ends_with(".xml") || text.find("<Sentence ") != std::string::npos) return Dialect::kPetrarch;
  if (path.ends_with(".text") || path.ends_with(".txt")) return Dialect::kTabari;
  return Status::Invalid(path + ": cannot tell whether this is a TABARI or a PETRARCH file (use --dict-format)");
}

bool TabariOptionWords(std::string_view option, std::string_view command, std::vector<std::string>* words) {
  std::string o = AsciiUpper(option);
  size_t at = o.find(command);
  if (at == std::string::npos) return false;
  std::istringstream in(o.substr(at + command.size()));
  words->clear();
  for (std::string w; in >> w;) words->push_back(std::move(w));
  return true;
}

}  // namespace faultline::peers
