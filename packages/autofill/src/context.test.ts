import { describe, expect, test } from 'vitest';
import { scan } from './scan.ts';
import { page } from './test-dom.ts';
import type { Field } from './types.ts';

const byName = (fields: Field[], name: string) => {
  const f = fields.find((x) => x.control.getAttribute('name') === name || x.control.id === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

describe('context of a control', () => {
  test('several blanks in one sentence: text before and after each, cut at the separators', () => {
    const doc = page(
      '<table><tr><td>安排理论学习中心组专题学习（<input name="a">）次，参与（<input name="b">）人次，<input name="c">个企业开展活动<input name="d">场。</td></tr></table>',
    );
    const fields = scan(doc);
    expect(byName(fields, 'a')).toMatchObject({
      before: '安排理论学习中心组专题学习',
      after: '次',
      unit: '次',
    });
    expect(byName(fields, 'b')).toMatchObject({ before: '参与', after: '人次', unit: '人次' });
    expect(byName(fields, 'c')).toMatchObject({ before: '', after: '个企业开展活动', unit: '个' });
    expect(byName(fields, 'd')).toMatchObject({ before: '', after: '场', unit: '场' });
  });

  test('a line break ends the sentence', () => {
    const fields = scan(page('<p>开展培训<input name="a">场；<br>发放资料<input name="b">份</p>'));
    expect(byName(fields, 'a').after).toBe('场');
    expect(byName(fields, 'b').before).toBe('发放资料');
  });

  test('header fields on one line: each colon label belongs to the blank after it', () => {
    const fields = scan(
      page('<p>填报单位：<input name="dw"> 联系人：<input name="lxr"> 电话：<input name="dh"></p>'),
    );
    expect(byName(fields, 'dw')).toMatchObject({ before: '填报单位', after: '' });
    expect(byName(fields, 'lxr')).toMatchObject({ before: '联系人', after: '' });
    expect(byName(fields, 'dh').before).toBe('电话');
  });

  test('label/for, wrapping label, aria-labelledby, aria-label, placeholder and title', () => {
    const fields = scan(
      page(`<label for="x">姓名</label><input id="x">
        <label>手机 <input id="y"></label>
        <span id="q">传真</span><input id="z" aria-labelledby="q">
        <input id="w" aria-label="微信">
        <input id="p" placeholder="电子邮箱" title="邮箱地址">`),
    );
    expect(byName(fields, 'x').label).toBe('姓名');
    expect(byName(fields, 'y').label).toBe('手机');
    expect(byName(fields, 'z').label).toBe('传真');
    expect(byName(fields, 'w').label).toBe('微信');
    expect(byName(fields, 'p')).toMatchObject({ placeholder: '电子邮箱', title: '邮箱地址' });
  });

  test('generic placeholders are not context; "请输入联系人" names 联系人', () => {
    expect(byName(scan(page('<input id="p" placeholder="请输入">')), 'p').placeholder).toBe('');
    expect(byName(scan(page('<input id="p" placeholder="请输入联系人">')), 'p').placeholder).toBe('联系人');
  });

  test('Bootstrap-like: a label without for above the input names it, unit in parentheses', () => {
    const f = scan(
      page('<div class="form-group"><label>现场咨询互动（人次）</label><input class="form-control"></div>'),
    )[0];
    expect(f).toMatchObject({ before: '现场咨询互动（人次）', unit: '人次' });
  });

  test('label in the preceding cell, unit in the following cell', () => {
    const fields = scan(
      page('<table><tr><td>开展警示教育</td><td><input name="a"></td><td>场</td></tr></table>'),
    );
    // The following cell is a column of its own; its unit is read when it is in the same line of text.
    expect(byName(fields, 'a').leading).toBe('开展警示教育');
  });

  test('指标 | 单位 | 数量 tables: the unit cell is looked past to the indicator, and kept as the unit', () => {
    const fields = scan(
      page(`<table><tr><th>活动项目</th><th>统计指标</th><th>单位</th><th>数量</th></tr>
      <tr><td>开展警示教育</td><td>组织观看警示片</td><td>场</td><td><input name="a"></td></tr></table>`),
    );
    expect(byName(fields, 'a')).toMatchObject({ leading: '组织观看警示片（场）', unit: '场' });
  });

  test('Element-like grid: label in its own column, unit in an append box, no for', () => {
    const fields = scan(
      page(`<div class="el-form-item"><label class="el-form-item__label">现场咨询互动</label>
        <div class="el-form-item__content"><div class="el-input"><input id="el-id-1024-3" class="el-input__inner">
        <div class="el-input-group__append">人次</div></div></div></div>`),
    );
    const f = fields[0] as Field;
    expect(f.leading).toBe('现场咨询互动');
    expect(f.unit).toBe('人次');
  });

  test('the leading text never comes from a neighbour that has its own control', () => {
    const fields = scan(page('<div><span>联系人</span><input name="a"></div><div><input name="b"></div>'));
    expect(byName(fields, 'b').leading).toBe('');
  });

  test('row headers with rowspan and column headers with colspan', () => {
    const fields = scan(
      page(`<table>
        <tr><th rowspan="2">类别</th><th rowspan="2">项目</th><th colspan="2">完成情况</th></tr>
        <tr><th>场次</th><th>参与人次</th></tr>
        <tr><td rowspan="2">宣传活动</td><td>咨询日</td><td><input name="a1"></td><td><input name="a2"></td></tr>
        <tr><td>开放日</td><td><input name="b1"></td><td><input name="b2"></td></tr>
      </table>`),
    );
    expect(byName(fields, 'b2').rowHeaders).toEqual(['宣传活动', '开放日']);
    expect(byName(fields, 'b2').colHeaders).toEqual(['完成情况', '参与人次']);
    expect(byName(fields, 'a1').colHeaders).toEqual(['完成情况', '场次']);
    expect(byName(fields, 'a1').unit).toBe('场次');
  });

  test('a blank with no words of its own continues the phrase before it ("组织观看（ ）场（ ）人次")', () => {
    const fields = scan(page('<p>组织观看（<input name="a">）场（<input name="b">）人次</p>'));
    expect(byName(fields, 'b')).toMatchObject({ before: '', leading: '组织观看', unit: '人次' });
  });

  test('headings nest: the group heading stays while item headings change', () => {
    const fields = scan(
      page(
        '<h3>安全生产月活动</h3><h4>启动仪式</h4><p>举办<input name="a">场</p><h4>宣传咨询日</h4><p>开展<input name="b">场</p><h3>组织落实</h3><p>召开<input name="c">次</p>',
      ),
    );
    expect(fields.map((f) => f.heading)).toEqual([
      '安全生产月活动 启动仪式',
      '安全生产月活动 宣传咨询日',
      '组织落实',
    ]);
  });

  test('fieldset legend and the heading above', () => {
    const fields = scan(
      page(
        '<h2>基本信息</h2><fieldset><legend>联络员</legend><label for="a">姓名</label><input id="a"></fieldset>',
      ),
    );
    expect(fields[0]).toMatchObject({ legend: '联络员', heading: '基本信息' });
  });

  test('序号 | 指标名称 | 数值 | 单位: the unit in the cell after the value', () => {
    const fields = scan(
      page('<table><tr><td>3</td><td>开展警示教育</td><td><input name="a"></td><td>场</td></tr></table>'),
    );
    expect(byName(fields, 'a')).toMatchObject({ leading: '开展警示教育', unit: '场' });
  });

  test('heading rows across the whole table name the section of the rows below, numbering cut off', () => {
    const fields = scan(
      page(`<table><tr><th>序号</th><th>指标名称</th><th>数值</th></tr>
        <tr><td colspan="3">一、宣传教育</td></tr>
        <tr><td>1</td><td>警示教育场数</td><td><input name="a"></td></tr>
        <tr><td colspan="3">（一）网上活动</td></tr>
        <tr><td>2</td><td>网络答题人次</td><td><input name="b"></td></tr>
        <tr><td colspan="3">二、安全生产兴安行</td></tr>
        <tr><td>3</td><td>接收举报条次</td><td><input name="c"></td></tr></table>`),
    );
    expect(['a', 'b', 'c'].map((n) => byName(fields, n).section)).toEqual([
      '宣传教育',
      '宣传教育 网上活动',
      '安全生产兴安行',
    ]);
    // The first heading sits above the first input, where column headers are read: it is not one.
    expect(byName(fields, 'a').colHeaders).toEqual(['数值']);
  });

  test('a heading row may keep its number in the 序号 column (（一）| 宣传教育 across the rest); a — cell names nothing', () => {
    const fields = scan(
      page(`<table><tr><th>序号</th><th>指标名称</th><th>计划数</th><th>完成数</th></tr>
        <tr><td>（一）</td><td colspan="3">学习重要论述</td></tr>
        <tr><td>1.1</td><td>理论学习中心组学习</td><td></td><td><input name="a"></td></tr>
        <tr><td>（二）</td><td colspan="3">专题宣传活动</td></tr>
        <tr><td>2.1</td><td>刊发新闻报道</td><td></td><td><input name="b"></td></tr>
        <tr><td>2.2</td><td>是否使用宣教平台</td><td>—</td><td><select name="c"><option>是</option><option>否</option></select></td></tr></table>`),
    );
    expect(['a', 'b'].map((n) => byName(fields, n).section)).toEqual(['学习重要论述', '专题宣传活动']);
    expect(byName(fields, 'a').colHeaders).toEqual(['完成数']);
    // The — in 计划数 says "no plan figure": the question is still the row's name.
    expect(byName(fields, 'c').rowHeaders).toEqual(['2.2', '是否使用宣教平台']);
  });

  test('a box named only by its title takes its unit from the title, not from the row above', () => {
    const fields = scan(
      page(`<div class="row"><div><span>创新开展活动</span></div><div><input name="a" title="创新开展活动（场）"></div>
        <div><span>场</span></div></div>
        <div class="row"><div></div><div><input name="b" title="参与（人次）"></div><div><span></span></div></div>`),
    );
    expect(byName(fields, 'b').unit).toBe('人次');
  });

  test('label | input | label | input rows under <th> headings across the table: headings are sections', () => {
    const fields = scan(
      page(`<table><tr><th>填报单位：</th><td><input name="u"></td><th>联系人：</th><td><input name="p"></td></tr>
        <tr><th colspan="4">一、学习重要论述</th></tr>
        <tr><th>理论学习（次）：</th><td><input name="a"></td><th>参与人次：</th><td><input name="b"></td></tr>
        <tr><th colspan="4">二、专题宣传</th></tr>
        <tr><th>刊发新闻报道（篇）：</th><td><input name="c"></td><th></th><td></td></tr></table>`),
    );
    expect(['a', 'b', 'c'].map((n) => byName(fields, n).colHeaders)).toEqual([[], [], []]);
    expect(byName(fields, 'c').section).toBe('专题宣传');
  });

  test('a bold numbered paragraph (Word’s heading) is a heading; a numbered paragraph with blanks is not', () => {
    const fields = scan(
      page(`<p><b><span>二、</span><span>安全生产兴安行活动</span></b></p>
        <p><span>（一）</span><span>网上万里行：</span><span>接收各类举报（</span><input name="a"><span>）条次</span></p>
        <p><b>三、</b>加强组织落实</p>
        <p>奖励（<input name="b">）人</p>`),
    );
    expect(byName(fields, 'a').heading).toBe('二、安全生产兴安行活动');
    // Half bold: a sentence that starts with a bold number, not a heading.
    expect(byName(fields, 'b').heading).toBe('二、安全生产兴安行活动');
  });

  test('a 其中 row knows the row above it, also when that row has no input', () => {
    const fields = scan(
      page(`<table><tr><th>指标</th><th>数值</th></tr>
        <tr><td>开展警示教育</td><td></td></tr>
        <tr><td>其中：参与人次</td><td><input name="a"></td></tr>
        <tr><td>其中：线上参与人次</td><td><input name="b"></td></tr></table>`),
    );
    expect(byName(fields, 'a').partOf).toBe('开展警示教育');
    expect(byName(fields, 'b').partOf).toBe('开展警示教育');
  });
});
