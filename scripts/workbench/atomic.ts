// The workbench's writes: a file is written whole beside its target and renamed into place (atomic on one file
// system), so a crash or a full disk leaves the previous file, never half of a new one.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Writes `data` to `path` atomically; the folder is created when missing. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Replaces the folder at `path` by one holding exactly `files`: written beside it, then swapped in by two renames
 * (a folder with files cannot be renamed over), the old one removed after.
 */
export function replaceFolderAtomic(path: string, files: readonly { name: string; content: string | Uint8Array }[]): void {
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const temp = join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
  const old = join(dirname(path), `.${basename(path)}.${suffix}.old`);
  mkdirSync(temp, { recursive: true });
  try {
    for (const file of files) writeFileAtomic(join(temp, file.name), file.content);
    let moved = false;
    try {
      renameSync(path, old);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    renameSync(temp, path);
    if (moved) rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
