import { describe, expect, test } from 'vitest';
import { formProgress } from './form-progress.ts';
import { page } from './test-dom.ts';

describe('formProgress', () => {
  test('Element Plus el-steps: the step in process, of how many, with titles', () => {
    const doc = page(
      '<div class="el-steps"><div class="el-step"><div class="el-step__head is-finish"></div><div class="el-step__title is-finish">基本信息</div></div>' +
        '<div class="el-step"><div class="el-step__head is-process"></div><div class="el-step__title is-process">宣传教育</div></div>' +
        '<div class="el-step"><div class="el-step__head is-wait"></div><div class="el-step__title is-wait">组织落实</div></div></div><input name="a">',
    );
    expect(formProgress(doc)).toEqual({
      kind: 'steps',
      current: 2,
      total: 3,
      titles: ['基本信息', '宣传教育', '组织落实'],
    });
  });

  test('antd Steps', () => {
    const doc = page(
      '<div class="ant-steps"><div class="ant-steps-item ant-steps-item-process ant-steps-item-active"><div class="ant-steps-item-title">第一部分</div></div>' +
        '<div class="ant-steps-item ant-steps-item-wait"><div class="ant-steps-item-title">第二部分</div></div></div>',
    );
    expect(formProgress(doc)).toMatchObject({ kind: 'steps', current: 1, total: 2 });
  });

  test('a pager beside the form: el-pagination, antd and layui; the page shown and the last page', () => {
    const el = page(
      '<table><tr><td><input name="v1"></td></tr></table><div class="el-pagination"><ul class="el-pager">' +
        '<li class="number">1</li><li class="number is-active">2</li><li class="more">…</li><li class="number">5</li></ul></div>',
    );
    expect(formProgress(el)).toEqual({ kind: 'pages', current: 2, total: 5, titles: [] });
    const ant = page(
      '<div><table><tr><td><input></td></tr></table><ul class="ant-pagination"><li title="1" class="ant-pagination-item">1</li>' +
        '<li title="2" class="ant-pagination-item">2</li><li title="3" class="ant-pagination-item ant-pagination-item-active">3</li></ul></div>',
    );
    expect(formProgress(ant)).toMatchObject({ kind: 'pages', current: 3, total: 3 });
    const layui = page(
      '<div><input name="x"><div class="layui-laypage"><a data-page="1">1</a><span class="layui-laypage-curr"><em class="layui-laypage-em"></em><em>2</em></span><a data-page="4">4</a></div></div>',
    );
    expect(formProgress(layui)).toMatchObject({ kind: 'pages', current: 2, total: 4 });
  });

  test('a one-page form, and a pager of a list with nothing to fill near it, are no progress', () => {
    expect(formProgress(page('<form><input name="a"></form>'))).toBeNull();
    expect(
      formProgress(
        page(
          '<form><input name="a"></form><div><div><div><div><ul class="ant-pagination"><li title="1" class="ant-pagination-item ant-pagination-item-active">1</li></ul></div></div></div></div>',
        ),
      ),
    ).toBeNull();
  });

  test('a stepper or pager not drawn (display:none or visibility:hidden) is not read', () => {
    const steps =
      '<div class="ant-steps"><div class="ant-steps-item ant-steps-item-process"><div class="ant-steps-item-title">一</div></div>' +
      '<div class="ant-steps-item ant-steps-item-wait"><div class="ant-steps-item-title">二</div></div></div>';
    for (const style of ['display:none', 'visibility:hidden']) {
      expect(formProgress(page(`<div style="${style}">${steps}</div><input name="a">`)), style).toBeNull();
      const pager = `<table><tr><td><input name="v1"></td></tr></table><div class="el-pagination" style="${style}"><ul class="el-pager"><li class="number is-active">1</li><li class="number">2</li></ul></div>`;
      expect(formProgress(page(pager)), style).toBeNull();
    }
  });
});
