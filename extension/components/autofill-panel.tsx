import '../assets/panel.css';
import { useTargetTab } from '../hooks/use-target-tab';
import { portalOrigin } from '../utils/portal-origin';
import { PortalCompanion } from './portal-companion';
import { PortalGate } from './portal-gate';

/** The side panel's part for the page beside it: enable the portal, then fill it. */
export function AutofillPanel() {
  const target = useTargetTab();
  if (target === null) return <p className="loading">正在查看当前网页…</p>;
  if (target !== 'none' && target.url === '')
    return (
      <section className="portal-gate">
        <p>填报助手还看不到这个网页。</p>
        <p className="muted small-text">
          在门户的填报页面上点击浏览器工具栏中的“填报助手”图标，或右键选择“填报助手：填写本页”（快捷键
          Alt+Shift+F），即可在此启用该网站。
        </p>
      </section>
    );
  const origin = target === 'none' ? null : portalOrigin(target.url);
  if (target === 'none' || !origin)
    return (
      <p className="portal-note muted">打开门户网站的填报页面后，这里会列出页面上的填报项，并可一键填写。</p>
    );
  return (
    <PortalGate key={`${target.tabId} ${origin}`} origin={origin} tabId={target.tabId}>
      <PortalCompanion tabId={target.tabId} url={target.url} loads={target.loads} origin={origin} />
    </PortalGate>
  );
}
