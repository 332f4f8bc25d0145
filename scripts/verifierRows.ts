/**
 * The rows `npm run calibrate` fits the answer verifier on (src/qa/verifier.ts): each question set answered
 * from its own documents beside the shipped article — the way `npm run eval` and a new admin's corpus
 * answer them — under the shipped policy with the verifier off. A question's answer features and whether
 * the answer was wrong; its document for leaving documents out.
 */
import { cp, mkdir, symlink } from "node:fs/promises";
import path from "node:path";
import { runIngest, type IngestSettings } from "../src/app/ingestRunner.js";
import type { CalibrationRow } from "../src/qa/calibrate.js";
import { QaEngine } from "../src/qa/engine.js";
import { judge } from "../src/qa/evaluate.js";
import { withPolicy } from "../src/qa/policy.js";
import { documentsOfSet, questionDocument, type LabelledSet } from "./calibrationSets.js";

/** Answers every question of `sets` from an index of its documents (sets asked about the same documents share one), built under `work`. */
export async function verifierRows(settings: IngestSettings, sets: readonly LabelledSet[], work: string): Promise<CalibrationRow[]> {
  const groups = new Map<string, LabelledSet[]>();
  for (const set of sets) {
    const folders = documentsOfSet(set.file);
    if (folders === null) continue;
    const key = JSON.stringify(folders);
    groups.set(key, [...(groups.get(key) ?? []), set]);
  }
  const rows: CalibrationRow[] = [];
  let built = 0;
  for (const [key, members] of groups) {
    const dir = path.join(work, String(built++));
    const corpusDir = path.join(dir, "corpus");
    await mkdir(corpusDir, { recursive: true });
    await cp(settings.corpusDir, path.join(corpusDir, "shipped"), { recursive: true });
    for (const folder of JSON.parse(key) as string[]) await symlink(path.resolve(folder), path.join(corpusDir, path.basename(folder)));
    const indexDir = path.join(dir, "index");
    await runIngest({ ...settings, corpusDir, indexDir });
    const engine = await QaEngine.open(indexDir);
    try {
      // (Documents by file name: the same document has its own docId in each of these indexes.)
      const fileOf = new Map(engine.index.manifest.documents.map((d) => [d.docId, path.basename(d.path)]));
      for (const { file, tunable, questions } of members) {
        for (const q of questions) {
          const retrieved = await engine.retrieve(q.q);
          const result = engine.answer(retrieved, withPolicy({ maxWrongChance: 1 }));
          const doc = fileOf.get(questionDocument(q, retrieved) ?? "") ?? "unknown";
          const verifier = result.abstained || result.features === undefined ? null : { features: result.features, wrong: !judge(q, { ...result, ms: 0 }).correct };
          rows.push({ id: q.id, set: path.basename(file, ".jsonl"), kind: q.kind, doc, correct: [], answered: [], tunable, verifier });
        }
      }
    } finally {
      await engine.close();
    }
    console.error(`calibrate: verifier rows from ${built} of ${groups.size} corpora, ${rows.length} questions`);
  }
  return rows;
}
