// The cache's storage (cache.ts): entries in a few pack files per pipeline version instead of a file each. A run reads
// every pack of its version whole at its first look-up, appends the results it makes to packs of its own (a new one
// every `rollBytes`, so a run killed midway keeps most of what it ran), and each pack becomes visible to other runs
// by one rename once complete. A later pack's entry for a key wins over an earlier one's.
//
//   header   16 bytes "FLANKLINE-PACK\n\0", u32 format, 16 bytes version (ASCII)
//   record   64 bytes key (hex), u32 main length, u32 mentions length (0xffffffff: none), main bytes, mentions bytes
//
// The bytes of main and mentions are V8's serialization (node:v8) of what cache.ts keeps; this module only stores them.
// A pack of another format or version is removed; one cut short (a full disk, a crash before the rename cannot make
// one, but a copy can) keeps the records before the cut; either is named in a warning, once.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'node:v8';

export const PACK_DEFAULTS = {
  /** Bytes after which a run completes its pack and starts another. */
  rollBytes: 64 * 1024 * 1024,
  /** Packs of one version above which they are rewritten as one (superseded and corrupt records go). */
  compactPacks: 8,
};

const MAGIC = Buffer.from('FLANKLINE-PACK\n\0', 'latin1');
const HEADER_BYTES = MAGIC.length + 4 + 16;
const KEY_BYTES = 64;
const RECORD_HEAD_BYTES = KEY_BYTES + 8;
const NO_MENTIONS = 0xffffffff;

export interface PackIdentity {
  format: number;
  version: string;
}

/** Where one record's parts are in its pack. */
export interface PackRecordAt {
  key: string;
  mainAt: number;
  mainLength: number;
  mentionsAt: number;
  /** null: the entry was kept without mentions. */
  mentionsLength: number | null;
}

export function packHeader(identity: PackIdentity): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(identity.format, MAGIC.length);
  header.write(identity.version.padEnd(16, ' ').slice(0, 16), MAGIC.length + 4, 'latin1');
  return header;
}

function recordHead(key: string, mainLength: number, mentionsLength: number | null): Buffer {
  const head = Buffer.alloc(RECORD_HEAD_BYTES);
  head.write(key, 0, 'latin1');
  head.writeUInt32LE(mainLength, KEY_BYTES);
  head.writeUInt32LE(mentionsLength ?? NO_MENTIONS, KEY_BYTES + 4);
  return head;
}

/** The records of a pack's bytes, and what is wrong with them (null: nothing); the records before a fault are kept. */
export function packRecords(bytes: Uint8Array, identity: PackIdentity): { records: PackRecordAt[]; problem: string | null } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < HEADER_BYTES || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return { records: [], problem: 'is not a cache pack' };
  if (!buffer.subarray(0, HEADER_BYTES).equals(packHeader(identity))) return { records: [], problem: 'is a cache pack of another format or version' };
  const records: PackRecordAt[] = [];
  let at = HEADER_BYTES;
  while (at < buffer.length) {
    if (at + RECORD_HEAD_BYTES > buffer.length) return { records, problem: `is cut short at byte ${at}` };
    const key = buffer.toString('latin1', at, at + KEY_BYTES);
    if (!/^[0-9a-f]{64}$/.test(key)) return { records, problem: `is corrupt at byte ${at}` };
    const mainLength = buffer.readUInt32LE(at + KEY_BYTES);
    const stored = buffer.readUInt32LE(at + KEY_BYTES + 4);
    const mentionsLength = stored === NO_MENTIONS ? null : stored;
    const end = at + RECORD_HEAD_BYTES + mainLength + (mentionsLength ?? 0);
    if (end > buffer.length) return { records, problem: `is cut short at byte ${at}` };
    records.push({ key, mainAt: at + RECORD_HEAD_BYTES, mainLength, mentionsAt: at + RECORD_HEAD_BYTES + mainLength, mentionsLength });
    at = end;
  }
  return { records, problem: null };
}

/** A pack's bytes while they are held (the packs read, until the document phase ends); else read from its file. */
interface PackSource {
  path: string;
  bytes: Buffer | null;
}

interface Location extends PackRecordAt {
  source: PackSource;
}

/** A record found: its pack (for messages) and its parts, deserialized on demand (null: not readable). */
export interface FoundRecord {
  pack: string;
  main(): unknown;
  mentions(): unknown;
}

