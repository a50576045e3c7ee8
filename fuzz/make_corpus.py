#!/usr/bin/env python3
"""Builds the seed corpora fuzz/corpus/<target>/ from the project's own
examples (examples/, data/) plus hand-written nasty inputs. Rerun after the
examples change; it rewrites the generated files (gen-*) and the nasty ones
(bad-*), and leaves any other file in the folders alone.

    python3 fuzz/make_corpus.py
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"
MAX = 8192  # bytes per seed file: small seeds keep the fuzzer fast


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data[:MAX])


def clear(target):
    d = OUT / target
    if d.is_dir():
        for f in d.iterdir():
            if f.name.startswith(("gen-", "bad-")):
                f.unlink()


def chunks(text, lines_per_chunk, limit):
    """Up to `limit` snippets of `lines_per_chunk` lines, skipping comment-only ones."""
    lines = text.splitlines(keepends=True)
    out = []
    for i in range(0, len(lines), lines_per_chunk):
        piece = "".join(lines[i:i + lines_per_chunk])
        if any(l.strip() and not l.lstrip().startswith("#") for l in lines[i:i + lines_per_chunk]):
            out.append(piece)
        if len(out) >= limit:
            break
    return out


# Nasty bytes shared by the text targets.
NASTY_TEXT = {
    "invalid-utf8": b"Russia \xff\xfe attacked \xc3\x28 Kyiv \xe2\x82 on \xf0\x9f\x98 Monday.\n",
    "overlong-utf8": b"Talks \xc0\xaf resumed \xe0\x80\xaf in \xed\xa0\x80 Geneva.\n",
    "nul": b"Police arrested\x00 two men\x00\x00 on Tuesday.\n",
    "curly-quotes": "\u201cWe will respond,\u201d said the minister \u2014 \u2018firmly\u2019.\u00a0Then\u2026\n",
    "nested-quotes": ("He said \"" * 60) + "no" + ("\"" * 60) + " and left.\n",
    "no-sentence-end": " ".join(["troops"] * 600) + "\n",
    "only-punct": "?!.;:,-\u2014\"'()[]{}" * 40 + "\n",
    "many-sentences": "He left. " * 800,
    "blank-lines": "\n\n\r\n \t \n\n" * 30 + "A.\n",
    "huge-number": "More than 99999999999999999999999999999999 troops, 1e308 tanks and -0 ships.\n",
}


def main():
    stories = sorted((ROOT / "examples" / "stories").glob("*.txt"))
    bad = sorted((ROOT / "examples" / "bad").iterdir())
    wire = (ROOT / "examples" / "wire.jsonl").read_text(encoding="utf-8").splitlines()

    # segment: story texts (without the seed header) and nasty text.
    clear("segment")
    for s in stories:
        text = s.read_text(encoding="utf-8")
        write("segment", "gen-" + s.stem, re.sub(r"^ date \S+ ", "", text)[:4096])
    for name, data in NASTY_TEXT.items():
        write("segment", "bad-" + name, data)

    # seed: whole story files in the seed format, examples/bad, and nasty ones.
    clear("seed")
    for s in stories[:6]:
        write("seed", "gen-" + s.stem, s.read_bytes()[:4096])
    for b in bad:
        if b.suffix == ".txt":
            write("seed", "gen-bad-" + b.stem, b.read_bytes())
    write("seed", "gen-two-stories",
          " date 2022-02-03 Russia massed troops.\n\nThey waited.\n\n date 2022-02-04 Talks began.\n")
    write("seed", "bad-headers",
          "date 2022-02-30 x\n\n date 99999-01-01 y\n\n date 2022-13-01 z\n\n date  \n\ndate 2022-02-03\n")
    write("seed", "bad-nul-invalid-utf8", b" date 2022-02-03 Police \x00 arrested \xff two men.\n")
    write("seed", "bad-crlf-bom", b"\xef\xbb\xbf date 2022-02-03 Talks resumed.\r\n\r\nMore.\r\n")
    write("seed", "bad-long-line", " date 2022-02-03 " + "word " * 1200 + "\n\n date 2022-02-04 ok.\n")
    write("seed", "bad-huge-year", " date 2147483648-01-01 text\n\n date 0000-00-00 text\n")

    # jsonl: lines of the sample wire file (trimmed texts), and nasty lines.
    clear("jsonl")
    for i, line in enumerate(wire[:6]):
        rec = json.loads(line)
        rec["text"] = rec["text"][:600]
        write("jsonl", f"gen-wire-{i}", json.dumps(rec, ensure_ascii=(i % 2 == 0)) + "\n")
    for b in bad:
        if b.suffix == ".jsonl":
            write("jsonl", "gen-bad-" + b.stem, b.read_bytes())
    nasty_json = {
        "truncated": '{"id": "a", "date": "2022-02-03", "text": "Talks',
        "unbalanced": '{"date": "2022-02-03", "text": "x"}}\n{{"date": "2022-02-03"\n]\n',
        "deep": "[" * 2000 + "]" * 2000 + "\n" + '{"a":' * 500 + "1" + "}" * 500 + "\n",
        "huge-numbers": '{"id": 1e999999, "date": 20220203, "text": 123456789012345678901234567890}\n'
                        '{"id": -0.0e-99999, "date": "2022-02-03", "text": "ok"}\n',
        "escapes": '{"date": "2022-02-03", "text": "a\\u0000b \\ud800 \\udc00\\ud83d\\ude00 \\x \\"", "id": "\\u00e9"}\n',
        "types": '{"date": null, "text": ["x"]}\n{"date": "2022-02-03", "text": {"a": 1}}\n'
                 '{"date": "2022-02-03", "text": "", "title": 5}\n[1,2]\n"str"\nnull\n',
        "dup-keys": '{"date": "2022-02-03", "date": "2022-02-30", "text": "a", "text": "b"}\n',
        "bad-dates": '{"date": "2022-02-30", "text": "a"}\n{"date": "99999-01-01", "text": "a"}\n'
                     '{"date": "2022-02-03T10:00:00Z", "text": "a"}\n{"date": "", "text": "a"}\n',
    }
    for name, data in nasty_json.items():
        write("jsonl", "bad-" + name, data)
    write("jsonl", "bad-invalid-utf8", b'{"date": "2022-02-03", "text": "a \xff\xfe b"}\n{"date": "2022-02-03", "text": "a\x00b"}\n')
    write("jsonl", "bad-nul-line", b'\x00\x00\n{"date": "2022-02-03", "text": "ok"}\n')

    # dates: first line a publication day (or not), then sentences with dates.
    clear("dates")
    rows = re.findall(r'\{"([^"]+)", "(\d{4}-\d\d-\d\d)", "[^"]*"\}',
                      (ROOT / "src" / "dates" / "find_dates_test.cc").read_text(encoding="utf-8"))
    for i in range(0, len(rows), 6):
        group = rows[i:i + 6]
        write("dates", f"gen-table-{i // 6:02d}", group[0][1] + "\n" + " ".join(r[0] for r in group) + "\n")
    for s in stories[:4]:
        text = s.read_text(encoding="utf-8")
        m = re.match(r" date (\S+) (.*)", text, re.S)
        write("dates", "gen-" + s.stem, m.group(1) + "\n" + m.group(2)[:2000])
    for i, d in enumerate(["2022-02-30", "99999-01-01", "0000-00-00", "2022-13-01", "2022-2-3",
                           "-2022-01-01", "+2022-01-01", "2022-02-03x", "2147483648-01-01",
                           "9999999999999999999999-12-31", "2024-02-29", "2023-02-29", "1000-01-01",
                           "2999-12-31", "2022-02-3\u0661", "2022\u201202\u201203"]):
        write("dates", f"bad-iso-{i:02d}", d + "\n" + "It happened on " + d + " and 99999 years ago.\n")
    write("dates", "bad-relative",
          "2022-01-01\nLast week, 99999999999 years ago, since 0, in 99999, next February, "
          "mid-99999, on Feb. 31, February 30, 2022, the past 4294967296 days and earlier this month.\n")
    write("dates", "bad-early-epoch",
          "1000-01-01\nTwo thousand years ago, last year, a decade ago, since last month.\n")
    write("dates", "bad-late-epoch",
          "2999-12-31\nNext year, tomorrow, next month, next week, next Tuesday.\n")

    # actors / verbs: snippets of the shipped dictionaries, and nasty lines.
    for target, folder, ext, per in (("actors", "actors", "*.actors", 25), ("verbs", "verbs", "*.verbs", 20)):
        clear(target)
        for f in sorted((ROOT / "data" / folder).glob(ext)):
            for j, piece in enumerate(chunks(f.read_text(encoding="utf-8"), per, 3)):
                write(target, f"gen-{f.stem}-{j}", piece)
    actor_bad = {
        "unknown-code": "country ZZZZZZZ Neverland\n",
        "long-line": "country FRA " + "France " * 3000 + "\n",
        "unbalanced": "person Boris Johnson [GBRGOV 2019-07-24..2022-09-06\nperson x [[[[ ]]]]\n{ ( [\n",
        "bad-dates": "person A B [GBRGOV 2022-02-30..99999-01-01]\nperson C [GBRGOV ..] [..]\n",
        "empty-fields": "\n\t\t\n country\n person\n person  \n agent\n",
    }
    for name, data in actor_bad.items():
        write("actors", "bad-" + name, data)
    write("actors", "bad-invalid-utf8", b"country FRA Fr\xffance \x00 \xc3\n")
    verb_bad = {
        "unknown-code": "9999 attack\nXYZ talk\n",
        "long-line": "042 visit " + "{a|b " * 2000 + "\n",
        "unbalanced": "042 visit {a|b\n042 visit a|b}\n042 visit {|||}\n042 visit {}\n042 visit + + + ^ ^\n",
        "empty": "042\n042 \n---\n/n\n042 /n\n042 ^\n",
    }
    for name, data in verb_bad.items():
        write("verbs", "bad-" + name, data)
    write("verbs", "bad-invalid-utf8", b"042 vis\xffit \x00 \xc3\n")

    # peer_dict: first byte picks the reader (0 actors, 1 agents, 2 TABARI
    # verbs, 3 PETRARCH verbs, 4 discards, 5 dates). Hand-written in the
    # peers' dialects (their files are not copied into the repo).
    clear("peer_dict")
    peer = {
        0: ["ARGENTINA_ [ARG]\nARGENTIN [ARG]\n+ARGENTINE_REPUBLIC\n",
            "BORIS_JOHNSON_ [GBRGOV 190724-220906] [GBR]\n+JOHNSON_\nDISCARDME [###]\nCOMPLEX_ [+++]\n",
            "ALBRIGHT_\n [USAGOV 970101-010120]\n [USA >010120]\n [USAELI <970101]\n",
            "BROKEN [ABC\nBADDATE [ABC 991399-000101]\nBADCODE [A$C]\n[]\n[[[\n"],
        1: ["MINISTER~ [~GOV]\nSOLDIER {S} [~MIL]\nNGO~ [NGO~]\n!PERSON! [~]\n",
            "~ [~]\n {} [\n"],
        2: ["--- ACCUSE   [112]\n- * OF CORRUPTION [1121]\n- $ * + [112]\n- % * [---]\n",
            "--- MEET   [040]\nMEETS\nMET\n- * WITH + [042]\n- ^ * [040:041]\n"],
        3: ["&CURRENCY\n+DOLLAR_\n+EURO_\n\n--- AID  [070]\n- * {MONEY | &CURRENCY } TO + [071]\n",
            "####### VERB: ATTACK ######\n--- ATTACK [190]\n- * (+ WITH TANKS) [193]\n- ~ * [190?]\n",
            "--- X [\n- * {{{ [999]\n- [ ]\n&\n+\n"],
        4: ["+SOCCER_\n+FOOTBALL MATCH\nBASEBALL\n", "+\n_\n++\n"],
        5: ["950101", "19950101", "991399", "20221302", "99999999999", "0", ""],
    }
    n = 0
    for sel, texts in peer.items():
        for text in texts:
            write("peer_dict", f"gen-{sel}-{n:02d}", bytes([sel]) + text.encode())
            n += 1
    write("peer_dict", "bad-invalid-utf8", b"\x00ARG\xffENTINA\x00 [ARG]\n")
    write("peer_dict", "bad-long-line", b"\x02--- ACCUSE [112]\n- " + b"WORD " * 1500 + b"[112]\n")

    # pipeline: a date line, then the first paragraphs of each story.
    clear("pipeline")
    for s in stories:
        m = re.match(r" date (\S+) (.*)", s.read_text(encoding="utf-8"), re.S)
        body = m.group(2).encode("utf-8")[:3000].decode("utf-8", "ignore")
        write("pipeline", "gen-" + s.stem, m.group(1) + "\n" + body)
    for name in ("nested-quotes", "no-sentence-end", "curly-quotes", "huge-number", "invalid-utf8", "nul"):
        data = NASTY_TEXT[name]
        data = data if isinstance(data, bytes) else data.encode()
        write("pipeline", "bad-" + name, b"2022-02-03\n" + data[:3500])
    write("pipeline", "bad-bad-date", "2022-02-30\nRussia attacked Ukraine last week.\n")

    # http_params: byte 0 picks the endpoint (the order of kSpecs in
    # http_params_fuzzer.cc, then alerts); the rest is a query string. The
    # queries of tests/api_test.sh (shell variables given sample values) and
    # hand-written nasty ones.
    clear("http_params")
    selector = {"/api/events": 0, "/api/timeline": 1, "/api/network": 2, "/api/top-dyads": 3,
                "/api/actors": 4, "/api/summary": 5, "/api/alerts": 6}
    api_test = (ROOT / "tests" / "api_test.sh").read_text(encoding="utf-8")
    samples = {"$A": "RUS", "$B": "UKR", "$first": "2022-02-03", "$interval": "week", "$i": "50"}
    seen = set()
    for path, query in re.findall(r"(/api/[a-z-]+)\?([^'\" ]+)", api_test):
        if path not in selector:
            continue
        for var, value in samples.items():
            query = query.replace(var, value)
        if (path, query) in seen:
            continue
        seen.add((path, query))
        write("http_params", f"gen-api-{len(seen):02d}", bytes([selector[path]]) + query.encode())
    nasty_http = {
        "all-filters": (0, "actor=RUSGOV&source=RUS&target=UKR&code=0311&root=03&quad=1&status=planned"
                           "&from=2022-02-01&to=2022-02-28&doc=story%231&incident=7&limit=1000&offset=1000000"),
        "empty-values": (0, "actor=&dyad=&from=&to=&limit=&offset=&=&&&=x"),
        "repeated": (0, "actor=RUS&actor=RUS&limit=1&limit=1"),
        "percent": (0, "actor=%52%55%53&dyad=RUS%3EUKR&doc=%00%ff%zz%&from=2022%2D02%2D03+"),
        "plus-spaces": (0, "status=+reported+&actor=RUS+GOV&doc=a+b"),
        "dyads": (0, "dyad=A-B-C&dyad=->&dyad=-&dyad=>UKR&dyad=RUS>"),
        "numbers": (3, "limit=0001000&offset=9999999999999999&limit=-0&offset=+1"),
        "long-value": (0, "doc=" + "x" * 300 + "&actor=" + "A" * 16),
        "long-date": (0, "from=" + "9" * 500 + "-01-01&to=" + "2022-02-" + "3" * 500),
        "dates": (1, "from=2024-02-29&to=2023-02-29&interval=week"),
        "alerts-numbers": (6, "threshold=-10&baseline_weeks=520&min_events=100000&limit=1000&actor=RUS"),
        "alerts-floats": (6, "threshold=1e-320&threshold=0x1p3&threshold=inf&threshold=-nan"),
        "summary": (5, "x"),
        "event-id": (5, "9007199254740992"),
        "event-id-big": (5, "9007199254740993"),
    }
    for name, (sel, query) in nasty_http.items():
        write("http_params", "bad-" + name, bytes([sel]) + query.encode())
    write("http_params", "bad-raw-lines", b"\x00actor=R\x00US\ndoc=a&b=c\nfrom=2022-02-03\xff\nlimit\n=\n")

    # petrarch_xml: story input in PETRARCH's XML shape (written here, with
    # sentences of the sample wire; nothing from ../shared/peers).
    clear("petrarch_xml")
    records = []
    for i, line in enumerate(wire[:3]):
        story = json.loads(line)
        first = story["text"].split("\n")[0][:600].replace("&", "&amp;").replace("<", "&lt;")
        records.append(f'<Sentence date = "{story["date"].replace("-", "")}" id ="{story["id"]}_{i}" source = "X"\n'
                       f'  sentence = "True">\n<Text>\n{first}\n</Text>\n<Parse>\n(ROOT (S (NP (NNP X))))\n</Parse>\n</Sentence>\n')
    write("petrarch_xml", "gen-wire", ("<Sentences>\n" + "".join(records) + "</Sentences>\n").encode())
    for name, data in [("bad-date", '<Sentence date="20220230" id="A"><Text>x</Text></Sentence>\n'),
                       ("unclosed", '<Sentence date="20220203" id="A">\n<Text>never closed\n'),
                       ("unclosed-tag", '<Sentence date="20220203"\n id="A"\n'),
                       ("comment", '<!-- <Sentence date="20220203"><Text>hidden</Text></Sentence>\n-->\n'),
                       ("entities", '<Sentence date="20220203"><Text>&amp;&lt;&gt;&quot;&apos;&amp</Text></Sentence></Sentence>'),
                       ("empty", '<Sentence date="20220203" id="E"><Text>\n\n</Text></Sentence>'),
                       ("two-on-a-line", '<Sentence date="20220203" id="A"><Text>a</Text></Sentence><Sentence date="20220204" id="B"><Text>b</Text></Sentence>\n'),
                       ("bad-utf8", b'<Sentence date="20220203"><Text>\xff\x00</Text></Sentence>')]:
        write("petrarch_xml", name, data if isinstance(data, bytes) else data.encode())

    # peer_records: byte 0 even = PETRARCH XML records, odd = TABARI record
    # text. Written here in the shape of the peers' suites (invented states
    # Arnor/Gondor; nothing is copied from ../shared/peers).
    clear("peer_records")
    petr = """<Sentences>
