import type { FillValue, FormProgress, LearnedMapping, MatchSlot } from '@tianbao/autofill';
import { browser } from 'wxt/browser';
import type { PortalRow } from './portal-rows';

/**
 * The one message protocol between the extension's parts. Each message names its direction in its
 * type (`to-background:…`, `to-content:…`), as Dark Reader does, and has one reply type.
 */
export interface Messages {
  /** Deadlines changed: the background re-registers its alarms from settings. */
  'to-background:reschedule': { request: Record<string, never>; reply: { alarms: number } };
  /** Show a reminder now (the 截止日期 tab's 测试提醒 button). */
  'to-background:test-reminder': { request: { title: string }; reply: { shown: boolean } };
  /** Open (or focus) the dashboard, optionally on a tab. */
  'to-background:open-dashboard': { request: { tab?: string }; reply: { ok: boolean } };
  /** The side panel opened by the context menu or the keyboard command asks whether it should fill. */
  'to-background:take-pending-fill': { request: { tabId: number }; reply: { pending: boolean } };
  /** An open side panel showing this tab runs 一键填报 (sure matches only). */
  'to-sidepanel:run-fill': { request: { tabId: number }; reply: { ok: boolean } };
  /**
   * Is the portal agent running in this tab's top frame? `warmed`: its idle-time engine warm-up has run.
   * `unread`: controls changed (while a panel is connected) after the last scan or fill read the page.
   */
  'to-content:ping': {
    request: Record<string, never>;
    reply: { ready: boolean; url: string; warmed: boolean; unread: boolean };
  };
  /** Scan the page (first waiting for it to settle, when asked) and match its controls to these slots. */
  'to-content:scan': {
    request: { slots: MatchSlot[]; learned: LearnedMapping[]; settle?: boolean };
    reply: { rows: PortalRow[]; url: string; foreignFrames: number; progress: FormProgress | null };
  };
  /** Rescan, fill sure matches plus the confirmed unsure ones, outline them in the page. */
  'to-content:fill': {
    request: {
      slots: MatchSlot[];
      learned: LearnedMapping[];
      values: Record<string, FillValue>;
      confirmed: string[];
      /** Field keys whose other answer the person chose to replace (覆盖). */
      replace: string[];
    };
    reply: {
      filled: { key: string; slotId: string; value: string }[];
      /** 'not empty' ones carry what the page shows and what the log would put. */
      skipped: { key: string; slotId: string | null; reason: string; current?: string; wanted?: string }[];
      rows: PortalRow[];
      /** The step or page of a multi-step form or paginated table the fill saw. */
      progress: FormProgress | null;
    };
  };
  /** Put back everything the last fills wrote and remove the outlines. */
  'to-content:undo': { request: Record<string, never>; reply: { restored: number } };
}

/**
 * The side panel holds a runtime Port (named PANEL_PORT) to the content script while it is open; the
 * content script watches the page only while connected and pushes PortMessage over it.
 */
export const PANEL_PORT = 'tianbao-panel';
export type PortMessage = { type: 'to-sidepanel:page-changed'; url: string };

export type MessageType = keyof Messages;
export type Request<T extends MessageType> = { type: T } & Messages[T]['request'];
export type Reply<T extends MessageType> = Messages[T]['reply'];

export function sendMessage<T extends MessageType>(
  type: T,
  request: Messages[T]['request'],
): Promise<Reply<T>> {
  return browser.runtime.sendMessage({ type, ...request }) as Promise<Reply<T>>;
}

/** To the portal agent in a tab's top frame; a handler's error comes back as a thrown Error. */
export async function sendToTab<T extends MessageType & `to-content:${string}`>(
  tabId: number,
  type: T,
  request: Messages[T]['request'],
): Promise<Reply<T>> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, ...request }, { frameId: 0 })) as
    | Reply<T>
    | { error: string }
    | undefined;
  if (!reply) throw new Error(`no reply to ${type}`);
  if ('error' in reply && typeof reply.error === 'string') throw new Error(reply.error);
  return reply as Reply<T>;
}

export type Handlers = { [T in MessageType]?: (request: Request<T>) => Promise<Reply<T>> | Reply<T> };

/** Answers the messages this part handles; others are left for other listeners. */
export function onMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const type = (message as { type?: string })?.type as MessageType | undefined;
    const handler = type ? (handlers[type] as ((r: unknown) => unknown) | undefined) : undefined;
    if (!handler) return false;
    Promise.resolve(handler(message)).then(sendResponse, (err: unknown) =>
      sendResponse({ error: String(err) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
