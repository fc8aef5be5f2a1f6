import { defineConfig } from 'wxt';

// The repo root is WXT's root so `pnpm build` writes .output/chrome-mv3/; sources live in extension/.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-react'],
  // Every file imports what it uses; auto-imports would also clash on same-named helpers in utils/.
  imports: false,
  // `pnpm dev` rebuilds on change; load .output/chrome-mv3-dev yourself (no browser is launched,
  // since a machine may have Chromium but no display).
  webExt: { disabled: true },
  manifest: {
    name: '填报助手',
    description: '安全生产月活动台账、统计表自动计算与门户一键填报',
    default_locale: undefined,
    permissions: [
      'storage',
      'unlimitedStorage',
      'sidePanel',
      'alarms',
      'notifications',
      'contextMenus',
      'activeTab',
      'scripting',
    ],
    // No host access at install: a portal is enabled on request (optional host permissions).
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'fill-page': { suggested_key: { default: 'Alt+Shift+F' }, description: '填报助手：填写本页' },
    },
  },
});
