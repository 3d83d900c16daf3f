/**
 * Every channel of the contract, fed generated inputs (contractArbitraries.ts) through the real
 * dispatcher against a database with a little of everything in it: each answer is a result or a
 * typed error — never an internal one, also for the jobs a call starts — and a refused call
 * writes nothing, neither to the database nor to the attachments folder. A fixed seed and a
 * bounded number of runs per channel keep it repeatable and quick.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/handlers';
import { contract, type Channel, type JobStatus } from '../../src/shared/contract';
import { inputsFor, type Pools } from './contractArbitraries';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';
import { analyze, commitOf, previewOf, stage } from './importWorkbooks';

const SEED = 20_261_123;
/** Runs per channel; channels that start a workbook or an import job get fewer. */
const RUNS = 30;
const HEAVY_RUNS = 8;
const heavy = new Set<string>(['reports:run', 'reports:exportList', 'imports:analyze', 'imports:preview', 'imports:commit', 'imports:failedRows', 'imports:undo']);

let app: ReturnType<typeof openTestApp>;
let pools: Pools;

/** A little of everything, so that small ids meet real rows of each kind. */
async function seed(): Promise<Pools> {
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG, chairName: 'Nguyễn Văn An' });
  const organization = (name: string, kind: 'htx' | 'lhhtx' = 'htx', registrationNo = '') =>
    call(app, 'organizations:create', { kind, name, communeCode: XA_VINH_AN, registrationNo, foundedOn: '2015-03-15', sectorCode: 'trong_trot' });
  const vinhBinh = await organization('HTX Nông nghiệp Vĩnh Bình', 'htx', '1600123456');
  const myHoa = await organization('HTX Thủy sản Mỹ Hòa');
  const gone = await organization('HTX Rau an toàn Bình Hòa');
  const union = await organization('Liên hiệp HTX Lúa gạo An Giang', 'lhhtx');
  await call(app, 'contacts:set', { organizationId: vinhBinh.id, contacts: [{ name: 'Lê Thị Hoa', role: 'Kế toán', phone: '0296 3841 234' }] });
  await call(app, 'unions:addMember', { unionId: union.id, memberId: vinhBinh.id, joinedOn: '2020-01-01' });
  await call(app, 'figures:save', { organizationId: vinhBinh.id, year: 2025, membersOfficial: 25, revenue: 1_000_000_000 });
  const product = await call(app, 'products:save', { organizationId: vinhBinh.id, name: 'Gạo thơm Vĩnh Bình', unit: 'tấn', volume: 120 });
  await call(app, 'certifications:save', { organizationId: vinhBinh.id, productId: product.id, kindCode: 'ocop', stars: 3, issuedOn: '2024-01-10', expiresOn: '2027-01-10' });
  await call(app, 'lifecycle:record', { kind: 'renaming', date: '2024-06-01', subjectId: myHoa.id, newName: 'HTX Thủy sản Mỹ Hòa Hưng' });
  const hafoods = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty CP Thực phẩm Hà Nội', provinceCode: '01' });
  const market = await call(app, 'partners:create', { kind: 'wholesale_market', name: 'Chợ đầu mối Bình Điền', provinceCode: '79' });
  const conference = await call(app, 'events:create', { kind: 'supply_demand_conference', title: 'Hội nghị kết nối cung – cầu 2026', startsOn: '2026-03-05', provinceCode: AN_GIANG });
  const fair = await call(app, 'events:create', { kind: 'fair', title: 'Hội chợ OCOP', startsOn: '2026-05-01', provinceCode: AN_GIANG });
  await call(app, 'events:addParticipants', { eventId: conference.id, participants: [{ kind: 'organization', id: vinhBinh.id }, { kind: 'partner', id: hafoods.id }] });
  const parties = [
    { kind: 'organization' as const, id: vinhBinh.id, role: 'seller' as const },
    { kind: 'partner' as const, id: hafoods.id, role: 'buyer' as const },
  ];
  const commitments = [{ product: 'Lúa Đài Thơm 8', quantity: 50, unit: 'tấn', value: 400_000_000, dueOn: '2026-06-30' }];
  const mou = await call(app, 'agreements:create', { kind: 'mou', title: 'Biên bản ghi nhớ tiêu thụ lúa', signedOn: '2026-03-05', eventId: conference.id, parties, commitments });
  const contract2 = await call(app, 'agreements:create', { kind: 'mou', title: 'Thỏa thuận sẽ xóa', draft: true, parties, commitments: [] });
  const detail = await call(app, 'agreements:get', { id: mou.id });
  const commitmentId = detail.commitments[0]?.id ?? 1;
  await call(app, 'agreements:addDelivery', { commitmentId, deliveredOn: '2026-04-01', quantity: 10 });
  await call(app, 'agreements:addNote', { agreementId: mou.id, notedOn: '2026-04-02', text: 'Đã gọi điện nhắc giao hàng.' });
  const scan = await call(app, 'files:begin', { fileName: 'bien-ban.pdf' });
  await call(app, 'files:append', { fileId: scan.fileId, chunk: Buffer.from('%PDF-1.4 biên bản').toString('base64') });
  await call(app, 'agreements:addAttachment', { agreementId: mou.id, fileId: scan.fileId });
  const staged = await call(app, 'files:begin', { fileName: 'danh-sach.csv' });
  await call(app, 'files:append', { fileId: staged.fileId, chunk: Buffer.from('Tên HTX,Địa chỉ\nHTX Mới,xã Vĩnh Bình\n').toString('base64') });

  // An import committed, so that batches, undo and the import's jobs have something to meet.
  const csv = 'Tên HTX,Địa chỉ,Mã số thuế\nHTX Dịch vụ Phú Hội,"xã Vĩnh Bình, tỉnh An Giang",1600999888\n';
  const analysis = await analyze(app, stage(app, 'nhap.csv', csv));
  const preview = await previewOf(app, analysis.jobId, [
    { column: 0, field: 'name' },
    { column: 1, field: 'address' },
    { column: 2, field: 'registrationNo' },
  ]);
  const committed = await commitOf(app, { previewJobId: preview.jobId, decisions: [], bulk: { fresh: 'create' } });
  const report = await call(app, 'reports:run', { report: 'register' });

  await call(app, 'organizations:delete', { id: gone.id });
  await call(app, 'partners:delete', { id: market.id });
  await call(app, 'events:delete', { id: fair.id });
  await call(app, 'agreements:delete', { id: contract2.id });

  // Mostly values that pass, with a few that pass the schema and not the service (a commune that
  // does not exist, a day past the calendar): the hostile ones come from the mutations.
  const dates = ['2026-03-05', '2026-03-05', '2025-12-31', '2024-02-29', '2026-01-01', '1899-12-31', '9999-12-31', '2026-02-29'];
  const values: Record<string, unknown[]> = {
    communeCode: [XA_VINH_AN, XA_VINH_AN, XA_VINH_BINH, '00000'],
    communeCodes: [XA_VINH_AN, XA_VINH_BINH, '99999'],
    provinceCode: [AN_GIANG, AN_GIANG, '01', '79', '00'],
    registrationNo: ['1600123456', '1600999888', '1600777666', '0100000001-001', ''],
    taxCode: ['0100109106', '0100109106-001', ''],
    kindCode: ['ocop', 'vietgap', 'vietgap', 'khong-co'],
    certificationKind: ['ocop', 'vietgap', 'khong-co'],
    sectorCode: ['trong_trot', 'khac', 'khac', 'khong-co'],
    sectorCodes: ['trong_trot', 'khac', 'khong-co'],
    sizeClass: ['nho', 'vua', 'vua', 'khong-co'],
    sheet: ['nhap', 'Danh sách'],
    field: ['name', 'address', 'registrationNo', 'foundedOn', 'year', 'khong-co'],
    fileName: ['danh-sach.xlsx', 'bien-ban.pdf', 'anh.jpg', 'x.constructor', '../../etc/passwd', `${'ạ'.repeat(200)}.pdf`],
    year: [2024, 2025, 2025, 2026, 1900, 2200, 99999],
    classificationYear: [2025, 2026],
    offset: [0, 0, 1, 3 * 1024 * 1024, 2 ** 40],
    column: [0, 1, 2, 255, 16_383],
    row: [2, 3, 1_048_576],
    stars: [1, 3, 5],
    parties: [
      [
        { kind: 'organization', id: 1, role: 'seller' },
        { kind: 'partner', id: 1, role: 'buyer' },
      ],
      [
        { kind: 'organization', id: 2, role: 'seller' },
        { kind: 'partner', id: 2, role: 'buyer' },
        { kind: 'alliance', role: 'witness' },
      ],
    ],
    score: [0, 50, 100],
  };
  return {
    uuids: [scan.fileId, staged.fileId, analysis.jobId, preview.jobId, committed.jobId, report.jobId],
    forKey: (key) => (/(On|Since|Until|From)$|^(date|from|to)$/.test(key) ? dates : values[key]),
  };
}

