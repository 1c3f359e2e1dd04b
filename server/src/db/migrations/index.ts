/**
 * Every migration, in order. Listed statically so they load under any runner (tsx, vitest, a bundle);
 * a test checks that each migration file in this folder is listed here.
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127052611 } from './Migration20261127052611.ts';

export const migrationsList: MigrationObject[] = [{ name: 'Migration20261127052611', class: Migration20261127052611 }];
