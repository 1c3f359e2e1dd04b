/**
 * `npm run bench -- <name> [options]`: imports bench/<name>/index.ts or bench/<name>.ts and calls its exported
 * `main()`, with the options in process.argv.slice(2). Benchmarks are not part of `npm test`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name, ...options] = process.argv.slice(2).filter((a) => a !== '--');
const file =
  name && /^[a-z0-9-]+$/.test(name)
    ? [path.join(here, name, 'index.ts'), path.join(here, `${name}.ts`)].find((f) => existsSync(f))
    : undefined;
if (!file) {
  console.error(`usage: npm run bench -- <name> [options] (bench/<name>/index.ts or bench/<name>.ts)`);
  process.exit(2);
}
// The benchmark sees only its options; argv[1] stays this runner, so a benchmark's "run directly" guard stays off.
process.argv = [process.argv[0] as string, process.argv[1] as string, ...options];
const bench = (await import(pathToFileURL(file).href)) as { main?: () => Promise<void> };
if (typeof bench.main !== 'function') {
  console.error(`${path.relative(here, file)} exports no main()`);
  process.exit(2);
}
await bench.main();
