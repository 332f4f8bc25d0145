/**
 * The documents the repository ships in `corpus/`, by name. Tests copy exactly these into their own temp
 * folders, so an admin who adds documents to `corpus/` (as the README tells them to) changes no test's
 * outcome.
 */
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";

/** The repository's corpus folder (read only by tests, through {@link SHIPPED_DOCUMENT}). */
const REPO_CORPUS_DIR = path.resolve(import.meta.dirname, "../../corpus");

/** File names of the shipped documents, relative to `corpus/`. */
export const SHIPPED_DOCUMENTS = ["ket-qua-va-kinh-nghiem-thuc-hien-nghi-quyet-22-o-dak-lak.txt"] as const;

/** Absolute path of the one shipped article (questions, quiz and e2e tests are written against it). */
export const SHIPPED_DOCUMENT = path.join(REPO_CORPUS_DIR, SHIPPED_DOCUMENTS[0]);

/** Copies the shipped documents (and nothing else from `corpus/`) into `dir`, creating it. */
export async function copyShippedCorpus(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of SHIPPED_DOCUMENTS) await copyFile(path.join(REPO_CORPUS_DIR, name), path.join(dir, name));
}
