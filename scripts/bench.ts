/**
 * How fast the register answers at national scale (100,000 organizations, ten years of figures):
 *   npm run bench [-- --db FILE] [-- --runs 20]
 * Without --db it seeds a temporary database first (and deletes it afterwards); with --db it uses
 * that file, seeding it only if it does not exist. Each query goes through the real dispatcher
 * (validation, service, mapping), beside the same query written raw with better-sqlite3 as a
 * baseline. Prints figures; asserts nothing (aims: search-as-you-type under 10 ms at p95, other
 * interactive queries under 50 ms, among them the suggestions of supply and demand; a programme's
 * results for a year under 100 ms).
 *
 * Also Cần chú ý and the trade-promotion and agreements reports' tables on the demo's events and
 * agreements.
 *
 * Then Excel at the same scale: the register exported through the report writer beside bare
 * exceljs; a list of 100,000 cooperatives read by the app's reader, by exceljs and converted by
 * LibreOffice, and imported whole into an empty database (analyze, preview with matching,
 * commit), each in a process of its own for its peak memory; the import and the conversion again
 * in rounds back to back, for the ratio of the two. And backups: the quick check at opening, a
 * backup while the app runs, and the whole data as one .zip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { build } from 'vite';
import { openApp } from '../src/core/app';
import { seedDemo } from '../src/core/demo/generate';
import { agreementsTables } from '../src/core/excel/reports/agreements';
import { tradePromotionTables } from '../src/core/excel/reports/tradePromotion';
import { dispatch } from '../src/core/handlers';
import type { Channel, InputOf } from '../src/shared/contract';
import { organizationNameKey } from '../src/shared/names';
import { foldText } from '../src/shared/text';
import { benchBackup, printBackupFigures } from './bench-backup';
import { benchExcelRead, measureSoffice, printExcelReadBench, writeOrganizationsWorkbook } from './bench-excel-read';
import { benchExcelWrite, printExcelWriteFigures } from './bench-excel-write';
import type { ImportMeasure } from './bench-import';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const tempDir = values.db ? null : mkdtempSync(join(tmpdir(), 'htx-bench-'));
const file = values.db ? resolve(values.db) : join(tempDir ?? '', 'bench.sqlite');
const fresh = !existsSync(file);

const opening = performance.now();
const app = openApp({ databaseFile: file, appRoot: resolve(import.meta.dirname, '..'), appVersion: 'bench' });
const sqlite: Database.Database = app.ctx.db.$client;
// On a reused file made by an older version this includes its pending migrations (and the copy
// taken before them).
const openSeconds = (performance.now() - opening) / 1000;
let seedLine = 'reused an existing file (seed time not measured in this run)';

if (fresh) {
  const started = performance.now();
  const summary = seedDemo(app.ctx, { scale: 'national', provinceCode: '91', years: 10, seed: 1 });
  seedLine =
    `seeded ${summary.organizations} organizations, ${summary.figures} figure rows, ${summary.promotion.partners} partners, ` +
    `${summary.promotion.events} events (${summary.promotion.participants} participants), ${summary.promotion.agreements} agreements, ` +
    `${summary.offers} offers, ${summary.demands} demands and ${summary.connections} connections in ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`;
  console.log(seedLine);
  // Measure the database as a person would open it the next morning, not with a fresh WAL.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('optimize');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Times each of the tasks `runs` times after one warm-up pass; returns the sorted timings. */
async function time(tasks: (() => unknown)[]): Promise<number[]> {
  for (const task of tasks) await task();
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const task of tasks) {
      const started = performance.now();
      await task();
      timings.push(performance.now() - started);
    }
  }
  return timings.sort((a, b) => a - b);
}

