// Phrase dictionaries for the header rules: whole-header synonyms (training logs, time bases) and EMG muscle
// abbreviations as vendors print them (Noraxon 'RT TIB.ANT.', Delsys 'R TIBIALIS ANTERIOR: EMG 1').
// Keys are header tokens joined by single spaces (see tokenizeHeader).

import { CANONICAL_FIELDS } from '../formats/headermapVocabulary';

/** Whole-header phrase → canonical field (tried before the structured parsers). */
export const HEADER_SYNONYMS: Record<string, string> = {
  time: 'time', t: 'time', timestamp: 'time', 'time stamp': 'time', seconds: 'time', sec: 'time',
  'elapsed time': 'time', elapsed: 'time', 'time s': 'time', 'sample time fine': 'time', 'time sec': 'time',
  frame: 'frame', frames: 'frame', 'frame number': 'frame', 'frame no': 'frame', sample: 'frame',
  'sample number': 'frame', 'sample no': 'frame', 'packet counter': 'frame', index: 'frame', 'frame index': 'frame',
  'sub frame': 'subframe', subframe: 'subframe',
  date: 'date', 'session date': 'date', 'training date': 'date', 'activity date': 'date',
  athlete: 'athlete', player: 'athlete', 'player name': 'athlete', 'athlete name': 'athlete', name: 'athlete',
  'athlete id': 'athlete', 'player id': 'athlete', 'athlete code': 'athlete', 'player display name': 'athlete',
  'display name': 'athlete', 'abs time': 'time', 'absolute time': 'time', 'rel time': 'time', 'relative time': 'time',
  session: 'session_type', 'session type': 'session_type', drill: 'session_type', 'drill title': 'session_type',
  activity: 'session_type', 'period name': 'session_type', 'session name': 'session_type', sport: 'session_type',
  duration: 'minutes', 'total duration': 'minutes', 'session duration': 'minutes', minutes: 'minutes',
  mins: 'minutes', 'duration min': 'minutes', 'time on field': 'minutes', 'training time': 'minutes',
  'field time': 'minutes',
  rpe: 'srpe', 'session rpe': 'srpe', 'rpe cr 10': 'srpe', 'cr 10': 'srpe', 'borg cr 10': 'srpe', 'rpe 0 10': 'srpe',
  srpe: 'srpe', 's rpe': 'srpe', 'srpe load': 'session_load', 'session load': 'session_load', 'training load': 'session_load',
  'srpe tl': 'session_load', 'internal load': 'session_load', 'rpe load': 'session_load', 'rpe x duration': 'session_load',
  sleep: 'sleep_hours', 'sleep hours': 'sleep_hours', 'hours slept': 'sleep_hours', 'sleep duration': 'sleep_hours',
  'total sleep time': 'sleep_hours', tst: 'sleep_hours', 'hours of sleep': 'sleep_hours', 'sleep time': 'sleep_hours',
  'sleep quality': 'sleep_quality', 'sleep quality 1 5': 'sleep_quality', 'sleep score': 'sleep_quality',
  fatigue: 'fatigue', 'general fatigue': 'fatigue', tiredness: 'fatigue', 'fatigue 1 5': 'fatigue',
  soreness: 'soreness', 'muscle soreness': 'soreness', doms: 'soreness', 'soreness 1 5': 'soreness',
  stress: 'stress', 'stress level': 'stress', 'stress 1 5': 'stress', mood: 'mood', 'mood 1 5': 'mood',
  hrv: 'hrv_rmssd', rmssd: 'hrv_rmssd', 'hrv rmssd': 'hrv_rmssd', 'morning hrv': 'hrv_rmssd',
  'resting hr': 'resting_hr', rhr: 'resting_hr', 'resting heart rate': 'resting_hr',
  distance: 'distance', 'total distance': 'distance', dist: 'distance', 'total dist': 'distance',
  'distance total': 'distance', 'odometer': 'distance',
  hsr: 'hsr_distance', 'hsr distance': 'hsr_distance', 'high speed running': 'hsr_distance',
  'high speed distance': 'hsr_distance', 'hsr dist': 'hsr_distance', 'high speed running distance': 'hsr_distance',
  'high speed running absolute': 'hsr_distance', 'sprint distance': 'sprint_distance', 'sprint dist': 'sprint_distance',
  'sprint': 'sprint_distance', 'sprinting distance': 'sprint_distance',
  'meterage per minute': 'distance_rate', 'metres per minute': 'distance_rate', 'meters per minute': 'distance_rate',
  'distance per min': 'distance_rate', 'm min': 'distance_rate', 'relative distance': 'distance_rate',
  'player load': 'player_load', 'total player load': 'player_load', playerload: 'player_load',
  'player load total': 'player_load', 'body load': 'player_load', 'dynamic stress load': 'player_load',
  'max velocity': 'max_speed', 'max speed': 'max_speed', 'top speed': 'max_speed', 'maximum velocity': 'max_speed',
  'peak speed': 'max_speed', vmax: 'max_speed', 'max vel': 'max_speed', 'maximum speed': 'max_speed', 'peak velocity': 'max_speed',
  accelerations: 'accelerations', 'acc count': 'accelerations', 'accel efforts': 'accelerations',
  'acceleration efforts': 'accelerations', accels: 'accelerations', 'acceleration count': 'accelerations',
  decelerations: 'decelerations', decels: 'decelerations', 'deceleration efforts': 'decelerations',
  'dec count': 'decelerations', 'deceleration count': 'decelerations',
  'avg hr': 'hr_avg', 'average hr': 'hr_avg', 'hr avg': 'hr_avg', 'mean hr': 'hr_avg',
  'heart rate average': 'hr_avg', 'average heart rate': 'hr_avg', 'avg heart rate': 'hr_avg', 'hr mean': 'hr_avg',
  'max hr': 'hr_max', 'hr max': 'hr_max', 'maximum heart rate': 'hr_max', 'peak hr': 'hr_max',
  'heart rate max': 'hr_max', 'max heart rate': 'hr_max',
  'body mass': 'body_mass', 'body weight': 'body_mass', weight: 'body_mass', bm: 'body_mass', mass: 'body_mass',
  cadence: 'cadence', 'step rate': 'cadence', 'avg cadence': 'cadence', 'avg run cadence': 'cadence',
  'avg stride length': 'stride_length', 'stride length': 'stride_length', 'walking speed': 'walking_speed',
  'gait speed': 'walking_speed', 'gait velocity': 'walking_speed',
};

