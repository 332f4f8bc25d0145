/**
 * The lexical index on disk. Version 1 of our own format is JSON with the postings as base64 varint
 * streams (slot gaps and term frequencies), about a fifth of MiniSearch's JSON and decoded without
 * building a Map per term. Files written by MiniSearch (the format before it) still load.
 */
import { readFile } from "node:fs/promises";
import type { CompactIndex, CompactSource } from "./invertedIndex.js";

export const LEXICAL_FORMAT = "tro-ly-lexical";
export const LEXICAL_FORMAT_VERSION = 1;

interface LexicalFileV1 {
  format: typeof LEXICAL_FORMAT;
  version: 1;
  fields: string[];
  documents: number;
  /** Varint labels by slot. */
  labels: string;
  perField: Array<{
    /** Terms with live postings, "\n"-separated, in row order. */
    terms: string;
    /** Varint distinct-term counts by slot. */
    lengths: string;
    /** Varint postings per term. */
    counts: string;
    /** Per posting: varint (slot gap · 2 + (tf > 1)), then varint tf when above 1. */
    postings: string;
  }>;
}

/** MiniSearch's `toJSON` output (serialisation versions 1 and 2). */
interface MiniSearchJson {
  serializationVersion: number;
  documentIds: Record<string, number>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  index: Array<[string, Record<string, Record<string, number> | { ds: Record<string, number> }>]>;
}

class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  /** Writes a non-negative integer below 2^53 as a little-endian base-128 varint. */
  uint(value: number): void {
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }

  /** Writes an integer below 2^32 (postings, counts, lengths): bit operations instead of division. */
  uint32(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    const bytes = this.bytes;
    let v = value >>> 0;
    while (v >= 0x80) {
      bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[this.length++] = v;
  }

  base64(): string {
    return Buffer.from(this.bytes.buffer, 0, this.length).toString("base64");
  }
}

class ByteReader {
  private position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  static fromBase64(text: string): ByteReader {
    return new ByteReader(Buffer.from(text, "base64"));
  }

  uint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (this.position >= this.bytes.length) throw new Error("lexical index: truncated varint stream");
      const byte = this.bytes[this.position++] ?? 0;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
    }
  }
}

/** Serialises a compacted index, one field at a time. */
export function encodeLexicalJson(index: CompactSource, fields: readonly string[]): string {
  const labels = new ByteWriter();
  for (const label of index.labels) labels.uint(label);
  const perField = Array.from({ length: index.fieldCount }, (_, i) => {
    const field = index.field(i);
    const lengths = new ByteWriter();
    for (const length of index.lengths[i] ?? []) lengths.uint32(length);
    const counts = new ByteWriter();
    const postings = new ByteWriter();
    let p = 0;
    for (let t = 0; t < field.terms.length; t++) {
      if ((field.terms[t] ?? "").includes("\n")) throw new Error(`lexical index: a term contains a line break: ${JSON.stringify(field.terms[t])}`);
      const count = field.counts[t] ?? 0;
      counts.uint32(count);
      let previous = -1;
      for (let end = p + count; p < end; p++) {
        const slot = field.docs[p] ?? 0;
        const tf = field.tfs[p] ?? 0;
        // Slots stay below 2^31, so the value fits 32 bits.
        postings.uint32((slot - previous) * 2 + (tf > 1 ? 1 : 0));
        if (tf > 1) postings.uint32(tf);
        previous = slot;
      }
    }
    return { terms: field.terms.join("\n"), lengths: lengths.base64(), counts: counts.base64(), postings: postings.base64() };
  });
  const file: LexicalFileV1 = { format: LEXICAL_FORMAT, version: LEXICAL_FORMAT_VERSION, fields: [...fields], documents: index.labels.length, labels: labels.base64(), perField };
  return JSON.stringify(file);
}

/** Reads a lexical index file: our format (version 1) or MiniSearch's. Throws on anything else. */
export function decodeLexicalJson(json: string, fields: readonly string[]): CompactIndex {
  return decodeParsedLexical(JSON.parse(json), fields);
}

/**
 * Reads a lexical index file (as `decodeLexicalJson`). The file's text is parsed in a function of its own
 * and each field's encoded postings are let go once decoded, so that loading a 100,000-passage index does
 * not hold the text, its parsed strings and the decoded postings all at once (~115 MB of strings that
 * also set the heap size the garbage collector lets the server grow to).
 */
