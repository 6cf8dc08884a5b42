/**
 * The safetensors format (huggingface/safetensors), read and written here without a dependency:
 * 8 bytes little-endian header length n, n bytes of JSON header (padded with spaces to a multiple of 8),
 * then the tensors' bytes. The header maps each name to { dtype, shape, data_offsets: [begin, end] }
 * (offsets into the data that follows the header) and may hold "__metadata__", a string → string map.
 * Written files hold float32 little-endian tensors, names sorted, data contiguous in that order, as
 * `safetensors.torch.save_file` writes them.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';

/** One tensor: float32 values in row-major order and its shape. */
export interface NamedTensor {
  shape: number[];
  data: Float32Array;
}

/** A safetensors file's content. */
export interface SafetensorsContent {
  tensors: Map<string, NamedTensor>;
  metadata: Record<string, string>;
}

const DTYPE_BYTES: Record<string, number> = { F32: 4, F64: 8, F16: 2, BF16: 2 };

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** Serialize tensors and string metadata to safetensors bytes (float32, little-endian). */
export function encodeSafetensors(tensors: Map<string, NamedTensor>, metadata: Record<string, string> = {}): Uint8Array {
  const names = [...tensors.keys()].sort();
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) {
    for (const [k, v] of Object.entries(metadata)) if (typeof v !== 'string') throw new TypeError(`metadata ${k} must be a string`);
    header.__metadata__ = metadata;
  }
  let offset = 0;
  for (const name of names) {
    const t = tensors.get(name)!;
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (n !== t.data.length) throw new RangeError(`tensor ${name}: shape [${t.shape}] holds ${n} values, data has ${t.data.length}`);
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * n] };
    offset += 4 * n;
  }
  let json = JSON.stringify(header);
  const raw = new TextEncoder().encode(json);
  const pad = (8 - (raw.length % 8)) % 8;
  json += ' '.repeat(pad);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let pos = 8 + head.length;
  for (const name of names) {
    const { data } = tensors.get(name)!;
    for (let i = 0; i < data.length; i++) view.setFloat32(pos + 4 * i, data[i], true);
    pos += 4 * data.length;
  }
  return out;
}

/** Parse safetensors bytes; F32, F64, F16 and BF16 tensors are returned as float32. Throws on a malformed file. */
export function decodeSafetensors(bytes: Uint8Array): SafetensorsContent {
  if (bytes.length < 8) throw new Error('safetensors: file shorter than its 8-byte header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (n > bytes.length - 8 || n > 100_000_000) throw new Error(`safetensors: header length ${n} exceeds the file (${bytes.length} bytes)`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    throw new Error(`safetensors: header is not JSON (${(e as Error).message})`);
  }
  const base = 8 + n;
  const dataLen = bytes.length - base;
  const metadata: Record<string, string> = {};
  const tensors = new Map<string, NamedTensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      for (const [k, v] of Object.entries((entry ?? {}) as Record<string, unknown>)) {
        if (typeof v !== 'string') throw new Error(`safetensors: metadata ${k} is not a string`);
        metadata[k] = v;
      }
      continue;
    }
    const { dtype, shape, data_offsets: off } = entry as { dtype: string; shape: number[]; data_offsets: [number, number] };
    const size = DTYPE_BYTES[dtype];
    if (!size) throw new Error(`safetensors: tensor ${name} has dtype ${dtype} (supported: ${Object.keys(DTYPE_BYTES).join(', ')})`);
    if (!Array.isArray(shape) || !shape.every((s) => Number.isSafeInteger(s) && s >= 0)) throw new Error(`safetensors: tensor ${name} has a bad shape`);
    const count = shape.reduce((a, b) => a * b, 1);
    if (!Array.isArray(off) || off.length !== 2 || off[1] - off[0] !== count * size || off[0] < 0 || off[1] > dataLen)
      throw new Error(`safetensors: tensor ${name} has data_offsets [${off}] that do not fit its shape [${shape}] (${dtype}) or the file`);
    const data = new Float32Array(count);
    const p = base + off[0];
    for (let i = 0; i < count; i++) {
      if (dtype === 'F32') data[i] = view.getFloat32(p + 4 * i, true);
      else if (dtype === 'F64') data[i] = view.getFloat64(p + 8 * i, true);
      else if (dtype === 'F16') data[i] = halfToFloat(view.getUint16(p + 2 * i, true));
      else data[i] = new Float32Array(new Uint32Array([view.getUint16(p + 2 * i, true) << 16]).buffer)[0];
    }
    tensors.set(name, { shape, data });
  }
  return { tensors, metadata };
}

/** Read a safetensors file. */
export function readSafetensors(path: string): SafetensorsContent {
  return decodeSafetensors(readFileSync(path));
}

/** Write a safetensors file atomically (temporary name, fsync, rename). */
export function writeSafetensors(path: string, tensors: Map<string, NamedTensor>, metadata: Record<string, string> = {}): void {
  writeFileAtomic(path, encodeSafetensors(tensors, metadata));
}

/** Write bytes to `path` atomically: a temporary file in the same folder, flushed, then renamed. */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
}
