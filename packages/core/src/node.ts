// Node-only parts (file system), kept out of the browser bundle's entry.
export { FileStorage } from './storage/file-storage.ts';
export { openLogFile, writeLogFile } from './storage/log-file.ts';
