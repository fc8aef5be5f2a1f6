/**
 * The ids that name a log's documents on the relay, `<unitId>/<logId>` and `<unitId>/<logId>.eNN`: one
 * definition for the relay (which refuses any other document name) and for everything that creates or
 * imports a log, so a log the relay would refuse, or a path like `../../etc`, is never created.
 */
const UNIT_ID_SOURCE = '[0-9A-Za-z_-]{1,64}';
/** URL-safe, never starting with a dot (so never `.` or `..`), short enough that `.eNN` still fits. */
const LOG_ID_SOURCE = '[0-9A-Za-z_:-][0-9A-Za-z_.:-]{0,119}';

export const UNIT_ID = new RegExp(`^${UNIT_ID_SOURCE}$`);
export const LOG_ID = new RegExp(`^${LOG_ID_SOURCE}$`);
/** A relay document name: a log's root or one of its shards. */
export const DOCUMENT_NAME = new RegExp(`^(${UNIT_ID_SOURCE})/(${LOG_ID_SOURCE}(?:\\.e\\d{2,3})?)$`);
/** Entry and plan ids (ulids, imported rows' `imp<hex>`): keys of the documents' maps. */
export const RECORD_ID = /^[0-9A-Za-z_-]{1,64}$/;

export const isUnitId = (value: string): boolean => UNIT_ID.test(value);
export const isLogId = (value: string): boolean => LOG_ID.test(value);
