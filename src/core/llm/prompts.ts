// Prompt templates for the three tasks. Bump PROMPT_VERSION whenever a template's wording changes; the
// template hash (SHA-256 of the version and the template text) goes into every result's provenance.

import { sha256Hex } from '../hash/sha256';
import type { HeaderColumn } from './headerColumns';
import type { TaskName } from './schemas';
import type { Sniff } from './sniff';
import { CANONICAL_UNITS } from './units';
import { CENTRAL_COORDINATES, MUSCLES, PLAIN_FIELDS, SIDED_COORDINATES } from './vocabulary';

export const PROMPT_VERSION = 'kinetwin-llm-2';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

const ROUTE_SYSTEM = `You identify biomechanics and biomedical data files for an offline analysis app.
Given a file name, its first bytes and its first text lines, choose the importer that can read it and the kind of data.
Importers: c3d (binary C3D motion capture), trc (OpenSim marker file), mot (OpenSim .mot/.sto storage), bvh,
dicom, nifti, vicon-csv (Vicon Nexus CSV export), apdm-csv (APDM Opal CSV), xsens-txt (Xsens MT Manager text export),
delimited (any other CSV/TSV table), text-note (free-text clinical note), none (nothing can read it).
Kinds: mocap (marker trajectories or joint kinematics), force (ground reaction forces / force plates), imu (inertial
sensors), training_log (sessions, RPE, GPS, wellness), clinical_note, imaging, unknown.
Reply with JSON only, matching the given schema; confidence is your probability of being right (0–1).`;

const HEADERS_SYSTEM = `You map the column headers of biomechanics exports onto a canonical vocabulary.
For every header return {"header","field","unit","confidence"}; keep the headers exactly as given, in order.
field is one canonical name or null when none fits. Canonical names:
- time bases: time, frame, subframe
- sided joint angles <coordinate>_<r|l>; coordinates: ${SIDED_COORDINATES.join(', ')}
  (flexion and dorsiflexion positive; Plug-in Gait X/Y/Z = flexion/adduction/rotation; OpenSim knee_angle = knee_flexion)
- unsided: ${CENTRAL_COORDINATES.join(', ')}
- joint moments <coordinate>_moment_<r|l>; joint powers <hip|knee|ankle|shoulder|elbow|wrist>_power_<r|l>
- force plates: grf_<x|y|z>_<s>, cop_<x|y|z>_<s>, grm_<x|y|z>_<s> (plate moments), free_moment_<s>, where <s> is r or l
  when the side is known, else p<plate number> (p1 for the first or only plate); axes exactly as the file names them
- IMU: acc_<x|y|z>_<sensor>, gyr_<x|y|z>_<sensor>, mag_<x|y|z>_<sensor>, quat_<w|x|y|z>_<sensor>, roll_<sensor>,
  pitch_<sensor>, yaw_<sensor>, temperature_<sensor>, pressure_<sensor>; <sensor> is the sensor's placement or label
  in snake case with _r/_l for side (imu when the file names none)
- EMG: emg_<muscle>_<r|l> with muscle one of ${MUSCLES.join(', ')}; emg_ch<n> when the muscle is not named
- marker coordinates: marker_<label>_<x|y|z>
- training and wellness: ${PLAIN_FIELDS.filter((f) => !['time', 'frame', 'subframe'].includes(f)).join(', ')}
  (srpe = session RPE, the CR-10 rating; session_load = srpe × minutes, AU; minutes = session duration)
unit is the unit the header or units row states, one of: ${CANONICAL_UNITS.join(', ')}; null when none is stated.
Reply with JSON only, matching the given schema.`;

const EXTRACT_SYSTEM = `You extract structured facts from a de-identified clinical or sports-medicine note.
Masked details appear as [NAME], [PHONE], [EMAIL], [ADDRESS], [ID], [DATE] or [DATE:YYYY]; never guess them.
Rules: use null or an empty list when the note does not say. Convert units: stature_m in metres (5'10" = 1.778 m,
178 cm = 1.78 m), mass_kg in kilograms (1 lb = 0.45359237 kg). sex only as stated or clearly implied.
dominant_side: the dominant hand or leg. diagnoses: each with its ICD-10 code only when the note writes the code.
injuries: past or current injuries (structure, side left/right/bilateral, date as YYYY, YYYY-MM or YYYY-MM-DD).
surgeries: procedures the patient had (procedure, side, date). rom_restrictions: joint, side, motion and the
angle in degrees the note gives. digits: absent or extra fingers/toes (limb hand/foot, digit 1 = thumb or big toe
… 5 = little finger or toe, null for an extra digit). medications: generic name and dose as written.
Ignore family history and negated findings. Reply with JSON only, matching the given schema.`;

const SYSTEM: Record<TaskName, string> = { route: ROUTE_SYSTEM, 'map-headers': HEADERS_SYSTEM, extract: EXTRACT_SYSTEM };

/** SHA-256 (hex) of a task's prompt template together with PROMPT_VERSION. */
export function promptHash(task: TaskName): string {
  return sha256Hex(`${PROMPT_VERSION}\n${task}\n${SYSTEM[task]}`);
}

/** Messages asking a model to route a sniffed file. */
export function routeMessages(s: Sniff): ChatMessage[] {
  const lines = s.headerLines.length > 0 ? s.headerLines.join('\n') : '(binary: no text lines)';
  const user = `File name: ${s.fileName}\nExtension: ${s.extension || '(none)'}\nBytes examined: ${s.byteLength}\n` +
    `Binary: ${s.binary ? 'yes' : 'no'}\nRecognised signature: ${s.magic ?? 'none'}\nFirst 16 bytes (hex): ${s.headHex}\n` +
    `First lines:\n<<<\n${lines}\n>>>`;
  return [{ role: 'system', content: SYSTEM.route }, { role: 'user', content: user }];
}

/** Messages asking a model to map a table's headers (with units-row hints and file-level facts). */
export function headerMessages(columns: HeaderColumn[], layout: string): ChatMessage[] {
  const rows = columns.map((c) => {
    const hints: string[] = [];
    if (c.context.unitHint) hints.push(`units row: ${c.context.unitHint}`);
    if (c.context.angleUnit) hints.push(`file angles in ${c.context.angleUnit}`);
    if (c.context.markerColumn) hints.push('marker coordinate');
    return `${JSON.stringify(c.header)}${hints.length > 0 ? `  (${hints.join('; ')})` : ''}`;
  });
  const user = `File layout: ${layout}\nHeaders (${columns.length}), one per line:\n${rows.join('\n')}`;
  return [{ role: 'system', content: SYSTEM['map-headers'] }, { role: 'user', content: user }];
}

/** Messages asking a model to extract facts from a (redacted) note. */
export function extractMessages(redactedNote: string): ChatMessage[] {
  return [{ role: 'system', content: SYSTEM.extract }, { role: 'user', content: `Note:\n<<<\n${redactedNote}\n>>>` }];
}

/** The follow-up after an invalid reply: the reply itself, then what was wrong with it. */
export function retryMessages(rawReply: string, error: string): ChatMessage[] {
  return [
    { role: 'assistant', content: rawReply.slice(0, 8000) },
    { role: 'user', content: `That reply was invalid: ${error.slice(0, 2000)}\nReply again with corrected JSON that matches the schema exactly.` },
  ];
}
