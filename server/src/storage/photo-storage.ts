/**
 * Where photo files live, behind one interface: the local disk (one server) or S3-compatible object storage
 * (several replicas share it). Keys are made by the photo service (`photos/<uuid>.jpg`), never by a client.
 */
import type { Readable } from 'node:stream';
import type { PhotoStorageConfig } from '../config.ts';
import { LocalDiskStorage } from './local-disk.ts';
import { S3Storage } from './s3.ts';

export interface StoredObject {
  body: Readable;
  size: number;
}

export interface PhotoStorage {
  /** Where it stores, for the log (no secrets). */
  readonly description: string;
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none under that key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the objects; a key with no object is no error. */
  remove(keys: readonly string[]): Promise<void>;
  close(): void;
}

/** A key as the photo service makes them: anything else is refused before it reaches a path or a bucket. */
const KEY = /^photos\/[0-9a-f-]{36}(-thumb)?\.jpg$/;

export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a photo storage key: ${JSON.stringify(key.slice(0, 100))}`);
  return key;
}

export function createPhotoStorage(config: PhotoStorageConfig): PhotoStorage {
  return config.kind === 's3' ? new S3Storage(config) : new LocalDiskStorage(config.dir);
}

const shared = new WeakMap<PhotoStorageConfig, PhotoStorage>();

/** The one storage of a configuration (the server's resolvers, photo route and sweep use the same client). */
export function photoStorageFor(config: PhotoStorageConfig): PhotoStorage {
  let storage = shared.get(config);
  if (!storage) {
    storage = createPhotoStorage(config);
    shared.set(config, storage);
  }
  return storage;
}

/** Closes the storage of a configuration (when the server stops). */
export function closePhotoStorage(config: PhotoStorageConfig): void {
  shared.get(config)?.close();
  shared.delete(config);
}
