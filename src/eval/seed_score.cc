#include "eval/seed_score.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace faultline {
namespace {

using Json = nlohmann::json;

// Mirrors score-seed.py's norm(): straight quotes and dashes, collapsed
// white space, lower case.
std::string Norm(const std::string& in) {
  std::string s;
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = in[i];
    if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80) {
      unsigned char d = in[i + 2];
      if (d == 0x98 || d == 0x99) { s += '\''; i += 2; continue; }
      if (d == 0x9C || d == 0x9D) { s += '"'; i += 2; continue; }
      if (d == 0x93 || d == 0x94) { s += '-'; i += 2; continue; }
    }
    s += static_cast<char>(c);
  }
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

std::string Upper(std::string s) {
  for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return s;
}

bool ActorOk(const Json& gold, const std::string& got) {
  if (gold.is_array()) {
    if (gold.empty()) return true;
    return std::any_of(gold.begin(), gold.end(), [&](const Json& g) { return ActorOk(g, got); });
  }
  std::string g = gold.is_string() ? gold.get<std::string>() : "";
  if (g.empty()) return true;
  return Upper(got).rfind(Upper(g), 0) == 0;
}

std::string RootOf(const Json& e) {
  std::string c = Str(e, "root");
  if (c.empty()) c = Str(e, "code");
  return c.substr(0, 2);
}

bool InList(const Json& list, const std::string& v) {
  if (!list.is_array()) return false;
  return std::any_of(list.begin(), list.end(), [&](const Json& x) { return x.is_string() && x.get<std::string>() == v; });
}

std::vector<Json> LoadLines(const std::vector<std::string>& lines) {
  std::vector<Json> out;
  for (const std::string& l : lines) {
    Json j = Json::parse(l, nullptr, false);
    if (!j.is_discarded() && j.is_object()) out.push_back(std::move(j));
  }
  return out;
}

Result<std::vector<Json>> LoadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) lines.push_back(l);
  }
  return LoadLines(lines);
}

std::string Kind(const Json& r) {
  std::string k = Str(r, "kind");
  return k.empty() ? "event" : k;
}

double Num(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return -1;
  if (it->is_number()) return it->get<double>();
  if (it->is_string()) {
    try { return std::stod(it->get<std::string>()); } catch (...) { return -1; }
  }
  return -1;
}

}  // namespace

bool SeedScore::MeetsBar() const {
  return recall >= 0.90 && precision >= 0.85 && violations.empty() && quotes_found == quotes_total &&
         counts_found == counts_total;
}

