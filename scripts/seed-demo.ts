/**
 * Fills a database file with demo data through the real migrations:
 *   npm run seed:demo -- --db FILE --scale province|national [--province 91] [--years 10] [--seed 1] [--today YYYY-MM-DD]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from '../src/core/app';
import { seedDemo, type DemoScale } from '../src/core/demo/generate';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    scale: { type: 'string', default: 'province' },
    province: { type: 'string', default: '91' },
    years: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    /** The office's today, YYYY-MM-DD: the figures end with the year before it. */
    today: { type: 'string' },
  },
});

const scale = values.scale;
if (!values.db || (scale !== 'province' && scale !== 'national')) {
  console.error('Cách dùng: npm run seed:demo -- --db TỆP --scale province|national [--province 91] [--years 10] [--seed 1] [--today YYYY-MM-DD]');
  process.exit(2);
}
const file = resolve(values.db);
if (existsSync(file)) {
  console.error(`Tệp ${file} đã có; hãy chọn một tệp mới để không ghi đè dữ liệu.`);
  process.exit(2);
}

const today = values.today === undefined ? undefined : new Date(`${values.today}T05:00:00Z`);
if (today && Number.isNaN(today.getTime())) {
  console.error(`Ngày ${values.today ?? ''} không hợp lệ; hãy ghi dạng YYYY-MM-DD.`);
  process.exit(2);
}
const app = openApp({ databaseFile: file, appRoot: resolve(import.meta.dirname, '..'), appVersion: 'demo', ...(today ? { clock: () => today } : {}) });
try {
  const started = performance.now();
  const summary = seedDemo(app.ctx, {
    scale: scale satisfies DemoScale,
    provinceCode: values.province,
    years: Number(values.years),
    seed: Number(values.seed),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${file}: ${summary.organizations} tổ chức, ${summary.figures} dòng số liệu ${summary.firstYear}–${summary.lastYear}, ` +
      `${summary.products} sản phẩm, ${summary.certifications} chứng nhận, ${summary.lifecycleEvents} sự kiện tổ chức lại, giải thể, ${summary.plans} kế hoạch; ` +
      `${summary.partners} đối tác, ${summary.programmes} chương trình, ${summary.offers} nguồn cung, ${summary.demands} nhu cầu, ` +
      `${summary.connections} kết nối, ${summary.agreements} thỏa thuận từ kết nối; ` +
      `${summary.promotion.partners} đối tác, ${summary.promotion.events} sự kiện xúc tiến thương mại với ${summary.promotion.participants} lượt tham dự, ` +
      `${summary.promotion.agreements} thỏa thuận, ${summary.promotion.commitments} cam kết, ${summary.promotion.deliveries} lần giao hàng; ${seconds} giây.`,
  );
} finally {
  app.close();
}
