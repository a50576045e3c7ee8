#!/usr/bin/env python3
"""Validate faultline's PERSONS dictionaries (data/actors/people*.actors).

Checks (see doc/dictionary_format.md, section "Persons"):
  * every line is a `person GENDER NAMES` line or an indented
    `role CODE FROM TO TITLES` line that follows a person;
  * GENDER is m, f or x; name and title lists have no empty phrase;
  * titles are lower case (an all-capitals abbreviation such as PM is allowed);
  * dates are real YYYY-MM-DD dates (TO may be `-` = open), FROM <= TO,
    and no date lies after today;
  * CODE looks like a CAMEO code: a country code plus 3-letter role codes
    (RUSGOV, USAMIL), or an IGO/NGO code; when the taxonomy tables in
    ../shared/taxonomy are present the parts are checked against them;
  * every person has at least one role;
  * one person has no two overlapping spells of the same kind of office under
    the same code;
  * one-holder offices (head of state, head of government, foreign minister,
    defence minister, ...) of one code are not held by two people for more than
    the shared handover day, unless the later role line carries the comment
    marker `overlap-ok` (e.g. an acting president while the president is
    suspended);
  * the same full name is not given to two persons (warning).

Prints counts: persons, role spells, countries covered, spells per role kind.
Exit status 0 when there are no errors, 1 otherwise.

Usage: tools/check_people.py [FILE ...]   (default: data/actors/people*.actors)
"""

import datetime
import glob
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TAXONOMY = os.path.join(REPO, "..", "shared", "taxonomy")

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")
IGO_PREFIXES = ("IGO", "NGO", "MNC", "NGM", "IMG", "INT", "UIS")

# Office kinds that have a single holder at a time for one code.
SINGLE_HOLDER = {
    "head of state", "head of government", "foreign minister",
    "defence minister", "vice president", "national security adviser",
    "secretary-general", "commission president", "council president",
    "high representative", "military chief", "supreme leader",
    "igo head", "parliament president",
}


def role_kind(titles):
    """Classify an office by its first (canonical) title."""
    t = titles[0].lower()
    if "vice president" in t or "vice-president" in t:
        return "vice president"
    if "supreme leader" in t:
        return "supreme leader"
    if "commission president" in t or "president of the european commission" in t \
            or "commission chair" in t:
        return "commission president"
    if "european council president" in t or "president of the european council" in t:
        return "council president"
    if "parliament president" in t or "president of the european parliament" in t:
        return "parliament president"
    if "high representative" in t:
        return "high representative"
    if "secretary-general" in t or "secretary general" in t:
        return "secretary-general"
    if "director general" in t or "director-general" in t or "managing director" in t:
        return "igo head"
    if "deputy" in t or "first vice" in t:
        return "deputy"
    if "opposition" in t:
        return "opposition leader"
    if "spokes" in t or "press secretary" in t:
        return "spokesperson"
    if "national security advis" in t:
        return "national security adviser"
    if "security council secretary" in t or "secretary of the security council" in t \
            or "defence council secretary" in t:
        return "security council secretary"
    if "chief of" in t or "commander" in t or "joint chiefs" in t or "chief of staff" in t:
        return "military chief"
    if "prime minister" in t or "premier" in t or t.endswith("chancellor") \
            or t == "chancellor":
        return "head of government"
    if "foreign" in t or "secretary of state" in t or "external affairs" in t:
        return "foreign minister"
    if "defen" in t or "secretary of war" in t:
        return "defence minister"
    if "crown prince" in t:
        return "crown prince"
    for w in ("president", "king", "queen", "monarch", "emir", "emperor",
              "sultan", "head of state", "governor-general"):
        if w in t:
            return "head of state"
    return "other"


