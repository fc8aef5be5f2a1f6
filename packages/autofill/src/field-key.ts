// A fingerprint for a control that survives reloads, for learned mappings shared by a unit.
import { isInput } from './dom.ts';
import type { Control } from './types.ts';

/** Ids that frameworks generate per render (Element `el-id-1024-7`, React `:r3:`, Vue `v-12`) change each visit. */
const GENERATED_ID =
  /^(el-id-|el-|:r|react-|rc_|vs\d|v-|mui-|ant-|input-|uid-|ember)|\d{5,}|^[0-9a-f-]{16,}$/i;

/** How often each name and id occurs in a root; computed once per root and scan. */
export type KeyCounts = Map<Node, { names: Map<string, number>; ids: Map<string, number> }>;

function countsOf(root: Document | ShadowRoot, cache: KeyCounts) {
  let c = cache.get(root);
  if (!c) {
    c = { names: new Map(), ids: new Map() };
    for (const e of Array.from(root.querySelectorAll('[name],[id]'))) {
      const n = e.getAttribute('name');
      if (n) c.names.set(n, (c.names.get(n) ?? 0) + 1);
      if (e.id) c.ids.set(e.id, (c.ids.get(e.id) ?? 0) + 1);
    }
    cache.set(root, c);
  }
  return c;
}

/** tag:nth-of-type steps from the nearest ancestor with a stable id (or the root) down to the element. */
export function structuralPath(el: Element): string {
  const steps: string[] = [];
  let e: Element | null = el;
  while (e) {
    if (e !== el && e.id && !GENERATED_ID.test(e.id)) {
      steps.unshift(`#${e.id}`);
      break;
    }
    const parent: Element | null = e.parentElement;
    let n = 1;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling)
      if (s.localName === e.localName) n++;
    steps.unshift(`${e.localName}:${n}`);
    e = parent;
  }
  return steps.join('/');
}

/**
 * `<framePath>|<host path>|name:<name>` (or `id:`, `path:`). Radios and checkboxes that share a name
 * get `=value` so each option has its own key.
 */
export function fieldKey(el: Control, framePath: string, cache: KeyCounts = new Map()): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const counts = countsOf(root, cache);
  const hosts: string[] = [];
  for (let r: Node = root; r.nodeType === 11; ) {
    const host = (r as ShadowRoot).host;
    hosts.unshift(host.id && !GENERATED_ID.test(host.id) ? `#${host.id}` : structuralPath(host));
    r = host.getRootNode();
  }
  const box = isInput(el) && (el.type === 'radio' || el.type === 'checkbox');
  let own: string;
  const name = el.getAttribute('name');
  if (name && counts.names.get(name) === 1) own = `name:${name}`;
  else if (el.id && !GENERATED_ID.test(el.id) && counts.ids.get(el.id) === 1) own = `id:${el.id}`;
  else if (name && box) own = `name:${name}=${(el as HTMLInputElement).value}`;
  else own = `path:${structuralPath(el)}`;
  return [framePath, ...hosts, own].join('|');
}
