// Where a multi-step form or a paginated table is: which step (下一步 / 上一步) or page (分页) the person
// sees now, out of how many. The side panel uses it to say what is filled and what remains; the engine
// never moves between steps or pages itself (that button may save, validate or submit).
import { isShown, textOf } from './dom.ts';
import { clean } from './text.ts';

export interface FormProgress {
  /** A step bar (el-steps, antd Steps, aria-current=step) or a pager (el-pagination, antd, layui). */
  kind: 'steps' | 'pages';
  /** 1-based. */
  current: number;
  /** Number of steps or pages; 0 when the pager does not say. */
  total: number;
  /** Step titles in order (steps only; page text is never markup). */
  titles: string[];
}

interface StepKit {
  bar: string;
  item: string;
  current: string;
  title: string;
}

const STEP_KITS: StepKit[] = [
  {
    bar: '.el-steps',
    item: '.el-step',
    current: '.el-step__head.is-process, .el-step__title.is-process',
    title: '.el-step__title',
  },
  {
    bar: '.ant-steps',
    item: '.ant-steps-item',
    current: '.ant-steps-item-process, .ant-steps-item-active',
    title: '.ant-steps-item-title',
  },
  { bar: '.layui-steps, .steps', item: '.layui-step, .step', current: '.active, .current', title: '' },
];

interface PageKit {
  pager: string;
  item: string;
  current: string;
}

const PAGE_KITS: PageKit[] = [
  { pager: '.el-pagination', item: '.el-pager li', current: '.el-pager li.is-active' },
  { pager: '.ant-pagination', item: '.ant-pagination-item', current: '.ant-pagination-item-active' },
  { pager: '.layui-laypage', item: 'a[data-page], .layui-laypage-curr', current: '.layui-laypage-curr' },
  { pager: '.pagination', item: 'li, a', current: '[aria-current=page], .active' },
];

const words = (el: Element | null): string => (el ? clean(textOf(el)) : '');

function steps(root: ParentNode): FormProgress | null {
  for (const kit of STEP_KITS) {
    for (const bar of Array.from(root.querySelectorAll(kit.bar))) {
      if (!isShown(bar)) continue;
      const items = Array.from(bar.querySelectorAll(kit.item)).filter((i) => i.parentElement === bar);
      const list = items.length ? items : Array.from(bar.querySelectorAll(kit.item));
      const at = list.findIndex((i) => i.matches(kit.current) || !!i.querySelector(kit.current));
      if (list.length < 2 || at < 0) continue;
      const titles = list.map((i) => words(kit.title ? i.querySelector(kit.title) : i).slice(0, 40));
      return { kind: 'steps', current: at + 1, total: list.length, titles };
    }
  }
  const marked = root.querySelector('[aria-current=step]');
  if (marked?.parentElement && isShown(marked)) {
    const list = Array.from(marked.parentElement.children);
    const titles = list.map((i) => words(i).slice(0, 40));
    return { kind: 'steps', current: list.indexOf(marked) + 1, total: list.length, titles };
  }
  return null;
}

const pageNumber = (el: Element): number => {
  const n = Number((el.getAttribute('title') ?? '').trim() || words(el));
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/** A pager that turns the pages of a form: something to fill sits near it. */
const nearForm = (pager: Element): boolean => {
  let e: Element | null = pager.parentElement;
  for (let depth = 0; e && depth < 4; depth++, e = e.parentElement)
    if (e.querySelector('input:not([type=hidden]), select, textarea')) return true;
  return false;
};

function pages(root: ParentNode): FormProgress | null {
  for (const kit of PAGE_KITS) {
    for (const pager of Array.from(root.querySelectorAll(kit.pager))) {
      if (!isShown(pager) || !nearForm(pager)) continue;
      const current = pager.querySelector(kit.current);
      const at = current ? pageNumber(current) : 0;
      if (!at) continue;
      const total = Math.max(at, ...Array.from(pager.querySelectorAll(kit.item)).map(pageNumber));
      return { kind: 'pages', current: at, total, titles: [] };
    }
  }
  return null;
}

/** The step or page the document (or a same-origin frame of it) shows now; null for a one-page form. */
export function formProgress(doc: Document): FormProgress | null {
  const found = steps(doc) ?? pages(doc);
  if (found) return found;
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null; // cross-origin: not ours to read
    }
    const inFrame = inner ? formProgress(inner) : null;
    if (inFrame) return inFrame;
  }
  return null;
}