def load_taxonomy():
    countries, roles, special = set(), set(), set()
    if not os.path.isdir(TAXONOMY):
        return None
    def rows(name):
        path = os.path.join(TAXONOMY, name)
        if not os.path.exists(path):
            return []
        out = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                out.append(line.rstrip("\n").split("\t"))
        return out
    for r in rows("cameo_countries.tsv")[1:]:
        countries.add(r[0])
    for r in rows("cameo_actor_types.tsv")[1:]:
        roles.add(r[0])
    for r in rows("cameo_intl_special_actors.tsv")[1:]:
        special.add(r[0])
    for r in rows("cameo_keds_actor_codes.tsv"):
        if r and r[0].startswith(IGO_PREFIXES):
            special.add(r[0])
    return countries, roles, special


def parse_date(s):
    if not DATE_RE.match(s):
        return None
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None


def split_phrases(text):
    return [p.strip() for p in text.split("|")]


class Checker:
    def __init__(self, taxonomy, today):
        self.tax = taxonomy
        self.today = today
        self.errors = []
        self.warnings = []
        self.persons = []   # dicts: names, gender, where, roles

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: warning: {msg}")

    def check_code(self, where, code):
        if not CODE_RE.match(code):
            self.err(where, f"code {code!r} is not a CAMEO code (groups of 3 capitals)")
            return
        if self.tax is None:
            return
        countries, roles, special = self.tax
        if code.startswith(IGO_PREFIXES):
            if code not in special:
                self.warn(where, f"IGO/NGO code {code} is not in the CAMEO tables")
            return
        if code[:3] not in countries:
            self.err(where, f"{code[:3]} is not a CAMEO country code")
        for i in range(3, len(code), 3):
            part = code[i:i + 3]
            if part not in roles:
                self.err(where, f"{part} (in {code}) is not a CAMEO role code")

    def check_titles(self, where, titles):
        for t in titles:
            if not t:
                self.err(where, "empty title in the title list")
            elif t != t.lower() and not t.isupper():
                self.err(where, f"title {t!r} must be lower case")

    def parse_file(self, path):
        cur = None
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                where = f"{path}:{n}"
                comment = ""
                line = raw.rstrip("\n")
                if "#" in line:
                    line, comment = line.split("#", 1)
                if not line.strip():
                    continue
                indented = line[0] in " \t"
                fields = line.split()
                kind = fields[0]
                if kind == "person":
                    if indented:
                        self.err(where, "person line must not be indented")
                    if len(fields) < 3:
                        self.err(where, "person needs GENDER and at least one name")
                        cur = None
                        continue
                    gender = fields[1]
                    if gender not in ("m", "f", "x"):
                        self.err(where, f"gender {gender!r} must be m, f or x")
                    rest = line.split(None, 2)[2]
                    names = split_phrases(rest)
                    if any(not x for x in names):
                        self.err(where, "empty name in the name list")
                    names = [" ".join(x.split()) for x in names if x]
                    cur = {"names": names, "gender": gender, "where": where, "roles": []}
                    self.persons.append(cur)
                elif kind == "role":
                    if not indented:
                        self.err(where, "role line must be indented under its person")
                    if cur is None:
                        self.err(where, "role line without a person above it")
                        continue
                    if len(fields) < 5:
                        self.err(where, "role needs CODE FROM TO TITLES")
                        continue
                    code, dfrom, dto = fields[1], fields[2], fields[3]
                    self.check_code(where, code)
                    d1 = parse_date(dfrom)
                    if d1 is None:
                        self.err(where, f"FROM {dfrom!r} is not a valid YYYY-MM-DD date")
                    d2 = None
                    if dto != "-":
                        d2 = parse_date(dto)
                        if d2 is None:
                            self.err(where, f"TO {dto!r} is not a valid YYYY-MM-DD date or '-'")
                    if d1 and d2 and d1 > d2:
                        self.err(where, f"FROM {dfrom} is after TO {dto}")
                    for d in (d1, d2):
                        if d and d > self.today:
                            self.err(where, f"date {d} lies in the future")
                    titles = split_phrases(line.split(None, 4)[4])
                    self.check_titles(where, titles)
                    titles = [" ".join(t.split()) for t in titles if t]
                    if not titles:
                        continue
                    cur["roles"].append({
                        "code": code, "from": d1, "to": d2, "open": dto == "-",
                        "titles": titles, "kind": role_kind(titles), "where": where,
                        "overlap_ok": "overlap-ok" in comment,
                        "approx": "approx" in comment,
                    })
                else:
                    self.err(where, f"unknown entry kind {kind!r} (expected person or role)")

    def check_people(self):
        names_seen = {}
        holders = defaultdict(list)   # (code, kind) -> [(from, to, person, role)]
        for p in self.persons:
            if not p["roles"]:
                self.err(p["where"], f"person {p['names'][0]!r} has no role")
            for nm in p["names"]:
                key = nm.lower()
                if key in names_seen and names_seen[key] is not p:
                    self.warn(p["where"], f"name {nm!r} also names the person at "
                                          f"{names_seen[key]['where']}")
                names_seen.setdefault(key, p)
            roles = [r for r in p["roles"] if r["from"]]
            for i, a in enumerate(roles):
                for b in roles[i + 1:]:
                    if a["code"] == b["code"] and a["kind"] == b["kind"] \
                            and overlap_days(a, b, self.today) > 0:
                        self.err(b["where"], f"overlaps {a['where']} (same person, code "
                                             f"{a['code']}, {a['kind']})")
                if a["kind"] in SINGLE_HOLDER:
                    holders[(a["code"], a["kind"])].append((p, a))
        for (code, kind), lst in sorted(holders.items()):
            lst.sort(key=lambda x: x[1]["from"])
            for i, (pa, a) in enumerate(lst):
                for pb, b in lst[i + 1:]:
                    if pb is pa:
                        continue
                    days = overlap_days(a, b, self.today)
                    if days > 1 and not (a["overlap_ok"] or b["overlap_ok"]):
                        self.err(b["where"], f"{pb['names'][0]} and {pa['names'][0]} "
                                             f"({a['where']}) both hold {code} {kind} "
                                             f"for {days} days")

    def report(self):
        spells = [r for p in self.persons for r in p["roles"]]
        countries = sorted({r["code"][:3] for r in spells
                            if not r["code"].startswith(IGO_PREFIXES)})
        igos = sorted({r["code"] for r in spells if r["code"].startswith(IGO_PREFIXES)})
        kinds = Counter(r["kind"] for r in spells)
        print(f"persons:          {len(self.persons)}")
        print(f"role spells:      {len(spells)}")
        print(f"  open (in office now): {sum(1 for r in spells if r['open'])}")
        print(f"  marked approx:        {sum(1 for r in spells if r['approx'])}")
        print(f"countries covered: {len(countries)}: {' '.join(countries)}")
        print(f"IGO codes:        {' '.join(igos)}")
        print("spells per role kind:")
        for k, v in kinds.most_common():
            print(f"  {k:28s} {v}")
        print("spells per country (head of state / government / foreign / defence):")
        per = defaultdict(Counter)
        for r in spells:
            per[r["code"][:3] if not r["code"].startswith(IGO_PREFIXES) else r["code"]][r["kind"]] += 1
        for c in sorted(per):
            k = per[c]
            print(f"  {c:10s} hos={k['head of state']:<3} hog={k['head of government']:<3} "
                  f"fm={k['foreign minister']:<3} def={k['defence minister']:<3} "
                  f"other={sum(k.values()) - k['head of state'] - k['head of government'] - k['foreign minister'] - k['defence minister']}")


def overlap_days(a, b, today):
    a_to = a["to"] or today
    b_to = b["to"] or today
    start = max(a["from"], b["from"])
    end = min(a_to, b_to)
    return (end - start).days + 1 if end >= start else 0


def main(argv):
    files = argv[1:] or sorted(glob.glob(os.path.join(REPO, "data", "actors", "people*.actors")))
    if not files:
        print("no people*.actors files found", file=sys.stderr)
        return 1
    checker = Checker(load_taxonomy(), datetime.date.today())
    for path in files:
        checker.parse_file(path)
    checker.check_people()
    for w in checker.warnings:
        print(w, file=sys.stderr)
    for e in checker.errors:
        print(e, file=sys.stderr)
    checker.report()
    print(f"files: {len(files)}; errors: {len(checker.errors)}; warnings: {len(checker.warnings)}")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