interface PackWriter {
  fd: number;
  source: PackSource;
  temp: string;
  bytes: number;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export class PackStore {
  private readonly dir: string;
  private readonly identity: PackIdentity;
  private readonly warn: (message: string) => void;
  private readonly opts: typeof PACK_DEFAULTS;
  private loaded = false;
  private readonly index = new Map<string, Location>();
  /** Every pack this store read or wrote, in the order their entries win. */
  private readonly packs: PackSource[] = [];
  private records = 0;
  private writer: PackWriter | null = null;
  private writable = true;
  private sequence = 0;
  /** A pack cut short or a record dropped: the next tidy-up rewrites the packs, so each fault is named once. */
  private damaged = false;

  constructor(dir: string, identity: PackIdentity, warn: (message: string) => void, opts = PACK_DEFAULTS) {
    this.dir = dir;
    this.identity = identity;
    this.warn = warn;
    this.opts = opts;
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      // What a killed run left: its pack never became visible.
      const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
      if (pid && !isRunning(Number(pid))) rmSync(join(this.dir, name), { force: true });
    }
    for (const name of names.filter((n) => n.endsWith('.pack')).sort()) {
      const path = join(this.dir, name);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        continue;
      }
      const { records, problem } = packRecords(bytes, this.identity);
      if (problem !== null) {
        this.warn(`${path}: ${problem}; ${records.length === 0 ? 'its documents are' : 'the documents after that are'} read again`);
        if (records.length === 0) {
          rmSync(path, { force: true });
          continue;
        }
      }
      const source: PackSource = { path, bytes };
      this.packs.push(source);
      if (problem !== null) this.damaged = true;
      for (const record of records) this.index.set(record.key, { ...record, source });
      this.records += records.length;
    }
  }

  find(key: string): FoundRecord | null {
    this.load();
    const at = this.index.get(key);
    if (!at) return null;
    const part = (offset: number, length: number) => {
      try {
        return deserialize(readPart(at.source, offset, length));
      } catch {
        return null;
      }
    };
    return {
      pack: at.source.path,
      main: () => part(at.mainAt, at.mainLength),
      mentions: () => (at.mentionsLength === null ? null : part(at.mentionsAt, at.mentionsLength)),
    };
  }

  /** Forgets a record that could not be used; the next tidy-up leaves it out. */
  drop(key: string): void {
    this.index.delete(key);
    this.damaged = true;
  }

  put(key: string, main: Uint8Array, mentions: Uint8Array | null): void {
    this.load();
    if (!this.writable) return;
    try {
      if (this.writer === null) this.writer = this.open();
      const w = this.writer;
      const head = recordHead(key, main.byteLength, mentions?.byteLength ?? null);
      const at = w.bytes;
      for (const part of [head, main, ...(mentions ? [mentions] : [])]) {
        writeSync(w.fd, part);
        w.bytes += part.byteLength;
      }
      this.index.set(key, {
        key, source: w.source, mainAt: at + RECORD_HEAD_BYTES, mainLength: main.byteLength,
        mentionsAt: at + RECORD_HEAD_BYTES + main.byteLength, mentionsLength: mentions?.byteLength ?? null,
      });
      this.records++;
      if (w.bytes >= this.opts.rollBytes) this.complete();
    } catch (error) {
      this.writable = false;
      if (this.writer) {
        closeSync(this.writer.fd);
        rmSync(this.writer.temp, { force: true });
        this.writer = null;
      }
      this.warn(`${this.dir}: cannot write the cache (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); this run goes on without keeping results`);
    }
  }

  private open(): PackWriter {
    mkdirSync(this.dir, { recursive: true });
    const name = `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${String(this.sequence++).padStart(4, '0')}.pack`;
    const path = join(this.dir, name);
    const temp = `${path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    const header = packHeader(this.identity);
    writeSync(fd, header);
    const source: PackSource = { path: temp, bytes: null };
    this.packs.push(source);
    return { fd, source, temp, bytes: header.length };
  }

  /** Makes the pack being written visible to other runs (one rename). */
  private complete(): void {
    const w = this.writer;
    if (w === null) return;
    this.writer = null;
    closeSync(w.fd);
    const path = w.temp.slice(0, -`.${process.pid}.tmp`.length);
    renameSync(w.temp, path);
    w.source.path = path;
  }

  /** The document phase is over: this run's pack is completed, and the packs read are no longer held in memory. */
  finish(): void {
    try {
      this.complete();
    } catch (error) {
      this.warn(`${this.dir}: cannot write the cache (${(error as Error).message}); this run's results are not kept`);
    }
    for (const source of this.packs) source.bytes = null;
  }

  /** Rewrites the packs as one when they are many or much of them is superseded, dropped or corrupt. */
  compactIfWorthIt(): void {
    this.finish();
    const dead = this.records - this.index.size;
    const worthIt = this.damaged || this.packs.length > this.opts.compactPacks || dead > this.index.size;
    if (!this.writable || this.packs.length === 0 || !worthIt) return;
    const old = [...this.packs];
    const byPack = new Map<PackSource, Location[]>();
    for (const at of this.index.values()) byPack.set(at.source, [...(byPack.get(at.source) ?? []), at]);
    try {
      const w = this.open();
      for (const source of old) {
        const kept = byPack.get(source);
        if (!kept) continue;
        const bytes = readFileSync(source.path);
        for (const at of kept) {
          const mentionsLength = at.mentionsLength ?? 0;
          writeSync(w.fd, recordHead(at.key, at.mainLength, at.mentionsLength));
          writeSync(w.fd, bytes.subarray(at.mainAt, at.mainAt + at.mainLength + mentionsLength));
        }
      }
      this.writer = w;
      this.complete();
      for (const source of old) rmSync(source.path, { force: true });
    } catch (error) {
      this.warn(`${this.dir}: cannot tidy the cache (${(error as Error).message}); it is read as it is next time`);
    }
  }
}

function readPart(source: PackSource, offset: number, length: number): Buffer {
  if (source.bytes !== null) return source.bytes.subarray(offset, offset + length);
  const part = Buffer.alloc(length);
  const fd = openSync(source.path, 'r');
  try {
    readSync(fd, part, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return part;
}
