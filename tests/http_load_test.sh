#!/usr/bin/env bash
# End-to-end: `faultline serve` under a bounded local load. A server on
# 127.0.0.1 (port 0) over a store of the sample corpus gets a fixed number of
# requests (3,000, from 4 parallel clients; then it is stopped): valid API
# and page requests mixed with malformed ones (bad, unknown and repeated
# parameters, unknown paths and ids, path tricks, writes without a token,
# over-long URLs and bodies, broken request lines sent on a raw socket).
# Checked: the server never dies; every valid request is a 200 (JSON for the
# API); every malformed one a 4xx with a JSON {"error": ...} body; every
# response carries the security headers; and the server's RSS after the
# load is within a small bound of what it was after a warm-up (flat memory).
set -uo pipefail
fl=$(realpath "$1")
command -v python3 >/dev/null || { echo "FAIL: python3 is needed"; exit 1; }
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 is needed"; exit 1; }
tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
db=$tmp/f.db
"$fl" ingest examples/stories examples/wire.jsonl --db "$db" -q 2>/dev/null || { echo "FAIL: ingest of the sample corpus"; exit 1; }
event_id=$(sqlite3 "$db" 'SELECT MIN(id) FROM events')

# ASan keeps freed memory in a quarantine (256 MB by default), which would
# read as growth; a small one keeps the RSS comparison meaningful there. The
# option is ignored by a build without ASan.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=4" \
  "$fl" serve --db "$db" --port 0 --token load-test-token >"$tmp/serve.log" 2>&1 &
