/**
 * Composition helpers shared by the entry points (bot, CLI scripts): running an ingest with the quiz
 * builder attached, and making sure an index exists before serving.
 */
import { createTesseractReader } from "../corpus/ocr.js";
import { ingestCorpus, type IngestSummary } from "../index/ingest.js";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describeError } from "../errors.js";
import { corpusDrift, describeDrift, hasDrift, type CorpusDrift } from "../index/freshness.js";
import { indexFormatMatches, readCurrentManifest } from "../index/store.js";
import { buildQuizBank } from "../quiz/generate.js";
import type { Config } from "../config.js";
import { BYTES_PER_MB, type ParseLimits } from "../corpus/limits.js";

/** Paths and limits an ingest needs. */
export interface IngestSettings {
  corpusDir: string;
  indexDir: string;
  maxFileMb: number;
  /** HNSW search width override (HNSW_EF_SEARCH); unset: measured at ingest. */
  efSearch?: number | undefined;
  /** Ingest worker threads (INGEST_WORKERS); unset: one per core beyond the first. */
  workers?: number | undefined;
  /** Bounds on what parsing one file may cost (MAX_UNZIPPED_MB, MAX_PDF_PAGES, …). */
  limits: ParseLimits;
  maxPassagesPerFile: number;
  /** Most pages of one file read by OCR (OCR_MAX_PAGES). */
  ocrMaxPages: number;
}

export function ingestSettings(config: Config): IngestSettings {
  return {
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    maxFileMb: config.MAX_FILE_MB,
    efSearch: config.HNSW_EF_SEARCH,
    limits: {
      maxUnzippedBytes: config.MAX_UNZIPPED_MB * BYTES_PER_MB,
      maxUnzipRatio: config.MAX_UNZIP_RATIO,
      maxZipEntries: config.MAX_ZIP_ENTRIES,
      maxPdfPages: config.MAX_PDF_PAGES,
      maxTextChars: config.MAX_TEXT_CHARS,
    },
    maxPassagesPerFile: config.MAX_PASSAGES_PER_FILE,
    ocrMaxPages: config.OCR_MAX_PAGES,
    workers: config.INGEST_WORKERS,
  };
}

/**
 * Runs the ingest with everything derived from passages (the quiz bank) built alongside, and one OCR
 * worker for the whole run (started only if a scan or image needs it, stopped at the end).
 */
export async function runIngest(
  settings: IngestSettings,
  extra: {
    onProgress?: (done: number, total: number, file: string) => void;
    onFileStart?: (file: string) => void;
    /** Called before each page read by OCR. */
    onOcrPage?: (file: string, page: number, pages: number) => void;
    full?: boolean;
  } = {},
): Promise<IngestSummary> {
  const reader = createTesseractReader();
  let summary: IngestSummary;
  try {
    summary = await ingestCorpus({
      corpusDir: settings.corpusDir,
      indexDir: settings.indexDir,
      maxFileBytes: settings.maxFileMb * BYTES_PER_MB,
      efSearch: settings.efSearch,
      workers: settings.workers,
      limits: settings.limits,
      maxPassagesPerFile: settings.maxPassagesPerFile,
      buildQuiz: (passages) => buildQuizBank(passages),
      ocr: { reader, maxPages: settings.ocrMaxPages, ...(extra.onOcrPage ? { onPage: extra.onOcrPage } : {}) },
      ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
      ...(extra.onFileStart ? { onFileStart: extra.onFileStart } : {}),
      ...(extra.full ? { full: true } : {}),
    });
  } finally {
    await reader.close();
  }
  await writeIngestReport(settings.indexDir, summary);
  return summary;
}

/** A line ensureIndex has for the person starting the program (the terminal, or the bot's log). */
export interface IndexNotice {
  /** `warning`: the index in service may be out of date, and the line says why and what to do. */
  level: "info" | "warning";
  message: string;
}

/**
 * Makes sure the index serves what the corpus folder holds: builds it when there is none (or it was
 * written by another version of the program), and runs the incremental ingest when documents were
 * added, changed or removed since it was built (announced through `notify`). When the corpus folder
 * cannot be read, or the refresh fails, the existing index keeps serving and `notify` gets a warning.
 * Returns the ingest's summary, or null when no ingest ran.
 */