// ---------------------------------------------------------------------------------------------
// What a refused call must leave as it was

interface Counters {
  changes: number;
  dataVersion: number;
  files: string;
}

function attachmentFiles(): string {
  const root = join(app.ctx.dataDir, 'dinh-kem');
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats?.isDirectory()) walk(path);
      else found.push(`${path}:${stats?.size ?? -1}`);
    }
  };
  walk(root);
  return found.sort().join('\n');
}

/** Cheap signs of a write: this connection's change count, any connection's, the attachments. */
function counters(): Counters {
  const client = app.ctx.db.$client;
  return {
    changes: (client.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
    dataVersion: client.pragma('data_version', { simple: true }) as number,
    files: attachmentFiles(),
  };
}

/**
 * Every row of every table (the search index's own tables too) and the attachments, hashed: what
 * a refused call must not change. A write rolled back still counts in `total_changes()`, hence
 * this, asked only when the counters moved.
 */
function contents(): string {
  const client = app.ctx.db.$client;
  const tables = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) {
    hash.update(name);
    for (const row of client.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().iterate()) hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
  }
  hash.update(attachmentFiles());
  return hash.digest('hex');
}

let lastCounters: Counters;
let lastContents: string;

async function settled(jobId: string): Promise<JobStatus> {
  for (let attempt = 0; attempt < 6000; attempt += 1) {
    const status = app.ctx.jobs.status(jobId);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`job ${jobId} did not end`);
}

