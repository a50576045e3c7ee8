#!/usr/bin/env python3
"""Writes a large, reproducible benchmark corpus in JSON Lines.

The stories are the repo's own samples (examples/stories/*.txt,
examples/wire.jsonl), varied with the repo's own dictionaries so the coder
sees many actors, verbs and dates rather than one story a million times:

* actors: every country, demonym or capital of a state in the story is
  swapped, consistently within a story, for the same kind of name of another
  state (data/actors/countries.actors); every person named in full is swapped
  for another person (data/actors/people_*.actors), and so is their surname
  used alone;
* verbs: a regular past tense ("expelled") of a one-word verb pattern
  (data/verbs/*.verbs, "CODE lemma") is swapped for the past tense of another
  such pattern of the same CAMEO root;
* dates: the publication date is shifted by up to three years.

The same arguments always write the same bytes: one seeded generator, no
clock, no hash order. Sentence counts are estimated once per template with a
simple splitter (faultline's own splitter may count a few percent apart), and
stories are written until the estimate reaches --sentences.

Usage: tools/make_bench_corpus.py [--sentences N] [--out FILE] [--seed S]
Standard library only.
"""

import argparse
import datetime
import glob
import json
import os
import random
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDNET = "/usr/share/wordnet"
LAST_DATE = datetime.date(2026, 6, 30)  # no story from the future
MAX_SHIFT_DAYS = 3 * 365
VOWELS = set("aeiou")

# Irregular or spelling-changing verbs, used when WordNet's verb.exc (which
# lists them all) is not installed.
FALLBACK_IRREGULAR = {
    "meet", "hold", "send", "strike", "fight", "say", "tell", "give", "take",
    "leave", "make", "seek", "bring", "shoot", "hit", "put", "cut", "set",
    "quit", "lead", "win", "lose", "keep", "break", "speak", "withdraw",
}


# ---------------------------------------------------------------- dictionaries

def strip_comment(line):
    return line.split("#", 1)[0].rstrip()


def phrases(rest):
    return [p.strip() for p in rest.split("|") if p.strip()]


def load_states(actor_dir):
    """{code: {"country": [...], "demonym": [...], "capital": [...]}} for
    states that have all three kinds (only those can stand in for each
    other without leaving a gap)."""
    states = {}
    for path in sorted(glob.glob(os.path.join(actor_dir, "*.actors"))):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = strip_comment(raw)
                if not line or line[0].isspace():
                    continue
                parts = line.split(None, 2)
                if len(parts) == 3 and parts[0] in ("country", "demonym", "capital") and len(parts[1]) == 3:
                    states.setdefault(parts[1], {}).setdefault(parts[0], []).extend(phrases(parts[2]))
    return {c: k for c, k in states.items() if len(k) == 3}


def load_persons(actor_dir):
    """[(full names..., surname)] in file order; the first name is the one
    written, its last word the surname (doc/dictionary_format.md)."""
    persons = []
    for path in sorted(glob.glob(os.path.join(actor_dir, "*.actors"))):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = strip_comment(raw)
                if not line.startswith("person "):
                    continue
                parts = line.split(None, 2)
                if len(parts) < 3:
                    continue
                names = phrases(parts[2])
                if names and len(names[0].split()) >= 2:
                    persons.append((names, names[0].split()[-1]))
    return persons


def load_irregular():
    """Lemmas whose past tense is not lemma+(e)d: WordNet's exception list
    holds every irregular and consonant-doubling form."""
    path = os.path.join(WORDNET, "verb.exc")
    if not os.path.exists(path):
        return set(FALLBACK_IRREGULAR)
    irregular = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                irregular.update(parts[1:])
    return irregular


def load_wordnet_verbs():
    """Lemmas WordNet knows as verbs (None if WordNet is not installed):
    keeps adjective anchors ("optimistic") out of the verb swaps."""
    path = os.path.join(WORDNET, "index.verb")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return {line.split(" ", 1)[0] for line in f if not line.startswith(" ")}


def past_tense(lemma):
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        return lemma[:-1] + "ied"
    return lemma + "ed"


def load_verbs(verb_dir):
    """{regular past form: root} and {root: [past forms]} from one-word verb
    patterns ("0256 urge" yes; "0256 urge + to ..." no: its words would need
    to follow in the story)."""
    irregular = load_irregular()
    known = load_wordnet_verbs()
    form_root, by_root = {}, {}
    pattern = re.compile(r"^([0-9]{2,4})\s+([a-z]+)$")
    for path in sorted(glob.glob(os.path.join(verb_dir, "*.verbs"))):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                m = pattern.match(strip_comment(raw))
                if not m:
                    continue
                code, lemma = m.groups()
                if lemma in irregular or (known is not None and lemma not in known):
                    continue
                form = past_tense(lemma)
                if form in form_root:
                    continue
                form_root[form] = code[:2]
                by_root.setdefault(code[:2], []).append(form)
    return form_root, by_root


# ---------------------------------------------------------------- templates

class Template:
    """One sample story cut into literal text and slots: ("state", kind,
    code), ("person", index), ("surname", index), ("verb", root)."""

    def __init__(self, ident, date, title, text, pieces, title_pieces, sentences):
        self.ident, self.date, self.title, self.text = ident, date, title, text
        self.pieces, self.title_pieces, self.sentences = pieces, title_pieces, sentences


def alternation(strings):
    """A regex matching any of `strings` as whole words, longest first."""
    ordered = sorted(set(strings), key=lambda s: (-len(s), s))
    return r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in ordered) + r")(?![\w])"


