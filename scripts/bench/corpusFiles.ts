/**
 * Writes a synthetic corpus to disk in its documents' formats, and reuses one already written with the
 * same spec (corpora are deterministic, so a cached one is identical).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import PDFDocument from "pdfkit";
import { GENERATOR_VERSION, generateCorpus, learnVocabulary, toHtml, toMarkdown, toText, type SyntheticDoc, type SyntheticFormat, type SyntheticQuestion } from "./synthetic.js";

/** TTF fonts with Vietnamese glyphs; PDFKit's built-in Helvetica cannot write "ệ" or "Đ". */
const VIETNAMESE_FONTS = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
];

export function findVietnameseFont(): string | null {
  return VIETNAMESE_FONTS.find((f) => existsSync(f)) ?? null;
}

async function toDocx(doc: SyntheticDoc): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.HEADING_1 })];
  for (const s of doc.sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs) children.push(new Paragraph({ text: p }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function toPdf(doc: SyntheticDoc, fontPath: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4", margin: 72 });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.font(fontPath).fontSize(12);
  pdf.text(doc.title, { paragraphGap: 14 });
  for (const s of doc.sections) {
    pdf.text(s.heading, { paragraphGap: 14 });
    for (const p of s.paragraphs) pdf.text(p, { paragraphGap: 14 });
  }
  pdf.end();
  return done;
}

/** The bytes of a document in its format. */
export async function renderDocument(doc: SyntheticDoc, fontPath: string | null): Promise<Buffer | string> {
  switch (doc.format) {
    case "txt":
      return toText(doc);
    case "md":
      return toMarkdown(doc);
    case "html":
      return toHtml(doc);
    case "docx":
      return toDocx(doc);
    case "pdf":
      if (fontPath === null) throw new Error("no Vietnamese TTF font for PDF documents");
      return toPdf(doc, fontPath);
  }
}

/** A corpus on disk. */
export interface CorpusOnDisk {
  dir: string;
  corpusDir: string;
  questionsFile: string;
  questions: SyntheticQuestion[];
  documents: number;
  formats: Record<string, number>;
  /** Milliseconds spent generating, 0 when a cached corpus was reused. */
  generatedMs: number;
}

interface CorpusMeta {
  generatorVersion: number;
  passages: number;
  questions: number;
  seed: number;
  formats: SyntheticFormat[];
  documents: number;
  formatCounts: Record<string, number>;
}

/** Generates (or reuses) the corpus for a spec under `root`. */
export async function ensureCorpus(root: string, shippedCorpusDir: string, spec: { passages: number; questions: number; seed: number; pdf: boolean; docx: boolean }): Promise<CorpusOnDisk> {
  const fontPath = findVietnameseFont();
  const formats: SyntheticFormat[] = ["txt", "md", "html"];
  if (spec.docx) formats.push("docx");
  if (spec.pdf && fontPath !== null && spec.docx) formats.push("pdf");
  const name = `n${spec.passages}-q${spec.questions}-s${spec.seed}-${formats.join("")}-v${GENERATOR_VERSION}`;
  const dir = path.join(root, name);
  const corpusDir = path.join(dir, "corpus");
  const questionsFile = path.join(dir, "questions.jsonl");
  const metaFile = path.join(dir, "meta.json");
  const started = performance.now();
  if (existsSync(metaFile)) {
    const meta = JSON.parse(await readFile(metaFile, "utf8")) as CorpusMeta;
    const questions = (await readFile(questionsFile, "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as SyntheticQuestion);
    return { dir, corpusDir, questionsFile, questions, documents: meta.documents, formats: meta.formatCounts, generatedMs: 0 };
  }
  await rm(dir, { recursive: true, force: true });
  const shipped = (await readdir(shippedCorpusDir)).filter((f) => f.endsWith(".txt")).sort();
  const texts = await Promise.all(shipped.map((f) => readFile(path.join(shippedCorpusDir, f), "utf8")));
  const vocab = learnVocabulary(texts);
  const { docs, questions } = generateCorpus({ passages: spec.passages, questions: spec.questions, seed: spec.seed, formats }, vocab);
  const formatCounts: Record<string, number> = {};
  const dirs = new Set(docs.map((d) => path.dirname(d.path)));
  await Promise.all([...dirs].map((d) => mkdir(path.join(corpusDir, d), { recursive: true })));
  // Written in batches: thousands of files at once exhaust file handles.
  for (let i = 0; i < docs.length; i += 64) {
    await Promise.all(
      docs.slice(i, i + 64).map(async (doc) => {
        formatCounts[doc.format] = (formatCounts[doc.format] ?? 0) + 1;
        await writeFile(path.join(corpusDir, doc.path), await renderDocument(doc, fontPath));
      }),
    );
  }
  await writeFile(questionsFile, questions.map((q) => JSON.stringify(q)).join("\n") + "\n");
  const meta: CorpusMeta = { generatorVersion: GENERATOR_VERSION, passages: spec.passages, questions: spec.questions, seed: spec.seed, formats, documents: docs.length, formatCounts };
  // Written last: a corpus without meta.json is incomplete and will be regenerated.
  await writeFile(metaFile, JSON.stringify(meta, null, 1));
  return { dir, corpusDir, questionsFile, questions, documents: docs.length, formats: formatCounts, generatedMs: Math.round(performance.now() - started) };
}
