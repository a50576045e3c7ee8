#!/usr/bin/env python3
"""Checks the actor dictionaries in data/actors/*.actors and prints counts.

    python3 tools/check_actor_coverage.py [data/actors] [--taxonomy ../shared/taxonomy]
                                          [--iso /usr/share/iso-codes/json/iso_3166-1.json]
                                          [--warn]

What it checks (format: doc/dictionary_format.md):
  * every line is `KIND CODE PHRASES`, a `person` line, or an indented
    `anaphor` / `role` line attached to an entry above it; KIND is known;
  * codes have the right shape for their kind (country/demonym/capital: a
    3-letter state code, or state + sub-code such as CYPTRK; seat: state code
    + role; region: a CAMEO region code from the taxonomy; agent: one known
    3-letter role; org/group: upper-case letters, 3 to 15);
  * country codes exist in ISO 3166-1 (iso-codes), in the CAMEO taxonomy
    tables, or in the short list of user-assigned codes below;
  * no phrase is listed twice with different codes within one kind (after the
    tokenizer's normalisation: lower case, clitic 's split off, curly
    apostrophes straightened);
  * phrases contain no '|' remnants or empty parts, and person roles have valid
    dates (FROM <= TO);
  * every one of the 193 UN member states has a `country` entry with its code.
With --warn it also lists phrases shared by different kinds with different
codes (legal, but the matcher must then prefer one; worth a look).

Exit status: 0 if every check passes, 1 otherwise (errors name file:line).
"""
import argparse
import csv
import datetime
import glob
import json
import os
import re
import sys
from collections import defaultdict

KINDS = ("country", "demonym", "capital", "seat", "region", "org", "group", "agent")

# The 193 UN member states (ISO 3166-1 alpha-3), as of 2011 (South Sudan the last
# to join). A fact list; names come from iso-codes when printed.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()

# Observers and other entities the brief requires, with the codes we use.
REQUIRED_OTHERS = ["VAT", "PSE", "XKX", "TWN", "ESH", "HKG", "MAC", "GRL", "PRI", "USR"]

# Codes used for states/territories that are in neither ISO 3166-1 nor the
# CAMEO tables: XKX (Kosovo, user-assigned).
EXTRA_STATE_CODES = {"XKX"}

# Role codes allowed for `agent`: CAMEO Table 3.1 and Table 3.2 generics, plus
# REL (generic religious role used in CAMEO-based dictionaries; CAMEO's own
# religion codes are a separate table).
FALLBACK_ROLES = set("""COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI
ENV HLH HRI LAB LEG MED REF MOD RAD PTY IGO IMG INT MNC NGM NGO UIS""".split())
EXTRA_ROLES = {"REL"}
SEAT_ROLES = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "MED", "OPP"}


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def normalise(phrase):
    """Lower-case word tuple the way the tokenizer splits a phrase."""
    p = phrase.replace("\u2019", "'").replace("\u2018", "'")
    words = []
    for w in p.split():
        lw = w.lower()
        if lw.endswith("'s") and len(lw) > 2:
            words += [lw[:-2], "'s"]
        else:
            words.append(lw)
    return tuple(words)


def strip_comment(line):
    i = line.find("#")
    return line if i < 0 else line[:i]


