/**
 * Corpus files for the ingest: listing them, and reading one into its document and passages (or the
 * reason it was skipped). Shared by the ingest and its analysis workers.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { chunkDocument } from "../corpus/chunk.js";
import { loadFile } from "../corpus/loaders.js";
import { pickTitle, toBlocks } from "../corpus/structure.js";
import { SUPPORTED_EXTENSIONS, type DocumentInfo } from "../corpus/types.js";
import { AppError, describeError, isAppError } from "../errors.js";
import type { IngestFailure, StoredPassage } from "./store.js";

/** A stable document id from its path: "sub/Điều lệ.md" → "sub/dieu-le". */
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

/** Files under the corpus folder, sorted, with paths relative to it; hidden files are ignored. */
export async function listCorpusFiles(corpusDir: string): Promise<{ supported: string[]; unsupported: string[] }> {
  const supported: string[] = [];
  const unsupported: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const abs = path.join(dir, entry.name);
      const rel = path.relative(corpusDir, abs).split(path.sep).join("/");
      if (entry.isDirectory()) await walk(abs);
      else if (entry.isFile()) ((SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase()) ? supported : unsupported).push(rel);
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

async function parseFile(corpusDir: string, rel: string, hash: string, maxFileBytes: number): Promise<ParsedDoc> {
  const loaded = await loadFile(path.join(corpusDir, rel), { maxBytes: maxFileBytes });
  const blocks = toBlocks(loaded);
  const docId = docIdFor(rel);
  const title = pickTitle(blocks, path.basename(rel));
  const passages = chunkDocument(blocks, { docId, title });
  if (passages.length === 0) throw new AppError("FILE_EMPTY", `${path.basename(rel)} has no usable text after cleaning`);
  return { info: { docId, title, path: rel, format: loaded.format, hash, passages: passages.length }, passages };
}

/** Files read and parsed at the same time. */
export const FILE_CONCURRENCY = 4;

/** What became of one corpus file. */
export type FileOutcome =
  | { kind: "kept"; info: DocumentInfo }
  | { kind: "added" | "updated"; doc: ParsedDoc }
  | { kind: "skipped"; failure: IngestFailure };

/**
 * Reads one corpus file: kept as it was when its hash matches `previous`, else parsed into passages;
 * a file that cannot be used becomes a skip with its reason.
 */
export async function readCorpusFile(corpusDir: string, rel: string, maxFileBytes: number, previous: DocumentInfo | undefined): Promise<FileOutcome> {
  try {
    const abs = path.join(corpusDir, rel);
    const size = (await stat(abs)).size;
    if (size > maxFileBytes) throw new AppError("FILE_TOO_LARGE", `${path.basename(rel)} is ${(size / 1048576).toFixed(1)} MB, over the ${(maxFileBytes / 1048576).toFixed(0)} MB limit (MAX_FILE_MB)`);
    const hash = createHash("sha256").update(await readFile(abs)).digest("hex");
    if (previous && previous.hash === hash) return { kind: "kept", info: previous };
    return { kind: previous ? "updated" : "added", doc: await parseFile(corpusDir, rel, hash, maxFileBytes) };
  } catch (err) {
    return { kind: "skipped", failure: { path: rel, code: isAppError(err) ? err.code : "FILE_UNREADABLE", reason: describeError(err) } };
  }
}
