/**
 * What a browser without the extension shows for a join link: what it is and what to do. The page never
 * writes the link's parts into its markup; a script puts the whole address into a text box as its value.
 */
export const joinPage = (): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>填报助手：加入单位的台账</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.6 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:40em;margin:2em auto;padding:0 1em;color:#222}
textarea{width:100%;font:14px monospace;padding:.5em}button{font-size:16px;padding:.4em 1.2em}</style></head>
<body><h1>加入单位的活动台账</h1>
<p>这是同事在“填报助手”中发给您的邀请。</p>
<ol><li>在 Chrome 或 Edge 中安装“填报助手”扩展（向单位管理员索取安装包）。</li>
<li>打开扩展的“开始使用”页，在“加入同事的台账”中填写您的姓名，粘贴下面这条邀请，点“通过邀请加入”。</li></ol>
<textarea id="link" rows="4" readonly aria-label="邀请"></textarea>
<p><button id="copy" type="button">复制邀请</button> <span id="done"></span></p>
<script>
const box = document.getElementById('link');
box.value = location.href;
document.getElementById('copy').addEventListener('click', () => {
  box.select();
  navigator.clipboard.writeText(location.href).then(() => { document.getElementById('done').textContent = '已复制'; });
});
</script></body></html>
`;
