/** Photos on the local disk, under one directory (default: the data directory's photos/). One server only. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkKey, type PhotoStorage, type StoredObject } from './photo-storage.ts';

export class LocalDiskStorage implements PhotoStorage {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = `local disk (${dir})`;
  }

  private pathOf(key: string): string {
    return path.join(this.dir, ...checkKey(key).split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const temporary = `${file}.${randomUUID()}.part`;
    try {
      await fs.promises.writeFile(temporary, data, { mode: 0o640 });
      await fs.promises.rename(temporary, file);
    } catch (err) {
      await fs.promises.rm(temporary, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const { size } = await handle.stat();
    return { body: handle.createReadStream(), size };
  }

  async remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) await fs.promises.rm(this.pathOf(key), { force: true });
  }

  close(): void {}
}
