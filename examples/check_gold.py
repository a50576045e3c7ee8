#!/usr/bin/env python3
"""Check the sample corpus in examples/ against its hand-coded gold.

  python3 examples/check_gold.py            # check, print a coverage summary
  python3 examples/check_gold.py --table    # also print the root coverage table (Markdown)

Checks:
  * every story (stories/*.txt in the seed format, and each line of wire.jsonl)
    parses, has a valid date and 150-400 words;
  * every story has a folder gold/<story-id>/ with gold-events.jsonl,
    must-not.jsonl, gold-quotes.jsonl and gold-counts.jsonl, and every gold
    folder belongs to a story;
  * every line of those files is valid JSON with the fields the seed's
    README describes, and every `evidence` (and quote `starts`) is a substring
    of one paragraph of its story after normalising curly quotes, dashes and
    whitespace exactly as ../shared/tools/score-seed.py's norm() does;
  * all 20 CAMEO root codes 01..20 are present among the required gold events,
    at least twice each;
  * the deliberately broken inputs in bad/ are still broken in the intended way.

Exit status 0 when everything passes, 1 otherwise.
"""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOTS = ["%02d" % i for i in range(1, 21)]
STATUSES = {"reported", "planned", "conditional"}
EVENT_FIELDS = ["id", "evidence", "source", "target", "root", "code", "date", "status", "required"]
GOLD_FILES = ["gold-events.jsonl", "must-not.jsonl", "gold-quotes.jsonl", "gold-counts.jsonl"]
SEED_HEAD = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) (.*)$", re.S)
DATE_PREFIX = re.compile(r"^(\d{4}(-\d{1,2}(-\d{1,2})?)?)?$")
ACTOR = re.compile(r"^[A-Z]{3,}$")


def norm(s):
    """Same normalisation as ../shared/tools/score-seed.py."""
    s = s or ""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip().lower()


def valid_date(d):
    import datetime
    try:
        datetime.date.fromisoformat(d)
        return True
    except (TypeError, ValueError):
        return False


