import { z } from 'zod';
import seedTemplates from './builtin/seed-templates.json' with { type: 'json' };
import { liaisonTemplate } from './liaison.ts';
import { planTemplate } from './plan.ts';
import { Template, type TemplateKind } from './template.ts';
import { templateOrigin } from './template-origin.ts';

let cache: readonly Template[] | undefined;

/**
 * The built-in templates: the four seed statistics tables and the jiexi-2020 schedule (generated from
 * ../shared/seeds into seed-templates.json by scripts/build-builtins.ts), the liaison form and the plan.
 */
export function builtinTemplates(): readonly Template[] {
  cache ??= Object.freeze([...z.array(Template).parse(seedTemplates), liaisonTemplate, planTemplate]);
  return cache;
}

export function getTemplate(id: string): Template | undefined {
  return builtinTemplates().find((t) => t.id === id);
}

export interface TemplateSummary {
  id: string;
  title: string;
  /** 大兴安岭地区 2020年: the issuing region and the notice's year. */
  origin: string;
  kind: TemplateKind;
  version: number;
  slotCount: number;
  deadlineCount: number;
}

export function listTemplates(): TemplateSummary[] {
  return builtinTemplates().map((t) => ({
    id: t.id,
    title: t.title,
    origin: templateOrigin(t.source),
    kind: t.kind,
    version: t.version,
    slotCount: t.slots.length,
    deadlineCount: t.deadlines.length,
  }));
}
