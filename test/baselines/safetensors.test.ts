/**
 * safetensors: our writer against the format's definition (read back with a hand parse of the header and
 * with Python's struct/json, as other tools do), our reader on a file written by NumPy by hand (F32 and
 * F64, unsorted offsets, metadata), and malformed files rejected with a message.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSafetensors, encodeSafetensors, readSafetensors, writeSafetensors, type NamedTensor } from '../../src/baselines/safetensors';

const tensors = new Map<string, NamedTensor>([
  ['b.weight', { shape: [2, 3], data: Float32Array.from([1, -2, 3.5, 1e-30, -0, 7]) }],
  ['a.bias', { shape: [3], data: Float32Array.from([0.1, 0.2, 0.3]) }],
  ['scalar', { shape: [], data: Float32Array.from([42]) }],
]);

describe('safetensors', () => {
  it('round trip: values bit for bit, shapes, metadata; header 8-byte aligned, names sorted, data contiguous', () => {
    const bytes = encodeSafetensors(tensors, { n_embd: '64', note: 'ü' });
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    expect(header.__metadata__).toEqual({ n_embd: '64', note: 'ü' });
    expect(header['a.bias']).toEqual({ dtype: 'F32', shape: [3], data_offsets: [0, 12] });
    expect(header['b.weight'].data_offsets).toEqual([12, 36]);
    expect(bytes.length).toBe(8 + n + 40);
    const back = decodeSafetensors(bytes);
    for (const [k, t] of tensors) {
      expect(back.tensors.get(k)!.shape).toEqual(t.shape);
      expect(Array.from(back.tensors.get(k)!.data)).toEqual(Array.from(t.data));
    }
    expect(Object.is(back.tensors.get('b.weight')!.data[4], -0)).toBe(true);
  });

  it('Python reads our file and NumPy-written files read here (F32, F64, offsets out of name order)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icl-st-'));
    writeSafetensors(join(dir, 'ours.safetensors'), tensors, { k: 'v' });
    const py = `
import json, struct, sys, numpy as np
raw = open(sys.argv[1], 'rb').read(); n = struct.unpack('<Q', raw[:8])[0]; h = json.loads(raw[8:8+n]); base = 8 + n
e = h['b.weight']; a = np.frombuffer(raw[base+e['data_offsets'][0]:base+e['data_offsets'][1]], '<f4').reshape(e['shape'])
print(json.dumps({'b': a.tolist(), 'meta': h['__metadata__']}))
x = np.arange(6, dtype='<f8').reshape(2, 3) / 3; y = np.array([1.5, -2.25], dtype='<f4')
body = y.tobytes() + x.tobytes()
hdr = json.dumps({'x': {'dtype': 'F64', 'shape': [2, 3], 'data_offsets': [8, 56]}, 'y': {'dtype': 'F32', 'shape': [2], 'data_offsets': [0, 8]}, '__metadata__': {'format': 'pt'}}).encode()
open(sys.argv[2], 'wb').write(struct.pack('<Q', len(hdr)) + hdr + body)`;
    const out = JSON.parse(execFileSync('python3', ['-c', py, join(dir, 'ours.safetensors'), join(dir, 'np.safetensors')], { encoding: 'utf8' }));
    expect(out.b).toEqual([
      [1, -2, 3.5],
      [Math.fround(1e-30), -0, 7],
    ]);
    expect(out.meta).toEqual({ k: 'v' });
    const theirs = readSafetensors(join(dir, 'np.safetensors'));
    expect(Array.from(theirs.tensors.get('y')!.data)).toEqual([1.5, -2.25]);
    expect(Array.from(theirs.tensors.get('x')!.data)).toEqual([0, 1 / 3, 2 / 3, 1, 4 / 3, 5 / 3].map(Math.fround));
    expect(theirs.metadata).toEqual({ format: 'pt' });
    expect(readFileSync(join(dir, 'ours.safetensors')).length).toBeGreaterThan(8);
  });

  it('rejects truncated files, bad offsets and unknown dtypes with a message', () => {
    const good = encodeSafetensors(tensors);
    expect(() => decodeSafetensors(good.subarray(0, 5))).toThrow(/shorter/);
    expect(() => decodeSafetensors(good.subarray(0, good.length - 4))).toThrow(/data_offsets/);
    const hdr = new TextEncoder().encode(JSON.stringify({ t: { dtype: 'I8', shape: [1], data_offsets: [0, 1] } }));
    const bad = new Uint8Array(8 + hdr.length + 1);
    new DataView(bad.buffer).setBigUint64(0, BigInt(hdr.length), true);
    bad.set(hdr, 8);
    expect(() => decodeSafetensors(bad)).toThrow(/dtype I8/);
  });
});
