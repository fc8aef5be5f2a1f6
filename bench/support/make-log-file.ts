// A log of N entries as an update file, the way a colleague would send one (for benchmarks).
import { exportUpdateFile, LogSession, MemoryStorage } from '@tianbao/core';
import { getTemplate } from '@tianbao/templates';

export async function makeLogFile(n: number, templateId = 'daxinganling-2020'): Promise<Uint8Array> {
  const t = getTemplate(templateId);
  if (!t) throw new Error(`no template ${templateId}`);
  const numbers = t.slots.filter((s) => s.kind === 'number').map((s) => `${t.id}/${s.id}`);
  const session = await LogSession.create(new MemoryStorage(), {
    unitName: '大兴安岭地区应急管理局',
    campaign: '2020年“安全生产月”',
    templateIds: [t.id],
    user: '基准',
  });
  const kinds = ['宣传进企业', '应急演练', '专题学习', '隐患排查', '媒体报道'];
  for (let i = 0; i < n; i++) {
    session.log.addEntry({
      date: `2020-06-${String(1 + (i % 30)).padStart(2, '0')}`,
      title: `第${i + 1}期安全生产宣传进企业活动`,
      kind: kinds[i % kinds.length],
      location: '加格达奇区人民广场',
      organizer: '应急管理局',
      contributions: {
        [numbers[i % numbers.length] as string]: 1 + (i % 9),
        [numbers[(i + 17) % numbers.length] as string]: 120,
        [numbers[(i + 41) % numbers.length] as string]: 3,
      },
    });
  }
  return exportUpdateFile(session.log);
}
