/**
 * Composition helpers shared by the entry points (bot, CLI scripts): running an ingest with the quiz
 * builder attached, and making sure an index exists before serving.
 */
import { ingestCorpus, type IngestSummary } from "./index/ingest.js";
import { currentGeneration, indexFormatMatches } from "./index/store.js";
import { buildQuizBank } from "./quiz/generate.js";
import type { Config } from "./config.js";

/** Paths and limits an ingest needs. */
export interface IngestSettings {
  corpusDir: string;
  indexDir: string;
  maxFileMb: number;
  /** HNSW search width override (HNSW_EF_SEARCH); unset: measured at ingest. */
  efSearch?: number | undefined;
  /** Ingest worker threads (INGEST_WORKERS); unset: one per core beyond the first. */
  workers?: number | undefined;
}

export function ingestSettings(config: Config): IngestSettings {
  return { corpusDir: config.CORPUS_DIR, indexDir: config.INDEX_DIR, maxFileMb: config.MAX_FILE_MB, efSearch: config.HNSW_EF_SEARCH, workers: config.INGEST_WORKERS };
}

/** Runs the ingest with everything derived from passages (the quiz bank) built alongside. */
export async function runIngest(
  settings: IngestSettings,
  extra: { onProgress?: (done: number, total: number, file: string) => void; full?: boolean } = {},
): Promise<IngestSummary> {
  return ingestCorpus({
    corpusDir: settings.corpusDir,
    indexDir: settings.indexDir,
    maxFileBytes: settings.maxFileMb * 1024 * 1024,
    efSearch: settings.efSearch,
    workers: settings.workers,
    buildQuiz: (passages) => buildQuizBank(passages),
    ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
    ...(extra.full ? { full: true } : {}),
  });
}

/**
 * Builds the index when none exists yet, or when the one there was written by another version of the
 * program (after an upgrade). Returns the summary, or null when the index was already usable.
 */
export async function ensureIndex(settings: IngestSettings): Promise<IngestSummary | null> {
  if ((await currentGeneration(settings.indexDir)) && (await indexFormatMatches(settings.indexDir))) return null;
  return runIngest(settings);
}

/** One-paragraph human summary of an ingest, for the CLI and the bot. */
export function describeIngest(s: IngestSummary): string[] {
  const lines = [
    `${s.mode === "unchanged" ? "Index unchanged" : `Index ${s.mode === "full" ? "built" : "updated"}`} (${s.generation}) in ${s.ms} ms: ${s.documents} documents, ${s.passages} passages.`,
  ];
  if (s.added.length) lines.push(`Added: ${s.added.join(", ")}`);
  if (s.updated.length) lines.push(`Updated: ${s.updated.join(", ")}`);
  if (s.removed.length) lines.push(`Removed: ${s.removed.join(", ")}`);
  if (s.unchanged) lines.push(`Unchanged: ${s.unchanged} file(s), not re-read.`);
  lines.push(`Quiz bank: ${s.quiz.questions} questions (${s.quiz.dropped} dropped by validation).`);
  for (const f of s.skipped) lines.push(`Skipped ${f.path}: ${f.reason} [${f.code}]`);
  return lines;
}