class Slotter:
    """Finds the names and verbs a template's text can vary in."""

    def __init__(self, states, persons, form_root):
        self.state_of = {}
        for code in sorted(states):
            for kind in ("country", "demonym", "capital"):
                for p in states[code][kind]:
                    self.state_of.setdefault(p, (kind, code))
        self.person_of = {}
        for i, (names, _) in enumerate(persons):
            for n in names:
                self.person_of.setdefault(n, i)
        self.persons = persons
        self.form_root = form_root
        self.names = re.compile(alternation(list(self.state_of) + list(self.person_of)))
        self.words = re.compile(r"[a-z]+")

    def cut(self, text):
        """Literal strings and slot tuples, in order."""
        named = {self.person_of[m.group(0)] for m in self.names.finditer(text) if m.group(0) in self.person_of}
        surnames = {self.persons[i][1]: i for i in sorted(named)}
        spans = []
        for m in self.names.finditer(text):
            s = m.group(0)
            slot = ("person", self.person_of[s]) if s in self.person_of else ("state",) + self.state_of[s]
            spans.append((m.start(), m.end(), slot))
        if surnames:
            for m in re.finditer(alternation(surnames), text):
                spans.append((m.start(), m.end(), ("surname", surnames[m.group(0)])))
        for m in self.words.finditer(text):
            root = self.form_root.get(m.group(0))
            if root and (m.start() == 0 or not text[m.start() - 1].isalpha()):
                spans.append((m.start(), m.end(), ("verb", root)))
        return splice(text, spans)


def splice(text, spans):
    """Text with non-overlapping spans (earliest, then longest, wins) cut out
    as slots."""
    pieces, at = [], 0
    for start, end, slot in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < at:
            continue
        if start > at:
            pieces.append(text[at:start])
        pieces.append(slot)
        at = end
    if at < len(text):
        pieces.append(text[at:])
    return pieces


SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?:\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\s*$)|\n\s*\n")


def estimate_sentences(text):
    return max(1, len([m for m in SENTENCE_END.finditer(text.strip())]))


def read_templates(slotter):
    templates = []
    for path in sorted(glob.glob(os.path.join(REPO, "examples", "stories", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        m = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s+", raw)
        if not m:
            sys.exit(f"{path}: no ' date YYYY-MM-DD' header")
        text = raw[m.end():].strip()
        ident = os.path.splitext(os.path.basename(path))[0]
        templates.append((ident, m.group(1), "", text))
    with open(os.path.join(REPO, "examples", "wire.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                templates.append((r["id"], r["date"][:10], r.get("title") or "", r["text"]))
    return [Template(i, d, t, x, slotter.cut(x), slotter.cut(t), estimate_sentences(x))
            for i, d, t, x in templates]


# ---------------------------------------------------------------- generation

class Varier:
    """Draws one story's substitutions and fills a template's slots."""

    def __init__(self, states, persons, by_root, rng):
        self.states = states
        self.codes = sorted(states)
        self.persons = persons
        self.by_root = by_root
        self.rng = rng

    def fill(self, pieces, mapping):
        out = []
        for p in pieces:
            out.append(p if isinstance(p, str) else self.slot_text(p, mapping))
        return "".join(out)

    def slot_text(self, slot, mapping):
        kind = slot[0]
        if kind == "state":
            code = mapping.setdefault(("state", slot[2]), self.rng.choice(self.codes))
            return self.states[code][slot[1]][0]
        if kind in ("person", "surname"):
            who = mapping.setdefault(("person", slot[1]), self.rng.randrange(len(self.persons)))
            names, surname = self.persons[who]
            return names[0] if kind == "person" else surname
        return self.rng.choice(self.by_root[slot[1]])

    def date(self, iso):
        day = datetime.date.fromisoformat(iso) + datetime.timedelta(
            days=self.rng.randint(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS))
        return min(day, LAST_DATE).isoformat()


def write_corpus(templates, varier, rng, target, out):
    """Writes stories until the estimated sentence count reaches target;
    returns (stories, estimated sentences, bytes)."""
    stories = sentences = size = 0
    while sentences < target:
        t = templates[rng.randrange(len(templates))]
        mapping = {}
        record = {"id": f"bench-{stories:07d}-{t.ident}", "date": varier.date(t.date)}
        if t.title:
            record["title"] = varier.fill(t.title_pieces, mapping)
        record["text"] = varier.fill(t.pieces, mapping)
        line = json.dumps(record, ensure_ascii=False) + "\n"
        out.write(line)
        size += len(line.encode("utf-8"))
        stories += 1
        sentences += t.sentences
    return stories, sentences, size


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=1_000_000, help="about this many sentences (default 1,000,000)")
    ap.add_argument("--out", default="-", help="output file (default standard output)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args()
    actor_dir = os.path.join(REPO, "data", "actors")
    states, persons = load_states(actor_dir), load_persons(actor_dir)
    form_root, by_root = load_verbs(os.path.join(REPO, "data", "verbs"))
    templates = read_templates(Slotter(states, persons, form_root))
    rng = random.Random(args.seed)
    varier = Varier(states, persons, by_root, rng)
    if args.out == "-":
        result = write_corpus(templates, varier, rng, args.sentences, sys.stdout)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
            result = write_corpus(templates, varier, rng, args.sentences, out)
    print(f"make_bench_corpus: {result[0]} stories, ~{result[1]} sentences, {result[2]} bytes "
          f"({len(templates)} templates, {len(states)} states, {len(persons)} persons, "
          f"{len(form_root)} verb forms)", file=sys.stderr)


if __name__ == "__main__":
    main()
