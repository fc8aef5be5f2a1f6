import { exportXlsx } from '@tianbao/excel';
import { getTemplate, type Template } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { statisticsTemplate } from './excel.ts';
import { rollupTemplate } from './rollup-template.ts';

const table = async (templateId: string, unitName: string) => {
  const template = getTemplate(templateId) as Template;
  return exportXlsx({
    template,
    meta: {
      logId: 'l',
      unitId: unitName,
      unitName,
      campaign: '',
      templateIds: [templateId],
      schemaVersion: 1,
    },
    profile: null,
    entries: [],
    plans: [],
    stats: [],
  });
};
const file = async (name: string, templateId: string) => ({ name, bytes: await table(templateId, name) });
const broken = { name: 'broken.xlsx', bytes: new TextEncoder().encode('PK\u0003\u0004 not really a zip') };

describe('rollup without --template', () => {
  it('uses the table every readable file names; an unreadable file says nothing', async () => {
    const files = [
      await file('mohe.xlsx', 'daxinganling-2020'),
      broken,
      await file('tahe.xlsx', 'daxinganling-2020'),
    ];
    expect((await rollupTemplate(files, statisticsTemplate)).id).toBe('daxinganling-2020');
  });

  it('files of different tables: an English error naming each table and its files, asking for --template', async () => {
    const files = [
      await file('mohe.xlsx', 'daxinganling-2020'),
      await file('baodi.xlsx', 'baodi-2021'),
      await file('tahe.xlsx', 'daxinganling-2020'),
    ];
    await expect(rollupTemplate(files, statisticsTemplate)).rejects.toThrow(
      'the files are of different tables: daxinganling-2020 (mohe.xlsx, tahe.xlsx); baodi-2021 (baodi.xlsx). ' +
        'Choose the table to sum with --template <id>; files of another table are then left out and listed.',
    );
  });

  it('no readable file: says so and asks for --template', async () => {
    await expect(rollupTemplate([broken], statisticsTemplate)).rejects.toThrow(
      /^none of the files could be read as a table exported by Tianbao.*--template <id>$/,
    );
  });
});
