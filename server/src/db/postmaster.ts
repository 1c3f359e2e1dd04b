/**
 * The embedded PostgreSQL as a process: started so that it never outlives the server, found and stopped
 * when a crashed server left one behind.
 *
 * The postmaster is started through a small shell wrapper that hands it over to a watcher: the watcher holds
 * the read end of a pipe whose only write end is the server's, and when that end closes — the server stopped
 * it, exited, or was killed with SIGKILL — it sends the postmaster SIGINT (PostgreSQL's fast shutdown: open
 * transactions roll back, the data stays consistent). The postmaster runs in a session of its own, so a
 * Ctrl-C in the terminal reaches the server (which stops gracefully and then stops PostgreSQL) and not
 * PostgreSQL directly.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `$0` is a label, `$@` the postgres command. The watcher is started twice removed (its parent exits at once),
 * so it is nobody's child but init's: PostgreSQL's postmaster treats the exit of an unknown child as a crash.
 * `$$` is the shell's pid, which `exec` hands to the postmaster.
 */
const WRAPPER = ['exec 3<&0 </dev/null', '( (read -r _ <&3; kill -INT $$) >/dev/null 2>&1 & )', 'exec "$@" 3<&-'].join(
  '\n',
);

export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface PostmasterOptions {
  bin: string;
  dataDir: string;
  port: number;
  flags: string[];
  /** As root: the postgres user's ids. */
  ids: { uid: number; gid: number } | null;
  /** Lines PostgreSQL writes (kept for error messages). */
  onLog(line: string): void;
}

/** Starts the postmaster; resolves once it accepts connections, rejects if it exits before. */
export function spawnPostmaster(opts: PostmasterOptions): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      '/bin/sh',
      ['-c', WRAPPER, 'wishgrid-postgres', opts.bin, '-D', opts.dataDir, '-p', String(opts.port), ...opts.flags],
      {
        ...(opts.ids ?? {}),
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    let ready = false;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      opts.onLog(text);
      if (!ready && text.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    // The pipe's write end is the watcher's lifeline: nothing is ever written to it.
    child.stdin?.on('error', () => undefined);
    child.once('error', (err) => {
      if (!ready) reject(err);
    });
    child.once('exit', (code, signal) => {
      child.stdin?.destroy();
      if (!ready) reject(new Error(`PostgreSQL exited during start (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Stops a postmaster we started: fast shutdown, then immediate shutdown, then SIGKILL. */
export async function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end(); // the watcher sends SIGINT too
  child.kill('SIGINT');
  for (const [wait, next] of [
    [30_000, 'SIGQUIT'],
    [5_000, 'SIGKILL'],
  ] as const) {
    const done = await Promise.race([exited.then(() => true), sleep(wait).then(() => false)]);
    if (done) return;
    child.kill(next);
  }
  await exited;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's command line, from /proc or ps; null if it is gone or cannot be read. */
export function processArgs(pid: number): string[] | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((a) => a !== '');
  } catch {
    try {
      const line = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
      return line ? line.split(/\s+/) : null;
    } catch {
      return null;
    }
  }
}

export function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    try {
      const ppid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
    } catch {
      return null;
    }
  }
}

/** The pid in a data directory's postmaster.pid, if the file is there. */
export function recordedPostmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether `pid` is a postmaster serving `dataDir` (its command line says `postgres … -D <dataDir>`). */
export function isPostmasterOf(pid: number, dataDir: string): boolean {
  const args = processArgs(pid);
  if (!args || !/postgres/.test(path.basename(args[0] ?? ''))) return false;
  const at = args.indexOf('-D');
  const dir = at >= 0 ? args[at + 1] : undefined;
  return dir !== undefined && path.resolve(dir) === path.resolve(dataDir);
}

/** Whether a process is a Node.js program (a running server, a test run) rather than init or a shell. */
function isNodeProcess(pid: number): boolean {
  const args = processArgs(pid);
  return !!args && /^node(js)?(\d+)?(\.exe)?$/.test(path.basename(args[0] ?? ''));
}

/**
 * A postmaster.pid left behind: removed when its process is gone; when its postmaster still runs on this data
 * directory, stopped if the server that started it is gone (an orphan of a crash), refused if a live
 * server owns it.
 */
export async function clearStalePostmaster(dataDir: string, log: Log): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = recordedPostmasterPid(dataDir);
  if (pid === null) return;
  if (!processAlive(pid) || !isPostmasterOf(pid, dataDir)) {
    log.warn(`Removing a stale ${pidFile} (process ${pid} is gone; the last run probably crashed).`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const parent = parentPid(pid);
  if (parent !== null && parent > 1 && processAlive(parent) && isNodeProcess(parent)) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}) for another WishGrid server (pid ${parent}). Stop that server first, or set WISHGRID_DATA_DIR to another directory.`,
    );
  }
  log.warn(
    `An embedded PostgreSQL (pid ${pid}) is still running on ${dataDir} although the server that started it is gone (it crashed); stopping it.`,
  );
  for (const [signal, wait] of [
    ['SIGINT', 20_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone already
    }
    const until = Date.now() + wait;
    while (processAlive(pid) && Date.now() < until) await sleep(100);
    if (!processAlive(pid)) break;
  }
  if (processAlive(pid)) {
    throw new Error(`The orphaned PostgreSQL (pid ${pid}) in ${dataDir} does not stop. Stop it by hand (kill ${pid}).`);
  }
  // After SIGKILL its pid file stays; PostgreSQL itself ignores a pid file of a dead process.
  if (recordedPostmasterPid(dataDir) === pid) fs.rmSync(pidFile, { force: true });
}