export async function readLexicalFile(file: string, fields: readonly string[]): Promise<CompactIndex> {
  return decodeParsedLexical(await parseJsonFile(file), fields);
}

async function parseJsonFile(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

/** Decodes a parsed lexical index file, consuming it: its encoded strings are emptied as they are read. */
function decodeParsedLexical(value: unknown, fields: readonly string[]): CompactIndex {
  const parsed = value as Partial<LexicalFileV1> & Partial<MiniSearchJson>;
  if (parsed.format === LEXICAL_FORMAT) {
    if (parsed.version !== LEXICAL_FORMAT_VERSION) throw new Error(`lexical index format version ${String(parsed.version)} is not supported (this program reads ${LEXICAL_FORMAT_VERSION})`);
    return decodeV1(parsed as LexicalFileV1, fields);
  }
  if (parsed.serializationVersion === 1 || parsed.serializationVersion === 2) return decodeMiniSearch(parsed as MiniSearchJson, fields);
  throw new Error("lexical index: unknown file format");
}

function decodeV1(file: LexicalFileV1, fields: readonly string[]): CompactIndex {
  if (file.fields.join() !== fields.join()) throw new Error(`lexical index fields ${file.fields.join(",")} differ from ${fields.join(",")}`);
  const n = file.documents;
  const labelReader = ByteReader.fromBase64(file.labels);
  const labels = Array.from({ length: n }, () => labelReader.uint());
  const lengths: number[][] = [];
  const decoded = file.perField.map((field) => {
    lengths.push(Array.from(decodeVarints(field.lengths, n)));
    const terms = field.terms.length > 0 ? field.terms.split("\n") : [];
    const counts = decodeVarints(field.counts, terms.length);
    let total = 0;
    for (let t = 0; t < terms.length; t++) total += counts[t] ?? 0;
    const { docs, tfs } = decodePostings(base64Bytes(field.postings), counts, total, n);
    Object.assign(field, { terms: "", lengths: "", counts: "", postings: "" });
    return { terms, counts, docs, tfs };
  });
  if (decoded.length !== fields.length) throw new Error("lexical index: wrong number of fields");
  return { labels, lengths, fields: decoded };
}

/**
 * The postings stream of one field, decoded in one tight loop (the bulk of loading an index: millions of
 * varints). Postings values stay below 2^32, so 32-bit shifts are safe here.
 */
function decodePostings(bytes: Uint8Array, counts: Uint32Array, total: number, documents: number): { docs: Uint32Array; tfs: Uint16Array } {
  const docs = new Uint32Array(total);
  const tfs = new Uint16Array(total);
  const length = bytes.length;
  let position = 0;
  let p = 0;
  for (let t = 0; t < counts.length; t++) {
    let previous = -1;
    for (let end = p + (counts[t] ?? 0); p < end; p++) {
      // One varint: (slot gap · 2 + (tf > 1)); most are a single byte.
      let byte = bytes[position++] ?? 0;
      let v = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        if (position >= length || shift > 28) throw new Error("lexical index: damaged postings stream");
        byte = bytes[position++] ?? 0;
        v |= (byte & 0x7f) << shift;
      }
      v >>>= 0;
      const slot = previous + (v >>> 1);
      if (slot >= documents) throw new Error("lexical index: posting beyond the last document");
      docs[p] = slot;
      if ((v & 1) === 1) {
        byte = bytes[position++] ?? 0;
        let tf = byte & 0x7f;
        for (let shift = 7; byte >= 0x80; shift += 7) {
          if (position >= length || shift > 28) throw new Error("lexical index: damaged postings stream");
          byte = bytes[position++] ?? 0;
          tf |= (byte & 0x7f) << shift;
        }
        tfs[p] = tf;
      } else tfs[p] = 1;
      previous = slot;
    }
  }
  if (position > length) throw new Error("lexical index: truncated postings stream");
  return { docs, tfs };
}

