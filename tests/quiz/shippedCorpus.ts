/**
 * The shipped corpus run through the real ingest (loaders → structure → chunking → index, with the
 * quiz builder attached) into a throwaway index, for the quiz tests.
 */
import path from "node:path";
import { ingestCorpus } from "../../src/index/ingest.js";
import { loadIndex, type LoadedIndex, type StoredPassage } from "../../src/index/store.js";
import { buildQuizBank } from "../../src/quiz/generate.js";
import { makeTempDir } from "../support/fixtures.js";
import { copyShippedCorpus } from "../support/shippedCorpus.js";

/** Ingests the shipped documents (copied to a temp folder) into a temp index; `cleanup` removes both. */
export async function ingestShippedCorpus(): Promise<{ index: LoadedIndex; cleanup: () => Promise<void> }> {
  const { dir: root, cleanup } = await makeTempDir("quiz-index");
  const corpusDir = path.join(root, "corpus");
  const dir = path.join(root, "index");
  await copyShippedCorpus(corpusDir);
  await ingestCorpus({ corpusDir, indexDir: dir, maxFileBytes: 20 * 1024 * 1024, efSearch: 50, buildQuiz: (passages) => buildQuizBank(passages) });
  return { index: await loadIndex(dir, { efSearch: 50 }), cleanup };
}

/** A passage made up for a test, shaped like an indexed one. */
export function makePassage(text: string, over: Partial<StoredPassage> = {}): StoredPassage {
  const order = over.order ?? 0;
  const docId = over.docId ?? "test-doc";
  return { id: `${docId}#${order}`, docId, title: "Tài liệu thử", section: "Kết quả", paragraph: order + 1, page: null, order, text, context: "Kết quả", label: order, ...over };
}
