/**
 * The rows `npm run calibrate` fits the answer verifier on (src/qa/verifier.ts): each question set answered
 * from its own documents beside the shipped article — the way `npm run eval` and a new admin's corpus
 * answer them — under the shipped policy with the verifier off. A question's answer features and whether
 * the answer was wrong; its document for leaving documents out.
 */
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { runIngest, type IngestSettings } from "../src/app/ingestRunner.js";
import type { CalibrationRow } from "../src/qa/calibrate.js";
import { QaEngine } from "../src/qa/engine.js";
import { judge, parseQuestions, type EvalQuestion } from "../src/qa/evaluate.js";
import { withPolicy } from "../src/qa/policy.js";

const EXTRA = "../shared/corpus-extra";
const MORE = "../shared/corpus-more";

/** Sets whose documents are not the `eval/corpus-<set name>` folder beside them (the shipped article is always indexed). */
const SET_DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
  "questions.jsonl": [],
  "dev.jsonl": [],
  "questions-dieu-le.jsonl": [`${EXTRA}/dieu-le-dang-2011.md`],
  "dev-dieu-le.jsonl": [`${EXTRA}/dieu-le-dang-2011.md`],
  "dev-official.jsonl": [EXTRA],
  "dev-traps.jsonl": [EXTRA],
  "heldout-more-a.jsonl": [EXTRA, MORE],
  "heldout-more-b.jsonl": [EXTRA, MORE],
  "heldout-c.jsonl": [EXTRA, MORE],
  "heldout-d.jsonl": [EXTRA, MORE],
  "heldout-e.jsonl": [EXTRA, MORE],
  "tune-en.jsonl": [EXTRA, MORE],
  "tune-typo.jsonl": [EXTRA, MORE],
  "tune-f.jsonl": ["eval/corpus-heldout-f", "eval/corpus-heldout-g", "eval/corpus-heldout-h"],
  "heldout-f.jsonl": ["eval/corpus-heldout-f", "eval/corpus-heldout-g", "eval/corpus-heldout-h"],
  "heldout-g.jsonl": ["eval/corpus-heldout-f", "eval/corpus-heldout-g", "eval/corpus-heldout-h"],
  "heldout-h.jsonl": ["eval/corpus-heldout-f", "eval/corpus-heldout-g", "eval/corpus-heldout-h"],
};

/** The documents a set is asked about: its entry above, else `eval/corpus-<name>`; null when they are not here. */
export function documentsOfSet(file: string): readonly string[] | null {
  const name = path.basename(file);
  const folders = SET_DOCUMENTS[name] ?? [path.join(path.dirname(file), `corpus-${name.replace(/\.jsonl$/, "")}`)];
  return folders.every((f) => existsSync(f)) ? folders : null;
}

/**
 * Answers every question of `sets` ([file, tunable]) from an index of its documents (sets asked about the
 * same documents share one), built under `work`. Conversations are left out, as in the rest of calibration.
 */
export async function verifierRows(settings: IngestSettings, sets: ReadonlyArray<readonly [string, boolean]>, work: string): Promise<CalibrationRow[]> {
  const groups = new Map<string, Array<readonly [string, boolean]>>();
  for (const set of sets) {
    const folders = existsSync(set[0]) ? documentsOfSet(set[0]) : null;
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
      const documentOf = new Map(engine.index.manifest.documents.map((d) => [d.docId, path.basename(d.path)]));
      for (const [file, tunable] of members) {
        const questions = (parseQuestions(await readFile(file, "utf8")) as Array<EvalQuestion & { doc?: string }>).filter((q) => !("chat" in q));
        for (const q of questions) {
          const retrieved = await engine.retrieve(q.q);
          const result = engine.answer(retrieved, withPolicy({ maxWrongChance: 1 }));
          const source = q.source?.normalize("NFC");
          const bySource = source ? engine.index.passages.find((p) => p.text.normalize("NFC").includes(source))?.docId : undefined;
          const doc = q.doc ?? documentOf.get(bySource ?? retrieved.hits[0]?.passage.docId ?? "") ?? "unknown";
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
