import { getTemplate, listTemplates, type Template, templateOrigin } from '@tianbao/templates';
import { importedTemplates } from './settings';

/** Built-ins first, then templates this browser imported from a new notice's table. */
export async function findTemplate(id: string): Promise<Template | undefined> {
  return getTemplate(id) ?? ((await importedTemplates.getValue())[id] as Template | undefined);
}

export interface TemplateChoice {
  id: string;
  title: string;
  /** 大兴安岭地区 2020年: whose table and which year's notice. */
  origin: string;
  /** The notice's year, when known: a past year's dates must be changed to this year's. */
  year?: number;
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
      origin: t.origin,
      ...(getTemplate(t.id)?.source.year !== undefined && { year: getTemplate(t.id)?.source.year }),
      notice: getTemplate(t.id)?.source.notice ?? '',
      slots: t.slotCount,
      imported: false,
    }));
  const imported = Object.values(await importedTemplates.getValue()).map((t) => {
    const tpl = t as Template;
    return {
      id: tpl.id,
      title: tpl.title,
      origin: templateOrigin(tpl.source),
      ...(tpl.source.year !== undefined && { year: tpl.source.year }),
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
