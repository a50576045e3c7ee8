// faultline dashboard: reads the JSON API of `faultline serve` and draws a
// dyad's timeline (ECharts), the actor network (cytoscape), the event table
// with its detail panel, and the alerts. Text from the store is only ever
// set as textContent, never parsed as HTML.
'use strict';

const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const QUAD_COLORS = ['#9ccc65', '#2e7d32', '#ffb74d', '#c62828'];
const PAGE = 50;

const state = {
  dyad: '',          // "SRC>TGT" as picked; "either direction" turns it into SRC-TGT
  interval: 'day',
  from: '',
  to: '',
  filters: {},       // the event table's form
  offset: 0,
  total: 0,
  more: false,       // total is a lower bound (the server stopped counting)
};
let timelineChart = null;
let network = null;

// ---- small helpers ---------------------------------------------------------

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== null) node.append(c);
  return node;
}

// Counts requests in flight on <body data-pending>, so a test (or a person
// reading the DOM) knows when the page has settled.
function pending(delta) {
  const n = Number(document.body.dataset.pending || 0) + delta;
  document.body.dataset.pending = String(n);
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') query.set(k, v);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  pending(1);
  try {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || `${res.status} ${res.statusText}`);
    return body;
  } finally {
    pending(-1);
  }
}

function showError(err) {
  const p = $('error');
  if (!err) {
    p.hidden = true;
    p.textContent = '';
    return;
  }
  p.hidden = false;
  p.textContent = String(err.message || err);
}

function dyadParam() {
  if (!state.dyad) return '';
  return $('dyad-both').checked ? state.dyad.replace('>', '-') : state.dyad;
}

function dyadLabel(d) { return d.replace('>', ' → ').replace('-', ' ↔ '); }

function unavailable(container, what) {
  container.replaceChildren(el('div', { class: 'unavailable' },
    `${what} unavailable: this faultline was built without node_modules/ ` +
    '(run `npm ci`, then rebuild). The tables below still work.'));
}

// ---- summary and dyad picker -----------------------------------------------

async function loadSummary() {
  const s = await api('/api/summary');
  const range = s.first_day ? `${s.first_day} to ${s.last_day}` : 'no events yet';
  $('summary').textContent =
    `${s.documents} stories · ${s.events} events (mentions) · ${s.incidents} incidents · ${range}`;
}

async function loadDyads() {
  const { dyads } = await api('/api/top-dyads', { limit: 100 });
  const picker = $('dyad-picker');
  for (const d of dyads) {
    const value = `${d.source}>${d.target}`;
    picker.append(el('option', { value }, `${d.source} → ${d.target} · ${d.events} events, ${d.incidents} incidents`));
  }
  if (dyads.length) {
    picker.value = `${dyads[0].source}>${dyads[0].target}`;
    state.dyad = picker.value;
  }
}

function pickDyad(value) {
  const picker = $('dyad-picker');
  if (![...picker.options].some((o) => o.value === value)) picker.append(el('option', { value }, dyadLabel(value)));
  picker.value = value;
  state.dyad = value;
  dyadChanged();
}

function dyadChanged() {
  state.filters.dyad = dyadParam();
  $('f-dyad').value = state.filters.dyad;
  state.offset = 0;
  loadTimeline().catch(showError);
  loadEvents().catch(showError);
}

// ---- timeline ----------------------------------------------------------------