class Checker:
    def __init__(self, taxonomy, iso_path):
        self.errors = []
        self.entries = []          # (kind, code, phrases, file, line)
        self.anaphors = 0
        self.persons = 0
        self.roles = 0
        self.iso = {}
        if iso_path and os.path.exists(iso_path):
            with open(iso_path, encoding="utf-8") as f:
                for e in json.load(f)["3166-1"]:
                    self.iso[e["alpha_3"]] = e.get("common_name") or e["name"]
        else:
            print(f"note: {iso_path} not found; ISO checks limited", file=sys.stderr)
        self.tax_states, self.regions, self.roles_ok = set(), set(), set(FALLBACK_ROLES)
        if taxonomy and os.path.isdir(taxonomy):
            for r in read_tsv(os.path.join(taxonomy, "cameo_countries.tsv")):
                (self.regions if r["type"] == "region" else self.tax_states).add(r["code"])
            for r in read_tsv(os.path.join(taxonomy, "cameo_keds_actor_codes.tsv")):
                if len(r["code"]) == 3:
                    self.tax_states.add(r["code"])
            self.roles_ok = {r["code"] for r in read_tsv(os.path.join(taxonomy, "cameo_actor_types.tsv"))
                             if len(r["code"]) == 3}
        else:
            print(f"note: taxonomy {taxonomy} not found; region/role checks use built-in lists",
                  file=sys.stderr)
            self.regions = set("""AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR
                                  PGS SCN SAM SAS SEA SAF WAF WST""".split())
        self.roles_ok |= EXTRA_ROLES

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def known_state(self, code):
        return code in self.iso or code in self.tax_states or code in EXTRA_STATE_CODES

    def check_code(self, where, kind, code):
        if kind in ("country", "demonym", "capital"):
            if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", code):
                return self.err(where, f"{kind} code {code!r} is not XXX or XXXYYY")
            if not self.known_state(code[:3]):
                self.err(where, f"{kind} code {code!r}: {code[:3]} is not a known state code")
        elif kind == "seat":
            if not re.fullmatch(r"[A-Z]{6,9}", code):
                return self.err(where, f"seat code {code!r} is not a state code + role")
            if not self.known_state(code[:3]):
                self.err(where, f"seat code {code!r}: {code[:3]} is not a known state code")
            if code[3:6] not in SEAT_ROLES:
                self.err(where, f"seat code {code!r}: role {code[3:6]} not one of {sorted(SEAT_ROLES)}")
        elif kind == "region":
            if code not in self.regions:
                self.err(where, f"region code {code!r} is not a CAMEO region")
        elif kind == "agent":
            if code not in self.roles_ok:
                self.err(where, f"agent code {code!r} is not a known 3-letter role")
        else:  # org, group
            if not re.fullmatch(r"[A-Z]{3,15}", code):
                self.err(where, f"{kind} code {code!r} is not 3-15 upper-case letters")
            elif kind == "group" and not (self.known_state(code[:3]) or code[:3] in
                                          ("IMG", "NGM", "NGO", "INT", "ARB", "KUR", "PAL")):
                self.err(where, f"group code {code!r} does not start with a state or IMG/NGM/NGO")
            elif kind == "org" and code[:3] not in ("IGO", "NGO", "NGM", "MNC", "INT", "IMG"):
                self.err(where, f"org code {code!r} does not start with IGO/NGO/NGM/MNC/INT/IMG")

    def check_phrases(self, where, text):
        phrases = [p.strip() for p in text.split("|")]
        if any(not p for p in phrases):
            self.err(where, "empty phrase (doubled or trailing '|')")
        return [p for p in phrases if p]

    def read_file(self, path):
        rel = os.path.relpath(path)
        last_entry = None
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                where = f"{rel}:{n}"
                line = strip_comment(raw.rstrip("\n"))
                if not line.strip():
                    continue
                indented = line[0] in " \t"
                fields = line.split(None, 1)
                head = fields[0]
                rest = fields[1].strip() if len(fields) > 1 else ""
                if indented:
                    if last_entry is None:
                        self.err(where, "indented line without an entry above")
                    elif head == "anaphor":
                        if last_entry == "person":
                            self.err(where, "anaphor under a person")
                        self.anaphors += len(self.check_phrases(where, rest))
                    elif head == "role":
                        self.check_role(where, rest, last_entry)
                    else:
                        self.err(where, f"unknown indented line {head!r}")
                    continue
                if head == "person":
                    parts = rest.split(None, 1)
                    if len(parts) < 2 or parts[0] not in ("m", "f", "x"):
                        self.err(where, "person needs GENDER (m/f/x) and names")
                    else:
                        self.check_phrases(where, parts[1])
                    self.persons += 1
                    last_entry = "person"
                    continue
                if head not in KINDS:
                    self.err(where, f"unknown kind {head!r}")
                    last_entry = None
                    continue
                parts = rest.split(None, 1)
                if len(parts) < 2:
                    self.err(where, f"{head} needs a code and phrases")
                    last_entry = None
                    continue
                code, text = parts
                self.check_code(where, head, code)
                phrases = self.check_phrases(where, text)
                self.entries.append((head, code, phrases, rel, n))
                last_entry = head

    def check_role(self, where, rest, last_entry):
        if last_entry != "person":
            return self.err(where, "role line not under a person")
        parts = rest.split(None, 3)
        if len(parts) < 4:
            return self.err(where, "role needs CODE FROM TO TITLES")
        code, frm, to, titles = parts
        if not re.fullmatch(r"[A-Z]{3,15}", code):
            self.err(where, f"role code {code!r} is not upper-case letters")
        days = []
        for d in (frm, to):
            if d == "-":
                days.append(None)
                continue
            try:
                days.append(datetime.date.fromisoformat(d))
            except ValueError:
                self.err(where, f"{d!r} is not a YYYY-MM-DD date or '-'")
                days.append(None)
        if days[0] and days[1] and days[0] > days[1]:
            self.err(where, f"role ends ({to}) before it starts ({frm})")
        self.check_phrases(where, titles)
        self.roles += 1

    def cross_checks(self, warn):
        by_kind = defaultdict(dict)       # kind -> words -> (code, where)
        by_words = defaultdict(set)       # words -> {(kind, code)}
        for kind, code, phrases, rel, n in self.entries:
            for p in phrases:
                w = normalise(p)
                seen = by_kind[kind].get(w)
                if seen and seen[0] != code:
                    self.err(f"{rel}:{n}", f"{kind} phrase {p!r} is also {seen[0]} at {seen[1]}")
                elif not seen:
                    by_kind[kind][w] = (code, f"{rel}:{n}")
                by_words[w].add((kind, code))
        countries = {code for kind, code, _, _, _ in self.entries if kind == "country"}
        missing = [c for c in UN_MEMBERS if c not in countries]
        for c in missing:
            self.err("coverage", f"UN member {c} ({self.iso.get(c, '?')}) has no country entry")
        for c in REQUIRED_OTHERS:
            if c not in countries:
                self.err("coverage", f"{c} has no country entry")
        for c in UN_MEMBERS:
            if self.iso and c not in self.iso:
                self.err("coverage", f"UN member code {c} is not in ISO 3166-1")
        if warn:
            for w, kc in sorted(by_words.items()):
                if len({c for _, c in kc}) > 1:
                    print("warning: phrase %r: %s" % (" ".join(w), ", ".join(f"{k}:{c}" for k, c in sorted(kc))))
        return len(UN_MEMBERS) - len(missing)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", nargs="?", default=os.path.join(repo, "data", "actors"))
    ap.add_argument("--taxonomy", default=os.path.join(repo, "..", "shared", "taxonomy"))
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--warn", action="store_true", help="list phrases shared across kinds")
    a = ap.parse_args()

    ch = Checker(a.taxonomy, a.iso)
    files = sorted(glob.glob(os.path.join(a.path, "*.actors"))) if os.path.isdir(a.path) else [a.path]
    if not files:
        print(f"no .actors files in {a.path}", file=sys.stderr)
        return 1
    for f in files:
        ch.read_file(f)
    un = ch.cross_checks(a.warn)

    entries, phrases = defaultdict(int), defaultdict(int)
    for kind, _, ph, _, _ in ch.entries:
        entries[kind] += 1
        phrases[kind] += len(ph)
    print("files: " + ", ".join(os.path.relpath(f) for f in files))
    print(f"{'kind':10} {'entries':>8} {'phrases':>8}")
    for k in KINDS:
        print(f"{k:10} {entries[k]:8d} {phrases[k]:8d}")
    if ch.persons:
        print(f"{'person':10} {ch.persons:8d} {'':>8}  ({ch.roles} roles)")
    print(f"{'anaphor':10} {'':>8} {ch.anaphors:8d}")
    distinct = {(k, c) for k, c, _, _, _ in ch.entries if k in ("country",)}
    print(f"distinct country codes: {len({c for _, c in distinct})}; UN members covered: {un}/{len(UN_MEMBERS)}")
    for e in ch.errors:
        print("error: " + e, file=sys.stderr)
    if ch.errors:
        print(f"{len(ch.errors)} error(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
