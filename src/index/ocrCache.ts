/**
 * The OCR cache of an index folder (`INDEX_DIR/ocr-cache`): one small text file per page read by OCR,
 * named by the scanned file's content hash, so that an unchanged scan is never read twice, even by a
 * full rebuild or after the file was renamed. Entries of files no longer in the corpus are pruned after
 * each ingest.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OcrCache } from "../corpus/scans.js";

/** Sub-folder of the index folder holding the cache. */
export const OCR_CACHE_DIR = "ocr-cache";

const SAFE_KEY = /^[A-Za-z0-9._-]+$/u;

/** A cache in `dir`; a missing or unreadable entry is simply a miss, and a failed write is not fatal. */
export function fileOcrCache(dir: string): OcrCache {
  const file = (key: string): string => {
    if (!SAFE_KEY.test(key)) throw new Error(`OCR cache key "${key}" is not a plain file name`);
    return path.join(dir, `${key}.txt`);
  };
  return {
    async get(key) {
      return readFile(file(key), "utf8").catch(() => null);
    },
    async set(key, text) {
      try {
        await mkdir(dir, { recursive: true });
        // Written beside and renamed, so a reader never sees half an entry.
        const temporary = path.join(dir, `.${key}.${randomBytes(3).toString("hex")}`);
        await writeFile(temporary, text);
        await rename(temporary, file(key));
      } catch {
        // A cache that cannot be written only costs a second OCR read next time.
      }
    },
  };
}

/** Removes the entries of files whose content hash is not in `keepHashes` (and leftover temporary files). */
export async function pruneOcrCache(dir: string, keepHashes: ReadonlySet<string>): Promise<number> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const stale = entries.filter((entry) => entry.startsWith(".") || !keepHashes.has(entry.split(".")[0] ?? ""));
  await Promise.all(stale.map((entry) => rm(path.join(dir, entry), { force: true })));
  return stale.length;
}