Result<SeedScore> ScoreSeed(const std::vector<std::string>& pred_lines, const std::string& dir) {
  std::vector<Json> pred = LoadLines(pred_lines);
  auto gold = LoadFile(dir + "/gold-events.jsonl");
  if (!gold.ok()) return gold.status();
  auto must_not = LoadFile(dir + "/must-not.jsonl");
  auto quotes = LoadFile(dir + "/gold-quotes.jsonl");
  auto counts = LoadFile(dir + "/gold-counts.jsonl");
  std::vector<Json> events, pq, pc;
  for (Json& r : pred) {
    std::string k = Kind(r);
    (k == "event" ? events : k == "quote" ? pq : pc).push_back(r);
  }
  auto matches = [](const Json& g, const Json& e) {
    if (Norm(Str(e, "text")).find(Norm(Str(g, "evidence"))) == std::string::npos) return false;
    return ActorOk(g.value("source", Json()), Str(e, "source")) &&
           ActorOk(g.value("target", Json()), Str(e, "target")) && InList(g["root"], RootOf(e));
  };
  SeedScore s;
  s.emitted = static_cast<int>(events.size());
  for (const Json& e : events) {
    bool t = std::any_of(gold->begin(), gold->end(), [&](const Json& g) { return matches(g, e); });
    s.true_pos += t;
    RootScore& rs = s.by_root[RootOf(e)];
    ++rs.emitted;
    rs.true_pos += t;
    if (!t) {
      s.false_pos.push_back(Str(e, "source") + ">" + Str(e, "target") + ":" + Str(e, "code") + " [" +
                            Str(e, "status") + "] " + Str(e, "text").substr(0, 90));
    }
  }
  for (const Json& g : *gold) {
    if (!g.value("required", false)) continue;
    ++s.required;
    std::string root = g["root"].is_array() && !g["root"].empty() ? g["root"][0].get<std::string>() : "";
    RootScore& rs = s.by_root[root];
    ++rs.required;
    std::vector<const Json*> ms;
    for (const Json& e : events) {
      if (matches(g, e)) ms.push_back(&e);
    }
    if (ms.empty()) {
      s.missed.push_back(Str(g, "id"));
      continue;
    }
    ++s.found;
    ++rs.found;
    ++s.status_n;
    s.status_ok += std::any_of(ms.begin(), ms.end(), [&](const Json* e) { return Str(*e, "status") == Str(g, "status"); });
    std::string gd = Str(g, "date");
    if (!gd.empty()) {
      ++s.date_n;
      s.date_ok += std::any_of(ms.begin(), ms.end(), [&](const Json* e) { return Str(*e, "date").rfind(gd, 0) == 0; });
    }
  }
  s.precision = s.emitted ? static_cast<double>(s.true_pos) / s.emitted : 0;
  s.recall = s.required ? static_cast<double>(s.found) / s.required : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  if (must_not.ok()) {
    s.must_not_total = static_cast<int>(must_not->size());
    std::set<std::string> viol;
    for (const Json& n : *must_not) {
      const Json& fb = n["forbid"];
      for (const Json& e : events) {
        if (Norm(Str(e, "text")).find(Norm(Str(n, "evidence"))) == std::string::npos) continue;
        if (!ActorOk(fb.value("source", Json()), Str(e, "source")) ||
            !ActorOk(fb.value("target", Json()), Str(e, "target")) || !InList(fb.value("root", Json::array()), RootOf(e)) ||
            InList(fb.value("status_not", Json::array()), Str(e, "status")) ||
            Str(e, "date").rfind(fb.value("date_prefix", std::string()), 0) != 0) {
          continue;
        }
        viol.insert(Str(n, "id"));
      }
    }
    s.violations.assign(viol.begin(), viol.end());
  }
  if (quotes.ok()) {
    s.quotes_total = static_cast<int>(quotes->size());
    for (const Json& q : *quotes) {
      s.quotes_found += std::any_of(pq.begin(), pq.end(), [&](const Json& p) {
        std::string text = Str(p, "quote").empty() ? Str(p, "text") : Str(p, "quote");
        return Norm(text).find(Norm(Str(q, "starts"))) != std::string::npos &&
               ActorOk(q.value("speaker", Json()), Str(p, "speaker"));
      });
    }
  }
  if (counts.ok()) {
    s.counts_total = static_cast<int>(counts->size());
    for (const Json& c : *counts) {
      std::vector<std::string> units;
      if (c["unit"].is_array()) {
        for (const Json& u : c["unit"]) units.push_back(u.get<std::string>());
      } else {
        units.push_back(Str(c, "unit"));
      }
      s.counts_found += std::any_of(pc.begin(), pc.end(), [&](const Json& p) {
        return Num(p, "value") == c["value"].get<double>() &&
               std::any_of(units.begin(), units.end(), [&](const std::string& u) {
                 return Norm(Str(p, "unit")).find(Norm(u)) != std::string::npos;
               }) &&
               ActorOk(c.value("actor", Json()), Str(p, "actor"));
      });
    }
  }
  return s;
}

std::string FormatScore(const SeedScore& s, const std::string& label) {
  std::ostringstream o;
  char buf[512];
  std::snprintf(buf, sizeof buf, "events emitted %d  true %d  precision %.3f\n", s.emitted, s.true_pos, s.precision);
  o << buf;
  std::snprintf(buf, sizeof buf, "found gold events: status right %d/%d, event date right %d/%d\n", s.status_ok,
                s.status_n, s.date_ok, s.date_n);
  o << buf;
  o << "required gold " << s.required << "  found " << s.found;
  std::snprintf(buf, sizeof buf, "  recall %.3f  missed", s.recall);
  o << buf;
  for (const auto& m : s.missed) o << ' ' << m;
  o << '\n';
  for (const auto& f : s.false_pos) o << "  FP " << f << '\n';
  o << "per root (emitted/true, required/found):";
  for (const auto& [root, r] : s.by_root) {
    o << ' ' << root << ':' << r.emitted << '/' << r.true_pos << ',' << r.required << '/' << r.found;
  }
  o << '\n';
  o << "must-not violations " << s.violations.size();
  for (const auto& v : s.violations) o << ' ' << v;
  o << "\nquotes " << s.quotes_found << '/' << s.quotes_total << "  counts " << s.counts_found << '/' << s.counts_total
    << '\n';
  std::snprintf(buf, sizeof buf,
                "%s P %.3f R %.3f F1 %.3f must-not %zu/%d status %.2f date %.2f quotes %d/%d counts %d/%d\n",
                label.c_str(), s.precision, s.recall, s.f1, s.violations.size(), s.must_not_total,
                s.status_n ? static_cast<double>(s.status_ok) / s.status_n : 0.0,
                s.date_n ? static_cast<double>(s.date_ok) / s.date_n : 0.0, s.quotes_found, s.quotes_total,
                s.counts_found, s.counts_total);
  o << buf;
  return o.str();
}

}  // namespace faultline
