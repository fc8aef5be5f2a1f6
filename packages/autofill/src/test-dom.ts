// Test helper (not exported): a happy-dom document holding the given markup.
import { Window } from 'happy-dom';

export function page(html: string): Document {
  const window = new Window({ url: 'http://127.0.0.1:8765/portal/index.html' });
  // Test markup is written by the tests themselves, never page text.
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}
