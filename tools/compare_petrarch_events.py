#!/usr/bin/env python3
"""Compares `faultline code` output (JSON Lines) with a PETRARCH2 batch
output (evts TSV: date, source, target, code, issues, ids, ...) on the same
input: how many of PETRARCH2's (sentence, source, target, code) events
faultline also codes, and how many of faultline's PETRARCH2 also codes.

    tools/compare_petrarch_events.py OURS.jsonl PETRARCH2.evts.tsv

A PETRARCH2 line may list several sentence ids (one tuple per story); it
counts once per id. PETRARCH2's output of this file also holds records whose <Text> is empty
(it codes their parse trees), which faultline cannot match.
"""
import json
import sys


def ours(path):
    events = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("kind") == "event":
                events.add((d["doc_id"], d["source"] or "-", d["target"] or "-", d["code"]))
    return events


def theirs(path):
    events = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 6:
                continue
            for sid in cols[5].split(";"):
                sid = sid.strip()
                if sid:
                    events.add((sid, cols[1] or "-", cols[2] or "-", cols[3]))
    return events


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    mine = ours(sys.argv[1])
    peer = theirs(sys.argv[2])
    both = mine & peer
    print(f"faultline events {len(mine)}, PETRARCH2 events {len(peer)}, in both {len(both)}")
    print(f"of PETRARCH2's: {len(both)}/{len(peer)} = {len(both) / max(1, len(peer)):.3f}; "
          f"of faultline's: {len(both)}/{len(mine)} = {len(both) / max(1, len(mine)):.3f}")
    same_dyad = {(s, a, b) for s, a, b, _ in mine} & {(s, a, b) for s, a, b, _ in peer}
    print(f"same sentence and dyad (any code): {len(same_dyad)}")


if __name__ == "__main__":
    main()
