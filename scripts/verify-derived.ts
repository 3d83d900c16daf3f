/**
 * Checks a data file's derived structures (the search index and the statistics counters) against
 * its rows, and rebuilds them on request:
 *   npm run db:verify -- --db FILE [--rebuild]
 * Opening the file brings it up to date first, as the app does (with a copy before any migration).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rebuildDerivedStructures, verifyDerivedStructures } from '../src/core/db/derived';
import { openDatabase } from '../src/core/db/open';

const { values } = parseArgs({ options: { db: { type: 'string' }, rebuild: { type: 'boolean', default: false } } });
if (!values.db) {
  console.error('Cách dùng: npm run db:verify -- --db TỆP [--rebuild]');
  process.exit(2);
}
const file = resolve(values.db);
if (!existsSync(file)) {
  console.error(`Không có tệp ${file}.`);
  process.exit(2);
}

const opened = openDatabase({ file, migrationsFolder: resolve(import.meta.dirname, '..', 'drizzle') });
const onOpening = { none: 'không cần sửa gì', created: 'đã tạo lại và điền lại từ dữ liệu', rebuilt: 'bộ đếm không khớp, đã điền lại từ dữ liệu' };
console.log(`Khi mở tệp: ${onOpening[opened.derived]}.`);
const sqlite = opened.db.$client;
if (values.rebuild) {
  const started = performance.now();
  rebuildDerivedStructures(sqlite);
  console.log(`Đã dựng lại từ dữ liệu trong ${Math.round(performance.now() - started)} ms.`);
}
const found = verifyDerivedStructures(sqlite);
opened.close();
if (found.length === 0) {
  console.log('Chỉ mục tìm kiếm và các bộ đếm thống kê khớp với dữ liệu.');
} else {
  for (const { name, problems } of found) console.log(`${name}:\n  ${problems.join('\n  ')}`);
  console.log('Chạy lại với --rebuild để dựng lại từ dữ liệu.');
  process.exit(1);
}