export async function ensureIndex(settings: IngestSettings, notify: (notice: IndexNotice) => void = () => undefined): Promise<IngestSummary | null> {
  const manifest = await readCurrentManifest(settings.indexDir);
  if (!manifest || !(await indexFormatMatches(settings.indexDir))) {
    const built = await runIngest(settings);
    // (An index written by another version of the program, or with another lexicon, is built again.)
    const done = manifest ? "Đã lập lại chỉ mục cho phiên bản này của chương trình" : "Đã lập chỉ mục lần đầu";
    notify({ level: "info", message: `${done}: ${built.documents} tài liệu, ${built.passages} đoạn.` });
    return built;
  }
  let drift: CorpusDrift;
  try {
    drift = await corpusDrift(settings.corpusDir, manifest);
  } catch (err) {
    const cause = err instanceof Error && err.cause !== undefined ? describeError(err.cause) : describeError(err);
    notify({
      level: "warning",
      message: `⚠️  CORPUS_DIR "${settings.corpusDir}" không đọc được (${cause}). Vẫn dùng chỉ mục cũ (${manifest.documents.length} tài liệu, lập lúc ${manifest.builtAt}), có thể đã lỗi thời: hãy sửa CORPUS_DIR trong .env hoặc tạo lại thư mục đó.`,
    });
    return null;
  }
  if (!hasDrift(drift)) return null;
  notify({ level: "info", message: `Thư mục tài liệu "${settings.corpusDir}" đã thay đổi so với chỉ mục (${describeDrift(drift)}): đang cập nhật chỉ mục…` });
  try {
    return await runIngest(settings);
  } catch (err) {
    notify({ level: "warning", message: `⚠️  Không cập nhật được chỉ mục: ${describeError(err)}. Vẫn dùng chỉ mục cũ (${manifest.documents.length} tài liệu).` });
    return null;
  }
}

/** The file in INDEX_DIR holding the last ingest's summary with every file name (the printed one is cut short). */
export const INGEST_REPORT_FILE = "last-ingest.json";

/** File names listed per outcome in a summary before "… and N more". */
export const SUMMARY_NAMES_SHOWN = 5;

/** "1 document", "2 documents". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Short human summary of an ingest, for the CLI and the bot: counts by outcome and the first few names of
 * each (all of them with `verbose`); the full lists are in INDEX_DIR/last-ingest.json.
 */
export function describeIngest(s: IngestSummary, options: { verbose?: boolean } = {}): string[] {
  const shown = options.verbose ? Number.POSITIVE_INFINITY : SUMMARY_NAMES_SHOWN;
  const names = (list: readonly string[]): string =>
    list.length <= shown ? list.join(", ") : `${list.slice(0, shown).join(", ")} … and ${list.length - shown} more`;
  const lines = [
    `${s.mode === "unchanged" ? "Index unchanged" : `Index ${s.mode === "full" ? "built" : "updated"}`} (${s.generation}) in ${s.ms} ms: ${plural(s.documents, "document")}, ${plural(s.passages, "passage")}.`,
  ];
  if (s.added.length) lines.push(`Added ${s.added.length}: ${names(s.added)}`);
  if (s.updated.length) lines.push(`Updated ${s.updated.length}: ${names(s.updated)}`);
  if (s.removed.length) lines.push(`Removed ${s.removed.length}: ${names(s.removed)}`);
  if (s.unchanged) lines.push(`Unchanged: ${plural(s.unchanged, "file")}, not re-read.`);
  if (s.skipped.length) {
    lines.push(`Skipped ${s.skipped.length}:`);
    for (const f of s.skipped.slice(0, shown)) lines.push(`  ${f.path}: ${f.reason} [${f.code}]`);
    if (s.skipped.length > shown) lines.push(`  … and ${s.skipped.length - shown} more`);
  }
  lines.push(`Quiz bank: ${plural(s.quiz.questions, "question")} (${s.quiz.dropped} dropped by validation).`);
  const cut = [s.added, s.updated, s.removed, s.skipped].some((list) => list.length > shown);
  if (cut) lines.push(`Every file name: ${INGEST_REPORT_FILE} in the index folder (or run with --verbose).`);
  return lines;
}

/** Writes the summary, with every file name, to INDEX_DIR/last-ingest.json (best effort: the index is already in service). */
async function writeIngestReport(indexDir: string, summary: IngestSummary): Promise<void> {
  await writeFile(path.join(indexDir, INGEST_REPORT_FILE), `${JSON.stringify({ finishedAt: new Date().toISOString(), ...summary }, null, 1)}\n`).catch(() => undefined);
}