function moved(now: Counters): boolean {
  return now.changes !== lastCounters.changes || now.dataVersion !== lastCounters.dataVersion || now.files !== lastCounters.files;
}

beforeAll(async () => {
  app = openTestApp(new Date('2026-11-23T08:00:00Z'));
  pools = await seed();
  lastCounters = counters();
  lastContents = contents();
}, 120_000);
afterAll(() => app.close());

describe('every channel, fed generated inputs', () => {
  const channels = Object.keys(contract) as Channel[];

  it.each(channels)('%s', async (channel) => {
    const schema = contract[channel].input;
    await fc.assert(
      fc.asyncProperty(inputsFor(schema, pools), async (input) => {
        const logged: unknown[] = [];
        const result = await dispatch(app.ctx, channel, input, { log: (error) => logged.push(error) });
        const written = JSON.stringify(input) as string | undefined;
        const shown = () => `${channel} ${(written ?? 'undefined').slice(0, 400)}: ${logged.map(String).join('; ')}`;
        if (!result.ok) {
          expect(result.error.kind, shown()).not.toBe('internal');
          const now = counters();
          if (moved(now)) expect(contents(), `a refused call wrote: ${shown()}`).toBe(lastContents);
          lastCounters = now;
          return;
        }
        const value = result.value as { jobId?: unknown } | null;
        if (value !== null && typeof value === 'object' && typeof value.jobId === 'string') {
          const status = await settled(value.jobId);
          expect(status.error?.kind, `${shown()} → job ${status.error?.message ?? ''}`).not.toBe('internal');
        }
        const now = counters();
        if (moved(now)) lastContents = contents();
        lastCounters = now;
      }),
      { seed: SEED, numRuns: heavy.has(channel) ? HEAVY_RUNS : RUNS, endOnFailure: true },
    );
  }, 120_000);
});
