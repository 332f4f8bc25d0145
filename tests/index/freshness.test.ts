/** Start-up comparison of the corpus folder with the index manifest (pure parts). */
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "../../src/corpus/types.js";
import { compareStamps, sameRecords, type FileStamp } from "../../src/index/freshness.js";

function doc(path: string, stamp: Partial<FileStamp> = { size: 100, mtimeMs: 1000 }): DocumentInfo {
  return { docId: path, title: path, path, format: "txt", hash: `hash-${path}`, passages: 1, ...stamp };
}

describe("compareStamps", () => {
  const manifest = { documents: [doc("a.txt"), doc("b.txt")], failures: [{ path: "hong.pdf", code: "FILE_UNREADABLE", reason: "x", size: 10, mtimeMs: 5 }, { path: "anh.png", code: "FILE_UNSUPPORTED", reason: "y" }] };
  const same = new Map<string, FileStamp>([
    ["a.txt", { size: 100, mtimeMs: 1000 }],
    ["b.txt", { size: 100, mtimeMs: 1000 }],
    ["hong.pdf", { size: 10, mtimeMs: 5 }],
    ["anh.png", { size: 4, mtimeMs: 1 }],
  ]);

  it("finds nothing when every file keeps its size and time", () => {
    expect(compareStamps(manifest, same)).toEqual({ added: [], removed: [], changed: [], suspects: [] });
  });

  it("reports files added and removed by path", () => {
    const now = new Map(same);
    now.delete("b.txt");
    now.set("c.md", { size: 1, mtimeMs: 1 });
    const result = compareStamps(manifest, now);
    expect(result.added).toEqual(["c.md"]);
    expect(result.removed).toEqual(["b.txt"]);
  });

  it("counts a new size as a change, and leaves a new time alone to the content hash", () => {
    const now = new Map(same);
    now.set("a.txt", { size: 101, mtimeMs: 1000 });
    now.set("b.txt", { size: 100, mtimeMs: 2000 });
    const result = compareStamps(manifest, now);
    expect(result.changed).toEqual(["a.txt"]);
    expect(result.suspects.map((d) => d.path)).toEqual(["b.txt"]);
  });

  it("hashes a document stamped within two seconds of the index's writing, however its stamp matches", () => {
    const written = (ms: number) => ({ ...manifest, builtAt: new Date(ms).toISOString() });
    expect(compareStamps(written(2500), same).suspects.map((d) => d.path)).toEqual(["a.txt", "b.txt"]);
    expect(compareStamps(written(3500), same).suspects).toEqual([]);
  });

  it("hashes every document of an index that recorded no stamps", () => {
    const old = { documents: [doc("a.txt", {}), doc("b.txt", {})], failures: [] };
    expect(compareStamps(old, new Map([...same].filter(([p]) => p.endsWith(".txt")))).suspects).toHaveLength(2);
  });

  it("gives a failed file another try once it changed", () => {
    const now = new Map(same);
    now.set("hong.pdf", { size: 2000, mtimeMs: 9 });
    expect(compareStamps(manifest, now).changed).toEqual(["hong.pdf"]);
  });
});

describe("sameRecords", () => {
  const previous = { documents: [doc("a.txt")], failures: [{ path: "anh.png", code: "FILE_UNSUPPORTED", reason: "y" }] };

  it("is true when the ingest found every file as recorded", () => {
    expect(sameRecords(previous, [doc("a.txt")], [{ path: "anh.png", code: "FILE_UNSUPPORTED", reason: "y" }])).toBe(true);
  });

  it("is false for a touched file, so the new time is recorded once", () => {
    expect(sameRecords(previous, [doc("a.txt", { size: 100, mtimeMs: 2000 })], [{ path: "anh.png", code: "FILE_UNSUPPORTED", reason: "y" }])).toBe(false);
  });

  it("is false when a file appeared among the failures", () => {
    expect(sameRecords(previous, [doc("a.txt")], [{ path: "anh.png", code: "FILE_UNSUPPORTED", reason: "y" }, { path: "rong.txt", code: "FILE_EMPTY", reason: "z", size: 0, mtimeMs: 1 }])).toBe(false);
  });
});
