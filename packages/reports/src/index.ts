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
