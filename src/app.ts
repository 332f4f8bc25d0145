/**
 * Composition helpers shared by the entry points (bot, CLI scripts): running an ingest with the quiz
 * builder attached, and making sure an index exists before serving.
 */
import { ingestCorpus, type IngestSummary } from "./index/ingest.js";
import { describeError } from "./errors.js";
import { corpusDrift, describeDrift, hasDrift, type CorpusDrift } from "./index/freshness.js";
import { indexFormatMatches, readCurrentManifest } from "./index/store.js";
import { buildQuizBank } from "./quiz/generate.js";
import type { Config } from "./config.js";

/** Paths and limits an ingest needs. */
export interface IngestSettings {
  corpusDir: string;
  indexDir: string;
  maxFileMb: number;
  efSearch: number;
}

export function ingestSettings(config: Config): IngestSettings {
  return { corpusDir: config.CORPUS_DIR, indexDir: config.INDEX_DIR, maxFileMb: config.MAX_FILE_MB, efSearch: config.HNSW_EF_SEARCH };
}

/**
 * Quiz generation compares every fact with every number in its input, so its cost grows with the square
 * of the corpus (minutes at 10,000 passages): it draws from at most this many passages.
 */
export const QUIZ_MAX_PASSAGES = 1_500;

/** An even, deterministic spread of at most QUIZ_MAX_PASSAGES passages over the whole corpus. */
export function quizSample<T>(passages: readonly T[], max = QUIZ_MAX_PASSAGES): readonly T[] {
  if (passages.length <= max) return passages;
  const step = passages.length / max;
  return Array.from({ length: max }, (_, i) => passages[Math.floor(i * step)] as T);
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
    buildQuiz: (passages) => buildQuizBank(quizSample(passages)),
    ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
    ...(extra.full ? { full: true } : {}),
  });
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
    notify({ level: "info", message: `Đã lập chỉ mục lần đầu: ${built.documents} tài liệu, ${built.passages} đoạn.` });
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
