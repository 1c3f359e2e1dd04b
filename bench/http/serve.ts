/**
 * One benchmark server as a child process (so the load generator does not share its event loop):
 * `node --import tsx bench/http/serve.ts <app|baseline> <databaseUrl>` prints `listening <url>`, and stops on
 * SIGTERM or when its parent closes stdin.
 */
import { type BenchServer, startApp, startBaseline } from './servers.ts';

const [kind, databaseUrl] = process.argv.slice(2);
if ((kind !== 'app' && kind !== 'baseline') || !databaseUrl) {
  console.error('usage: serve.ts <app|baseline> <databaseUrl>');
  process.exit(2);
}
const server: BenchServer = kind === 'app' ? await startApp(databaseUrl) : await startBaseline(databaseUrl);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
console.log(`listening ${server.url}`);
