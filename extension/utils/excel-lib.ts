import { useEffect, useState } from 'react';

/**
 * @tianbao/excel (exceljs inside) is loaded when the Excel tab is first used, not with the dashboard: it is
 * larger than the rest of the page together. Once loaded it is kept, so the tab opens at once next time.
 */
let loaded: ExcelLib | null = null;
export const loadExcel = async (): Promise<ExcelLib> => {
  loaded ??= await import('@tianbao/excel');
  return loaded;
};
export type ExcelLib = typeof import('@tianbao/excel');

export function useExcelLib(): ExcelLib | null {
  const [lib, setLib] = useState<ExcelLib | null>(loaded);
  useEffect(() => {
    let live = true;
    if (!lib) void loadExcel().then((m) => live && setLib(m));
    return () => {
      live = false;
    };
  }, [lib]);
  return lib;
}
