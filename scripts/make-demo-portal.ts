// Writes demo/portal/: a few pages in the style of provincial reporting portals, for a newcomer to try the
// side panel on (`pnpm start` serves them on 127.0.0.1). Built from the built-in templates, with our own
// markup: a JSP-style table in a frame, an Element-style card form, and a liaison form, each with a few
// controls the template does not have (search box, 备注, 验证码) that must stay untouched.
// usage: pnpm exec tsx scripts/make-demo-portal.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { getTemplate, type Slot, type Template } from '@tianbao/templates';

const OUT = resolve(import.meta.dirname, '../demo/portal');
const STATS = 'daxinganling-2020';

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

function write(path: string, html: string) {
  const file = join(OUT, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
  console.log(`demo/portal/${path}`);
}

const page = (title: string, css: string, body: string, script = '') => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
${script}
</body>
</html>
`;

interface Row {
  group: string;
  item: string;
  requirement: string;
  slots: Slot[];
}

function rowsOf(t: Template): Row[] {
  const rows: Row[] = [];
  for (const s of t.slots.filter((x) => x.section === 'table')) {
    const last = rows.at(-1);
    if (last && last.group === s.group && last.item === s.item) last.slots.push(s);
    else rows.push({ group: s.group, item: s.item, requirement: s.requirement, slots: [s] });
  }
  return rows;
}

// ---- 1. JSP style: banner, menu, the table page in an iframe -------------------------------------------

const JSP_CSS = `
body{margin:0;font:14px/1.8 "SimSun","宋体","Noto Serif CJK SC",serif;background:#eef3fa}
.banner{background:#0f4c96;color:#fff;padding:14px 24px;font:bold 22px "Noto Sans CJK SC",sans-serif}
.banner small{font-size:13px;font-weight:normal;margin-left:16px;opacity:.85}
.wrap{display:flex}
.menu{width:180px;background:#dfe8f5;min-height:900px;padding:10px 0}
.menu a{display:block;padding:6px 20px;color:#0b3f8c;text-decoration:none}
.menu a.on{background:#0f4c96;color:#fff}
.main{flex:1;padding:10px}
.where{color:#555;font-size:12px;margin-bottom:6px}
.search{float:right}
iframe{width:100%;height:2600px;border:1px solid #9db3d6;background:#fff}`;

const TJB_CSS = `
body{margin:0;padding:12px 16px;font:14px/1.9 "SimSun","宋体","Noto Serif CJK SC",serif}
h2{text-align:center;font-size:20px;margin:6px 0 12px}
.head td{padding:2px 6px}
table.tab{border-collapse:collapse;width:100%}
table.tab th,table.tab td{border:1px solid #333;padding:4px 6px;vertical-align:middle}
table.tab th{background:#e4ebf5}
input.txt{width:64px;border:0;border-bottom:1px solid #000;text-align:center;font:inherit}
input.wide{width:180px}
.btns{text-align:center;margin:14px}
.btns input{padding:3px 18px;margin:0 8px}`;

function jspInput(s: Slot): string {
  const name = `tjbForm.col${String(s.index).padStart(3, '0')}`;
  if (s.kind === 'boolean')
    return `<input type="radio" name="${name}" id="${name}-yes" value="1">是 <input type="radio" name="${name}" id="${name}-no" value="0">否`;
  const cls = s.kind === 'text' ? 'txt wide' : 'txt';
  return `<input type="text" class="${cls}" name="${name}" maxlength="50">`;
}

function jspSentence(row: Row): string {
  return row.slots
    .map((s) =>
      s.kind === 'boolean'
        ? `${esc(s.before || row.item)}：${jspInput(s)}`
        : `${esc(s.before)}（${jspInput(s)}）${esc(s.after)}`,
    )
    .join('；<br>\n');
}

function jspPages(t: Template) {
  const header = t.slots.filter((s) => s.section === 'header');
  const rows = rowsOf(t);
  const spans = new Map<string, number>();
  for (const r of rows) spans.set(r.group, (spans.get(r.group) ?? 0) + 1);
  const seen = new Set<string>();
  const body = rows
    .map((r) => {
      const first = !seen.has(r.group);
      seen.add(r.group);
      const g = first ? `<td rowspan="${spans.get(r.group)}" align="center">${esc(r.group)}</td>` : '';
      return `<tr>${g}<td>${esc(r.item)}</td><td>${esc(r.requirement)}</td><td>${jspSentence(r)}</td></tr>`;
    })
    .join('\n');
  const head = header
    .map((s) => {
      const name = `tjbForm.${s.id.replace('header-', 'h_')}`;
      const type = s.kind === 'date' ? 'text" class="txt wide Wdate' : 'text" class="txt wide';
      return `<td>${esc(s.before)}：<input type="${type}" name="${name}"></td>`;
    })
    .join('');
  write(
    'jsp/tjb.html',
    page(
      t.title,
      TJB_CSS,
      `<form name="tjbForm" action="tjbSave.do" method="post" onsubmit="alert('演示页面：不会提交');return false">
<input type="hidden" name="tjbForm.id" value="20200601">
<h2>${esc(t.title)}</h2>
<table class="head"><tr>${head}</tr></table>
<table class="tab">
<tr><th width="90">活动主题</th><th width="150">活动项目</th><th width="260">内容要求</th><th>进展情况</th></tr>
${body}
<tr><td colspan="2">备注</td><td colspan="2"><textarea name="tjbForm.bz" rows="3" cols="60"></textarea></td></tr>
</table>
<div class="btns">验证码：<input type="text" name="yzm" size="6"> <input type="submit" value="保 存"> <input type="reset" value="重 置"></div>
</form>`,
    ),
  );
  write(
    'jsp/index.html',
    page(
      '安全生产月活动信息报送系统',
      JSP_CSS,
      `<div class="banner">黑龙江省安全生产月活动信息报送系统<small>（演示）</small></div>
<div class="wrap">
<div class="menu"><a href="../index.html">首页</a><a class="on" href="index.html">统计表填报</a><a href="../element/index.html">统计表（新版）</a><a href="../liaison/index.html">联络员报送</a></div>
<div class="main">
<div class="where">当前位置：首页 &gt; 安全生产月 &gt; 统计表填报 <span class="search">站内搜索：<input type="text" name="keyword" size="16"> <input type="button" value="搜索"></span></div>
<iframe name="mainFrame" src="tjb.html" title="统计表"></iframe>
</div>
</div>`,
    ),
  );
}

// ---- 2. Element style: one card per 活动项目, one labelled form item per blank ----------------------------

const EL_CSS = `
body{margin:0;font:14px/1.5 "Helvetica Neue","PingFang SC","Noto Sans CJK SC",sans-serif;color:#303133;background:#f0f2f5}
.el-header{height:56px;background:#fff;box-shadow:0 1px 4px rgba(0,21,41,.08);display:flex;align-items:center;padding:0 24px;font-size:18px;font-weight:600;color:#1f2d3d}
.el-main{max-width:960px;margin:16px auto;padding:0 16px}
.el-card{background:#fff;border:1px solid #ebeef5;border-radius:4px;margin-bottom:14px}
.el-card__header{padding:12px 20px;border-bottom:1px solid #ebeef5;font-weight:600}
.el-card__body{padding:16px 20px}
.el-form-item{display:flex;margin-bottom:14px}
.el-form-item__label{width:340px;text-align:right;padding-right:12px;color:#606266;line-height:32px}
.el-form-item__content{flex:1;line-height:32px}
.el-input__inner{height:32px;border:1px solid #dcdfe6;border-radius:4px;padding:0 12px;width:220px;font:inherit}
.el-radio{margin-right:18px}
.el-button{height:32px;padding:0 20px;border-radius:4px;border:1px solid #dcdfe6;background:#fff;margin-right:8px}
.el-button--primary{background:#409eff;border-color:#409eff;color:#fff}
.tips{color:#909399;font-size:12px;margin:0 0 12px}`;

/** The label a form designer would write for a blank: phrase, with the unit in parentheses. */
function elLabel(s: Slot, row: Row, prev: Slot | undefined): string {
  if (s.kind === 'boolean') return s.before.startsWith('是否') ? s.before : `是否${s.before || row.item}`;
  if (s.kind === 'text') return `${s.before}____${s.after}`;
  const unit = s.kind === 'percent' ? '%' : s.unit;
  const rest = s.after.trim().slice(unit.length).trim();
  // 组织观看（ ）场，（ ）人次 → 组织观看（人次); a bare blank after a text blank → the row's item.
  const after = prev && (prev.kind === 'number' || prev.kind === 'percent') ? prev.before : row.item;
  const phrase = rest ? `${s.before}${rest}` : s.before || after;
  return `${phrase}（${unit}）`;
}

function elementPage(t: Template) {
  let n = 0;
  const item = (label: string, control: string) => {
    const id = `el-id-${4100 + n++}`;
    return `<div class="el-form-item"><label class="el-form-item__label" for="${id}">${esc(label)}</label><div class="el-form-item__content">${control.replaceAll('$ID', id)}</div></div>`;
  };
  const input = (s: Slot) =>
    s.kind === 'boolean'
      ? `<div class="el-radio-group" role="radiogroup" id="$ID"><label class="el-radio"><input type="radio" name="${s.id}" id="${s.id}-yes" value="是"> 是</label><label class="el-radio"><input type="radio" name="${s.id}" id="${s.id}-no" value="否"> 否</label></div>`
      : `<div class="el-input"><input class="el-input__inner" id="$ID" name="${s.id}" type="text" autocomplete="off"></div>`;
  const header = t.slots
    .filter((s) => s.section === 'header')
    .map((s) => item(s.before.replace(/（.*）/, ''), input(s)))
    .join('\n');
  const cards = rowsOf(t)
    .map((r) => {
      const items = r.slots.map((s, i) => item(elLabel(s, r, r.slots[i - 1]), input(s))).join('\n');
      return `<div class="el-card"><div class="el-card__header">${esc(r.item)}</div><div class="el-card__body">${items}</div></div>`;
    })
    .join('\n');
  write(
    'element/index.html',
    page(
      `${t.title}（新版）`,
      EL_CSS,
      `<header class="el-header">安全生产月 · 数据报送平台（演示）</header>
<main class="el-main" id="app">
<p class="tips">请如实填写各项数据，带 * 为必填项。<a href="../index.html">返回首页</a></p>
<form class="el-form" onsubmit="return false">
<div class="el-card"><div class="el-card__header">基本信息</div><div class="el-card__body">
${header}
${item('报送说明', '<div class="el-textarea"><textarea class="el-textarea__inner" name="remark" rows="2" cols="50"></textarea></div>')}
</div></div>
${cards}
<div><button type="button" class="el-button el-button--primary">提交</button><button type="button" class="el-button">暂存</button></div>
</form>
</main>`,
      // Like a Vue app, the form is mounted a moment after the page loads.
      `<script>
(() => {
  const app = document.getElementById('app');
  const html = app.innerHTML;
  app.innerHTML = '<p class="tips">加载中…</p>';
  setTimeout(() => { app.innerHTML = html; }, 400);
})();
</script>`,
    ),
  );
}

// ---- 3. The liaison form --------------------------------------------------------------------------------

function liaisonPage(t: Template) {
  const cell = (s: Slot | undefined) => {
    if (!s) return '<td></td><td></td>';
    const label = s.labels?.[0] ?? s.before;
    const control =
      s.id === 'gender'
        ? `<select name="lly_${s.id}"><option value="">--请选择--</option><option>男</option><option>女</option></select>`
        : `<input type="text" name="lly_${s.id}" size="${s.id === 'address' || s.id === 'unitName' ? 40 : 18}">`;
    return `<th>${esc(label)}</th><td>${control}</td>`;
  };
  const rows: string[] = [];
  for (let i = 0; i < t.slots.length; i += 2)
    rows.push(`<tr>${cell(t.slots[i])}${cell(t.slots[i + 1])}</tr>`);
  write(
    'liaison/index.html',
    page(
      t.title,
      JSP_CSS +
        `
table.form{border-collapse:collapse;margin:16px auto;background:#fff}
table.form th,table.form td{border:1px solid #7d95bd;padding:6px 10px}
table.form th{background:#e4ebf5;font-weight:normal;width:110px}
h2{text-align:center}`,
      `<div class="banner">黑龙江省安全生产月活动信息报送系统<small>（演示）</small></div>
<div class="main">
<h2>${esc(t.title)}</h2>
<form name="llyForm" onsubmit="alert('演示页面：不会提交');return false">
<table class="form">
${rows.join('\n')}
<tr><th>身份证号</th><td colspan="3"><input type="text" name="lly_sfzh" size="30"></td></tr>
<tr><th>备注</th><td colspan="3"><textarea name="lly_bz" rows="2" cols="60"></textarea></td></tr>
</table>
<p style="text-align:center"><input type="submit" value="提 交"> <a href="../index.html">返回首页</a></p>
</form>
</div>`,
    ),
  );
}

// ---- 4. A short weekly quick report: terse labels, so some matches need a person to confirm -------------

function quickPage() {
  const items: [string, string][] = [
    ['填报单位', 'dw'],
    ['填报人', 'tbr'],
    ['电话号码', 'dh'],
    ['启动仪式', 'qdys'],
    ['中心组学习', 'zxz'],
    ['网络课堂培训人次', 'wlkt'],
    ['曝光问题（条）', 'bgwt'],
    ['志愿者人数', 'zyz'],
  ];
  const rows = items
    .map(
      ([label, name]) =>
        `<div class="el-form-item"><label class="el-form-item__label" for="q_${name}">${esc(label)}</label><div class="el-form-item__content"><div class="el-input"><input class="el-input__inner" id="q_${name}" name="${name}" type="text"></div></div></div>`,
    )
    .join('\n');
  write(
    'quick/index.html',
    page(
      '活动进展快报',
      EL_CSS,
      `<header class="el-header">安全生产月 · 活动进展快报（演示）</header>
<main class="el-main">
<p class="tips">每周四 17 时前报送本周累计数。<a href="../index.html">返回首页</a></p>
<form class="el-form" onsubmit="return false"><div class="el-card"><div class="el-card__header">本周累计</div><div class="el-card__body">
${rows}
<div class="el-form-item"><label class="el-form-item__label" for="q_bz">备注</label><div class="el-form-item__content"><textarea class="el-textarea__inner" id="q_bz" name="bz" rows="2" cols="40"></textarea></div></div>
</div></div>
<button type="button" class="el-button el-button--primary">提交</button></form>
</main>`,
    ),
  );
}

// ---- truth.json beside each page (format: ../shared/portals/README.md), so tests can score a fill ----------

type TruthField =
  | { frame: string; key: string; slot: number | string; expect?: string }
  | { frame: string; key: string; decoy: true; original: string };

function truth(path: string, template: string, fields: TruthField[]) {
  const lines = fields.map((f) => `  ${JSON.stringify(f)}`).join(',\n');
  write(path, `{\n "template": "${template}",\n "entry": "index.html",\n "fields": [\n${lines}\n ]\n}\n`);
}

function slotFields(t: Template, frame: string, nameOf: (s: Slot) => string): TruthField[] {
  return t.slots.flatMap((s): TruthField[] => {
    const name = nameOf(s);
    return s.kind === 'boolean'
      ? [
          { frame, key: `id:${name}-yes`, slot: s.index, expect: 'checked-if-true' },
          { frame, key: `id:${name}-no`, slot: s.index, expect: 'checked-if-false' },
        ]
      : [{ frame, key: `name:${name}`, slot: t.kind === 'liaison' ? s.id : s.index }];
  });
}

const decoy = (frame: string, name: string): TruthField => ({
  frame,
  key: `name:${name}`,
  decoy: true,
  original: '',
});

function truths(stats: Template, liaison: Template) {
  const jspName = (s: Slot) =>
    s.section === 'header'
      ? `tjbForm.${s.id.replace('header-', 'h_')}`
      : `tjbForm.col${String(s.index).padStart(3, '0')}`;
  truth('jsp/truth.json', stats.id, [
    ...slotFields(stats, 'tjb.html', jspName),
    decoy('index.html', 'keyword'),
    decoy('tjb.html', 'tjbForm.bz'),
    decoy('tjb.html', 'yzm'),
  ]);
  truth('element/truth.json', stats.id, [
    ...slotFields(stats, 'index.html', (s) => s.id),
    decoy('index.html', 'remark'),
  ]);
  truth('liaison/truth.json', liaison.id, [
    ...slotFields(liaison, 'index.html', (s) => `lly_${s.id}`),
    decoy('index.html', 'lly_sfzh'),
    decoy('index.html', 'lly_bz'),
  ]);
}

function home() {
  write(
    'index.html',
    page(
      '安全生产月活动信息报送系统（演示）',
      `${JSP_CSS}
.box{max-width:720px;margin:24px auto;background:#fff;border:1px solid #9db3d6;padding:16px 24px}
.box li{margin:8px 0}`,
      `<div class="banner">黑龙江省安全生产月活动信息报送系统<small>（演示）</small></div>
<div class="box">
<p>这是填报助手的演示门户，页面仿照各地报送系统的样式，提交按钮不会发送任何数据。</p>
<ol>
<li><a href="jsp/index.html">统计表填报（旧版：表格 + 框架页）</a></li>
<li><a href="element/index.html">统计表填报（新版：分项表单，稍后加载）</a></li>
<li><a href="liaison/index.html">联络员推荐表</a></li>
<li><a href="quick/index.html">活动进展快报（简短标签：部分项需要确认）</a></li>
</ol>
<p>试用方法：在扩展中选“${esc(STATS_TITLE)}”建立台账并记录几条活动，打开上面的页面，点击工具栏的“填报助手”打开侧边栏，启用本网站后按“一键填报”。</p>
</div>`,
    ),
  );
}

const stats = getTemplate(STATS);
const STATS_TITLE = stats?.title ?? STATS;
const liaison = getTemplate('liaison');
if (!stats || !liaison) throw new Error('built-in templates missing');
home();
jspPages(stats);
elementPage(stats);
liaisonPage(liaison);
quickPage();
truths(stats, liaison);
