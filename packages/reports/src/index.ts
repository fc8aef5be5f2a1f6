export { blankLabel, chineseNumber, figureWords } from './figure-words.ts';
export { mediaProblems } from './media-check.ts';
export { inspectMedia, type MediaInfo } from './media-inspect.ts';
export { mp4Size } from './mp4-size.ts';
export {
  type DocumentProperties,
  docxBytes,
  FONTS,
  heading,
  officialDocument,
  paragraph,
  table,
  title,
} from './official-document.ts';
export { collectPeriodMedia, type PeriodMedia, safeFileName } from './period-media.ts';
export {
  type BuildPackOptions,
  buildPeriodPack,
  type PeriodPack,
  type PeriodReportInput,
  periodPackZip,
  periodReportDocx,
  periodReportTitle,
  reportActivity,
} from './period-report.ts';