async function loadTimeline() {
  const container = $('timeline');
  $('timeline-dyad').textContent = state.dyad ? dyadLabel(dyadParam()) : 'all events';
  const t = await api('/api/timeline', { dyad: dyadParam(), interval: state.interval, from: state.from, to: state.to });
  container.dataset.points = String(t.points.length);
  container.dataset.events = String(t.points.reduce((n, p) => n + p.events, 0));
  if (typeof echarts === 'undefined') return unavailable(container, 'Charts');
  if (!timelineChart) timelineChart = echarts.init(container);
  const x = t.points.map((p) => p.start);
  const series = QUADS.map((name, i) => ({
    name, type: 'bar', stack: 'events', barMaxWidth: 28,
    itemStyle: { color: QUAD_COLORS[i] },
    data: t.points.map((p) => p.quad[i]),
  }));
  series.push({
    name: 'incidents', type: 'line', symbolSize: 5, itemStyle: { color: '#455a64' },
    lineStyle: { type: 'dashed' }, data: t.points.map((p) => p.incidents),
  });
  series.push({
    name: 'Goldstein mean', type: 'line', yAxisIndex: 1, symbolSize: 6, connectNulls: false,
    itemStyle: { color: '#0b5cad' }, data: t.points.map((p) => p.goldstein_mean),
  });
  timelineChart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: x.length > 45 ? 70 : 30 },
    xAxis: { type: 'category', data: x },
    yAxis: [
      { type: 'value', name: 'events', minInterval: 1 },
      { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
    ],
    dataZoom: x.length > 45 ? [{ type: 'inside' }, { type: 'slider' }] : [],
    series,
  }, true);
}

// ---- network -----------------------------------------------------------------

// Grey at 0, towards green for cooperation (+) and red for conflict (-);
// Goldstein means rarely pass ±5, so that is full colour.
function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 5));
  const grey = [150, 150, 150];
  const end = t >= 0 ? [46, 125, 50] : [198, 40, 40];
  const a = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

async function loadNetwork() {
  const container = $('network');
  const net = await api('/api/network', { from: state.from, to: state.to, limit: 200 });
  container.dataset.nodes = String(net.nodes.length);
  container.dataset.edges = String(net.edges.length);
  if (typeof cytoscape === 'undefined') return unavailable(container, 'The network');
  if (!net.edges.length) {
    if (network) { network.destroy(); network = null; }
    container.replaceChildren(el('div', { class: 'unavailable' }, 'No dyads in this period.'));
    return;
  }
  if (!network) container.replaceChildren();
  const elements = [];
  for (const n of net.nodes) {
    elements.push({ data: { id: n.id, events: n.events, size: 18 + 8 * Math.log2(1 + n.events) } });
  }
  for (const e of net.edges) {
    elements.push({
      data: {
        id: `${e.source}>${e.target}`, source: e.source, target: e.target, events: e.events,
        width: 1 + 2 * Math.log2(1 + e.events), colour: goldsteinColour(e.goldstein_mean),
      },
    });
  }
  if (network) network.destroy();
  network = cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        label: 'data(id)', width: 'data(size)', height: 'data(size)', 'background-color': '#546e7a',
        color: '#1f2328', 'font-size': 11, 'text-valign': 'top', 'text-margin-y': -4 } },
      { selector: 'edge', style: {
        width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
      { selector: 'edge:selected', style: { opacity: 1, 'overlay-opacity': 0.15 } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
  });
  network.on('tap', 'edge', (evt) => pickDyad(evt.target.id()));
}

// ---- events table ------------------------------------------------------------

function eventRow(e) {
  const row = el('tr', { dataset: { id: e.id } },
    el('td', null, e.day),
    el('td', { title: e.source_text }, e.source),
    el('td', { title: e.target_text }, e.target || '–'),
    el('td', { title: e.rule }, e.code),
    el('td', { class: `quad-${e.quad_class}`, title: QUADS[e.quad_class - 1] }, String(e.quad_class)),
    el('td', { class: 'num' }, e.goldstein.toFixed(1)),
    el('td', null, e.status),
    el('td', { class: 'num' }, String(e.incident)),
    el('td', null, e.doc_id));
  row.addEventListener('click', () => {
    for (const r of document.querySelectorAll('#events tbody tr.selected')) r.classList.remove('selected');
    row.classList.add('selected');
    openDetail(e.id).catch(showError);
  });
  return row;
}

