import { ExcelImportError, type RollupFile, readExportedTable } from '@tianbao/excel';
import type { Template } from '@tianbao/templates';
import { CliError } from '../run-cli.ts';

/**
 * The statistics table of a roll-up when --template is not given: the one every readable sub-unit file
 * names (an exported table says which template it was made with). Files that cannot be read say nothing
 * here; the roll-up reports them. Files of different tables, or none readable: a plain error asking for
 * --template.
 */
export async function rollupTemplate(
  files: RollupFile[],
  statisticsTemplate: (id: string) => Template,
): Promise<Template> {
  const byTemplate = new Map<string, string[]>();
  for (const file of files) {
    let id: string;
    try {
      id = (await readExportedTable(file.bytes)).templateId;
    } catch (err) {
      if (err instanceof ExcelImportError) continue;
      throw err;
    }
    byTemplate.set(id, [...(byTemplate.get(id) ?? []), file.name]);
  }
  const [only, ...others] = [...byTemplate.keys()];
  if (only === undefined)
    throw new CliError(
      'none of the files could be read as a table exported by Tianbao, so they do not say which table ' +
        'to sum: give it with --template <id>',
    );
  if (others.length) {
    const list = [...byTemplate].map(([id, names]) => `${id} (${names.join(', ')})`).join('; ');
    throw new CliError(
      `the files are of different tables: ${list}. Choose the table to sum with --template <id>; ` +
        'files of another table are then left out and listed.',
    );
  }
  return statisticsTemplate(only);
}
