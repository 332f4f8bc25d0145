/**
 * The layering the README describes, checked on the import graph: imports flow one way (no cycle),
 * the bot and the terminal chat never import the index, the BM25 scorer and the postings import each
 * other in one direction only, and scripts never import tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Every .ts file under `dir`, relative to the repository root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .sort();
}

const IMPORT = /^\s*(?:import|export)\s(?:[^"';]*?\sfrom\s)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/** The relative imports of a file (type-only ones included), as repository paths of .ts files. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const targets: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? "";
    if (!spec.startsWith(".")) continue;
    targets.push(path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)).replace(/\.js$/, ".ts"));
  }
  return targets;
}

/** The import graph of the files under `dirs`. */
function importGraph(dirs: readonly string[]): Map<string, string[]> {
  return new Map(dirs.flatMap(sourceFiles).map((file) => [file, importsOf(file)]));
}

/** The cycles of a graph, each as the files on it (Tarjan's strongly connected components of two or more files). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** The imports from files under `from` into files under `to`, as "file → import". */
function importsBetween(graph: Map<string, string[]>, from: string, to: string): string[] {
  return [...graph].flatMap(([file, targets]) => (file.startsWith(from) ? targets.filter((t) => t.startsWith(to)).map((t) => `${file} → ${t}`) : []));
}

const graph = importGraph(["src", "scripts", "testing", "tests"]);

describe("the import graph", () => {
  it("sees the imports it checks (a broken reader would pass every check)", () => {
    expect(graph.get("src/index/invertedIndex.ts")).toContain("src/index/bm25.ts");
    expect(graph.get("src/bot/deps.ts")).toContain("src/qa/engine.ts");
    expect(cycles(new Map([["a.ts", ["b.ts"]], ["b.ts", ["a.ts"]], ["c.ts", ["a.ts"]]]))).toEqual([["a.ts", "b.ts"]]);
  });

  it("has no cycle in src, testing or scripts", () => {
    expect(cycles(graph).filter((cycle) => !cycle.some((file) => file.startsWith("tests/")))).toEqual([]);
  });

  it("keeps the bot and the terminal chat off the index: they use the engine's QaService", () => {
    expect(importsBetween(graph, "src/bot/", "src/index/")).toEqual([]);
    expect(importsBetween(graph, "src/cli/", "src/index/")).toEqual([]);
  });

  it("keeps files out of the bot: the corpus, the index and the SQLite files are handled by src/app/ and src/storage/", () => {
    const touchesFiles = [...graph.keys()].filter((file) => file.startsWith("src/bot/") && /from "node:fs(?:\/promises)?"|from "better-sqlite3"/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(touchesFiles).toEqual([]);
  });

  it("keeps the BM25 scorer independent of the postings that call it", () => {
    expect(importsBetween(graph, "src/index/bm25.ts", "src/index/invertedIndex.ts")).toEqual([]);
  });

  it("lets nothing in src import the layers above it (app, entry points), and scripts never import tests", () => {
    const below = ["src/bot/", "src/cli/", "src/qa/", "src/quiz/", "src/index/", "src/corpus/", "src/text/", "src/storage/"];
    expect(below.flatMap((layer) => importsBetween(graph, layer, "src/app/"))).toEqual([]);
    expect(below.flatMap((layer) => importsBetween(graph, layer, "src/main.ts"))).toEqual([]);
    expect(importsBetween(graph, "scripts/", "tests/")).toEqual([]);
    expect(importsBetween(graph, "testing/", "tests/")).toEqual([]);
  });
});