def load_stories(errors):
    """Return {story_id: (date, text, origin)}."""
    stories = {}
    for path in sorted(glob.glob(os.path.join(HERE, "stories", "*.txt"))):
        sid = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        m = SEED_HEAD.match(raw)
        if not m:
            errors.append(f"{sid}: does not start with ' date YYYY-MM-DD '")
            continue
        stories[sid] = (m.group(1), m.group(2), "stories/" + os.path.basename(path))
    wire = os.path.join(HERE, "wire.jsonl")
    if os.path.exists(wire):
        with open(wire, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                except ValueError as e:
                    errors.append(f"wire.jsonl:{n}: invalid JSON: {e}")
                    continue
                for k in ("id", "date", "text"):
                    if not isinstance(r.get(k), str) or not r.get(k):
                        errors.append(f"wire.jsonl:{n}: missing or empty '{k}'")
                if r.get("id") in stories:
                    errors.append(f"wire.jsonl:{n}: duplicate story id {r.get('id')}")
                if r.get("id"):
                    stories[r["id"]] = (r.get("date", ""), r.get("text", ""), f"wire.jsonl:{n}")
    for sid, (date, text, origin) in stories.items():
        if not valid_date(date):
            errors.append(f"{sid}: invalid date {date!r}")
        words = len(text.split())
        if not 150 <= words <= 400:
            errors.append(f"{sid}: {words} words (want 150-400)")
    return stories


def read_jsonl(path, errors):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except ValueError as e:
                errors.append(f"{path}:{n}: invalid JSON: {e}")
    return out


def actor_ok(a):
    if isinstance(a, list):
        return bool(a) and all(isinstance(x, str) and ACTOR.match(x) for x in a)
    return isinstance(a, str) and (a == "" or ACTOR.match(a) is not None)


def in_one_paragraph(needle, paragraphs):
    n = norm(needle)
    return bool(n) and any(n in p for p in paragraphs)


def check_story(sid, date, text, errors, coverage, counts):
    gdir = os.path.join(HERE, "gold", sid)
    rel = os.path.relpath(gdir, HERE)
    for name in GOLD_FILES:
        if not os.path.exists(os.path.join(gdir, name)):
            errors.append(f"{rel}: missing {name}")
    paragraphs = [norm(p) for p in re.split(r"\n\s*\n", text)]
    ev_path = os.path.join(gdir, "gold-events.jsonl")
    ids = set()
    for g in read_jsonl(ev_path, errors) if os.path.exists(ev_path) else []:
        where = f"{rel}/gold-events.jsonl {g.get('id')}"
        for k in EVENT_FIELDS:
            if k not in g:
                errors.append(f"{where}: missing field {k}")
        if g.get("id") in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(g.get("id"))
        if not in_one_paragraph(g.get("evidence"), paragraphs):
            errors.append(f"{where}: evidence not in story: {g.get('evidence')!r}")
        roots = g.get("root")
        if not isinstance(roots, list) or not roots or any(r not in ROOTS for r in roots):
            errors.append(f"{where}: bad root {roots!r}")
            roots = []
        code = str(g.get("code", ""))
        if not re.match(r"^\d{3,4}$", code) or code[:2] not in roots:
            errors.append(f"{where}: code {code!r} is not under one of its roots {roots}")
        if not actor_ok(g.get("source")) or not actor_ok(g.get("target")):
            errors.append(f"{where}: bad actor code {g.get('source')!r} / {g.get('target')!r}")
        if not DATE_PREFIX.match(str(g.get("date", ""))):
            errors.append(f"{where}: bad date prefix {g.get('date')!r}")
        if g.get("status") not in STATUSES:
            errors.append(f"{where}: bad status {g.get('status')!r}")
        if not isinstance(g.get("required"), bool):
            errors.append(f"{where}: 'required' must be true or false")
        if g.get("required") and code[:2] in ROOTS:
            coverage[code[:2]].add(sid)
            counts[code[:2]] += 1
    mn_path = os.path.join(gdir, "must-not.jsonl")
    for n in read_jsonl(mn_path, errors) if os.path.exists(mn_path) else []:
        where = f"{rel}/must-not.jsonl {n.get('id')}"
        if not in_one_paragraph(n.get("evidence"), paragraphs):
            errors.append(f"{where}: evidence not in story: {n.get('evidence')!r}")
        fb = n.get("forbid")
        if not isinstance(fb, dict) or not fb.get("root") or any(r not in ROOTS for r in fb["root"]):
            errors.append(f"{where}: forbid needs a list of roots")
        elif not actor_ok(fb.get("source", "")) or not actor_ok(fb.get("target", "")):
            errors.append(f"{where}: bad actor code in forbid")
        if not n.get("why"):
            errors.append(f"{where}: missing 'why'")
    q_path = os.path.join(gdir, "gold-quotes.jsonl")
    for q in read_jsonl(q_path, errors) if os.path.exists(q_path) else []:
        where = f"{rel}/gold-quotes.jsonl"
        if not in_one_paragraph(q.get("starts"), paragraphs):
            errors.append(f"{where}: quote start not in story: {q.get('starts')!r}")
        if not actor_ok(q.get("speaker")) or not q.get("speaker_name"):
            errors.append(f"{where}: bad speaker for {q.get('starts')!r}")
    c_path = os.path.join(gdir, "gold-counts.jsonl")
    for c in read_jsonl(c_path, errors) if os.path.exists(c_path) else []:
        where = f"{rel}/gold-counts.jsonl"
        if not in_one_paragraph(c.get("evidence"), paragraphs):
            errors.append(f"{where}: count evidence not in story: {c.get('evidence')!r}")
        if not isinstance(c.get("value"), (int, float)) or not c.get("unit"):
            errors.append(f"{where}: count needs a numeric value and a unit: {c.get('evidence')!r}")
        if not actor_ok(c.get("actor", "")):
            errors.append(f"{where}: bad actor {c.get('actor')!r}")


def check_bad(errors):
    """bad/ must stay broken, each in exactly one intended way."""
    bad = os.path.join(HERE, "bad")

    def raw(name):
        path = os.path.join(bad, name)
        if not os.path.exists(path):
            errors.append(f"bad/{name}: missing")
            return None
        with open(path, "rb") as f:
            return f.read()

    b = raw("invalid-utf8.txt")
    if b is not None:
        try:
            b.decode("utf-8")
            errors.append("bad/invalid-utf8.txt: decodes as UTF-8 (should not)")
        except UnicodeDecodeError:
            pass
        if not b.startswith(b" date "):
            errors.append("bad/invalid-utf8.txt: should otherwise be a valid seed-format story")
    b = raw("truncated-line2.jsonl")
    if b is not None:
        lines = b.decode("utf-8").splitlines()
        ok = []
        for line in lines:
            try:
                json.loads(line)
                ok.append(True)
            except ValueError:
                ok.append(False)
        if ok != [True, False, True]:
            errors.append(f"bad/truncated-line2.jsonl: want good, broken, good lines; got {ok}")
    b = raw("impossible-date.txt")
    if b is not None:
        m = SEED_HEAD.match(b.decode("utf-8"))
        if not m or valid_date(m.group(1)):
            errors.append("bad/impossible-date.txt: want a seed header with an impossible date")
    b = raw("missing-date.txt")
    if b is not None and (SEED_HEAD.match(b.decode("utf-8")) or not b.strip()):
        errors.append("bad/missing-date.txt: want a non-empty story without a date header")
    b = raw("empty.txt")
    if b is not None and b != b"":
        errors.append("bad/empty.txt: want an empty file")
    b = raw("empty-text.txt")
    if b is not None:
        m = SEED_HEAD.match(b.decode("utf-8"))
        if not m or m.group(2).strip():
            errors.append("bad/empty-text.txt: want a valid date header and no story text")


def main(argv):
    errors = []
    stories = load_stories(errors)
    coverage = collections.defaultdict(set)
    counts = collections.Counter()
    for sid, (date, text, origin) in sorted(stories.items()):
        check_story(sid, date, text, errors, coverage, counts)
    for gdir in sorted(glob.glob(os.path.join(HERE, "gold", "*"))):
        if os.path.basename(gdir) not in stories:
            errors.append(f"gold/{os.path.basename(gdir)}: no story with that id")
    n_txt = sum(1 for s in stories.values() if s[2].startswith("stories/"))
    if n_txt < 10:
        errors.append(f"only {n_txt} seed-format stories (want at least 10)")
    if len(stories) - n_txt < 6:
        errors.append(f"only {len(stories) - n_txt} wire.jsonl stories (want at least 6)")
    check_bad(errors)
    for r in ROOTS:
        if counts[r] < 2:
            errors.append(f"root {r}: {counts[r]} required gold events (want at least 2)")
    if "--table" in argv:
        print("| root | required events | stories |")
        print("| --- | ---: | --- |")
        for r in ROOTS:
            print(f"| {r} | {counts[r]} | {', '.join(sorted(coverage[r]))} |")
    print(f"{len(stories)} stories ({n_txt} seed-format, {len(stories) - n_txt} wire.jsonl); "
          f"roots covered {sum(1 for r in ROOTS if counts[r])}/20; "
          f"required events {sum(counts.values())}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"FAILED: {len(errors)} problem(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
