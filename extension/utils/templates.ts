import { getTemplate, listTemplates, type Template } from '@tianbao/templates';
import { importedTemplates } from './settings';

/** Built-ins first, then templates this browser imported from a new notice's table. */
export async function findTemplate(id: string): Promise<Template | undefined> {
  return getTemplate(id) ?? ((await importedTemplates.getValue())[id] as Template | undefined);
}

export interface TemplateChoice {
  id: string;
  title: string;
  /** The notice it came from, so two tables with the same title can be told apart. */
  notice: string;
  slots: number;
  imported: boolean;
}

export async function statisticsTemplates(): Promise<TemplateChoice[]> {
  const builtin = listTemplates()
    .filter((t) => t.kind === 'statistics')
    .map((t) => ({
      id: t.id,
      title: t.title,
      notice: getTemplate(t.id)?.source.notice ?? '',
      slots: t.slotCount,
      imported: false,
    }));
  const imported = Object.values(await importedTemplates.getValue()).map((t) => {
    const tpl = t as Template;
    return {
      id: tpl.id,
      title: tpl.title,
      notice: tpl.source.notice ?? '自行导入',
      slots: tpl.slots.length,
      imported: true,
    };
  });
  return [...builtin, ...imported];
}

export async function saveImportedTemplate(t: Template): Promise<void> {
  await importedTemplates.setValue({ ...(await importedTemplates.getValue()), [t.id]: t });
}
