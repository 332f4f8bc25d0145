/**
 * Is the index in service still what the corpus folder holds? Compared at start-up, so that documents
 * added, replaced or removed since the last ingest are picked up without the admin remembering to run
 * `npm run ingest`. Cheap when nothing changed: each file is `stat`ed, and only a file whose stamp does
 * not vouch for it (size or time differ from the manifest's record, or the time is that of the ingest
 * itself: stamps.ts) is read and hashed.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { DocumentInfo } from "../corpus/types.js";
import { listCorpusFiles } from "./corpusFiles.js";
import { sameStamp, stampVouches, type FileStamp } from "./stamps.js";
import type { IndexManifest, IngestFailure } from "./store.js";

export type { FileStamp };

/** How the corpus folder differs from the manifest: paths relative to the corpus folder. */
export interface CorpusDrift {
  added: string[];
  removed: string[];
  changed: string[];
}


/** True when the corpus folder and the index disagree. */
export function hasDrift(drift: CorpusDrift): boolean {
  return drift.added.length + drift.removed.length + drift.changed.length > 0;
}

/** "2 thêm, 1 bỏ, 1 sửa": the counts of a drift, in the terminal's words. */
export function describeDrift(drift: CorpusDrift): string {
  return [`${drift.added.length} tệp mới`, `${drift.removed.length} tệp bị bỏ`, `${drift.changed.length} tệp đã sửa`].join(", ");
}

/**
 * True when an ingest found every file exactly as the previous one recorded it (same documents, same
 * failures, same sizes and times), so it need not write a new generation. A touched file or a broken file
 * replaced by another broken one is recorded anew, so the next start-up does not see it as changed again.
 */
export function sameRecords(previous: Pick<IndexManifest, "documents" | "failures">, kept: readonly DocumentInfo[], skipped: readonly IngestFailure[]): boolean {
  const before = new Map<string, Partial<FileStamp>>([...previous.documents, ...previous.failures].map((f) => [f.path, f]));
  const now = [...kept, ...skipped];
  if (now.length !== before.size) return false;
  return now.every((f) => {
    const old = before.get(f.path);
    if (!old) return false;
    // Unsupported files carry no stamp: only their presence counts.
    return (old.size === undefined && f.size === undefined) || sameStamp(old, f);
  });
}

/**
 * Compares the manifest's record of the corpus with `stamps` (every file in the folder now). Returns the
 * files added and removed, and the documents whose stamp differs (`suspects`: their content decides).
 */
export function compareStamps(
  manifest: Pick<IndexManifest, "documents" | "failures"> & Partial<Pick<IndexManifest, "builtAt">>,
  stamps: ReadonlyMap<string, FileStamp>,
): { added: string[]; removed: string[]; changed: string[]; suspects: DocumentInfo[] } {
  const known = new Set([...manifest.documents, ...manifest.failures].map((f) => f.path));
  const added = [...stamps.keys()].filter((p) => !known.has(p));
  const removed = [...known].filter((p) => !stamps.has(p));
  const changed: string[] = [];
  const suspects: DocumentInfo[] = [];
  const writtenAtMs = manifest.builtAt === undefined ? undefined : Date.parse(manifest.builtAt);
  for (const doc of manifest.documents) {
    const now = stamps.get(doc.path);
    if (!now || stampVouches(doc, now, writtenAtMs)) continue;
    if (doc.size !== undefined && doc.size !== now.size) changed.push(doc.path);
    else suspects.push(doc);
  }
  // A file that failed is worth another try once it changed (an admin replaced a broken PDF).
  for (const failure of manifest.failures) {
    const now = stamps.get(failure.path);
    if (now && failure.size !== undefined && !sameStamp(failure, now)) changed.push(failure.path);
  }
  return { added, removed, changed, suspects };
}

/** How the corpus folder differs from `manifest`. Throws when the folder cannot be read (INGEST_NOTHING). */
export async function corpusDrift(corpusDir: string, manifest: Pick<IndexManifest, "documents" | "failures"> & Partial<Pick<IndexManifest, "builtAt">>): Promise<CorpusDrift> {
  const { supported, unsupported } = await listCorpusFiles(corpusDir);
  const stamps = new Map<string, FileStamp>();
  for (const rel of [...supported, ...unsupported]) {
    try {
      const { size, mtimeMs } = await stat(path.join(corpusDir, rel));
      stamps.set(rel, { size, mtimeMs });
    } catch {
      // Gone between listing and stat: counted as removed.
    }
  }
  const { added, removed, changed, suspects } = compareStamps(manifest, stamps);
  for (const doc of suspects) {
    const bytes = await readFile(path.join(corpusDir, doc.path)).catch(() => null);
    if (bytes === null || createHash("sha256").update(bytes).digest("hex") !== doc.hash) changed.push(doc.path);
  }
  return { added, removed, changed };
}
