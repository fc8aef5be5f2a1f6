import { describe, expect, test } from 'vitest';
import { scan } from './scan.ts';
import { waitForSettle, watch } from './settle.ts';
import { page } from './test-dom.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('late forms', () => {
  test('waitForSettle waits for the DOM to stop changing', async () => {
    const doc = page('<div id="app">加载中…</div>');
    const app = doc.getElementById('app') as HTMLElement;
    let n = 0;
    const timer = setInterval(() => {
      const p = doc.createElement('p');
      p.textContent = `第${++n}行`;
      app.append(p);
      if (n === 5) {
        const input = doc.createElement('input');
        input.name = 'late';
        app.append(input);
        clearInterval(timer);
      }
    }, 20);
    await waitForSettle(doc, { quietMs: 80, timeoutMs: 2000 });
    expect(scan(doc).map((f) => f.control.getAttribute('name'))).toEqual(['late']);
  });

  test('waitForSettle waits while a loading indicator shows, however quiet the DOM is', async () => {
    const doc = page('<div id="app" class="loading">数据加载中……</div>');
    const app = doc.getElementById('app') as HTMLElement;
    setTimeout(() => {
      app.className = '';
      app.textContent = '';
      const input = doc.createElement('input');
      input.name = 'late';
      app.append(input);
    }, 400);
    const started = Date.now();
    await waitForSettle(doc, { quietMs: 50, timeoutMs: 3000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(scan(doc).map((f) => f.control.getAttribute('name'))).toEqual(['late']);
  });

  test('waitForSettle gives up at the timeout on a page that never settles', async () => {
    const doc = page('<div id="clock"></div>');
    const timer = setInterval(() => {
      (doc.getElementById('clock') as HTMLElement).textContent = String(Date.now());
    }, 10);
    const started = Date.now();
    await waitForSettle(doc, { quietMs: 100, timeoutMs: 300 });
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('watch reports controls added later, once per burst, and stops when asked', async () => {
    const doc = page('<div id="app"></div>');
    let calls = 0;
    const stop = watch(doc, () => calls++, { debounceMs: 30 });
    const app = doc.getElementById('app') as HTMLElement;
    app.append(doc.createElement('input'), doc.createElement('select'));
    await sleep(100);
    expect(calls).toBe(1);
    const p = doc.createElement('p');
    p.textContent = '只是文字';
    app.append(p);
    await sleep(100);
    expect(calls).toBe(1);
    stop();
    app.append(doc.createElement('textarea'));
    await sleep(100);
    expect(calls).toBe(1);
  });

  test('watch tells of a change at once through onNotice, while its report still waits for quiet', async () => {
    const doc = page('<div id="app"></div>');
    let calls = 0;
    let notices = 0;
    const stop = watch(doc, () => calls++, { debounceMs: 200, onNotice: () => notices++ });
    const app = doc.getElementById('app') as HTMLElement;
    app.append(doc.createElement('input'));
    await sleep(20);
    expect([notices, calls]).toEqual([1, 0]);
    const p = doc.createElement('p');
    p.textContent = '只是文字';
    app.append(p);
    await sleep(20);
    expect(notices).toBe(1);
    await sleep(300);
    expect([notices, calls]).toEqual([1, 1]);
    stop();
  });

  test('watch ignores a scrolling notice that moves all the time, and still reports a form shown beside it', async () => {
    const doc = page(
      '<div id="notice" style="top: 0px">通知公告</div><div id="form" hidden><input name="a"></div>',
    );
    const notice = doc.getElementById('notice') as HTMLElement;
    let top = 0;
    const scroller = setInterval(() => {
      notice.style.top = `${--top}px`;
    }, 10);
    let calls = 0;
    let notices = 0;
    const stop = watch(doc, () => calls++, { debounceMs: 50, onNotice: () => notices++ });
    await sleep(150);
    expect([notices, calls]).toEqual([0, 0]);
    (doc.getElementById('form') as HTMLElement).hidden = false;
    await sleep(200);
    clearInterval(scroller);
    stop();
    expect([notices, calls]).toEqual([1, 1]);
  });

  test('watch reports a shadow host shown whose controls are in its shadow root', async () => {
    const doc = page('<x-form id="host" hidden></x-form>');
    const host = doc.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).append(doc.createElement('input'));
    let calls = 0;
    const stop = watch(doc, () => calls++, { debounceMs: 30 });
    host.hidden = false;
    await sleep(100);
    stop();
    expect(calls).toBe(1);
  });

  test('watch sees controls added inside an open shadow root', async () => {
    const doc = page('<x-form id="host"></x-form>');
    const root = (doc.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    let calls = 0;
    const stop = watch(doc, () => calls++, { debounceMs: 30 });
    root.append(doc.createElement('input'));
    await sleep(100);
    stop();
    expect(calls).toBe(1);
  });
});
