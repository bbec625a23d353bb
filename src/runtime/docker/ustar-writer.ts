/**
 * A minimal ustar (POSIX tar) writer for `putArchive`. Written by hand because the only tar
 * library in node_modules (tar-stream 2) is a transitive dependency of dockerode, untyped and not
 * declared in package.json; the format subset we need — regular files and directories with short
 * paths — is a 512-byte header per entry.
 */
export interface TarEntry {
  /** Relative POSIX path; directories end without a slash and use `type: 'directory'`. */
  path: string;
  type: 'file' | 'directory';
  content?: Buffer;
  mode: number;
  uid: number;
  gid: number;
}

const BLOCK_BYTES = 512;

function writeField(header: Buffer, value: string, offset: number, length: number): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar field too long: ${value}`);
  bytes.copy(header, offset);
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0');
}

/** ustar stores names up to 100 bytes, or up to 255 split into a 155-byte prefix at a slash. */
function splitName(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new Error(`path too long for a tar entry: ${path}`);
}

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(BLOCK_BYTES);
  const { name, prefix } = splitName(entry.type === 'directory' ? `${entry.path}/` : entry.path);
  writeField(block, name, 0, 100);
  writeField(block, octal(entry.mode, 8), 100, 8);
  writeField(block, octal(entry.uid, 8), 108, 8);
  writeField(block, octal(entry.gid, 8), 116, 8);
  writeField(block, octal(size, 12), 124, 12);
  writeField(block, octal(Math.floor(Date.now() / 1000), 12), 136, 12);
  block.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  writeField(block, entry.type === 'directory' ? '5' : '0', 156, 1);
  writeField(block, 'ustar\u000000', 257, 8);
  writeField(block, prefix, 345, 155);
  let checksum = 0;
  for (const byte of block) checksum += byte;
  writeField(block, `${octal(checksum, 7)}\u0000 `, 148, 8);
  return block;
}

/** Packs the entries into one tar archive (in memory: app files are small and size-capped). */
export function packTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const content = entry.type === 'file' ? (entry.content ?? Buffer.alloc(0)) : Buffer.alloc(0);
    parts.push(header(entry, content.length), content);
    const padding = (BLOCK_BYTES - (content.length % BLOCK_BYTES)) % BLOCK_BYTES;
    if (padding > 0) parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(BLOCK_BYTES * 2));
  return Buffer.concat(parts);
}
