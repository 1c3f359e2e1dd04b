/**
 * The processes of bench/replicas: a database of its own on the machine PostgreSQL (created, then dropped),
 * and WishGrid server processes over it and the machine Redis, each on a free port of 127.0.0.1.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Builds server/dist/main.js (esbuild, about a second) so the servers run the JavaScript the image runs. */
export function buildServer(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'server/scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts one server and resolves with its URL once it listens (after its migrations and seed). */
export async function startServer(
  name: string,
  databaseUrl: string,
  options: { seed: boolean; tsx: boolean },
): Promise<ServerProcess> {
  const args = options.tsx ? ['--import', 'tsx', 'server/src/main.ts'] : ['server/dist/main.js'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_ON_START: String(options.seed),
      SWEEP_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
      // The bench writes and reads far faster than a person: the per-person limits are off.
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '0',
      RATE_LIMIT_LOGINS_PER_MINUTE: '0',
      RATE_LIMIT_LOGINS_PER_IP_PER_MINUTE: '0',
      RATE_LIMIT_QUERY_COST_PER_MINUTE: '0',
    },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL \(HTTP and WebSocket\): (http:\/\/\S+)\/graphql/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it listened:\n${output}`));
    });
  });
  // Keep draining its output (warnings) so the pipe never fills.
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
  });
  return {
    name,
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU time (user + system) of a process so far, in ms, from /proc (Linux). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
