import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { BotStore } from "../../src/storage/botStore.js";
import { migrate, openDatabase, schemaVersion, type Migration } from "../../src/storage/sqlite.js";
import { makeTempDir } from "../support/fixtures.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function tempFile(name: string): Promise<string> {
  const { dir, cleanup } = await makeTempDir("sqlite-");
  cleanups.push(cleanup);
  return join(dir, "nested", name);
}

const V1: Migration = { version: 1, sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" };
const V2: Migration = { version: 2, sql: "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'ẩn danh';" };

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.pragma("user_version", { simple: true }));
  } finally {
    db.close();
  }
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (err) {
    return err;
  }
  return null;
}

describe("openDatabase", () => {
  it("creates an empty file (and its folder) at the latest schema version, in WAL mode", async () => {
    const file = await tempFile("empty.sqlite");
    const db = openDatabase(file, { label: "test database", migrations: [V1, V2] });
    db.prepare("INSERT INTO notes (text) VALUES (?)").run("xin chào");
    expect(db.prepare("SELECT text, author FROM notes").all()).toEqual([{ text: "xin chào", author: "ẩn danh" }]);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    expect(userVersion(file)).toBe(2);
  });

  it("migrates a file written at an older version and keeps its rows", async () => {
    const file = await tempFile("old.sqlite");
    const old = openDatabase(file, { label: "test database", migrations: [V1] });
    old.prepare("INSERT INTO notes (text) VALUES (?)").run("từ phiên bản cũ");
    old.close();
    expect(userVersion(file)).toBe(1);

    const db = openDatabase(file, { label: "test database", migrations: [V1, V2] });
    expect(db.prepare("SELECT text, author FROM notes").all()).toEqual([{ text: "từ phiên bản cũ", author: "ẩn danh" }]);
    db.close();
    expect(userVersion(file)).toBe(2);
  });

  it("refuses a file written by a newer version, saying which versions and what to do, and leaves it untouched", async () => {
    const file = await tempFile("newer.sqlite");
    openDatabase(file, { label: "test database", migrations: [V1, V2] }).close();
    const err = thrown(() => openDatabase(file, { label: "test database", migrations: [V1] }));
    expect(isAppError(err, "INPUT_INVALID")).toBe(true);
    expect((err as Error).message).toBe(`${file} was written by a newer version (schema 2, this program knows 1): upgrade the bot or point DATA_DIR elsewhere`);
    expect(userVersion(file)).toBe(2);
  });

  it("names the file and the reason when it cannot be opened", async () => {
    const { dir, cleanup } = await makeTempDir("sqlite-dir-");
    cleanups.push(cleanup);
    const err = thrown(() => openDatabase(dir, { label: "test database", migrations: [V1] }));
    expect(isAppError(err, "DATA_UNAVAILABLE")).toBe(true);
    expect((err as Error).message).toMatch(new RegExp(`^Cannot open the test database ${dir} \\(.+\\): check that DATA_DIR is writable`));
  });

  it("rolls back a migration that fails, so the file stays at the version before it", async () => {
    const file = await tempFile("broken.sqlite");
    openDatabase(file, { label: "test database", migrations: [V1] }).close();
    const broken: Migration = { version: 2, sql: "ALTER TABLE notes ADD COLUMN x TEXT; ALTER TABLE missing ADD COLUMN y TEXT;" };
    const err = thrown(() => openDatabase(file, { label: "test database", migrations: [V1, broken] }));
    expect(isAppError(err, "DATA_UNAVAILABLE")).toBe(true);
    expect((err as Error).message).toContain("Cannot use the test database");
    expect(userVersion(file)).toBe(1);
    const db = new Database(file, { readonly: true });
    expect((db.prepare("PRAGMA table_info(notes)").all() as Array<{ name: string }>).map((c) => c.name)).toEqual(["id", "text"]);
    db.close();
  });
});

describe("migration lists", () => {
  it("must be numbered 1, 2, 3 … in order", () => {
    expect(schemaVersion([V1, V2])).toBe(2);
    expect(() => schemaVersion([V2])).toThrow(/position 1 has version 2/);
    expect(() => migrate(new Database(":memory:"), ":memory:", [V1, V1])).toThrow(/position 2 has version 1/);
  });
});

describe("the bot database", () => {
  it("is refused when written by a newer version written by a newer version", async () => {
    const file = await tempFile("bot.sqlite");
    BotStore.open(file).close();
    const db = new Database(file);
    db.pragma("user_version = 7");
    db.close();
    expect(() => BotStore.open(file)).toThrow(/^.*bot\.sqlite was written by a newer version \(schema 7, this program knows 1\)/);
  });
});
