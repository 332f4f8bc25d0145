/**
 * Corpus files for the ingest: listing them, and reading one into its document and passages (or the
 * reason it was skipped). Shared by the ingest and its analysis workers.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { chunkDocument } from "../corpus/chunk.js";
import { checkFileSize, type ParseLimits } from "../corpus/limits.js";
import { loadFile } from "../corpus/loaders.js";
import { readStructure } from "../corpus/document.js";
import type { OcrOptions } from "../corpus/scans.js";
import { SUPPORTED_EXTENSIONS, type DocumentInfo, type LoadedFile } from "../corpus/types.js";
import { AppError, describeError, isAppError } from "../errors.js";
import { stampVouches } from "./stamps.js";
import type { IngestFailure, StoredPassage } from "./store.js";

/**
 * The readable base of a document id: "sub/Điều lệ.md" → "sub/dieu-le". Different paths can share a
 * base ("x.txt" and "X.txt", "Điều lệ.txt" and "dieu-le.txt"): {@link assignDocIds} makes ids unique.
 */
export function docIdFor(relPath: string): string {
  const base = relPath.replace(/\.[^./]+$/, "");
  return base
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .split("/")
    .map((part) => part.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "doc")
    .join("/");
}

/**
 * A unique, stable document id for every path. A path keeps the id it had in the previous index when
 * that id is still free; otherwise it gets its base id ({@link docIdFor}), or, when another path already
 * has that, the base plus a short hash of its own path, which does not depend on what else is in the
 * corpus. Paths are taken in the order given (the corpus order), previous owners first.
 */
export function assignDocIds(paths: readonly string[], previousIds: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const counts = new Map<string, number>();
  for (const p of paths) {
    const prev = previousIds.get(p);
    if (prev !== undefined) counts.set(prev, (counts.get(prev) ?? 0) + 1);
  }
  // Previous ids first, so that an added "X.txt" never takes "x" from the "x.txt" already indexed; an
  // id two paths shared (an index written before ids were unique) is kept by neither.
  for (const p of paths) {
    const prev = previousIds.get(p);
    if (prev !== undefined && counts.get(prev) === 1 && !taken.has(prev)) {
      ids.set(p, prev);
      taken.add(prev);
    }
  }
  for (const p of paths) {
    if (ids.has(p)) continue;
    const base = docIdFor(p);
    let id = base;
    for (let salt = 0; taken.has(id); salt++) id = `${base}-${createHash("sha256").update(`${salt}:${p}`).digest("hex").slice(0, 6)}`;
    ids.set(p, id);
    taken.add(id);
  }
  return ids;
}

/**
 * Files under the corpus folder, sorted, with paths relative to it; hidden files are ignored. Linked
 * folders and files are followed (a folder linked twice, or into itself, is read once).
 */
export async function listCorpusFiles(corpusDir: string): Promise<{ supported: string[]; unsupported: string[] }> {
  const supported: string[] = [];
  const unsupported: string[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const abs = path.join(dir, entry.name);
      const rel = path.relative(corpusDir, abs).split(path.sep).join("/");
      const target = entry.isSymbolicLink() ? await stat(abs).catch(() => null) : entry;
      if (target?.isDirectory()) await walk(abs);
      else if (target?.isFile()) ((SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase()) ? supported : unsupported).push(rel);
    }
  };
  try {
    await walk(corpusDir);
  } catch (err) {
    throw new AppError("INGEST_NOTHING", `Corpus folder ${corpusDir} cannot be read (${describeError(err)}): set CORPUS_DIR or pass --corpus`, { cause: err });
  }
  return { supported, unsupported };
}

/** A document read and chunked. */
export interface ParsedDoc {
  info: DocumentInfo;
  passages: Omit<StoredPassage, "label">[];
}

