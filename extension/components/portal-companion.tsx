import { type FillValue, type FormProgress, type LearnedMapping, valueKey } from '@tianbao/autofill';
import {
  currentPeriod,
  isValidDate,
  localToday,
  type MappingUnits,
  periodFromRange,
  type ReportingPeriod,
  reportDateSlotId,
  type UnitLog,
} from '@tianbao/core';
import { getTemplate, type Template } from '@tianbao/templates';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFillRequest } from '../hooks/use-fill-request';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { usePortalAgent } from '../hooks/use-portal-agent';
import { useSchedule } from '../hooks/use-schedule';
import { useSetting } from '../hooks/use-setting';
import { noteStep, pairOf, remainingSlots, type StepLogs } from '../utils/form-steps';
import { userMessage } from '../utils/input-errors';
import { sendToTab } from '../utils/messages';
import { portalKeyOf } from '../utils/portal-origin';
import type { PortalRow } from '../utils/portal-rows';
import { blankTitles, matchSlots, type PanelValue, panelValues } from '../utils/portal-values';
import { reportDateNow } from '../utils/report-date';
import { portalPeriods } from '../utils/settings';
import { ErrorText } from './error-text';
import { FieldGroups } from './field-groups';
import { FillBar } from './fill-bar';
import { type Difference, type FillCounts, FillSummary } from './fill-summary';
import { PeriodPicker } from './period-picker';
import { StepProgress } from './step-progress';

interface Scan {
  templateId: string;
  rows: PortalRow[];
  /** Frames of another origin: their controls are out of reach. */
  foreignFrames: number;
  /** The step or page shown, on a multi-step form or a paginated table. */
  progress: FormProgress | null;
}

/** Statistics template of the log first, then the liaison form: a portal page is one or the other. */
function useCandidates(template: Template | undefined): Template[] {
  return useMemo(() => {
    const liaison = getTemplate('liaison');
    return [template, liaison].filter((t, i, all): t is Template => !!t && all.indexOf(t) === i);
  }, [template]);
}

/**
 * The blanks' values, recomputed when the log changes (shards load one by one at first, each a change)
 * but keeping the previous object for every blank whose value did not change, so unchanged rows are not
 * drawn again.
 */
