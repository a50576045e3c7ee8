// The dashboard in Debian's chromium (run by tests/dashboard_test.sh):
//   node tests/dashboard.spec.mjs BASE_URL STORE.db OUT_DIR [BIG_BASE_URL BIG.db]
// Loads the page, picks the top dyad, and checks that the timeline chart's
// data and the event table equal the API's answers and the counts sqlite3
// reads from the same store; toggles "either direction" and checks again;
// opens an event and checks its highlighted evidence; fails on any console
// error (a Content-Security-Policy violation is one). Saves a screenshot.
// Given a second server over a store of more than 10,000 events, checks that
// the table shows "1,000+" (the count stops there) and still pages on.
import { execFileSync } from 'node:child_process';
import { strict as assert } from 'node:assert';
import { chromium } from 'playwright-core';

const [base, db, outDir, bigBase, bigDb] = process.argv.slice(2);
const sql = (q) => execFileSync('sqlite3', ['-batch', '-noheader', db, q], { encoding: 'utf8' }).trim();
const api = async (path) => {
  const res = await fetch(base + path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.json();
};

// Codes are [A-Z0-9] (the API checks), so splicing them into SQL is safe here.
function dyadWhere(a, b, both) {
  const one = (x, y) => `(source LIKE '${x}%' AND target LIKE '${y}%')`;
  return both ? `(${one(a, b)} OR ${one(b, a)})` : one(a, b);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
  headless: true,
});
const problems = [];
let checks = 0;
const check = (fn) => { fn(); checks++; };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`); });
  const settled = () => page.waitForFunction(() => document.body.dataset.pending === '0', null, { timeout: 15000 });

  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.querySelectorAll('#dyad-picker option').length > 1, null, { timeout: 15000 });
  await settled();

  // The picker lists the API's top dyads; pick the second (the first is
  // selected on load), then come back to the first, so the change path runs.
  const options = await page.$$eval('#dyad-picker option', (os) => os.map((o) => o.value).filter(Boolean));
  const top = await api('/api/top-dyads?limit=100');
  check(() => assert.deepEqual(options, top.dyads.map((d) => `${d.source}>${d.target}`)));
  if (options.length > 1) {
    await page.selectOption('#dyad-picker', options[1]);
    await settled();
  }
  const dyad = options[0];
  await page.selectOption('#dyad-picker', dyad);
  await settled();

  for (const both of [false, true]) {
    if (both) {
      await page.check('#dyad-both');
      await settled();
    }
    const [a, b] = dyad.split('>');
    const param = both ? `${a}-${b}` : `${a}>${b}`;
    const label = `dyad ${param}`;
    const expected = Number(sql(`SELECT COUNT(*) FROM events WHERE ${dyadWhere(a, b, both)}`));
    assert.ok(expected > 0, `${label}: no events in the store`);

    // The chart: x axis and every series equal the API's timeline; the bars
    // add up to sqlite's count.
    const timeline = await api(`/api/timeline?dyad=${encodeURIComponent(param)}&interval=day`);
    const chart = await page.evaluate(() => {
      const option = echarts.getInstanceByDom(document.getElementById('timeline')).getOption();
      return { x: option.xAxis[0].data, series: option.series.map((s) => ({ name: s.name, data: s.data })) };
    });
    check(() => assert.deepEqual(chart.x, timeline.points.map((p) => p.start), `${label}: chart days`));
    for (let q = 0; q < 4; q++) {
      check(() => assert.deepEqual(chart.series[q].data, timeline.points.map((p) => p.quad[q]), `${label}: quad ${q + 1}`));
    }
    const incidents = chart.series.find((s) => s.name === 'incidents');
    check(() => assert.deepEqual(incidents.data, timeline.points.map((p) => p.incidents), `${label}: incidents`));
    const bars = chart.series.slice(0, 4).flatMap((s) => s.data).reduce((n, v) => n + v, 0);
    check(() => assert.equal(bars, expected, `${label}: chart total vs sqlite`));

    // The table: the total and the rows (ids, in order) of the first page.
    const list = await api(`/api/events?dyad=${encodeURIComponent(param)}&limit=50`);
    check(() => assert.equal(list.total, expected, `${label}: API total vs sqlite`));
    const total = await page.getAttribute('#events-total', 'data-total');
    check(() => assert.equal(Number(total), expected, `${label}: table total vs sqlite`));
    const ids = await page.$$eval('#events tbody tr', (rows) => rows.map((r) => Number(r.dataset.id)));
    check(() => assert.deepEqual(ids, list.events.map((e) => e.id), `${label}: table rows`));
    const sqlIds = sql(`SELECT id FROM events WHERE ${dyadWhere(a, b, both)} ORDER BY day DESC, id DESC LIMIT 50`)
      .split('\n').map(Number);
    check(() => assert.deepEqual(ids, sqlIds, `${label}: table rows vs sqlite`));
  }

  // The network has drawn something.
  const nodes = Number(await page.getAttribute('#network', 'data-nodes'));
  check(() => assert.ok(nodes > 0, 'network: no nodes'));
  const canvases = await page.$$eval('#network canvas', (c) => c.length);
  check(() => assert.ok(canvases > 0, 'network: no canvas'));

  // An event's detail: the marked evidence is the evidence span's text.
  await page.click('#events tbody tr:first-child');
  await page.waitForSelector('#detail:not([hidden]) #detail-sentence mark.evidence', { timeout: 10000 });
  await settled();
  const id = Number(await page.getAttribute('#detail', 'data-id'));
  const detail = await api(`/api/events/${id}`);
  const bytes = Buffer.from(detail.sentence_text, 'utf8');
  const evidence = bytes.subarray(detail.evidence.begin, detail.evidence.end).toString('utf8');
  const marked = await page.$$eval('#detail-sentence mark.evidence', (ms) => ms.map((m) => m.textContent).join(''));
  check(() => assert.equal(marked, evidence, 'detail: highlighted evidence'));
  check(() => assert.ok(evidence.length > 0, 'detail: empty evidence'));
  const storyBytes = sql(`SELECT CAST(substr(CAST(d.text AS BLOB), e.span_begin + 1, e.span_end - e.span_begin) AS TEXT)
                          FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ${id}`);
  check(() => assert.equal(evidence, storyBytes, 'detail: evidence vs the stored story'));
  const sentence = await page.textContent('#detail-sentence');
  check(() => assert.equal(sentence, detail.sentence_text, 'detail: sentence'));
  const rule = await page.textContent('#detail-fields code.rule');
  check(() => assert.equal(rule, detail.rule, 'detail: rule'));
  if (detail.source_span) {
    const source = await page.$$eval('#detail-sentence mark.source', (ms) => ms.map((m) => m.textContent).join(''));
    check(() => assert.equal(source, detail.source_text, 'detail: source actor highlighted'));
  }

  // Page 2 of the whole table, if there is one.
  await page.uncheck('#dyad-both');
  await page.selectOption('#dyad-picker', '');
  await settled();
  const all = Number(sql('SELECT COUNT(*) FROM events'));
  const allTotal = Number(await page.getAttribute('#events-total', 'data-total'));
  check(() => assert.equal(allTotal, all, 'all events: table total vs sqlite'));
  if (all > 50) {
    await page.click('#next');
    await settled();
    const ids = await page.$$eval('#events tbody tr', (rows) => rows.map((r) => Number(r.dataset.id)));
    const sqlIds = sql('SELECT id FROM events ORDER BY day DESC, id DESC LIMIT 50 OFFSET 50').split('\n').map(Number);
    check(() => assert.deepEqual(ids, sqlIds, 'all events, page 2'));
  }

  const shot = `${outDir}/dashboard.png`;
  await page.selectOption('#dyad-picker', dyad);
  await settled();
  await page.click('#events tbody tr:first-child');
  await page.waitForSelector('#detail:not([hidden])');
  await settled();
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  if (bigBase) {
    // More events than the server counts exactly: a lower bound, shown as such.
    const bigAll = Number(execFileSync('sqlite3', ['-batch', '-noheader', bigDb, 'SELECT COUNT(*) FROM events'],
      { encoding: 'utf8' }).trim());
    check(() => assert.ok(bigAll > 10000, `the big store has ${bigAll} events`));
    await page.goto(bigBase + '/');
    await settled();
    await page.selectOption('#dyad-picker', '');  // all events, not the top dyad's
    await settled();
    const text = await page.textContent('#events-total');
    check(() => assert.equal(text, '1,000+', 'capped total shown'));
    const exact = await page.getAttribute('#events-total', 'data-exact');
    check(() => assert.equal(exact, 'false', 'capped total flagged'));
    await page.click('#next');
    await settled();
    const range = await page.textContent('#events-range');
    check(() => assert.equal(range, 'showing 51–100', 'page 2 of a capped total'));
  }
} finally {
  await browser.close();
}
if (problems.length) {
  for (const p of problems) console.log(`FAIL: ${p}`);
  process.exit(1);
}
console.log(`dashboard_test: ${checks} checks passed`);
