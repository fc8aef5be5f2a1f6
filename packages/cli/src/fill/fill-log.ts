import { exportUpdateFile, LogSession, MemoryStorage } from '@tianbao/core';
import type { Template } from '@tianbao/templates';
import { CliError } from '../run-cli.ts';

export type FillValues = Record<string, unknown>;

/**
 * Values keyed by slot index (template order) or slot id, as `tianbao fill --values` reads them, turned
 * into slot ids; for the liaison form the keys are the profile field names. Unknown keys are an error:
 * a silently dropped value would look like a missed field.
 */
export function valuesBySlotId(template: Template, values: FillValues): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(values)) {
    const slot = /^\d+$/.test(key)
      ? template.slots.find((s) => s.index === Number(key))
      : template.slots.find((s) => s.id === key || s.aliases?.includes(key));
    if (!slot)
      throw new CliError(`template ${template.id} has no slot "${key}" (use a slot index or slot id)`);
    out.set(slot.id, coerce(template, slot.kind, key, value));
  }
  return out;
}

function coerce(template: Template, kind: string, key: string, v: unknown): unknown {
  if ((kind === 'number' || kind === 'percent') && typeof v === 'string' && v.trim() && !Number.isNaN(+v))
    return Number(v);
  if (kind === 'boolean' && typeof v === 'string') {
    if (['是', 'true', '1'].includes(v.trim())) return true;
    if (['否', 'false', '0'].includes(v.trim())) return false;
    throw new CliError(`${template.id} slot "${key}": "${v}" is not 是/否 or true/false`);
  }
  return v;
}

/**
 * A fresh unit log holding exactly these values (manual values of the template's blanks, or the liaison
 * profile), as the update file a colleague would send: `tianbao fill` joins it through the extension's
 * own first-run page.
 */
export async function fillLogFile(template: Template, values: FillValues): Promise<Uint8Array> {
  const bySlot = valuesBySlotId(template, values);
  const liaison = template.kind === 'liaison';
  const session = await LogSession.create(new MemoryStorage(), {
    unitName: 'tianbao fill',
    campaign: 'tianbao fill',
    templateIds: liaison ? [] : [template.id],
    user: 'tianbao fill',
  });
  const kinds = new Map(template.slots.map((s) => [`${template.id}/${s.id}`, s.kind]));
  session.log.kindOf = (key) => kinds.get(key);
  try {
    if (liaison) session.log.setProfile(Object.fromEntries(bySlot));
    else
      for (const [slotId, value] of bySlot)
        session.log.setManualValue(`${template.id}/${slotId}`, value, 'tianbao fill');
  } catch (err) {
    throw new CliError(`bad value: ${err instanceof Error ? err.message : String(err)}`);
  }
  const bytes = exportUpdateFile(session.log);
  await session.close();
  return bytes;
}