/** Decoded base64 as a plain Uint8Array (element reads on a Buffer subclass are slower in hot loops). */
function base64Bytes(base64: string): Uint8Array {
  const buffer = Buffer.from(base64, "base64");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** `count` varints (each below 2^32) from a base64 stream. */
function decodeVarints(base64: string, count: number): Uint32Array {
  const bytes = base64Bytes(base64);
  const out = new Uint32Array(count);
  let position = 0;
  for (let i = 0; i < count; i++) {
    let byte = bytes[position++] ?? 0;
    let v = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      if (position >= bytes.length || shift > 28) throw new Error("lexical index: damaged varint stream");
      byte = bytes[position++] ?? 0;
      v |= (byte & 0x7f) << shift;
    }
    out[i] = v >>> 0;
  }
  if (position > bytes.length) throw new Error("lexical index: truncated varint stream");
  return out;
}

/** A MiniSearch file: documents by ascending short id; postings of discarded documents are dropped. */
function decodeMiniSearch(js: MiniSearchJson, fields: readonly string[]): CompactIndex {
  const shortIds = Object.keys(js.documentIds).map(Number).sort((a, b) => a - b);
  const slotOf = new Map(shortIds.map((id, slot) => [id, slot]));
  const labels = shortIds.map((id) => js.documentIds[String(id)] ?? 0);
  const lengths = fields.map((name) => {
    const fieldId = js.fieldIds[name];
    return shortIds.map((id) => (fieldId === undefined ? 0 : (js.fieldLength[String(id)]?.[fieldId] ?? 0)));
  });
  const built = fields.map(() => ({ terms: [] as string[], counts: [] as number[], docs: [] as number[], tfs: [] as number[] }));
  for (const [term, data] of js.index) {
    fields.forEach((name, i) => {
      const fieldId = js.fieldIds[name];
      const raw = fieldId === undefined ? undefined : data[String(fieldId)];
      if (!raw) return;
      const entry = (js.serializationVersion === 1 ? (raw as { ds: Record<string, number> }).ds : raw) as Record<string, number>;
      const postings = Object.keys(entry)
        .map((id) => ({ slot: slotOf.get(Number(id)), tf: entry[id] ?? 0 }))
        .filter((x): x is { slot: number; tf: number } => x.slot !== undefined)
        .sort((a, b) => a.slot - b.slot);
      if (postings.length === 0) return;
      const out = built[i];
      if (!out) return;
      out.terms.push(term);
      out.counts.push(postings.length);
      for (const { slot, tf } of postings) {
        out.docs.push(slot);
        out.tfs.push(Math.min(65535, tf));
      }
    });
  }
  return {
    labels,
    lengths,
    fields: built.map((f) => ({ terms: f.terms, counts: Uint32Array.from(f.counts), docs: Uint32Array.from(f.docs), tfs: Uint16Array.from(f.tfs) })),
  };
}

export const LEXICAL_DELTA_FORMAT = "tro-ly-lexical-delta";

/** Passages removed from and added to a stored index (see `LexicalDelta` in lexical.ts). */
interface DeltaFile {
  format: typeof LEXICAL_DELTA_FORMAT;
  version: 1;
  removed: number[];
  added: Array<[number, string[][]]>;
}

/** Serialises the changes kept beside a stored index. */
export function encodeLexicalDelta(delta: { removed: readonly number[]; added: ReadonlyArray<readonly [number, ReadonlyArray<readonly string[]>]> }): string {
  const file: DeltaFile = { format: LEXICAL_DELTA_FORMAT, version: 1, removed: [...delta.removed], added: delta.added.map(([label, fields]) => [label, fields.map((f) => [...f])]) };
  return JSON.stringify(file);
}

/** Reads the changes kept beside a stored index; throws on anything malformed. */
export function decodeLexicalDelta(json: string, fieldCount: number): { removed: number[]; added: Array<[number, string[][]]> } {
  const file = JSON.parse(json) as Partial<DeltaFile>;
  if (file.format !== LEXICAL_DELTA_FORMAT || file.version !== 1) throw new Error("lexical delta: unknown file format");
  const isLabel = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
  if (!Array.isArray(file.removed) || !file.removed.every(isLabel)) throw new Error("lexical delta: damaged list of removed passages");
  if (!Array.isArray(file.added)) throw new Error("lexical delta: damaged list of added passages");
  for (const entry of file.added) {
    const ok = Array.isArray(entry) && isLabel(entry[0]) && Array.isArray(entry[1]) && entry[1].length === fieldCount && entry[1].every((f) => Array.isArray(f) && f.every((t) => typeof t === "string"));
    if (!ok) throw new Error("lexical delta: damaged added passage");
  }
  return { removed: file.removed, added: file.added };
}
