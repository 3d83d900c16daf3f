import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsFolder, repoRoot } from './support';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'htx-drift-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** drizzle-kit generate on a copy of the migrations; returns the files it added. */
function generate(schema: string): string[] {
  const out = join(dir, 'drizzle');
  cpSync(migrationsFolder, out, { recursive: true });
  const before = new Set(readdirSync(out));
  // drizzle-kit reads --out relative to the working folder, whatever its form.
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'drizzle-kit'), ['generate', '--dialect', 'sqlite', '--schema', schema, '--out', relative(repoRoot, out)], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  return readdirSync(out).filter((name) => !before.has(name));
}

// drizzle-kit starts a bundler of its own: seconds, more on a busy machine.
describe('the schema and the migrations', { timeout: 60_000 }, () => {
  it('agree: drizzle-kit finds nothing to generate', () => {
    expect(generate('./src/core/db/schema.ts')).toEqual([]);
  });

  it('would be told apart: a table missing from the migrations is generated', () => {
    const schema = join(dir, 'schema-plus.ts');
    writeFileSync(
      schema,
      [
        `export * from ${JSON.stringify(join(repoRoot, 'src/core/db/schema.ts'))};`,
        `import { integer, sqliteTable } from ${JSON.stringify(join(repoRoot, 'node_modules/drizzle-orm/sqlite-core/index.js'))};`,
        `export const drift = sqliteTable('drift', { id: integer('id').primaryKey() });`,
      ].join('\n'),
    );
    expect(generate(relative(repoRoot, schema))).toHaveLength(1);
  });
});
