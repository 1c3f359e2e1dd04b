/**
 * A process that starts the embedded PostgreSQL and then only waits (as a server would): the tests kill it with
 * SIGKILL to see that its PostgreSQL does not outlive it. Usage: node --import tsx embedded-child.ts <dataDir> <port>
 * Prints `{"pid": <postmaster pid>}` once PostgreSQL accepts connections.
 */
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.ts';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error('usage: embedded-child.ts <dataDir> <port>');
const db = await startEmbeddedPostgres({
  dataDir,
  port: Number(port),
  log: { info: () => undefined, warn: (m) => process.stderr.write(`${m}\n`) },
});
process.stdout.write(`${JSON.stringify({ pid: db.pid })}\n`);
setInterval(() => undefined, 1 << 30);
