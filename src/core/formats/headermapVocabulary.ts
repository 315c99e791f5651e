// The canonical column vocabulary headers are mapped onto, as data (a later LLM step reuses it).
// Sided fields end in `_r` / `_l`; IMU fields are templates `acc_x_<sensor>` filled with the sensor name.
// Angles follow ISB sign conventions (flexion, dorsiflexion positive; Wu et al. 2002); OpenSim's
// `knee_angle_r` (negative in flexion) maps to knee_flexion_r with lower confidence for that reason.

export type FieldKind = 'time' | 'angle' | 'force' | 'cop' | 'moment' | 'imu' | 'training';

export interface CanonicalField {
  field: string; // e.g. 'knee_flexion_l', 'acc_x_<sensor>'
  kind: FieldKind;
  unit: string | null; // the unit the field is usually given in
  description: string;
  synonyms: string[]; // exact header spellings (lower case, words separated by one space, no unit)
}

const SIDES = [['r', 'right'], ['l', 'left']] as const;

/** Sided joint angles: [joint, motion, description, extra synonym stems]. */
const ANGLES: Array<[string, string, string, string[]]> = [
  ['hip', 'flexion', 'hip flexion(+)/extension', ['hip flex', 'hip flx', 'hip fe']],
  ['hip', 'adduction', 'hip adduction(+)/abduction', ['hip add', 'hip aa']],
  ['hip', 'rotation', 'hip internal(+)/external rotation', ['hip rot', 'hip ie']],
  ['knee', 'flexion', 'knee flexion(+)/extension', ['knee flex', 'kn fl', 'knee flx', 'knee fe']],
  ['knee', 'adduction', 'knee adduction (varus +)', ['knee add', 'knee varus']],
  ['knee', 'rotation', 'knee internal(+)/external rotation', ['knee rot']],
  ['ankle', 'dorsiflexion', 'ankle dorsiflexion(+)/plantarflexion', ['ankle df', 'ankle dorsi', 'ank df', 'ankle dorsiflex']],
  ['ankle', 'inversion', 'ankle inversion(+)/eversion', ['ankle inv', 'subtalar angle']],
  ['shoulder', 'flexion', 'shoulder flexion(+)/extension', ['shoulder flex', 'sho flex']],
  ['shoulder', 'adduction', 'shoulder adduction(+)/abduction', ['shoulder add']],
  ['shoulder', 'rotation', 'shoulder internal(+)/external rotation', ['shoulder rot']],
  ['elbow', 'flexion', 'elbow flexion(+)/extension', ['elbow flex', 'elb flex']],
  ['wrist', 'flexion', 'wrist flexion(+)/extension', ['wrist flex']],
];

function sided(): CanonicalField[] {
  const out: CanonicalField[] = [];
  for (const [joint, motion, description, stems] of ANGLES) {
    for (const [s, word] of SIDES) {
      const base = `${joint} ${motion}`;
      const synonyms = [base, ...stems].flatMap((stem) => [`${stem} ${s}`, `${s} ${stem}`, `${word} ${stem}`, `${stem} ${word}`]);
      synonyms.push(`${joint}_${motion}_${s}`.replace(/_/g, ' '));
      out.push({ field: `${joint}_${motion}_${s}`, kind: 'angle', unit: 'deg', description: `${description}, ${word}`, synonyms });
    }
  }
  for (const axis of ['x', 'y', 'z'] as const) {
    for (const [s, word] of SIDES) {
      out.push({ field: `grf_${axis}_${s}`, kind: 'force', unit: 'N', description: `ground reaction force ${axis}, ${word} foot/plate`, synonyms: [`grf${axis} ${s}`, `grf ${axis} ${s}`, `f${axis} ${s}`, `${word} f${axis}`, `${word} grf ${axis}`, ...(axis === 'z' ? [`vgrf ${s}`, `${word} vgrf`, `vertical grf ${s}`, `${word} vertical force`] : [])] });
      out.push({ field: `cop_${axis}_${s}`, kind: 'cop', unit: 'm', description: `centre of pressure ${axis}, ${word}`, synonyms: [`cop${axis} ${s}`, `cop ${axis} ${s}`, `${word} cop ${axis}`, `${word} cop${axis}`] });
    }
  }
  return out;
}