function useStableValues(
  log: UnitLog,
  template: Template | undefined,
  rev: number,
  period: ReportingPeriod | undefined,
): Map<string, PanelValue> {
  const last = useRef(new Map<string, PanelValue>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  return useMemo(() => {
    const next = template ? panelValues(log, template, period) : new Map<string, PanelValue>();
    for (const [id, v] of next) {
      const was = last.current.get(id);
      if (was && was.value === v.value && was.source === v.source && was.explanation === v.explanation)
        next.set(id, was);
    }
    last.current = next;
    return next;
  }, [log, template, rev, period?.id]);
}

const found = (rows: PortalRow[]) => rows.filter((r) => r.status !== 'unmatched' && r.slotId).length;

/** Sure matches with a figure that no fill on this page has tried yet: after 一键填报 they are filled too. */
const untried = (rows: PortalRow[], attempted: Set<string>, values: Map<string, PanelValue>) =>
  rows.some(
    (r) =>
      r.status === 'matched' &&
      r.slotId &&
      !attempted.has(pairOf(r.key, r.slotId)) &&
      values.get(r.slotId)?.value != null,
  );

/**
 * The portal companion for one tab: the page's controls against a template (matched, unsure,
 * unmatched) with the value each gets, corrections that become the unit's shared mappings, 一键填报
 * with its summary, and 撤销.
 */
export function PortalCompanion(props: { tabId: number; url: string; loads: number; origin: string }) {
  const { tabId, url, loads, origin } = props;
  const { session, template } = useOpenLog();
  const rev = useLogRevision();
  const candidates = useCandidates(template);
  const [choice, setChoice] = useState(() => new URLSearchParams(location.search).get('template') ?? 'auto');
  const [picked, setPicked] = useState<string | null>(null);
  const [rescans, setRescans] = useState(0);
  const [scan, setScan] = useState<Scan | null>(null);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const [summary, setSummary] = useState<FillCounts | null>(null);
  // pairOf(key, slotId) of every control filled while this page is open (a pager may reuse controls).
  // Controls the last fill left alone because they held another answer (all of them, kept ones too), and
  // the ones the person chose 保留 for: those stay as they are and leave the list.
  const [differing, setDiffering] = useState<Map<string, { current: string; wanted: string }> | null>(null);
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [filled, setFilled] = useState<Set<string>>(new Set());
  // Per step or page of a multi-step form: what it showed and what was filled there.
  const stepLogs = useRef<StepLogs>(new Map());
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // A scan asked of the page and not answered yet.
  const [scanning, setScanning] = useState(false);
  const pendingRun = useRef(false);
  // After 一键填报 the panel keeps the page filled: controls that appear later (a form rendered after its
  // data arrives, a section opened by a click) get their sure matches too, each control tried once.
  const autoRefill = useRef(false);
  const attempted = useRef(new Set<string>());
  const filledRef = useRef(new Set<string>());
  // The keys of the rows now shown as filled, for the handlers (which stay stable across renders).
  const filledKeysRef = useRef(new Set<string>());
  const seq = useRef(0);
  // The auto choice as scanning sees it (a ref, so picking does not trigger a second scan).
  const pickedRef = useRef<string | null>(null);
  // The first scan of a page waits for it to settle (late-rendered forms); later ones follow its changes.
  const settledRef = useRef(false);

  const portalKey = portalKeyOf(url);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const learnedJson = useMemo(
    () =>
      JSON.stringify({
        slots: session.log.getMappings(portalKey),
        units: session.log.getMappingUnits(portalKey),
      }),
    [session, rev, portalKey],
  );
  // Parsed once per change of the page's corrections (the JSON keeps it stable across other log edits).
  const { slots: learned, units: learnedUnits } = useMemo(
    () =>
      JSON.parse(learnedJson) as {
        slots: Record<string, string | null>;
        units: Record<string, MappingUnits>;
      },
    [learnedJson],
  );
  const activeId = choice === 'auto' ? picked : choice;
  const active = candidates.find((t) => t.id === (scan?.templateId ?? activeId));
  // The reporting period for this page's 本周/累计 columns: `?period=` (tianbao fill), the one chosen for
  // this page before, or the current one.
  const { schedule, periods } = useSchedule();
  const [savedPeriods, setSavedPeriods] = useSetting(portalPeriods);
  const current = currentPeriod(periods, localToday());
  const chosenRange = new URLSearchParams(location.search).get('period') ?? savedPeriods?.[portalKey];
  const period = useMemo(() => {
    const [from, to] = (chosenRange ?? '').split('..');
    return from && to && isValidDate(from) && isValidDate(to) && from <= to
      ? periodFromRange(schedule, from, to)
      : current;
  }, [chosenRange, schedule, current]);
  const values = useStableValues(session.log, active, rev, period);
  // 填报日期 not recorded yet is not 未填 on the portal: 一键填报 records today and fills it.
  const shownValues = useMemo(() => {
    const dateSlot = active ? reportDateSlotId(active) : undefined;
    const date = dateSlot ? values.get(dateSlot) : undefined;
    if (!dateSlot || !date || date.value !== null) return values;
    return new Map(values).set(dateSlot, {
      value: localToday(),
      from: 'empty',
      source: '填报当天',
      explanation: '填报日期还没有记下：一键填报时记为今天，此后统计表、打印和导出都用这一天',
    } satisfies PanelValue);
  }, [values, active]);

  const learnedFor = useCallback(
    (t: Template): LearnedMapping[] => {
      const ids = new Set(t.slots.map((s) => s.id));
      return Object.entries(learned)
        .filter(([, slotId]) => slotId === null || ids.has(slotId))
        .map(([fieldKey, slotId]) => {
          const units = learnedUnits[fieldKey];
          return units ? { fieldKey, slotId, units } : { fieldKey, slotId };
        });
    },
    [learned, learnedUnits],
  );

  const agentState = usePortalAgent(tabId, origin, loads, url);
  const agent = agentState.page;
  const nonce = agentState.changes + rescans;
  const requests = useFillRequest(tabId);

  // A new page in the tab: nothing of the last one carries over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads and url mark a new page in the same tab
  useEffect(() => {
    setScan(null);
    setPicked(null);
    pickedRef.current = null;
    settledRef.current = false;
    setSummary(null);
    setDiffering(null);
    setKept(new Set());
    setFilled(new Set());
    filledRef.current = new Set();
    attempted.current = new Set();
    autoRefill.current = false;
    stepLogs.current = new Map();
    setConfirmed(new Set());
  }, [tabId, origin, loads, url]);

  // Scan (again) when the page, the chosen table or the learned mappings change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce marks a page change the agent reported
  useEffect(() => {
    if (!agent) return;
    const mine = ++seq.current;
    const want = choice === 'auto' ? pickedRef.current : choice;
    const list = want ? candidates.filter((t) => t.id === want) : candidates;
    if (!list.length) return;
    setScanning(true);
    Promise.all(
      list.map(async (t) => {
        const r = await sendToTab(tabId, 'to-content:scan', {
          slots: matchSlots(t),
          learned: learnedFor(t),
          settle: !settledRef.current,
        });
        return { templateId: t.id, rows: r.rows, foreignFrames: r.foreignFrames, progress: r.progress };
      }),
    ).then(
      (scans) => {
        if (mine !== seq.current) return;
        settledRef.current = true;
        // Auto: whichever table accounts for more of the page's controls (ties: the statistics table).
        const best = scans.reduce((a, b) => (found(b.rows) > found(a.rows) ? b : a));
        if (choice === 'auto' && !pickedRef.current) {
          pickedRef.current = best.templateId;
          setPicked(best.templateId);
        }
        if (best.progress) noteStep(stepLogs.current, best.progress.current, best.rows, []);
        setScan(best);
        setScanning(false);
        setError('');
      },
      (err) => {
        if (mine !== seq.current) return;
        setScanning(false);
        setError(`读取页面失败：${userMessage(err)}`);
      },
    );
  }, [agent, choice, learned, nonce, tabId, candidates]);

  const runFill = useCallback(
    async (auto = false, replace: string[] = []) => {
      if (!scan || !active) return;
      setBusy(true);
      if (!auto) setNotice('');
      const started = performance.now();
      try {
        const fillValues: Record<string, FillValue> = {};
        for (const [id, v] of values) if (v.value !== null && v.value !== '') fillValues[id] = v.value;
        // 填报日期 is the log's one date; filling the portal is reporting, so an unset one is recorded now.
        const dateSlot = reportDateSlotId(active);
        if (dateSlot && fillValues[dateSlot] === undefined)
          fillValues[dateSlot] = reportDateNow(session.log, active).date;
        const reply = await sendToTab(tabId, 'to-content:fill', {
          slots: matchSlots(active),
          learned: learnedFor(active),
          values: fillValues,
          confirmed: [...confirmed],
          replace,
        });
        const pairs = reply.filled.map((f) => pairOf(f.key, f.slotId));
        const filledKeys = new Set([...filledRef.current, ...pairs]);
        filledRef.current = filledKeys;
        for (const r of reply.rows)
          if (r.status === 'matched' || confirmed.has(r.key)) attempted.current.add(pairOf(r.key, r.slotId));
        if (reply.progress) noteStep(stepLogs.current, reply.progress.current, reply.rows, pairs);
        autoRefill.current = true;
        if (auto && reply.filled.length) setNotice(`页面上新出现的 ${reply.filled.length} 项已自动填写。`);
        // A confirmed match is the person's answer for this control: kept for the unit like a correction,
        // so next time (and for colleagues) it is filled without asking.
        const approved = reply.filled.filter((f) => confirmed.has(f.key) && learned[f.key] !== f.slotId);
        const log = session.log;
        for (const f of approved) log.setMapping(portalKey, f.key, f.slotId);
        if (approved.length)
          setNotice(`已确认的 ${approved.length} 项已保存为本单位在此页面的对应关系，下次直接填写。`);
        const onPage = new Set(reply.rows.filter((r) => r.status !== 'unmatched').map((r) => r.slotId));
        const withValue = active.slots.filter((s) => fillValues[s.id] !== undefined).map((s) => s.id);
        setScan({
          templateId: active.id,
          rows: reply.rows,
          foreignFrames: scan.foreignFrames,
          progress: reply.progress,
        });
        setFilled(new Set(filledKeys));
        setDiffering(
          new Map(
            reply.skipped
              .filter((s) => s.reason === 'not empty')
              .map((s) => [s.key, { current: s.current ?? '', wanted: s.wanted ?? '' }]),
          ),
        );
        setSummary({
          filled: filledKeys.size,
          // Unsure rows the log has a figure for: the others have nothing to confirm yet.
          unsure: reply.rows.filter(
            (r) =>
              r.status === 'unsure' &&
              r.slotId &&
              !filledKeys.has(pairOf(r.key, r.slotId)) &&
              fillValues[valueKey(r.slotId, r.measure)] !== undefined,
          ).length,
          // On a multi-step form: the blanks no step seen so far has shown.
          notFound: reply.progress
            ? remainingSlots(stepLogs.current, withValue).length
            : withValue.filter((id) => !onPage.has(id)).length,
          noValue: reply.skipped.filter((s) => s.reason === 'no value').length,
          ms: Math.round(performance.now() - started),
        });
      } catch (err) {
        setError(`填报失败：${userMessage(err)}`);
      } finally {
        setBusy(false);
      }
    },
    [scan, active, values, tabId, learnedFor, confirmed, learned, session, portalKey],
  );

  const undo = async () => {
    setBusy(true);
    try {
      const { restored } = await sendToTab(tabId, 'to-content:undo', {});
      setSummary(null);
      setDiffering(null);
      setKept(new Set());
      setFilled(new Set());
      filledRef.current = new Set();
      attempted.current = new Set();
      autoRefill.current = false;
      for (const log of stepLogs.current.values()) log.filled.clear();
      setNotice(`已撤销，${restored} 项恢复为填报前的内容。`);
      setRescans((n) => n + 1);
    } catch (err) {
      setError(`撤销失败：${userMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  // The context menu or keyboard command asked for 一键填报: run it once the page is scanned.
  useEffect(() => {
    if (!requests) return;
    pendingRun.current = true;
    setRescans((n) => n + 1);
  }, [requests]);
  useEffect(() => {
    if (!scan || busy) return;
    if (pendingRun.current) {
      pendingRun.current = false;
      void runFill();
    } else if (autoRefill.current && untried(scan.rows, attempted.current, values)) void runFill(true);
  }, [scan, busy, runFill, values]);
  // What the panel is doing, for tianbao fill (data-work): with the agent's `unread` it tells when the
  // page as it is now has been scanned and filled, instead of a guess at how long that takes. 'due' covers
  // the moment between a scan arriving and the effect above starting its fill.
  const work = busy
    ? 'filling'
    : scanning
      ? 'scanning'
      : scan && (pendingRun.current || (autoRefill.current && untried(scan.rows, attempted.current, values)))
        ? 'due'
        : 'idle';

  // Stable handlers, so rows whose own data did not change skip re-rendering (a page may have 300 rows).
  const correct = useCallback(
    (key: string, slotId: string | null, units?: MappingUnits) => {
      session.log.setMapping(portalKey, key, slotId, units);
      setSummary(null);
      // 不填写此项 on a control this page's fill already wrote does not clear it: say so, and how.
      const written =
        !slotId && filledKeysRef.current.has(key)
          ? '网页上这一项刚才已填写，内容仍在；要清除请点“撤销”。'
          : '';
      setNotice(
        !slotId
          ? `此项以后不再填写（已保存）。${written}`
          : units
            ? `已更正：此处（“${units.page}”）填以“${units.blank}”计的空，已保存为本单位在此页面的对应关系。`
            : '已更正，并保存为本单位在此页面的对应关系。',
      );
    },
    [session, portalKey],
  );
  const restore = useCallback(
    (key: string) => {
      session.log.clearMapping(portalKey, key);
      setSummary(null);
      setNotice('已恢复自动匹配（已保存，同事那里也一样）。');
    },
    [session, portalKey],
  );
  const learnedKeys = useMemo(() => new Set(Object.keys(learned)), [learned]);
  // The rows of the page as it is now that were filled (by control and blank: pagers reuse controls).
  const filledRows = useMemo(
    () => new Set((scan?.rows ?? []).filter((r) => filled.has(pairOf(r.key, r.slotId))).map((r) => r.key)),
    [scan, filled],
  );
  filledKeysRef.current = filledRows;
  const remaining = useMemo(() => {
    if (!scan?.progress || !active) return 0;
    const withValue = active.slots
      .filter((s) => {
        const v = values.get(s.id)?.value;
        return v !== null && v !== undefined && v !== '';
      })
      .map((s) => s.id);
    return remainingSlots(stepLogs.current, withValue).length;
  }, [scan, active, values]);
  // The differences still waiting for 覆盖 / 保留, named as the product names their blanks.
  const differences = useMemo((): Difference[] => {
    if (!differing || !scan || !active) return [];
    const slots = new Map(active.slots.map((s) => [s.id, s]));
    return scan.rows.flatMap((r): Difference[] => {
      const d = differing.get(r.key);
      const slot = r.slotId ? slots.get(r.slotId) : undefined;
      if (!d || kept.has(r.key) || !slot) return [];
      return [{ key: r.key, name: blankTitles(active.slots, slot).name, pageLabel: r.label, ...d }];
    });
  }, [differing, kept, scan, active]);
  const differsSet = useMemo(() => (differing ? new Set(differing.keys()) : undefined), [differing]);
  const replaceWith = (keys: string[]) => {
    void runFill(false, keys).then(() => setNotice(`已覆盖 ${keys.length} 项为台账中的数（可撤销）。`));
  };
  const keep = (keys: string[]) => {
    setKept((k) => new Set([...k, ...keys]));
    setNotice(`已保留网页上 ${keys.length} 项原有的内容。`);
  };
  const confirm = useCallback(
    (key: string, on: boolean) =>
      setConfirmed((c) => {
        const next = new Set(c);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );

  return (
    <section className="companion" data-work={work}>
      {active?.kind === 'statistics' && period ? (
        <PeriodPicker
          periods={periods}
          period={period}
          current={current}
          rows={scan?.rows ?? []}
          onChange={(p) => {
            void setSavedPeriods({ ...savedPeriods, [portalKey]: `${p.from}..${p.to}` });
            setSummary(null);
          }}
        />
      ) : null}
      <FillBar
        choice={choice}
        onChoice={setChoice}
        picked={picked}
        candidates={candidates}
        canFill={!!scan && !busy}
        onFill={() => void runFill()}
      />
      {error || agentState.error ? (
        <p className="error-banner">
          <ErrorText message={error || agentState.error || ''} />
        </p>
      ) : null}
      {notice ? <p className="notice">{notice}</p> : null}
      {summary ? (
        <FillSummary
          counts={summary}
          differences={differences}
          onReplace={replaceWith}
          onKeep={keep}
          onUndo={() => void undo()}
          busy={busy}
          liaison={active?.kind === 'liaison'}
        />
      ) : null}
      {!summary && filled.size ? (
        // A correction or a new period clears the summary, not what was filled: 撤销 stays at hand.
        <p className="notice undo-line">
          网页上有 {filled.size} 项是填报助手填写的。
          <button type="button" className="small" onClick={() => void undo()} disabled={busy}>
            撤销
          </button>
        </p>
      ) : null}
      {scan?.progress ? (
        <StepProgress progress={scan.progress} logs={stepLogs.current} remaining={remaining} />
      ) : null}
      {!scan && !error ? <p className="loading">正在读取页面上的填报项…</p> : null}
      {scan?.foreignFrames ? (
        <p className="notice small-text">
          此页面中有 {scan.foreignFrames}{' '}
          个来自其他网站的框架，其中的输入框无法读取，请在框架页面单独打开后填写。
        </p>
      ) : null}
      {scan && active ? (
        <FieldGroups
          rows={scan.rows}
          template={active}
          values={shownValues}
          confirmed={confirmed}
          filled={filledRows}
          differs={differsSet}
          learned={learnedKeys}
          onConfirm={confirm}
          onCorrect={correct}
          onRestore={restore}
        />
      ) : null}
    </section>
  );
}