async function viaService<C extends Channel>(channel: C, input: InputOf<C>): Promise<void> {
  const result = await dispatch(app.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
}

interface Row {
  name: string;
  service: number[];
  raw: number[];
}
const rows: Row[] = [];

// The register's first page, default sort (by name).
const firstPageRaw = [
  sqlite.prepare('SELECT count(*) FROM organizations WHERE deleted_at IS NULL'),
  sqlite.prepare('SELECT * FROM organizations WHERE deleted_at IS NULL ORDER BY name_folded, id LIMIT 50'),
];
rows.push({
  name: 'Register, first page',
  service: await time([() => viaService('organizations:list', { page: 1, pageSize: 50 })]),
  raw: await time([() => firstPageRaw.map((statement) => statement.all())]),
});

// Search as a person types it, letter by letter, with and without diacritics.
const typed = ['vinh binh', 'Vĩnh Bình', 'nông nghiệp đồng tâm', 'dong thap', 'rau an toan', '9100001', 'qtdnd', 'htx thuy san'];
const queries = [...new Set(typed.flatMap((text) => Array.from({ length: text.length }, (_, index) => text.slice(0, index + 1)).filter((q) => q.trim())))];
const trigramRaw = sqlite.prepare(`
  SELECT * FROM organizations WHERE deleted_at IS NULL
    AND id IN (SELECT rowid FROM organizations_search WHERE organizations_search MATCH ?)
  ORDER BY name_folded, id LIMIT 50`);
const trigramCountRaw = sqlite.prepare(`
  SELECT count(*) FROM organizations WHERE deleted_at IS NULL
    AND id IN (SELECT rowid FROM organizations_search WHERE organizations_search MATCH ?)`);
const likeRaw = sqlite.prepare(
  "SELECT * FROM organizations WHERE deleted_at IS NULL AND search_text LIKE ? ESCAPE '\\' ORDER BY name_folded, id LIMIT 50",
);
const likeCountRaw = sqlite.prepare(
  "SELECT count(*) FROM organizations WHERE deleted_at IS NULL AND search_text LIKE ? ESCAPE '\\'",
);
/** The raw baseline runs each query the way a hand-written app would: one LIKE per word. */
function searchRaw(query: string): void {
  const words = foldText(query).split(' ').filter(Boolean);
  const long = words.filter((word) => word.length >= 3);
  if (long.length > 0 && long.length === words.length) {
    const match = long.map((word) => `"${word}"`).join(' AND ');
    trigramRaw.all(match);
    trigramCountRaw.get(match);
  } else {
    const pattern = `%${words.join('%')}%`;
    likeRaw.all(pattern);
    likeCountRaw.get(pattern);
  }
}
const perQuery = new Map<string, number[]>();
rows.push({
  name: `Search as you type (${queries.length} queries)`,
  service: await time(
    queries.map((query) => async () => {
      const started = performance.now();
      await viaService('organizations:list', { query, page: 1, pageSize: 50 });
      perQuery.set(query, [...(perQuery.get(query) ?? []), performance.now() - started]);
    }),
  ),
  raw: await time(queries.map((query) => () => searchRaw(query))),
});

// Filter and sort: the busiest commune's cooperatives, newest first.
const busiest = sqlite
  .prepare('SELECT commune_code FROM organizations GROUP BY commune_code ORDER BY count(*) DESC LIMIT 1')
  .pluck()
  .get() as string;
const filterRaw = [
  sqlite.prepare("SELECT count(*) FROM organizations WHERE deleted_at IS NULL AND kind = 'htx' AND commune_code = ?"),
  sqlite.prepare(`SELECT * FROM organizations WHERE deleted_at IS NULL AND kind = 'htx' AND commune_code = ?
    ORDER BY founded_on IS NULL, founded_on DESC, name_folded, id LIMIT 50`),
];
rows.push({
  name: 'Filter kind + commune, sort founded desc',
  service: await time([
    () =>
      viaService('organizations:list', {
        kinds: ['htx'],
        communeCodes: [busiest],
        sort: { by: 'foundedOn', direction: 'desc' },
        page: 1,
        pageSize: 50,
      }),
  ]),
  raw: await time([() => filterRaw.map((statement) => statement.all(busiest))]),
});

// The chairperson's overview for the last year with figures (and the year before it).
const year = sqlite.prepare('SELECT max(year) FROM yearly_figures').pluck().get() as number;
const existing = (y: number) =>
  `deleted_at IS NULL AND (founded_on IS NULL OR founded_on <= '${y}-12-31') AND (ended_on IS NULL OR ended_on > '${y}-12-31')`;
const statisticsRaw = [year, year - 1].flatMap((y) => [
  sqlite.prepare(`SELECT kind, count(*) FROM organizations WHERE ${existing(y)} GROUP BY kind`),
  sqlite.prepare(`SELECT sector_code, count(*) FROM organizations WHERE ${existing(y)} GROUP BY sector_code`),
  sqlite.prepare(`SELECT commune_code, count(*) FROM organizations WHERE ${existing(y)} GROUP BY commune_code`),
  sqlite.prepare(`SELECT count(*), sum(members_official), sum(members_associate), sum(workers),
      avg(CASE WHEN o.kind = 'htx' THEN revenue END), avg(CASE WHEN o.kind = 'htx' THEN profit END),
      sum(average_income * workers), count(classification)
    FROM yearly_figures f JOIN organizations o ON o.id = f.organization_id
    WHERE f.year = ${y} AND ${existing(y).replace(/(deleted_at|founded_on|ended_on)/g, 'o.$1')}`),
]);
const statisticsRawTimes = await time([() => statisticsRaw.map((statement) => statement.all())]);
rows.push({
  name: `Statistics overview ${year} vs ${year - 1}`,
  service: await time([() => viaService('statistics:overview', { year })]),
  raw: statisticsRawTimes,
});
// The first view after a write: each timed call follows a write to one figure row (the write
// itself, with its triggers, is not timed; it is undone by the next one). The overview caches
// nothing, so it costs what any view costs; a plan's progress is kept while nothing changes, so
// this is what it costs to work out.
const someFigure = sqlite.prepare('SELECT organization_id AS id FROM yearly_figures WHERE year = ? LIMIT 1').get(year) as { id: number };
const touch = sqlite.prepare('UPDATE yearly_figures SET members_official = members_official + ? WHERE organization_id = ? AND year = ?');
async function timeAfterWrite(task: () => Promise<void>): Promise<number[]> {
  let sign = 1;
  const timings: number[] = [];
  for (let run = 0; run <= runs; run++) {
    touch.run(sign, someFigure.id, year);
    sign = -sign;
    const started = performance.now();
    await task();
    if (run > 0) timings.push(performance.now() - started);
  }
  if (sign === -1) touch.run(-1, someFigure.id, year);
  return timings.sort((a, b) => a - b);
}
rows.push({ name: '  … the first view after a write', service: await timeAfterWrite(() => viaService('statistics:overview', { year })), raw: statisticsRawTimes });

// Supply and demand: suggestions for one demand and for one offer of the last year, the
// connections the office is making now; and a programme's results for a year.
const supplyYear = sqlite.prepare("SELECT max(substr(needed_from, 1, 4)) FROM supply_demands WHERE needed_from <= date('now')").pluck().get() as string;
const sampleDemands = sqlite
  .prepare(`SELECT d.id FROM supply_demands d WHERE substr(d.needed_from, 1, 4) = ? AND d.withdrawn_on IS NULL ORDER BY d.id LIMIT 20`)
  .pluck()
  .all(supplyYear) as number[];
const sampleOffers = sqlite
  .prepare(`SELECT o.id FROM supply_offers o WHERE substr(o.available_from, 1, 4) = ? AND o.withdrawn_on IS NULL ORDER BY o.id LIMIT 20`)
  .pluck()
  .all(supplyYear) as number[];
const candidateOffersRaw = sqlite.prepare(`
  SELECT o.*, (SELECT coalesce(sum(c.offer_quantity), 0) FROM supply_connections c WHERE c.offer_id = o.id AND c.deleted_at IS NULL) AS connected
  FROM supply_offers o JOIN supply_demands d ON d.id = ? JOIN organizations org ON org.id = o.organization_id
  WHERE o.deleted_at IS NULL AND o.product_group_code = d.product_group_code AND o.available_from <= coalesce(d.needed_until, '9999-12-31')
    AND (o.available_until IS NULL OR o.available_until >= d.needed_from) AND org.deleted_at IS NULL`);
const candidateDemandsRaw = sqlite.prepare(`
  SELECT d.*, (SELECT coalesce(sum(c.demand_quantity), 0) FROM supply_connections c WHERE c.demand_id = d.id AND c.deleted_at IS NULL) AS connected
  FROM supply_demands d JOIN supply_offers o ON o.id = ?
  WHERE d.deleted_at IS NULL AND d.product_group_code = o.product_group_code AND d.needed_from <= coalesce(o.available_until, '9999-12-31')
    AND (d.needed_until IS NULL OR d.needed_until >= o.available_from)`);
rows.push({
  name: `Suggestions for one demand (${sampleDemands.length} demands)`,
  service: await time(sampleDemands.map((id) => () => viaService('demands:suggestOffers', { id }))),
  raw: await time(sampleDemands.map((id) => () => candidateOffersRaw.all(id))),
});
rows.push({
  name: `Suggestions for one offer (${sampleOffers.length} offers)`,
  service: await time(sampleOffers.map((id) => () => viaService('offers:suggestDemands', { id }))),
  raw: await time(sampleOffers.map((id) => () => candidateDemandsRaw.all(id))),
});
// Kết nối cung – cầu's lists as they open, unfiltered: the programmes with their counts, and the
// first page of offers, demands and connections with how many there are.
const listsRaw = [
  sqlite.prepare('SELECT * FROM programmes WHERE deleted_at IS NULL ORDER BY starts_on DESC'),
  sqlite.prepare('SELECT * FROM supply_offers WHERE deleted_at IS NULL ORDER BY available_from DESC, id DESC LIMIT 25'),
  sqlite.prepare('SELECT * FROM supply_demands WHERE deleted_at IS NULL ORDER BY needed_from DESC, id DESC LIMIT 25'),
  sqlite.prepare('SELECT * FROM supply_connections WHERE deleted_at IS NULL ORDER BY connected_on DESC, id DESC LIMIT 25'),
];
rows.push({
  name: 'Supply lists: programmes, offers, demands, connections',
  service: await time([
    async () => {
      await viaService('programmes:list', {});
      await viaService('offers:list', {});
      await viaService('demands:list', {});
      await viaService('connections:list', {});
    },
  ]),
  raw: await time([() => listsRaw.map((statement) => statement.all())]),
});
const busiestProgramme = sqlite
  .prepare(`SELECT programme_id FROM supply_connections WHERE programme_id IS NOT NULL GROUP BY programme_id ORDER BY count(*) DESC LIMIT 1`)
  .pluck()
  .get() as number;
const programmeYear = sqlite.prepare('SELECT substr(starts_on, 1, 4) FROM programmes WHERE id = ?').pluck().get(busiestProgramme) as string;
const resultsRaw = sqlite.prepare(`
  SELECT o.product_group_code, c.base_unit_code, count(*), sum(c.base_quantity), sum(c.value)
  FROM supply_connections c JOIN supply_offers o ON o.id = c.offer_id
  WHERE c.deleted_at IS NULL AND c.programme_id = ? AND c.connected_on BETWEEN ? AND ? GROUP BY 1, 2`);
const programmeConnections = sqlite.prepare('SELECT count(*) FROM supply_connections WHERE programme_id = ?').pluck().get(busiestProgramme) as number;
rows.push({
  name: `Programme results for a year (${programmeConnections} conn.)`,
  service: await time([() => viaService('programmes:results', { programmeId: busiestProgramme, from: `${programmeYear}-01-01`, to: `${programmeYear}-12-31` })]),
  raw: await time([() => resultsRaw.all(busiestProgramme, `${programmeYear}-01-01`, `${programmeYear}-12-31`)]),
});
// The plan in force (the demo's year plan: sixteen targets over the whole register, one of them a volume connected), its progress
// computed live as its page and Tổng quan ask for it after a write: each target's actual, last
// year's and the denominators of its shares.
const inForce = await dispatch(app.ctx, 'plans:inForce', undefined);
const planInForce = inForce.ok ? (inForce.value as { id: number; targets: unknown[] } | null) : null;
const planTimes = planInForce ? await timeAfterWrite(() => viaService('plans:get', { id: planInForce.id })) : [];
// Trade promotion and agreements, as demo/promotion.ts fills them: Cần chú ý, and the tables of
// the trade-promotion and agreements reports for the year (built, not written to Excel).
const [from, to] = [`${year}-01-01`, `${year}-12-31`];
const attentionRaw = [
  sqlite.prepare(`SELECT a.*, (SELECT max(noted_on) FROM agreement_notes n WHERE n.agreement_id = a.id)
    FROM agreements a WHERE a.deleted_at IS NULL AND a.signed_on IS NOT NULL AND a.terminated_on IS NULL`),
  sqlite.prepare('SELECT c.*, (SELECT sum(quantity) FROM agreement_deliveries d WHERE d.commitment_id = c.id) FROM agreement_commitments c'),
];
const attentionRawTimes = await time([() => attentionRaw.map((statement) => statement.all())]);
rows.push({ name: 'Cần chú ý (attention list), after a write', service: await timeAfterWrite(() => viaService('attention:list', {})), raw: attentionRawTimes });
// Tổng quan reads the plan in force just before: the plan's progress is kept between the two.
rows.push({ name: "  … the plan's progress kept (as on Tổng quan)", service: await time([() => viaService('attention:list', {})]), raw: attentionRawTimes });
const promotionRaw = sqlite.prepare(`
  SELECT e.kind, count(DISTINCT e.id), count(DISTINCT e.province_code), count(DISTINCT p.organization_id), count(DISTINCT p.partner_id)
  FROM events e LEFT JOIN event_participants p ON p.event_id = e.id AND p.status = 'attended'
  WHERE e.deleted_at IS NULL AND e.starts_on BETWEEN ? AND ? GROUP BY e.kind`);
rows.push({
  name: `Trade-promotion report tables ${year}`,
  service: await time([() => tradePromotionTables(app.ctx, from, to)]),
  raw: await time([() => promotionRaw.all(from, to)]),
});
// Agreements searched as a person types: products, places and partners the demo's agreements
// name, a number's letters, and a word none has. Plain SQL looks each word up in the title, the
// parties' names and the products, as the list did before its search text was kept.
const agreementSearches = ['lua', 'lua gao', 'gao st25', 'thanh long', 'vinh binh', 'cong ty', 'nong san', 'ca phe', 'hd', 'xyz'];
const agreementSearchRaw = agreementSearches.map((search) => {
  const words = search.split(' ');
  const found = `(a.title_folded LIKE ? OR lower(a.number) LIKE ?
    OR EXISTS (SELECT 1 FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id WHERE p.agreement_id = a.id AND o.name_folded LIKE ?)
    OR EXISTS (SELECT 1 FROM agreement_parties p JOIN partners r ON r.id = p.partner_id WHERE p.agreement_id = a.id AND r.name_folded LIKE ?)
    OR EXISTS (SELECT 1 FROM agreement_commitments c WHERE c.agreement_id = a.id AND c.product_folded LIKE ?))`;
  const where = `a.deleted_at IS NULL AND ${words.map(() => found).join(' AND ')}`;
  const parameters = words.flatMap((word) => Array<string>(5).fill(`%${word}%`));
  const statements = [
    sqlite.prepare(`SELECT count(*) FROM agreements a WHERE ${where}`),
    sqlite.prepare(`SELECT * FROM agreements a WHERE ${where} ORDER BY a.signed_on IS NOT NULL, a.signed_on DESC, a.id DESC LIMIT 25`),
  ];
  return () => statements.map((statement) => statement.all(...parameters));
});
rows.push({
  name: `Agreements search (${agreementSearches.length} searches)`,
  service: await time(agreementSearches.map((search) => () => viaService('agreements:list', { search, page: 1, pageSize: 25 }))),
  raw: await time(agreementSearchRaw),
});
// A sign-in sheet of 200 lines pasted after the busiest event: its participants, and members not
// invited, found in the whole register by name key.
const busiestEvent = sqlite.prepare('SELECT event_id FROM event_participants GROUP BY event_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
const sheetNames = sqlite
  .prepare(
    `SELECT o.name FROM organizations o WHERE o.deleted_at IS NULL AND o.id NOT IN (SELECT organization_id FROM event_participants WHERE event_id = ? AND organization_id IS NOT NULL)
     ORDER BY o.id LIMIT 150`,
  )
  .pluck()
  .all(busiestEvent) as string[];
const invitedNames = sqlite
  .prepare('SELECT o.name FROM event_participants p JOIN organizations o ON o.id = p.organization_id WHERE p.event_id = ? LIMIT 50')
  .pluck()
  .all(busiestEvent) as string[];
const sheet = [...invitedNames, ...sheetNames].map((name, index) => `${index + 1}. ${name}`).join('\n');
const registeredByKeyRaw = sqlite.prepare('SELECT id, name FROM organizations WHERE name_key IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL');
const sheetKeys = JSON.stringify(sheetNames.map(organizationNameKey));
rows.push({
  name: 'Sign-in sheet of 200 lines, matched',
  service: await time([() => viaService('events:matchSignIn', { eventId: busiestEvent, text: sheet })]),
  raw: await time([() => registeredByKeyRaw.all(sheetKeys)]),
});
// A product deleted, as a person deletes one from an organization's page (and an undone import of
// products deletes each): the offers and certificates of it are set to none. Rolled back each time,
// so the seeded file stays as it was.
const productsOffered = sqlite.prepare('SELECT product_id FROM supply_offers WHERE product_id IS NOT NULL GROUP BY product_id ORDER BY product_id LIMIT 20').pluck().all() as number[];
const deleteProductRaw = sqlite.prepare('DELETE FROM products WHERE id = ?');
/** `task`, its writes rolled back afterwards. */
function rolledBack(task: () => unknown): () => Promise<void> {
  return async () => {
    sqlite.exec('SAVEPOINT bench_rolled_back');
    try {
      await task();
    } finally {
      sqlite.exec('ROLLBACK TO bench_rolled_back; RELEASE bench_rolled_back');
    }
  };
}
rows.push({
  name: `A product deleted (${productsOffered.length} offered products)`,
  service: await time(productsOffered.map((id) => rolledBack(() => viaService('products:delete', { id })))),
  raw: await time(productsOffered.map((id) => rolledBack(() => deleteProductRaw.run(id)))),
});
const agreementsRaw = sqlite.prepare(`
  SELECT a.id, c.id, c.quantity, c.value, (SELECT sum(quantity) FROM agreement_deliveries d WHERE d.commitment_id = c.id AND d.delivered_on <= ?)
  FROM agreements a JOIN agreement_commitments c ON c.agreement_id = a.id
  WHERE a.deleted_at IS NULL AND a.signed_on BETWEEN ? AND ?`);
rows.push({
  name: `Agreements report tables ${year}`,
  service: await time([() => agreementsTables(app.ctx, from, to)]),
  raw: await time([() => agreementsRaw.all(to, from, to)]),
});

const fmt = (ms: number) => ms.toFixed(2).padStart(8);
console.log(`\n${file}: ${seedLine}; opened (with pending migrations) in ${openSeconds.toFixed(1)} s`);
console.log(`${runs} timed runs per query after a warm-up; times in ms; "raw" is the same question written`);
console.log('as plain SQL with better-sqlite3 (one LIKE per short word, no caps); ratio = p95 / raw p95\n');
console.log(`${'query'.padEnd(44)}${'median'.padStart(8)}${'p95'.padStart(8)}  |${'raw med'.padStart(8)}${'raw p95'.padStart(8)}  | p95 ratio`);
for (const row of rows) {
  const [med, p95, rawMed, rawP95] = [percentile(row.service, 50), percentile(row.service, 95), percentile(row.raw, 50), percentile(row.raw, 95)];
  console.log(`${row.name.padEnd(44)}${fmt(med)}${fmt(p95)}  |${fmt(rawMed)}${fmt(rawP95)}  | ${(p95 / rawP95).toFixed(2)}×`);
}
if (planInForce) {
  console.log(
    `${`Plan progress, ${planInForce.targets.length} targets (aim < 200)`.padEnd(44)}${fmt(percentile(planTimes, 50))}${fmt(percentile(planTimes, 95))}  |` +
      '   (no plain-SQL baseline: each target is its own query)',
  );
}
const slowest = [...perQuery]
  .map(([query, timings]) => [query, percentile(timings.sort((a, b) => a - b), 50)] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 5);
console.log(`\nSlowest searches (median ms): ${slowest.map(([query, ms]) => `"${query}" ${ms.toFixed(2)}`).join(', ')}`);
const counts = sqlite
  .prepare(
    `SELECT (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM yearly_figures) AS figures,
      (SELECT count(*) FROM supply_offers) AS offers, (SELECT count(*) FROM supply_demands) AS demands,
      (SELECT count(*) FROM supply_connections) AS connections`,
  )
  .get() as { organizations: number; figures: number; offers: number; demands: number; connections: number };
const bytes = [file, `${file}-wal`].filter(existsSync).reduce((sum, part) => sum + statSync(part).size, 0);
console.log(
  `Database: ${counts.organizations} organizations, ${counts.figures} figure rows, ${counts.offers} offers, ${counts.demands} demands, ` +
    `${counts.connections} connections, ${(bytes / 1024 / 1024).toFixed(1)} MB`,
);

console.log('');
const excelDir = mkdtempSync(join(tmpdir(), 'htx-bench-excel-'));
const written = await benchExcelWrite(app, { runs: 1, outDir: excelDir });
printExcelWriteFigures(written);
console.log('');
printBackupFigures(await benchBackup(app));
app.close();

// The import reads a list of the kind an office keeps: one province's cooperatives, old commune
// names among them, dates as date cells (the national register above spans every province).
const officeList = join(excelDir, 'danh-sach-htx.xlsx');
await writeOrganizationsWorkbook(officeList, 100_000);
const reading = await benchExcelRead({ file: officeList });
printExcelReadBench(reading);

/**
 * The import benchmark as the desktop app runs the core: built by Vite into plain JavaScript, the
 * reader's worker beside it, as electron.vite.config.ts builds them. From the sources, tsx would
 * compile the worker's TypeScript as it starts and name every function as it is made: about half a
 * second of the import that no person using the app waits for. Returns the built script.
 */
async function builtImportBench(): Promise<string> {
  const root = resolve(import.meta.dirname, '..');
  const outDir = join(root, 'out', 'bench');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      rolldownOptions: {
        input: { 'bench-import': join(root, 'scripts', 'bench-import.ts'), readerWorker: join(root, 'src', 'core', 'excel', 'read', 'readerWorker.ts') },
        // Every chunk beside the entries, so that the reader finds `./readerWorker.js` (read/thread.ts).
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  return join(outDir, 'bench-import.js');
}

/** One import of the list (and its undo), in a process of its own. */
function importOnce(script: string): ImportMeasure {
  const importing = spawnSync(process.execPath, [script, '--file', officeList, '--root', resolve(import.meta.dirname, '..')], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (importing.status !== 0) throw new Error(`the import benchmark failed:\n${importing.stderr}`);
  return JSON.parse(importing.stdout.trim().split('\n').at(-1) ?? '{}') as ImportMeasure;
}

/**
 * Rounds of the import and LibreOffice's conversion of the same file, back to back: a slower
 * spell of the machine (they last tens of seconds here) falls on both of a round, where one import
 * set against one conversion minutes apart compares the spells as much as the two programs.
 */
const ROUNDS = 3;
const importScript = await builtImportBench();
const rounds: { imported: ImportMeasure; libreOffice: number | null; ratio: number | null }[] = [];
console.log('\nImport of that list into an empty database (analyze, preview with matching, commit), then LibreOffice\'s conversion of it, in rounds:');
for (let round = 1; round <= ROUNDS; round++) {
  const imported = importOnce(importScript);
  const libreOffice = measureSoffice(officeList)?.seconds ?? null;
  const ratio = libreOffice === null ? null : imported.seconds / libreOffice;
  rounds.push({ imported, libreOffice, ratio });
  const { analyze, preview, commit } = imported.steps;
  console.log(
    `  round ${round}: import ${imported.seconds.toFixed(2)} s (analyze ${analyze.toFixed(2)}, preview ${preview.toFixed(2)}, commit ${commit.toFixed(2)}), ` +
      `undo ${imported.undoSeconds.toFixed(2)} s; LibreOffice ${libreOffice === null ? '—' : `${libreOffice.toFixed(2)} s`}; ratio ${ratio === null ? '—' : ratio.toFixed(2)}`,
  );
}
const median = <T>(items: readonly T[], value: (item: T) => number): T => {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('no rounds');
  return middle;
};
// The round of the median ratio (of the median import when LibreOffice is missing) is described whole.
const { imported, ratio } = median(rounds, (round) => round.ratio ?? round.imported.seconds);
const undoMedian = median(rounds, (round) => round.imported.undoSeconds).imported.undoSeconds;
console.log(
  `  median ratio ${ratio === null ? '— (no LibreOffice here)' : ratio.toFixed(2)} (aim under 1); median undo ${undoMedian.toFixed(2)} s (aim under 5 s)`,
);
const { analyze, preview, commit } = imported.steps;
console.log(
  `  that round: ${imported.seconds.toFixed(2)} s, peak RSS ${imported.peakMb.toFixed(0)} MB; ` +
    `${imported.rows} rows read (old addresses with their districts), ${imported.created} created, ${imported.asked} asked (an old commune divided between several), ${imported.failed} not written`,
);
console.log(`  steps: analyze ${analyze.toFixed(2)} s, preview ${preview.toFixed(2)} s, commit ${commit.toFixed(2)} s; refused rows written to a workbook ${imported.failedRowsSeconds.toFixed(2)} s; undo of the whole import ${imported.undoSeconds.toFixed(2)} s`);
const cpu = imported.cpuSeconds;
console.log(
  `  processor time: analyze ${cpu.analyze.toFixed(2)} s, preview ${cpu.preview.toFixed(2)} s, commit ${cpu.commit.toFixed(2)} s, undo ${cpu.undo.toFixed(2)} s ` +
    `(load average ${imported.load.before.toFixed(1)} before, ${imported.load.after.toFixed(1)} after)`,
);
console.log(
  `  longest wait for a progress answer: ${Object.entries(imported.longestWaitMs)
    .map(([step, ms]) => `${step} ${ms} ms`)
    .join(', ')}`,
);
for (const other of reading.measures.filter((measure) => measure.name !== 'HTX Desk reader' && measure.name !== 'LibreOffice → CSV')) {
  console.log(`  ${other.name} alone: ${other.seconds.toFixed(2)} s — the whole import takes ${(imported.seconds / other.seconds).toFixed(2)}× its time`);
}
rmSync(excelDir, { recursive: true, force: true });
if (tempDir) rmSync(tempDir, { recursive: true, force: true });
