/** Writes schema/schema.graphql; with --check, fails when the file is not what the code prints. */

import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { ROOT_DIR } from '../config.ts';
import { schema } from './schema.ts';

const file = path.join(ROOT_DIR, 'schema/schema.graphql');
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== printed) {
    console.error('schema/schema.graphql is out of date: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  fs.writeFileSync(file, printed);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