// Whether events follow the page shown (`shown` rows of it).
function hasNextPage(shown) {
  return state.more ? shown === PAGE : state.offset + PAGE < state.total;
}

async function loadEvents() {
  const r = await api('/api/events', { ...state.filters, limit: PAGE, offset: state.offset });
  // The server counts up to 1,000 matches (or to the end of the page)
  // unless asked for an exact total: past that, total is a lower bound.
  state.total = r.total;
  state.more = !r.total_exact;
  const total = $('events-total');
  total.textContent = r.total.toLocaleString('en-US') + (r.total_exact ? '' : '+');
  total.dataset.total = String(r.total);
  total.dataset.exact = String(r.total_exact);
  const first = r.events.length ? state.offset + 1 : 0;
  $('events-range').textContent = `showing ${first}–${state.offset + r.events.length}`;
  $('events').tBodies[0].replaceChildren(...r.events.map(eventRow));
  $('prev').disabled = state.offset === 0;
  $('next').disabled = !hasNextPage(r.events.length);
}

function readFilters() {
  const form = new FormData($('filters'));
  const filters = {};
  for (const [k, v] of form.entries()) {
    const value = String(v).trim();
    if (value) filters[k] = k === 'actor' ? value.toUpperCase() : value;
  }
  return filters;
}

// ---- event detail --------------------------------------------------------------

