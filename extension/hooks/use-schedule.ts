import { type LogSchedule, logSchedule, type ReportingPeriod, reportingPeriods } from '@tianbao/core';
import { useMemo } from 'react';
import { useLogRevision, useOpenLog } from './use-log';

/** The log's schedule (the notice's, with the unit's 截止日期 edits) and its reporting periods, kept current. */
export function useSchedule(): { schedule: LogSchedule; periods: ReportingPeriod[] } {
  const { session, template } = useOpenLog();
  const rev = useLogRevision();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  return useMemo(() => {
    const schedule = logSchedule(session.log, template);
    return { schedule, periods: reportingPeriods(schedule) };
  }, [session, template, rev]);
}