/** How one file is read: its id and the bounds on what reading it may cost. */
export interface ReadFileOptions {
  docId: string;
  maxFileBytes: number;
  /** Bounds checked before and after extraction (corpus/limits.ts); the loader's defaults when absent. */
  limits?: ParseLimits;
  /** Most passages one file may yield; more is refused (the file is skipped with the reason). */
  maxPassages?: number;
  /** OCR for scanned PDF pages and images; without it they are skipped. */
  ocr?: OcrOptions;
  /**
   * When the previous index was written (ms since the epoch): a file whose size and time still match its
   * record from then, and predate it, is kept without being read (freshness.ts `stampVouches`). Absent:
   * every file is read and hashed.
   */
  previousWrittenAtMs?: number;
}

async function parseFile(corpusDir: string, rel: string, hash: string, opts: ReadFileOptions): Promise<ParsedDoc> {
  const loaded = await loadFile(path.join(corpusDir, rel), { maxBytes: opts.maxFileBytes, ...(opts.limits ? { limits: opts.limits } : {}), ...(opts.ocr ? { ocr: opts.ocr } : {}) });
  const { title, header, headerText, blocks } = readStructure(loaded, path.basename(rel));
  const docId = opts.docId;
  const passages = markScanned(chunkDocument(blocks, { docId, title, headerText }), loaded);
  if (passages.length === 0) throw new AppError("FILE_EMPTY", `${path.basename(rel)} has no usable text after cleaning`);
  if (opts.maxPassages !== undefined && passages.length > opts.maxPassages) {
    throw new AppError("FILE_TOO_LARGE", `${path.basename(rel)} yields ${passages.length} passages, over the limit of ${opts.maxPassages} per file (MAX_PASSAGES_PER_FILE): split it into smaller files`);
  }
  return { info: { docId, title, path: rel, format: loaded.format, hash, passages: passages.length, header }, passages };
}

/** Flags the passages that stand on a page read by OCR (every passage of an image). */
function markScanned<T extends { page: number | null }>(passages: T[], loaded: LoadedFile): T[] {
  const scanned = new Set(loaded.scannedPages ?? []);
  if (scanned.size === 0) return passages;
  // Only PDF passages know their page; an image is a single scanned page.
  return passages.map((p) => (p.page === null || scanned.has(p.page) ? { ...p, isScanned: true } : p));
}

/** Files read and parsed at the same time. */
export const FILE_CONCURRENCY = 4;

/** What became of one corpus file. */
export type FileOutcome =
  | { kind: "kept"; info: DocumentInfo }
  | { kind: "added" | "updated"; doc: ParsedDoc }
  | { kind: "skipped"; failure: IngestFailure };

/**
 * Reads one corpus file: kept as it was when its hash matches `previous`, else parsed into passages
 * (scanned pages and images read with `ocr`); a file that cannot be used becomes a skip with its reason.
 */
export async function readCorpusFile(corpusDir: string, rel: string, opts: ReadFileOptions, previous: DocumentInfo | undefined): Promise<FileOutcome> {
  // Taken before reading: a file changed while it is read looks changed at the next start-up.
  let stamp: { size: number; mtimeMs: number } | Record<string, never> = {};
  try {
    const abs = path.join(corpusDir, rel);
    const { size, mtimeMs } = await stat(abs);
    stamp = { size, mtimeMs };
    if (previous && opts.previousWrittenAtMs !== undefined && previous.docId === opts.docId && stampVouches(previous, stamp, opts.previousWrittenAtMs)) return { kind: "kept", info: previous };
    checkFileSize(path.basename(rel), size, opts.maxFileBytes);
    const hash = createHash("sha256").update(await readFile(abs)).digest("hex");
    // A file whose id changed (it collided with another in an older index) is read again under its new id.
    if (previous && previous.hash === hash && previous.docId === opts.docId) return { kind: "kept", info: { ...previous, ...stamp } };
    const doc = await parseFile(corpusDir, rel, hash, opts);
    return { kind: previous ? "updated" : "added", doc: { ...doc, info: { ...doc.info, ...stamp } } };
  } catch (err) {
    return { kind: "skipped", failure: { path: rel, code: isAppError(err) ? err.code : "FILE_UNREADABLE", reason: isAppError(err) ? describeError(err) : `${rel} could not be read (${describeError(err)})`, ...stamp } };
  }
}
