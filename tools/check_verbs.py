#!/usr/bin/env python3
"""Validate faultline's verb-pattern dictionary (data/verbs/*.verbs) and report coverage.

Checks every line against the "Verb patterns" section of doc/dictionary_format.md:
  CODE PATTERN, CODE a CAMEO event code from the taxonomy (or '---');
  PATTERN = [^word ...] anchor[/n|/v] items..., items being lemmas, '{a|b c}'
  alternative groups (no nesting, no empty alternative) or a single '+';
  all words lower case.
Warnings (do not fail unless --strict): identical patterns with different codes,
expanded alternatives that tie between different codes (same anchor, same
words, same specificity: the engine takes the earlier line), words that look
like plural nouns rather than lemmas.

Usage: tools/check_verbs.py [--codes TSV] [--strict] [--by-code] [FILE_OR_DIR ...]
Exit status 1 when there are errors (or warnings with --strict).
"""
import argparse
import glob
import itertools
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CODES = [os.path.join(ROOT, "..", "shared", "taxonomy", "cameo_event_codes.tsv"),
                 os.path.join(ROOT, "data", "cameo_codes.tsv")]
WORD_RE = re.compile(r"^[a-z0-9][a-z0-9'.\-]*$")
# Words ending in -s that are lemmas all the same.
S_OK = set("""us its news bus gas chaos status crisis basis was has his this across yes process
access progress congress press address pass mass loss boss cross class grass glass kiss dress
stress less unless success plus virus consensus census campus focus bonus atlas alias canvas
bias thus analysis emphasis hypothesis thesis diagnosis series species politics economics
means headquarters arms always perhaps nonetheless nevertheless whereas besides towards afterwards
upwards downwards overseas famous various serious previous dangerous enormous numerous
tremendous anonymous continuous obvious nervous religious precious ambitious conscious
gracious generous ominous vicious jealous curious hazardous dubious mutinous
chorus bogus corpus genius nexus sinus surplus stimulus syllabus radius apparatus impetus
minus onus thesaurus octopus hiatus prospectus isis hamas fatah hezbollah houthis paris
damascus cyprus belarus honduras texas kansas marseilles brussels athens tunis
mars ones himself themselves oneself hostilities oneness dos ies aegis mantis
mess chess fuss excess witness harness business illness sickness darkness weakness
awareness fairness readiness willingness eagerness effectiveness usefulness
emptiness happiness goodness wilderness toughness openness boldness
remains summons olympics teargas ddos odds outskirts small-arms war-crimes damages""".split())


def load_codes(path):
    codes = {}
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None and cols[0] == "code":
                header = cols
                continue
            code = cols[0]
            if path.endswith("cameo_codes.tsv") and "taxonomy" not in path:
                name = cols[-1]
            else:
                name = cols[1] if len(cols) > 1 else ""
            codes[code] = name
    return codes


def tokenize(pattern):
    """Split a pattern into items; brace groups stay whole."""
    items, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c in " \t":
            i += 1
            continue
        if c == "{":
            j = pattern.find("}", i)
            if j < 0:
                raise ValueError("unbalanced '{'")
            inner = pattern[i + 1:j]
            if "{" in inner:
                raise ValueError("nested '{'")
            items.append(pattern[i:j + 1])
            i = j + 1
            continue
        if c == "}":
            raise ValueError("unbalanced '}'")
        j = i
        while j < n and pattern[j] not in " \t{}":
            j += 1
        items.append(pattern[i:j])
        i = j
    return items


def check_word(w, where, errors):
    if w != w.lower():
        errors.append("%s: '%s' is not lower case (patterns are lemmas)" % (where, w))
    elif not WORD_RE.match(w):
        errors.append("%s: bad word '%s'" % (where, w))


def parse(pattern, where, errors):
    """Returns (anchor, noun, before, items, target_index) or None. items: list of
    list-of-alternatives (each alternative a tuple of words)."""
    try:
        toks = tokenize(pattern)
    except ValueError as e:
        errors.append("%s: %s" % (where, e))
        return None
    before, anchor, noun, items, target = [], None, False, [], None
    for t in toks:
        if t.startswith("^"):
            if anchor is not None:
                errors.append("%s: '^word' must come before the anchor" % where)
                return None
            w = t[1:]
            if not w or "|" in w or "+" in w:
                errors.append("%s: bad '^word' item '%s'" % (where, t))
                return None
            check_word(w, where, errors)
            before.append(w)
            continue
        if anchor is None:
            if t.startswith("{") or t == "+" or "|" in t:
                errors.append("%s: a pattern starts with one anchor lemma, not '%s'" % (where, t))
                return None
            a = t
            if a.endswith("/n"):
                noun, a = True, a[:-2]
            elif a.endswith("/v"):
                a = a[:-2]
            if "/" in a:
                errors.append("%s: bad part of speech in anchor '%s' (only /n or /v)" % (where, t))
                return None
            check_word(a, where, errors)
            anchor = a
            continue
        if t == "+":
            if target is not None:
                errors.append("%s: more than one '+'" % where)
                return None
            target = len(items)
            continue
        if t.startswith("{"):
            alts = [a.split() for a in t[1:-1].split("|")]
            if any(not a for a in alts):
                errors.append("%s: empty alternative in %s" % (where, t))
                return None
            for a in alts:
                for w in a:
                    if "+" in w or "^" in w or "/" in w:
                        errors.append("%s: '%s' not allowed inside braces" % (where, w))
                        return None
                    check_word(w, where, errors)
            items.append([tuple(a) for a in alts])
            continue
        if "/" in t:
            errors.append("%s: only the anchor takes a part of speech ('%s')" % (where, t))
            return None
        check_word(t, where, errors)
        items.append([(t,)])
    if anchor is None:
        errors.append("%s: no anchor word" % where)
        return None
    return anchor, noun, tuple(before), items, target