// The sentence with the evidence and the actors' words marked. Spans are
// byte offsets into the UTF-8 sentence, so the text is cut as bytes and each
// piece decoded; a piece covered by several spans gets all their classes.
function markedSentence(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const live = spans.filter((s) => s.span && s.span.end > s.span.begin);
  const cuts = new Set([0, bytes.length]);
  for (const s of live) {
    cuts.add(Math.min(s.span.begin, bytes.length));
    cuts.add(Math.min(s.span.end, bytes.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = decoder.decode(bytes.subarray(a, b));
    const classes = live.filter((s) => s.span.begin <= a && b <= s.span.end).map((s) => s.cls);
    out.append(classes.length ? el('mark', { class: classes.join(' ') }, piece) : piece);
  }
  return out;
}

function field(list, name, ...value) {
  list.append(el('dt', null, name), el('dd', null, ...value));
}

async function openDetail(id) {
  const d = await api(`/api/events/${encodeURIComponent(id)}`);
  const panel = $('detail');
  panel.dataset.id = String(d.id);
  $('detail-title').textContent = `Event ${d.id}: ${d.source} → ${d.target || '–'} (${d.code})`;
  $('detail-sentence').replaceChildren(markedSentence(d.sentence_text, [
    { span: d.evidence, cls: 'evidence' },
    { span: d.source_span, cls: 'source' },
    { span: d.target_span, cls: 'target' },
  ]));
  const list = $('detail-fields');
  list.replaceChildren();
  field(list, 'Date', `${d.day}` + (d.date && d.date !== d.day ? ` (said: ${d.date})` : ''));
  field(list, 'Source', el('strong', null, d.source), ` — ${d.source_text || '(no text)'}`);
  field(list, 'Target', el('strong', null, d.target || '–'), ` — ${d.target_text || '(no text)'}`);
  field(list, 'Code', `${d.code} (root ${d.root}), quad ${d.quad_class}: ${QUADS[d.quad_class - 1] || ''}`);
  field(list, 'Goldstein', d.goldstein.toFixed(1));
  if (d.plover) field(list, 'PLOVER', d.plover);
  field(list, 'Status', d.status);
  field(list, 'Rule', el('code', { class: 'rule' }, d.rule || '(none)'));
  const doc = d.document;
  const story = [doc.title ? `${doc.title} — ` : '', `${doc.id}, ${doc.date}`, doc.source ? `, ${doc.source}` : ''];
  if (/^https?:\/\//.test(doc.url)) {
    story.push(' ', el('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, 'link'));
  }
  field(list, 'Story', ...story);
  if (d.location) field(list, 'Place', `${d.location.name}, ${d.location.country}`);
  const inc = d.incident_detail;
  const show = el('button', { type: 'button' }, 'show its mentions');
  show.addEventListener('click', () => {
    $('filters').reset();
    $('filters').elements.incident.value = String(inc.id);
    state.filters = readFilters();
    state.offset = 0;
    loadEvents().catch(showError);
  });
  field(list, 'Incident', `${inc.id}: ${inc.mentions} mention${inc.mentions === 1 ? '' : 's'} in ` +
    `${inc.documents} stor${inc.documents === 1 ? 'y' : 'ies'} `, show);
  panel.hidden = false;
}

// ---- alerts ----------------------------------------------------------------------

async function loadAlerts() {
  const { alerts } = await api('/api/alerts');
  const body = $('alerts').tBodies[0];
  if (!alerts.length) {
    body.replaceChildren(el('tr', null, el('td', { colspan: 6, class: 'muted' },
      'No alerts for the last stored week with the default settings (8 baseline weeks, ' +
      'at least 3 events in the week and in the baseline, score threshold 0.3).')));
    return;
  }
  body.replaceChildren(...alerts.map((a) => {
    const row = el('tr', null,
      el('td', null, a.week),
      el('td', null, `${a.source} → ${a.target}`),
      el('td', { class: 'num' }, `${a.events} (${a.baseline_events})`),
      el('td', { class: 'num' }, `${a.goldstein_mean.toFixed(2)} (${a.baseline_goldstein_mean.toFixed(2)})`),
      el('td', { class: 'num' }, `${a.conflict_share.toFixed(2)} (${a.baseline_conflict_share.toFixed(2)})`),
      el('td', { class: 'num' }, a.score.toFixed(2)));
    row.addEventListener('click', () => pickDyad(`${a.source}>${a.target}`));
    return row;
  }));
}

// ---- wiring ----------------------------------------------------------------------

function wire() {
  $('dyad-picker').addEventListener('change', (e) => { state.dyad = e.target.value; dyadChanged(); });
  $('dyad-both').addEventListener('change', dyadChanged);
  $('interval').addEventListener('change', (e) => { state.interval = e.target.value; loadTimeline().catch(showError); });
  for (const id of ['period-from', 'period-to']) {
    $(id).addEventListener('change', () => {
      state.from = $('period-from').value;
      state.to = $('period-to').value;
      const form = $('filters').elements;
      form.from.value = state.from;
      form.to.value = state.to;
      state.filters = readFilters();
      state.offset = 0;
      showError(null);
      Promise.all([loadTimeline(), loadNetwork(), loadEvents()]).catch(showError);
    });
  }
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    state.filters = readFilters();
    state.offset = 0;
    showError(null);
    loadEvents().catch(showError);
  });
  $('filters').addEventListener('reset', () => {
    // The form's fields are cleared after this event.
    setTimeout(() => { state.filters = readFilters(); state.offset = 0; loadEvents().catch(showError); }, 0);
  });
  $('prev').addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - PAGE);
    loadEvents().catch(showError);
  });
  $('next').addEventListener('click', () => {
    if (hasNextPage(PAGE)) state.offset += PAGE;
    loadEvents().catch(showError);
  });
  $('detail-close').addEventListener('click', () => { $('detail').hidden = true; });
  window.addEventListener('resize', () => { if (timelineChart) timelineChart.resize(); });
}

async function main() {
  pending(1);
  try {
    wire();
    await Promise.all([loadSummary(), loadDyads()]);
    state.filters.dyad = dyadParam();
    $('f-dyad').value = state.filters.dyad;
    await Promise.all([loadTimeline(), loadNetwork(), loadEvents(), loadAlerts()]);
  } catch (err) {
    showError(err);
  } finally {
    pending(-1);
  }
}

document.addEventListener('DOMContentLoaded', main);
