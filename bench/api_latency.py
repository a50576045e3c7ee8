#!/usr/bin/env python3
"""Latency of the API's main queries on a running `faultline serve`.

    ./build/faultline serve --db /tmp/store-10m.db --port 8099 &
    python3 bench/api_latency.py http://127.0.0.1:8099 [--requests 200]

Sends, one at a time over one keep-alive connection, /api/events?limit=100
with two filters (actor + root, dyad + year, quad + month), a dyad's daily
timeline over the whole store and the top 20 dyads of a month, and prints the
median and 95th percentile of each in milliseconds. Actors are taken from
/api/actors so it works on any store (bench/store_bench's or a real one).
"""
import argparse
import http.client
import json
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    u = urllib.parse.urlparse(args.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)

    def get(path):
        t = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        ms = (time.perf_counter() - t) * 1000
        if r.status != 200:
            raise SystemExit(f"{path}: HTTP {r.status}: {body[:200]!r}")
        return ms, json.loads(body)

    _, summary = get("/api/summary")
    _, actors = get("/api/actors?limit=50")
    _, dyads = get("/api/top-dyads?limit=20")
    names = [a["actor"] for a in actors["actors"]] or ["USA"]
    pairs = [(d["source"], d["target"]) for d in dyads["dyads"]] or [("USA", "RUS")]
    first = int(summary["first_day"][:4]) if summary.get("first_day") else 2015
    last = int(summary["last_day"][:4]) if summary.get("last_day") else 2024
    print(f"store: {summary['events']} events, {summary['documents']} documents, "
          f"{summary['first_day']}..{summary['last_day']}")
    roots = ["01", "04", "05", "11", "12", "13", "14", "17", "18", "19"]

    def q(i, kind):
        if kind == "actor+root":
            return f"/api/events?limit=100&actor={names[i % len(names)]}&root={roots[i % 10]}"
        if kind == "dyad+year":
            s, t = pairs[i % len(pairs)]
            y = first + i % max(1, last - first + 1)
            return f"/api/events?limit=100&dyad={s}-{t}&from={y}-01-01&to={y}-12-31"
        if kind == "quad+month":
            y = first + i % max(1, last - first + 1)
            m = 1 + i % 12
            return f"/api/events?limit=100&quad={1 + i % 4}&from={y}-{m:02d}-01&to={y}-{m:02d}-28"
        if kind == "timeline day, busiest dyads":
            s, t = pairs[i % min(5, len(pairs))]
            return f"/api/timeline?dyad={s}-{t}&interval=day"
        y = first + i % max(1, last - first + 1)
        m = 1 + i % 12
        return f"/api/top-dyads?limit=20&from={y}-{m:02d}-01&to={y}-{m:02d}-28"

    for kind in ["actor+root", "dyad+year", "quad+month", "timeline day, busiest dyads", "top-dyads of a month"]:
        n = args.requests if kind.count("+") else max(20, args.requests // 10)
        ms = sorted(get(q(i, kind))[0] for i in range(n))
        print(f"{kind:32s} n={n:4d}  median {ms[len(ms) // 2]:7.1f} ms  p95 {ms[min(len(ms) - 1, len(ms) * 95 // 100)]:7.1f} ms")


if __name__ == "__main__":
    main()
