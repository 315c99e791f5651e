import type { Db } from './store';

// Typed arrays stored as blobs with their dtype, shape, units and rate, read back as the same typed array.
export type DType = 'f32' | 'f64' | 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32';
export type TypedArray = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

export interface SignalRecord {
  trialId: number;
  kind: string;
  name: string;
  data: TypedArray;
  shape: number[];
  units: unknown;
  rate: number | null;
  labels: string[];
}

const CTORS = {
  f32: Float32Array, f64: Float64Array, i8: Int8Array, u8: Uint8Array,
  i16: Int16Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array,
} as const;

export function dtypeOf(a: TypedArray): DType {
  for (const [k, C] of Object.entries(CTORS)) if (a instanceof C) return k as DType;
  throw new Error('unsupported typed array');
}

export function insertSignal(db: Db, s: SignalRecord): number {
  const expected = s.shape.reduce((a, b) => a * b, 1);
  if (expected !== s.data.length) throw new Error(`signal ${s.name}: shape ${JSON.stringify(s.shape)} does not match ${s.data.length} values`);
  const blob = Buffer.from(s.data.buffer, s.data.byteOffset, s.data.byteLength);
  const info = db
    .prepare('INSERT INTO signals (trial_id, kind, name, dtype, shape, units, rate, labels, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(s.trialId, s.kind, s.name, dtypeOf(s.data), JSON.stringify(s.shape), JSON.stringify(s.units ?? ''), s.rate, JSON.stringify(s.labels), blob);
  return Number(info.lastInsertRowid);
}

interface SignalRow { trial_id: number; kind: string; name: string; dtype: DType; shape: string; units: string; rate: number | null; labels: string; data: Buffer }

export function readSignals(db: Db, trialId: number, kind?: string): SignalRecord[] {
  const rows = (kind
    ? db.prepare('SELECT * FROM signals WHERE trial_id = ? AND kind = ? ORDER BY id').all(trialId, kind)
    : db.prepare('SELECT * FROM signals WHERE trial_id = ? ORDER BY id').all(trialId)) as SignalRow[];
  return rows.map((r) => {
    const C = CTORS[r.dtype];
    const copy = new Uint8Array(r.data.byteLength);
    copy.set(r.data);
    return {
      trialId: r.trial_id,
      kind: r.kind,
      name: r.name,
      data: new C(copy.buffer, 0, copy.byteLength / C.BYTES_PER_ELEMENT),
      shape: JSON.parse(r.shape) as number[],
      units: JSON.parse(r.units),
      rate: r.rate,
      labels: JSON.parse(r.labels) as string[],
    };
  });
}