def plural_like(w):
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
            and w not in S_OK and "'" not in w)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[os.path.join(ROOT, "data", "verbs")])
    ap.add_argument("--codes", help="CAMEO code table (TSV)")
    ap.add_argument("--strict", action="store_true", help="fail on warnings too")
    ap.add_argument("--by-code", action="store_true", help="print the pattern count of every code")
    ap.add_argument("--max-warnings", type=int, default=40, help="warnings printed (all are counted)")
    ap.add_argument("--ties", action="store_true",
                    help="list expanded alternatives that tie between codes (resolved by line order)")
    args = ap.parse_args()

    code_path = args.codes or next((p for p in DEFAULT_CODES if os.path.exists(p)), None)
    if not code_path:
        sys.exit("no CAMEO code table found; pass --codes")
    codes = load_codes(code_path)

    files = []
    for p in args.paths:
        files += sorted(glob.glob(os.path.join(p, "*.verbs"))) if os.path.isdir(p) else [p]
    if not files:
        sys.exit("no .verbs files")

    errors, warnings = [], []
    patterns = []  # (file, lineno, code, text, parsed)
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for ln, raw in enumerate(fh, 1):
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                where = "%s:%d" % (os.path.relpath(f, ROOT), ln)
                parts = line.split(None, 1)
                if len(parts) < 2:
                    errors.append("%s: no pattern after the code" % where)
                    continue
                code, text = parts
                if code != "---" and code not in codes:
                    errors.append("%s: '%s' is not a CAMEO event code" % (where, code))
                    continue
                parsed = parse(text, where, errors)
                if parsed is None:
                    continue
                patterns.append((where, code, " ".join(text.split()), parsed))

    # Identical patterns (alternatives order ignored) with different codes.
    seen = {}
    for where, code, text, (anchor, noun, before, items, target) in patterns:
        key = (anchor, noun, before, tuple(tuple(sorted(i)) for i in items), target)
        if key in seen and seen[key][1] != code:
            warnings.append("%s: '%s' also at %s with code %s (here %s)" %
                            (where, text, seen[key][0], seen[key][1], code))
        seen.setdefault(key, (where, code))

    # Expanded alternatives that tie between codes (same specificity).
    expanded = {}
    ties = 0
    for where, code, text, (anchor, noun, before, items, target) in patterns:
        sizes = 1
        for i in items:
            sizes *= len(i)
        if sizes > 5000:
            continue
        for combo in itertools.product(*items):
            key = (anchor, noun, before, combo, target)
            prev = expanded.get(key)
            if prev and prev[1] != code:
                ties += 1
                if args.ties:
                    print("tie %s: '%s %s' (%s) also reads as %s (%s); the earlier line wins" %
                          (where, anchor, " ".join(" ".join(c) for c in combo), code, prev[0], prev[1]))
            else:
                expanded.setdefault(key, (where, code))

    plural = set()
    for where, code, text, (anchor, noun, before, items, target) in patterns:
        words = [anchor] + list(before) + [w for i in items for a in i for w in a]
        for w in words:
            if plural_like(w) and w not in plural:
                plural.add(w)
                warnings.append("%s: '%s' looks like a plural; patterns use lemmas" % (where, w))

    for e in errors:
        print("ERROR", e)
    for w in warnings[:args.max_warnings]:
        print("warning", w)
    if len(warnings) > args.max_warnings:
        print("warning ... %d warnings in all" % len(warnings))

    # Report.
    leaf = [c for c in codes if len(c) >= 3]
    roots = sorted({c[:2] for c in codes})
    per_root, per_code, per_file = {}, {}, {}
    for where, code, text, parsed in patterns:
        f = where.rsplit(":", 1)[0]
        per_file[f] = per_file.get(f, 0) + 1
        key = "---" if code == "---" else code[:2]
        per_root[key] = per_root.get(key, 0) + 1
        per_code[code] = per_code.get(code, 0) + 1
    covered = [c for c in leaf if c in per_code]
    print()
    print("patterns total: %d (%d blocking '---') in %d files" %
          (len(patterns), per_code.get("---", 0), len(files)))
    print("per file:")
    for f in sorted(per_file):
        print("  %-48s %6d" % (f, per_file[f]))
    print("per root:")
    for r in roots:
        rc = [c for c in leaf if c[:2] == r]
        cov = sum(1 for c in rc if c in per_code)
        print("  %s %-36s %6d patterns  %3d/%-3d codes" %
              (r, codes.get(r, "")[:36], per_root.get(r, 0), cov, len(rc)))
    print("codes covered: %d / %d (%.1f%%) of 3- and 4-digit codes; roots covered: %d / %d" %
          (len(covered), len(leaf), 100.0 * len(covered) / len(leaf),
           sum(1 for r in roots if per_root.get(r)), len(roots)))
    unc = [c for c in leaf if c not in per_code]
    print("uncovered codes (%d):" % len(unc))
    for c in unc:
        print("  %-5s %s" % (c, codes[c]))
    if args.by_code:
        print("patterns per code:")
        for c in leaf:
            print("  %-5s %5d  %s" % (c, per_code.get(c, 0), codes[c]))
    print("expanded alternatives tying between codes (line order decides; --ties lists them): %d" % ties)
    print("errors: %d, warnings: %d" % (len(errors), len(warnings)))
    if errors or (args.strict and warnings):
        sys.exit(1)


if __name__ == "__main__":
    main()