const CENTRAL: CanonicalField[] = [
  { field: 'pelvis_tilt', kind: 'angle', unit: 'deg', description: 'pelvis anterior(+) tilt', synonyms: ['pelvis tilt', 'pelvic tilt'] },
  { field: 'pelvis_list', kind: 'angle', unit: 'deg', description: 'pelvis list (obliquity)', synonyms: ['pelvis list', 'pelvic obliquity', 'pelvis obliquity'] },
  { field: 'pelvis_rotation', kind: 'angle', unit: 'deg', description: 'pelvis rotation', synonyms: ['pelvis rotation', 'pelvic rotation'] },
  { field: 'lumbar_extension', kind: 'angle', unit: 'deg', description: 'lumbar extension(+)', synonyms: ['lumbar extension', 'trunk extension'] },
];

const IMU: CanonicalField[] = (['x', 'y', 'z'] as const).flatMap((a) => [
  { field: `acc_${a}_<sensor>`, kind: 'imu' as const, unit: 'm/s²', description: `linear acceleration ${a} of <sensor>`, synonyms: [`acc ${a}`, `acc${a}`, `accel ${a}`, `acceleration ${a}`] },
  { field: `gyr_${a}_<sensor>`, kind: 'imu' as const, unit: 'rad/s', description: `angular velocity ${a} of <sensor>`, synonyms: [`gyr ${a}`, `gyro ${a}`, `gyr${a}`, `angular velocity ${a}`] },
  { field: `mag_${a}_<sensor>`, kind: 'imu' as const, unit: 'µT', description: `magnetic field ${a} at <sensor>`, synonyms: [`mag ${a}`, `mag${a}`, `magnetic field ${a}`] },
]);

const TRAINING: CanonicalField[] = [
  { field: 'time', kind: 'time', unit: 's', description: 'time since the start of the recording', synonyms: ['time', 't', 'timestamp', 'time s', 'seconds'] },
  { field: 'frame', kind: 'time', unit: null, description: 'frame number', synonyms: ['frame', 'frame#', 'frame number', 'frames', 'sample'] },
  { field: 'date', kind: 'training', unit: null, description: 'session date', synonyms: ['date', 'day', 'session date', 'datum', 'training date', 'fecha'] },
  { field: 'athlete', kind: 'training', unit: null, description: 'athlete pseudonym', synonyms: ['athlete', 'athlete id', 'player', 'player id', 'pseudonym', 'subject', 'subject id', 'participant', 'name', 'athlete name', 'player name', 'code'] },
  { field: 'session_type', kind: 'training', unit: null, description: 'session type (e.g. training, match, gym)', synonyms: ['session type', 'session', 'type', 'activity', 'training type', 'session category', 'category', 'drill'] },
  { field: 'minutes', kind: 'training', unit: 'min', description: 'session duration in minutes', synonyms: ['minutes', 'duration', 'mins', 'min', 'session duration', 'session minutes', 'training minutes', 'time min', 'duration min', 'session time', 'training time', 'dur'] },
  { field: 'srpe', kind: 'training', unit: 'AU', description: 'session rating of perceived exertion, CR-10 (0–10; Foster 1998)', synonyms: ['srpe', 's rpe', 'session rpe', 'rpe', 'borg', 'cr10', 'cr 10', 'rating of perceived exertion', 'exertion'] },
  { field: 'session_load', kind: 'training', unit: 'AU', description: 'session load = sRPE × minutes, AU', synonyms: ['load', 'session load', 'srpe load', 'training load', 'srpe tl', 'tl', 'internal load', 'au'] },
  { field: 'sleep_hours', kind: 'training', unit: 'h', description: 'hours slept the night before', synonyms: ['sleep', 'sleep hours', 'sleep hrs', 'sleep duration', 'hours slept', 'hours of sleep', 'sleep h', 'sleep time'] },
  { field: 'sleep_quality', kind: 'training', unit: null, description: 'sleep quality rating', synonyms: ['sleep quality', 'sleep score', 'sleep rating'] },
  { field: 'nutrition', kind: 'training', unit: null, description: 'nutrition note or rating', synonyms: ['nutrition', 'diet', 'food', 'meals', 'nutrition score', 'fuelling', 'fueling', 'nutrition rating', 'nutrition quality'] },
  { field: 'injury', kind: 'training', unit: null, description: 'injury flag or note', synonyms: ['injury', 'injured', 'inj', 'injury flag', 'injury status', 'pain', 'niggle', 'niggles', 'injury note', 'injuries', 'health status'] },
  { field: 'notes', kind: 'training', unit: null, description: 'free-text notes', synonyms: ['notes', 'note', 'comment', 'comments', 'remarks'] },
  { field: 'body_mass', kind: 'training', unit: 'kg', description: 'body mass', synonyms: ['body mass', 'mass', 'weight', 'body weight', 'bw'] },
];

/** Every canonical field with its synonyms. */
export const CANONICAL_FIELDS: readonly CanonicalField[] = [...TRAINING, ...sided(), ...CENTRAL, ...IMU];