pid=$!
base=
for _ in $(seq 1 300); do
  base=$(sed -n 's|^serving \(http://[^/]*\)/$|\1|p' "$tmp/serve.log")
  [ -n "$base" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: serve exited early"; cat "$tmp/serve.log"; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { echo "FAIL: serve did not print its address in 30 s"; cat "$tmp/serve.log"; exit 1; }
case "$base" in http://127.0.0.1:*) ;; *) echo "FAIL: serve binds $base, not 127.0.0.1 by default"; exit 1 ;; esac

python3 - "$base" "$pid" "$event_id" <<'EOF'
import http.client, json, socket, sys, threading, time
base, pid, event_id = sys.argv[1], int(sys.argv[2]), sys.argv[3]
host, port = base[len("http://"):].split(":")
port = int(port)

def rss_kb():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise SystemExit("FAIL: the server is gone")

# (method, target, body, headers, expect): expect "ok" = 200 with JSON (API)
# or HTML ("/"), "4xx" = a 4xx with a JSON error body.
valid = [
    ("GET", "/api/summary"), ("GET", "/api/events?limit=5"), ("GET", "/api/events?actor=RUS&limit=3&offset=1"),
    ("GET", "/api/events?dyad=RUS-UKR"), ("GET", "/api/events?dyad=RUS%3EUKR&status=reported"),
    ("GET", "/api/events?from=2022-01-01&to=2022-12-31&quad=4"), ("GET", "/api/events?root=19&code=19"),
    ("GET", "/api/timeline?interval=week"), ("GET", "/api/timeline?actor=UKR&interval=day"),
    ("GET", "/api/network"), ("GET", "/api/network?limit=10"), ("GET", "/api/top-dyads?limit=5"),
    ("GET", "/api/actors?limit=10&offset=2"), ("GET", "/api/alerts"),
    ("GET", "/api/alerts?baseline_weeks=4&min_events=1&threshold=0"), ("GET", f"/api/events/{event_id}"),
    ("GET", "/api/events?actor=ZZZ"), ("GET", "/api/events?actor=&limit="), ("GET", "/"),
]
long_value = "A" * 5000
malformed = [
    ("GET", "/api/events?limit=1001"), ("GET", "/api/events?limit=-5"), ("GET", "/api/events?limit=1&limit=2"),
    ("GET", "/api/events?acter=RUS"), ("GET", "/api/events?actor=rus"), ("GET", "/api/events?from=2022-02-30"),
    ("GET", "/api/events?from=99999-01-01"), ("GET", "/api/events?from=2022-03-01&to=2022-02-01"),
    ("GET", "/api/events?dyad=RUS-UKR-USA"), ("GET", "/api/events?quad=9"), ("GET", "/api/events?root=99"),
    ("GET", "/api/events?status=rumoured"), ("GET", "/api/events?offset=1000001"),
    ("GET", "/api/events?limit=99999999999999999999999"), ("GET", "/api/timeline?interval=month"),
    ("GET", "/api/alerts?threshold=nan"), ("GET", "/api/alerts?baseline_weeks=0"), ("GET", "/api/summary?x=1"),
    ("GET", "/api/events/abc"), ("GET", "/api/events/0"), ("GET", "/api/events/99999999999"),
    ("GET", "/api/nope"), ("GET", "/nope.js"), ("GET", "/../etc/passwd"), ("GET", "/api/%2e%2e/x"),
    ("GET", "/api//events"), ("GET", "/.git/config"), ("GET", "/api/events?doc=%00%ff"),
    ("GET", f"/api/events?actor={long_value}"), ("GET", f"/api/events?from={long_value}"),
    ("GET", f"/api/events?dyad={long_value}-X"),
    ("POST", "/api/events"), ("DELETE", "/api/events/1"), ("PUT", "/api/x"),
    ("POST", "/api/events", b"x" * 100000, {"Authorization": "Bearer load-test-token"}),
    ("POST", "/api/events", b"{}", {"Authorization": "Bearer wrong"}),
    ("GET", "/api/events?" + "a=1&" * 3000),
]
# Bytes no HTTP client library sends, each on a fresh socket: the answer must
# be a 4xx with a JSON body.
raw = [
    b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET /api/summary HTTP/9.9\r\n\r\n",
    b"POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
    b"GET /api/\x00summary HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/summary HTTP/1.1\r\nHost: x\r\nX: " + b"y" * 20000 + b"\r\n\r\n",
]

N, THREADS, WARMUP = 3000, 4, 600
plan = []
for i in range(N):
    if i % 50 == 49:
        plan.append(("RAW", raw[(i // 50) % len(raw)]))
    elif i % 2:
        plan.append(("OK", valid[(i // 2) % len(valid)]))
    else:
        plan.append(("BAD", malformed[(i // 2) % len(malformed)]))

failures, counts, lock = [], {"ok": 0, "bad": 0, "raw": 0}, threading.Lock()
SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")

def fail(msg):
    with lock:
        if len(failures) < 20:
            failures.append(msg)
        else:
            failures.append(None)

def check_raw(data):
    # No half-close after sending: httplib drops a request whose client has
    # shut its side down instead of answering it.
    s = socket.create_connection((host, port), timeout=30)
    try:
        s.sendall(data)
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
            head, sep, body = reply.partition(b"\r\n\r\n")
            length = [l.split(b":", 1)[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
            if sep and length and len(body) >= int(length[0]):
                break  # the whole answer; a kept-alive connection would wait for more
    except OSError as e:
        return fail(f"raw {data[:40]!r}: {e!r}")
    finally:
        s.close()
    if not reply:
        return fail(f"raw {data[:40]!r}: connection closed without an answer")
    head, _, body = reply.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if not 400 <= status < 500:
        return fail(f"raw {data[:40]!r}: status {status}")
    try:
        assert "error" in json.loads(body)
    except Exception:
        return fail(f"raw {data[:40]!r}: {status} without a JSON error body: {body[:80]!r}")
    with lock: counts["raw"] += 1

def one(kind, req):
    if kind == "RAW":
        return check_raw(req)
    method, target = req[0], req[1]
    body = req[2] if len(req) > 2 else None
    headers = req[3] if len(req) > 3 else {}
    c = http.client.HTTPConnection(host, port, timeout=30)
    try:
        c.putrequest(method, target, skip_accept_encoding=True)
        for k, v in headers.items():
            c.putheader(k, v)
        c.putheader("Content-Length", str(len(body or b"")))
        c.endheaders(body)
        r = c.getresponse()
        data = r.read()
        status = r.status
        got = {k.lower() for k, _ in r.getheaders()}
    except (ConnectionResetError, BrokenPipeError) as e:
        # The server may answer 413/401 and close before reading a big body.
        if kind == "BAD" and body and len(body) > 65536:
            with lock: counts["bad"] += 1
            return
        return fail(f"{method} {target[:60]}: {e!r}")
    finally:
        c.close()
    missing = [h for h in SECURITY if h not in got]
    if missing:
        fail(f"{method} {target[:60]}: {status} without {missing}")
    if kind == "OK":
        if status != 200:
            return fail(f"{method} {target[:60]}: status {status}, expected 200: {data[:120]!r}")
        if target.startswith("/api/"):
            try:
                json.loads(data)
            except Exception:
                return fail(f"{method} {target[:60]}: 200 without JSON: {data[:80]!r}")
        with lock: counts["ok"] += 1
    else:
        if not 400 <= status < 500:
            return fail(f"{method} {target[:60]}: status {status}, expected 4xx: {data[:120]!r}")
        try:
            err = json.loads(data)["error"]
            assert isinstance(err, str) and err
        except Exception:
            return fail(f"{method} {target[:60]}: {status} without a JSON error body: {data[:80]!r}")
        with lock: counts["bad"] += 1

def run(items):
    chunks = [items[t::THREADS] for t in range(THREADS)]
    def worker(chunk):
        for kind, req in chunk:
            one(kind, req)
    ts = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    for t in ts: t.start()
    for t in ts: t.join()

start = time.time()
run(plan[:WARMUP])
rss_warm = rss_kb()
run(plan[WARMUP:])
rss_after = rss_kb()
took = time.time() - start
growth = rss_after - rss_warm
print(f"load: {N} requests ({counts['ok']} valid -> 200, {counts['bad']} malformed -> 4xx, {counts['raw']} raw -> 4xx) "
      f"in {took:.1f} s ({N / took:.0f}/s), {THREADS} clients")
print(f"server RSS: {rss_warm // 1024} MB after {WARMUP} warm-up requests, {rss_after // 1024} MB after {N}: "
      f"{growth / 1024:+.1f} MB")
real = [f for f in failures if f]
for f in real:
    print("FAIL:", f)
if len(failures) > len(real):
    print(f"FAIL: ... and {len(failures) - len(real)} more")
# Flat: 2,400 requests after the warm-up may not add more than 16 MB.
if growth > 16 * 1024:
    print(f"FAIL: server RSS grew by {growth // 1024} MB under load")
    failures.append("rss")
sys.exit(1 if failures else 0)
EOF
rc=$?
if ! kill -0 "$pid" 2>/dev/null; then
  echo "FAIL: the server died under load"; cat "$tmp/serve.log"; pid=; exit 1
fi
kill "$pid"; wait "$pid" 2>/dev/null; pid=
if grep -Eq 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp/serve.log"; then
  echo "FAIL: sanitizer report from the server:"; cat "$tmp/serve.log"; exit 1
fi
[ $rc -eq 0 ] || { echo "--- server log (tail)"; tail -20 "$tmp/serve.log"; exit 1; }
echo "ok: the server survived the load; valid requests 200, malformed 4xx with JSON; memory flat"
