/**
 * Opening a SQLite file (better-sqlite3) with a versioned schema, for every store in DATA_DIR. The
 * schema version is SQLite's own `PRAGMA user_version`; each store lists its migrations, version 1
 * upwards, and a file is brought up to date one migration at a time, each in its own transaction. A
 * file written by a newer version of the program is refused rather than misread, as MiniSearch's
 * `loadJSON` refuses an unknown serialisation version.
 *
 * @example
 * const db = openDatabase("data/bot.sqlite", { label: "bot database", migrations: [{ version: 1, sql: "CREATE TABLE …" }] });
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { AppError, describeError } from "../errors.js";

/** One schema change: the SQL that takes a database from `version - 1` to `version`. */
export interface Migration {
  version: number;
  sql: string;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** What the file is, for error messages: "bot database", "quiz database". */
  label: string;
  /** Every migration, versions 1, 2, 3 … in order; the last one's version is the schema this program writes. */
  migrations: readonly Migration[];
  /** How long a write waits for another connection's lock, in ms; unset: SQLite's default (no wait). */
  busyTimeoutMs?: number;
}

/** The schema version the migrations lead to; throws when they are not numbered 1, 2, 3 … in order. */
export function schemaVersion(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3 … in order: position ${i + 1} has version ${m.version}`);
  });
  return migrations.length;
}

/**
 * Brings an open database up to the migrations' last version. Throws INPUT_INVALID when the file was
 * written by a newer version (its `user_version` is above every migration).
 */
export function migrate(db: Database.Database, file: string, migrations: readonly Migration[]): void {
  const latest = schemaVersion(migrations);
  const version = Number(db.pragma("user_version", { simple: true }));
  if (version > latest) {
    throw new AppError("INPUT_INVALID", `${file} was written by a newer version (schema ${version}, this program knows ${latest}): upgrade the bot or point DATA_DIR elsewhere`);
  }
  for (const migration of migrations.slice(version)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * Opens (creating it and its folder if needed) the SQLite file at `file` (":memory:" for tests) in WAL
 * mode with foreign keys on, and migrates it. A file that cannot be opened or used is a DATA_UNAVAILABLE
 * naming it and the reason; a newer one an INPUT_INVALID.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma("journal_mode = WAL");
    if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
    db.pragma("foreign_keys = ON");
    migrate(db, file, options.migrations);
  } catch (err) {
    db?.close();
    if (err instanceof AppError) throw err;
    throw new AppError(
      "DATA_UNAVAILABLE",
      `Cannot ${db ? "use" : "open"} the ${options.label} ${file} (${describeError(err)}): check that DATA_DIR is writable and the file is readable, or move it aside if it is damaged`,
      { cause: err },
    );
  }
  return db;
}
