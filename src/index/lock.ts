/**
 * The ingest lock: one ingest at a time per index folder. The lock file records the holder's PID and,
 * on Linux, its start time, so that a lock left behind is recognised as stale and taken over:
 * - the PID is dead;
 * - the PID is this very process, which does not hold it (a container restarted with the same PID);
 * - the PID is alive but is another program, or was started after the lock was written (PID reused).
 */
import { readFileSync } from "node:fs";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { AppError, describeError } from "../errors.js";

/** The lock file's name inside the index folder. */
export const LOCK_FILE = ".lock";

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22), when known. */
  startTicks: string | null;
}

/** Locks this process holds now (absolute paths): a lock naming our PID that is not here is stale. */
const heldHere = new Set<string>();

function processStartTicks(pid: number | "self"): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return null;
  }
}

/** Parses a lock file: JSON, or a bare PID as older versions wrote. */
export function parseLockHolder(text: string): LockHolder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), startTicks: null };
  try {
    const value = JSON.parse(trimmed) as { pid?: unknown; startTicks?: unknown };
    if (typeof value.pid === "number" && Number.isSafeInteger(value.pid) && value.pid > 0) {
      return { pid: value.pid, startTicks: typeof value.startTicks === "string" ? value.startTicks : null };
    }
  } catch {
    // unreadable: stale
  }
  return null;
}

/** Why a lock's holder is not a live ingest, or null when it may well be one. */
export function staleReason(holder: LockHolder | null, lockFile: string): string | null {
  if (holder === null) return "the lock file is unreadable";
  if (holder.pid === process.pid) return heldHere.has(lockFile) ? null : "it names this process, which does not hold it (a restart reused the PID)";
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return `process ${holder.pid} is not running`;
  }
  const ticks = processStartTicks(holder.pid);
  if (holder.startTicks !== null && ticks !== null && ticks !== holder.startTicks) return `process ${holder.pid} is another process than the one that took the lock`;
  const command = commandLine(holder.pid);
  if (command !== null && !/node|tsx/.test(command)) return `process ${holder.pid} is not this program (${command.trim().slice(0, 60)})`;
  return null;
}

/**
 * Takes the ingest lock of `indexDir` and returns its release. A stale lock is taken over; a live one
 * is refused with INGEST_BUSY naming the lock file and its holder.
 */
export async function acquireIngestLock(indexDir: string): Promise<() => Promise<void>> {
  try {
    await mkdir(indexDir, { recursive: true });
  } catch (err) {
    throw new AppError("INDEX_UNWRITABLE", `Cannot create the index folder ${indexDir} (${describeError(err)}): check INDEX_DIR and its permissions`, { cause: err });
  }
  const lock = path.resolve(indexDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lock, "wx");
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, startTicks: processStartTicks("self") }));
      } finally {
        await handle.close();
      }
      heldHere.add(lock);
      return async () => {
        heldHere.delete(lock);
        await rm(lock, { force: true });
      };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") {
        throw new AppError("INDEX_UNWRITABLE", `Cannot write the ingest lock ${lock} (${describeError(err)}): check that INDEX_DIR is writable and not full`, { cause: err });
      }
      const holder = parseLockHolder(await readFile(lock, "utf8").catch(() => ""));
      if (staleReason(holder, lock) === null) {
        throw new AppError("INGEST_BUSY", `Another ingest (pid ${holder?.pid}) holds the lock ${lock}; wait for it to finish, or delete ${lock} if no ingest is running`);
      }
      await rm(lock, { force: true });
    }
  }
  throw new AppError("INGEST_BUSY", `Could not take the ingest lock ${lock}: another ingest keeps taking it; try again`);
}
