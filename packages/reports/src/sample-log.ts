// Test support (not exported from the package): one realistic county log on the 大兴安岭 2020 table, used
// by this package's tests, the CLI's and the documents e2e, so all of them check the same figures.
import { UnitLog } from '@tianbao/core';
import { getTemplate, type Template } from '@tianbao/templates';

export const SAMPLE_TEMPLATE = getTemplate('daxinganling-2020') as Template;

/** The key of the nth blank whose words before it are `before`. */
export function sampleSlot(before: string, nth = 0): string {
  const s = SAMPLE_TEMPLATE.slots.filter((x) => x.before === before)[nth];
  if (!s) throw new Error(`no slot ${before}`);
  return `${SAMPLE_TEMPLATE.id}/${s.id}`;
}

export const SAMPLE_PROFILE = {
  name: '张三丰',
  gender: '男',
  title: '科长',
  officePhone: '0457-2712884',
  mobile: '13900001234',
  fax: '0457-2712885',
  qq: '123456789',
  wechat: 'zhangsf_aq',
  email: 'zsf@example.cn',
  unitName: '大兴安岭地区应急管理局',
  address: '加格达奇区人民路1号',
};

export function sampleLog(shards = 2): UnitLog {
  const T = SAMPLE_TEMPLATE;
  const slot = sampleSlot;
  const log = UnitLog.create({
    unitName: '大兴安岭地区应急管理局',
    campaign: '2020年安全生产月',
    templateIds: [T.id],
    user: '张三',
    shards,
  });
  let t = Date.UTC(2020, 5, 1);
  log.now = () => (t += 3600_000);
  log.setProfile(SAMPLE_PROFILE);
  log.addEntry({
    date: '2020-06-01',
    title: '“安全生产月”活动启动仪式',
    location: '加格达奇区人民广场',
    organizer: '大兴安岭地区应急管理局',
    partners: '加格达奇区应急管理局',
    description: '以线上直播和现场宣誓相结合的形式举行。',
    highlight: true,
    contributions: { [slot('', 0)]: 1 },
  });
  log.addEntry({
    date: '2020-06-03',
    title: '理论学习中心组专题学习',
    contributions: { [slot('安排理论学习中心组专题学习')]: 2, [slot('参与', 0)]: 46 },
  });
  log.addEntry({
    date: '2020-06-09',
    title: '安全宣传进企业',
    location: '林业集团',
    highlight: true,
    contributions: { [slot('开展安全宣传进企业活动')]: 3, [slot('参与', 4)]: 320 },
  });
  const gone = log.addEntry({
    date: '2020-06-10',
    title: '已删除的活动',
    contributions: { [slot('组织观看')]: 9 },
  });
  log.deleteEntry(gone);
  log.setManualValue(slot('以'), '线上直播和现场宣誓', '启动仪式记录');
  log.setManualValue(
    slot('是否已将“安全生产月”和“安全生产万里行”活动纳入全年安全生产重点工作'),
    true,
    '局党委会议研究决定',
  );
  log.setManualValue(slot('是否已做好人力、物力和相关经费等保障'), false, '经费尚未下达');
  log.addPlan({
    time: '2020-06-16',
    place: '线上',
    content: '网上“全国安全宣传咨询日”活动',
    host: '地区安委办',
  });
  return log;
}
