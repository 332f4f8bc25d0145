/**
 * What `npm run calibrate` knows of its labelled sets beyond the questions: the documents each set is asked
 * about, and which document a question is about (for leaving documents out).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { EvalQuestion } from "../src/qa/evaluate.js";
import type { RetrievedQuestion } from "../src/qa/engine.js";

/** A labelled question; a set may name the file of its document. */
export type Labelled = EvalQuestion & { doc?: string };

/** A labelled set: its file, whether it may be fitted on, its questions (conversations left out). */
export interface LabelledSet {
  file: string;
  tunable: boolean;
  questions: Labelled[];
}

const EXTRA = "../shared/corpus-extra";
const MORE = "../shared/corpus-more";
const FGH = ["eval/corpus-heldout-f", "eval/corpus-heldout-g", "eval/corpus-heldout-h"];

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
  "tune-f.jsonl": FGH,
  "heldout-f.jsonl": FGH,
  "heldout-g.jsonl": FGH,
  "heldout-h.jsonl": FGH,
};

/** The documents a set is asked about: its entry above, else `eval/corpus-<name>`; null when they are not here. */
export function documentsOfSet(file: string): readonly string[] | null {
  const name = path.basename(file);
  const folders = SET_DOCUMENTS[name] ?? [path.join(path.dirname(file), `corpus-${name.replace(/\.jsonl$/, "")}`)];
  return folders.every((f) => existsSync(f)) ? folders : null;
}

/** Every document folder or file the sets are asked about, once, leaving out those inside another. */
export function documentsOfSets(files: readonly string[]): string[] {
  const all = [...new Set(files.flatMap((f) => documentsOfSet(f) ?? []))];
  return all.filter((p) => !all.some((q) => q !== p && p.startsWith(`${q}/`)));
}

/**
 * The document (its docId) a question is about: the one its set names, else the one whose passage holds the
 * source, else (unanswerables) the one its best passage comes from.
 */
export function questionDocument(q: Labelled, retrieved: RetrievedQuestion): string | undefined {
  const { index } = retrieved;
  const named = q.doc ? index.manifest.documents.find((d) => path.basename(d.path) === q.doc)?.docId : undefined;
  const source = q.source?.normalize("NFC");
  const bySource = source ? index.passages.find((p) => p.text.normalize("NFC").includes(source))?.docId : undefined;
  return named ?? bySource ?? retrieved.hits[0]?.passage.docId;
}
