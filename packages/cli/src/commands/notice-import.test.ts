import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tianbao, tsxScript } from '../test-cli.ts';

interface Printed {
  format: string;
  issuer: string | null;
  documentNumber: string | null;
  templates: { title: string; slots: { key: string; id: string; before: string; after: string }[] }[];
  liaison: { fields: { id: string }[] } | null;
  schedule: { kind: string; weekday?: number; hour?: number; date?: string; paper?: boolean }[];
  media: unknown[];
}

describe('tianbao template import <notice.docx> (real CLI process)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-notice-cli-'));
  const shared = fileURLToPath(new URL('../../../../../shared/', import.meta.url));
  beforeAll(async () => {
    const made = await tsxScript('packages/templates/scripts/seeds-to-docx.ts', dir, shared);
    expect(made.status, made.stderr).toBe(0);
  });

  it('prints the templates, schedule and requirements of a notice; the table equals the built-in', async () => {
    const r = await tianbao('template', 'import', join(dir, 'changchun-industry-2019.docx'), '--json');
    expect(r.status, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as Printed;
    expect(printed.format).toBe('docx');
    const builtin = JSON.parse((await tianbao('template', 'changchun-industry-2019', '--json')).stdout) as {
      title: string;
      slots: { id: string; before: string; after: string }[];
    };
    expect(printed.templates).toHaveLength(1);
    expect(printed.templates[0]?.title).toBe(builtin.title);
    expect(printed.templates[0]?.slots.map((s) => [s.id, s.before, s.after])).toEqual(
      builtin.slots.map((s) => [s.id, s.before, s.after]),
    );
    expect(printed.templates[0]?.slots[0]?.key).toMatch(/^import-[a-z0-9]+\/header-unit$/u);
    expect(printed.schedule.find((d) => d.kind === 'weekly')).toMatchObject({ weekday: 4, hour: 10 });
    expect(printed.liaison?.fields.map((f) => f.id)).toContain('qq');
  });

  it('--id names the template; text output lists the schedule with the form of each hand-in', async () => {
    const r = await tianbao('template', 'import', join(dir, 'daxinganling-2020.docx'), '--id', 'dx-2020');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/document number: 大安办发〔2020〕26号/u);
    expect(r.stdout).toMatch(
      /dx-2020 {2}全区“安全生产月”和“安全生产兴安行”活动进展情况统计表 {2}\(87 blanks\)/u,
    );
    expect(r.stdout).toMatch(/summary +2020-06-30 .*\[paper, sealed, electronic\]/u);
  });

  it('a .doc is refused in one line that says to save it as .docx', async () => {
    const doc = join(dir, 'old.doc');
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = await tianbao('template', 'import', doc, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/old Word \(\.doc\).*Save As.*\.docx/u);
  });
});
