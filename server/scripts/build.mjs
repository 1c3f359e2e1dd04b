/**
 * Builds the server into one JavaScript file, server/dist/main.js (and the seed CLI, server/dist/cli.js), so the
 * production image starts with plain `node` and no TypeScript loader. Packages stay external: they are resolved
 * from node_modules at run time (the image's production dependencies). Migrations are listed statically and the
 * demo seed is imported with a literal path, so both are inside the bundle.
 *
 * server/dist/ sits at the same depth as server/src/, so ROOT_DIR (config.ts: two folders up from the module) is
 * the repository root in both: admin/dist, schema/contract and .data are found at the same places.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// `--outdir <dir>` (tests): elsewhere, two folders below a root that reaches node_modules. Default server/dist.
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : path.join(root, 'server/dist');

await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/src/main.ts', cli: 'server/src/db/cli.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // MikroORM and the migrator read class names.
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '// Built by server/scripts/build.mjs from server/src: do not edit.' },
});
console.log(`Built ${path.relative(root, outdir)}/main.js and cli.js`);