/** src/core/formats/headermap's synonyms not already above (fields without a <sensor> template): one
 * vocabulary for both mappers; tried after the structured parsers. */
export const IMPORTED_SYNONYMS: Record<string, string> = {};
for (const f of CANONICAL_FIELDS) {
  if (f.field.includes('<')) continue;
  for (const s of f.synonyms) {
    const key = s.replace(/[^a-z0-9µ]+/g, ' ').trim();
    if (key !== '' && HEADER_SYNONYMS[key] === undefined && IMPORTED_SYNONYMS[key] === undefined) IMPORTED_SYNONYMS[key] = f.field;
  }
}

/** Muscle phrase (tokens joined by spaces) → canonical muscle; longer phrases are tried first. */
export const MUSCLE_ALIASES: Record<string, string> = {
  'tibialis anterior': 'tibialis_anterior', 'tib ant': 'tibialis_anterior', 'tib anterior': 'tibialis_anterior',
  'anterior tibialis': 'tibialis_anterior',
  'gastrocnemius medialis': 'gastrocnemius_medialis', 'medial gastrocnemius': 'gastrocnemius_medialis',
  'med gastro': 'gastrocnemius_medialis', 'gastroc med': 'gastrocnemius_medialis', 'med gastroc': 'gastrocnemius_medialis',
  'gastro med': 'gastrocnemius_medialis', 'gas med': 'gastrocnemius_medialis', 'gastrocnemius medial': 'gastrocnemius_medialis',
  'medial gastroc': 'gastrocnemius_medialis',
  'gastrocnemius lateralis': 'gastrocnemius_lateralis', 'lateral gastrocnemius': 'gastrocnemius_lateralis',
  'lat gastro': 'gastrocnemius_lateralis', 'gastroc lat': 'gastrocnemius_lateralis', 'gastro lat': 'gastrocnemius_lateralis',
  'gas lat': 'gastrocnemius_lateralis', 'lat gastroc': 'gastrocnemius_lateralis', 'gastrocnemius lateral': 'gastrocnemius_lateralis',
  soleus: 'soleus', sol: 'soleus',
  'peroneus longus': 'peroneus_longus', 'fibularis longus': 'peroneus_longus', 'peron long': 'peroneus_longus',
  'peroneus': 'peroneus_longus',
  'vastus lateralis': 'vastus_lateralis', 'vastus lat': 'vastus_lateralis', 'vast lat': 'vastus_lateralis',
  'vastus medialis': 'vastus_medialis', 'vastus med': 'vastus_medialis', 'vast med': 'vastus_medialis',
  'vmo': 'vastus_medialis', 'vastus medialis obliquus': 'vastus_medialis',
  'rectus femoris': 'rectus_femoris', 'rectus fem': 'rectus_femoris', 'rect fem': 'rectus_femoris',
  'biceps femoris': 'biceps_femoris', 'biceps fem': 'biceps_femoris', 'bic fem': 'biceps_femoris',
  'lateral hamstring': 'biceps_femoris', 'lat hamstring': 'biceps_femoris',
  semitendinosus: 'semitendinosus', semitend: 'semitendinosus', 'semi tend': 'semitendinosus',
  'medial hamstring': 'semitendinosus', 'med hamstring': 'semitendinosus',
  'gluteus maximus': 'gluteus_maximus', 'glut max': 'gluteus_maximus', 'gluteus max': 'gluteus_maximus',
  'glute max': 'gluteus_maximus',
  'gluteus medius': 'gluteus_medius', 'glut med': 'gluteus_medius', 'gluteus med': 'gluteus_medius',
  'glute med': 'gluteus_medius',
  'tensor fasciae latae': 'tensor_fasciae_latae', tfl: 'tensor_fasciae_latae',
  'adductor longus': 'adductor_longus', 'add long': 'adductor_longus', 'adductor': 'adductor_longus',
  'erector spinae': 'erector_spinae', 'lumbar erector spinae': 'erector_spinae', 'lumb erector sp': 'erector_spinae',
  'lumbar es': 'erector_spinae', multifidus: 'multifidus',
  'rectus abdominis': 'rectus_abdominis', 'rect abdom': 'rectus_abdominis', 'rectus abdom': 'rectus_abdominis',
  'external oblique': 'external_oblique', 'ext oblique': 'external_oblique', 'obliquus externus': 'external_oblique',
  'biceps brachii': 'biceps_brachii', 'biceps br': 'biceps_brachii', 'triceps brachii': 'triceps_brachii',
  'triceps br': 'triceps_brachii', 'triceps': 'triceps_brachii',
  'anterior deltoid': 'deltoid_anterior', 'deltoid anterior': 'deltoid_anterior', 'delt ant': 'deltoid_anterior',
  'middle deltoid': 'deltoid_medius', 'deltoid middle': 'deltoid_medius', 'delt med': 'deltoid_medius',
  'posterior deltoid': 'deltoid_posterior', 'deltoid posterior': 'deltoid_posterior', 'delt post': 'deltoid_posterior',
  'upper trapezius': 'trapezius_upper', 'trapezius upper': 'trapezius_upper', 'upper trap': 'trapezius_upper',
  'latissimus dorsi': 'latissimus_dorsi', 'lat dorsi': 'latissimus_dorsi',
  'pectoralis major': 'pectoralis_major', 'pect major': 'pectoralis_major',
  'flexor carpi radialis': 'flexor_carpi_radialis', 'extensor carpi radialis': 'extensor_carpi_radialis',
};

/** Muscle aliases sorted longest first (so 'vastus medialis obliquus' wins over 'vastus med'). */
export const MUSCLE_PHRASES: ReadonlyArray<[string, string]> = Object.entries(MUSCLE_ALIASES).sort(
  (a, b) => b[0].split(' ').length - a[0].split(' ').length || b[0].length - a[0].length,
);

/** Headers known to carry no canonical field (clock parts, status words, rotation-matrix cells). */
export const KNOWN_UNMAPPED = new Set([
  'year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond', 'utc year', 'utc month', 'utc day', 'utc hour',
  'utc minute', 'utc second', 'utc nano', 'status', 'status word', 'sync', 'trigger', 'marker', 'comment', 'notes',
  'event', 'events', 'mat', 'blank', 'unused',
]);