<Environment>
<Verbfile>demo.verbs</Verbfile>
<Actorfile>demo.actors</Actorfile>
<Include> DEMO CONF </Include>
</Environment>
<Config option="new_actor_length" value="0" />
<Sentence date="20150813" id="DEMO-01" source="demo" sentence="True" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>
<Text>
Arnor is about to restore full diplomatic ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBZ is))))</Parse>
</Sentence>
<Sentence date="20150814" id="DEMO-02" category="DEMO">
<EventCoding noevents="True"/>
<Text>The weather in Arnor was fine.</Text>
</Sentence>
<!-- a comment <Sentence date="x"> -->
<Sentence date="20151399" id="DEMO-03" category="CONF">
<EventCoding error="bad date"/>
<Text>Gondor &amp; Arnor met.</Text>
</Sentence>
</Sentences>
"""
    write("peer_records", "gen-petrarch", b"\x00" + petr.encode())
    tab = """150813 DEMO-01
Arnor is about to restore full diplomatic ties with Gondor.
/* {ARN / GON / 064} */

150814 DEMO-02
The weather in Arnor\\nwas fine. /* {---} */

150815 DEMO-03
/* {OPTION: COMMA 0 0} */
Gondor met Arnor. /* -{ARN / GON / 040} {GON / ARN / 040} */

151399 DEMO-04
A record whose date is not a date.

150816 DEMO-05
An expectation {ARN / GON} with two parts. /* {ARN / GON} */
"""
    write("peer_records", "gen-tabari", b"\x01" + tab.encode())
    for name, sel, data in [("unclosed-sentence", 0, '<Sentence date="20150813" id="X-1"><Text>no end'),
                            ("unclosed-comment", 0, "<!-- <Sentence date='20150813'>"),
                            ("empty-attrs", 0, '<Sentence date= id= category=><EventCoding sourcecode=/></Sentence>'),
                            ("open-comment", 1, "150813 X-1\nArnor /* {ARN / GON / 064}\n\nmore\n"),
                            ("braces", 1, "150813 X-1\nA /* {{{ }}} {/ / /} {a/b/c/d} */\n"),
                            ("year-0000", 1, "000229 X-1\nA leap day?\n"),
                            ("crlf", 1, "150813 X-1\r\nArnor met Gondor.\r\n/* {ARN / GON / 040} */\r\n")]:
        write("peer_records", "bad-" + name, bytes([sel]) + data.encode())

    total = sum(1 for _ in OUT.rglob("*") if _.is_file())
    print(f"make_corpus: {total} files under {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
