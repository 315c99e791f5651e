// The canonical, unit-checked recording every importer produces and every stage consumes.
// Plain data in flat typed arrays (MuJoCo-style): each field's shape and units are in its comment.
// SI inside: point coordinates in metres, forces in N, moments in N·m, times in s. The file's own units are
// kept beside the data (`originalUnits`) so a writer can emit them again.

/** Lab axis convention: which lab axis points up. C3D labs are usually Z-up, OpenSim is Y-up. */
export type UpAxis = 'x' | 'y' | 'z';

export interface PointData {
  labels: string[];
  descriptions: string[];
  rate: number; // Hz
  frames: number;
  firstFrame: number; // frame number of the first frame as the source counts it (C3D: 1-based)
  originalUnits: string; // e.g. 'mm' — units of the source file; `data` is always metres
  data: Float32Array; // frames × points × 3, metres, lab frame; NaN where the point is missing
  residuals: Float32Array; // frames × points, metres (C3D residual × |POINT:SCALE|); -1 where invalid/missing
  cameraMasks: Uint8Array; // frames × points, bit i set when camera i saw the point (C3D high byte)
}

export interface AnalogData {
  labels: string[];
  descriptions: string[];
  units: string[]; // per channel, as stated in the source (e.g. 'V', 'N', 'Nmm')
  rate: number; // Hz
  samples: number; // samples per channel
  channels: Float32Array[]; // one per channel, `samples` long, scaled to the channel's stated units
}

/** C3D force platform description (types 1–4), geometry in metres in the lab frame. */
export interface ForcePlate {
  type: 1 | 2 | 3 | 4;
  corners: Float64Array; // 4 × 3, metres, lab frame, in C3D corner order
  origin: Float64Array; // 3, metres: plate-frame vector from the plate's geometric centre to its sensor origin (C3D FORCE_PLATFORM:ORIGIN)
  channels: number[]; // 0-based analog channel indices used by this plate (6 for types 1, 2, 4; 8 for type 3)
  calMatrix: Float64Array | null; // 6 × 6 row-major, for type 4 (and type 2 when given), else null
}

export interface TrialEvent {
  label: string;
  context: string; // e.g. 'Left', 'Right', 'General', ''
  time: number; // s from the start of the recording
  description?: string;
}

export interface TrialMetadata {
  format: string; // 'c3d' | 'trc' | 'mot' | 'sto' | 'bvh' | 'imu' | 'force' | 'csv' | ...
  sourceSha256?: string;
  vendor?: string;
  software?: string;
  subject?: string; // pseudonym only — never a name
  upAxis: UpAxis;
  processor?: 'intel' | 'dec' | 'mips';
  storage?: 'integer' | 'float';
  warnings: string[];
  extra?: Record<string, unknown>; // format-specific facts (JSON-serialisable)
}

export interface Trial {
  points: PointData | null;
  analogs: AnalogData | null;
  forcePlates: ForcePlate[];
  events: TrialEvent[];
  metadata: TrialMetadata;
}

/** Index of (frame, point, axis) in PointData.data. */
export function pointIndex(pointCount: number, frame: number, point: number, axis: number): number {
  return (frame * pointCount + point) * 3 + axis;
}
