import { getTemplate, listTemplates, type Template } from '@tianbao/templates';
import { importedTemplates } from './settings';

/** Built-ins first, then templates this browser imported from a new notice's table. */
export async function findTemplate(id: string): Promise<Template | undefined> {
  return getTemplate(id) ?? ((await importedTemplates.getValue())[id] as Template | undefined);
}

export async function statisticsTemplates(): Promise<
  { id: string; title: string; slots: number; imported: boolean }[]
> {
  const builtin = listTemplates()
    .filter((t) => t.kind === 'statistics')
    .map((t) => ({ id: t.id, title: t.title, slots: t.slotCount, imported: false }));
  const imported = Object.values(await importedTemplates.getValue()).map((t) => {
    const tpl = t as Template;
    return { id: tpl.id, title: tpl.title, slots: tpl.slots.length, imported: true };
  });
  return [...builtin, ...imported];
}

export async function saveImportedTemplate(t: Template): Promise<void> {
  await importedTemplates.setValue({ ...(await importedTemplates.getValue()), [t.id]: t });
}
