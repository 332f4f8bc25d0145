/**
 * A file's stamp (size and modification time), and when it can stand for the file's content: the
 * start-up check (freshness.ts) and an update ingest (corpusFiles.ts) read only files whose stamp cannot.
 */

/** A file's size and modification time, as `stat` gives them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** True when `a` and `b` record the same size and time (a missing record never matches). */
export function sameStamp(a: Partial<FileStamp>, b: Partial<FileStamp>): boolean {
  return a.size !== undefined && a.size === b.size && a.mtimeMs !== undefined && a.mtimeMs === b.mtimeMs;
}

/** The coarsest modification-time step of the file systems a corpus may sit on (FAT: 2 s). */
const MTIME_RESOLUTION_MS = 2_000;

/**
 * True when a file's stamp now vouches for the content recorded with it: the same size and time, and a
 * time clearly before the index was written (`writtenAtMs`). A file changed in the same tick as it was
 * read keeps its old stamp, so a recent one vouches for nothing (git's "racily clean" entries); without a
 * write time, the stamp alone decides.
 */
export function stampVouches(recorded: Partial<FileStamp>, now: FileStamp, writtenAtMs?: number): boolean {
  if (!sameStamp(recorded, now)) return false;
  return writtenAtMs === undefined || Number.isNaN(writtenAtMs) || now.mtimeMs + MTIME_RESOLUTION_MS < writtenAtMs;
}
