/** An engine over a throwaway corpus built from texts, for tests of answering on documents made in code. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ingestCorpus } from "../../src/index/ingest.js";
import { QaEngine, type EngineOptions } from "../../src/qa/engine.js";
import { makeTempDir } from "./fixtures.js";

/**
 * Writes `files` (name → text) into a fresh corpus folder, ingests it and opens an engine over it;
 * `cleanup` deletes the folder (set KEEP_TMP to keep it and print where it is).
 */
export async function engineOver(prefix: string, files: Record<string, string>, options: Partial<EngineOptions> = {}): Promise<{ engine: QaEngine; cleanup: () => Promise<void> }> {
  const tmp = await makeTempDir(prefix);
  const corpusDir = path.join(tmp.dir, "corpus");
  await mkdir(corpusDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(corpusDir, name), text);
  await ingestCorpus({ corpusDir, indexDir: path.join(tmp.dir, "index"), maxFileBytes: 1 << 20, efSearch: 50 });
  const engine = await QaEngine.open(path.join(tmp.dir, "index"), options);
  const cleanup = async (): Promise<void> => {
    if (process.env.KEEP_TMP) console.log(tmp.dir);
    else await tmp.cleanup();
  };
  return { engine, cleanup };
}
