/** The client contract's documents (copied from the steering repo's shared/contract into schema/contract). */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../server/src/config.ts';

export const CONTRACT_DIR = path.join(ROOT_DIR, 'schema/contract');
export const SHARED_CONTRACT_DIR = path.resolve(ROOT_DIR, '../shared/contract');

export function contractDocument(name: string): string {
  return fs.readFileSync(path.join(CONTRACT_DIR, `${name}.graphql`), 'utf8');
}
