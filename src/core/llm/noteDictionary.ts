// Clinical vocabulary for note extraction: injured structures, procedures, joints and motions, digits and
// common medications. Keys are canonical snake-case names; values are the phrases notes use (lower case,
// matched as whole words). Longer phrases are tried first.

export const STRUCTURES: Record<string, string[]> = {
  acl: ['anterior cruciate ligament', 'anterior cruciate', 'acl'],
  pcl: ['posterior cruciate ligament', 'posterior cruciate', 'pcl'],
  mcl: ['medial collateral ligament', 'mcl'],
  lcl: ['lateral collateral ligament', 'lcl'],
  meniscus: ['medial meniscus', 'lateral meniscus', 'meniscal', 'meniscus', 'menisci'],
  ankle_ligament: ['anterior talofibular ligament', 'atfl', 'lateral ankle ligament', 'lateral ankle', 'ankle sprain', 'inversion sprain', 'ankle ligament', 'high ankle sprain', 'syndesmosis', 'syndesmotic'],
  achilles: ['achilles tendon', 'achilles', 'tendo achilles'],
  hamstring: ['biceps femoris', 'hamstring', 'hamstrings'],
  quadriceps: ['rectus femoris', 'quadriceps', 'quad'],
  calf: ['gastrocnemius', 'soleus', 'calf'],
  adductor: ['adductor longus', 'adductor', 'groin'],
  hip_labrum: ['acetabular labrum', 'hip labrum', 'hip labral', 'labral tear of the hip'],
  patellar_tendon: ['patellar tendon', 'patellar tendinopathy', "jumper's knee", 'patellar tendinitis'],
  patellofemoral: ['patellofemoral', 'pfps', 'anterior knee pain', 'patellar dislocation', 'patella dislocation'],
  rotator_cuff: ['rotator cuff', 'supraspinatus', 'infraspinatus', 'subscapularis'],
  shoulder_instability: ['shoulder dislocation', 'dislocated shoulder', 'glenohumeral dislocation', 'shoulder instability', 'bankart', 'glenoid labrum', 'slap'],
  ucl_elbow: ['ulnar collateral ligament', 'ucl'],
  lateral_epicondyle: ['lateral epicondylitis', 'lateral epicondylalgia', 'tennis elbow'],
  scaphoid: ['scaphoid'],
  distal_radius: ['distal radius', 'colles', 'wrist fracture'],
  metatarsal: ['metatarsal', 'jones fracture'],
  tibia: ['tibial shaft', 'tibia', 'tibial stress', 'shin splints', 'medial tibial stress syndrome', 'mtss'],
  fibula: ['fibula', 'fibular'],
  femur: ['femoral shaft', 'femur', 'femoral neck'],
  clavicle: ['clavicle', 'collarbone', 'clavicular'],
  plantar_fascia: ['plantar fasciitis', 'plantar fascia', 'plantar fasciopathy'],
  lumbar_spine: ['lumbar disc', 'disc herniation', 'low back', 'lumbar spine', 'spondylolysis', 'pars', 'l4/5', 'l5/s1', 'lumbar'],
  cervical_spine: ['cervical spine', 'whiplash', 'neck'],
  concussion: ['concussion', 'mild traumatic brain injury', 'mtbi'],
  hip_flexor: ['iliopsoas', 'hip flexor'],
  it_band: ['iliotibial band', 'itb', 'it band'],
};

export const PROCEDURES: Record<string, string[]> = {
  acl_reconstruction: ['acl reconstruction', 'aclr', 'acl-r', 'anterior cruciate ligament reconstruction', 'acl repair', 'bptb graft', 'hamstring graft'],
  meniscectomy: ['partial meniscectomy', 'meniscectomy', 'apm'],
  meniscus_repair: ['meniscal repair', 'meniscus repair'],
  achilles_repair: ['achilles repair', 'achilles tendon repair'],
  knee_arthroscopy: ['knee arthroscopy', 'arthroscopic debridement of the knee', 'knee scope'],
  hip_arthroscopy: ['hip arthroscopy', 'labral repair', 'fai surgery', 'femoroacetabular osteoplasty'],
  shoulder_stabilisation: ['bankart repair', 'latarjet', 'shoulder stabilisation', 'shoulder stabilization', 'capsulorrhaphy'],
  rotator_cuff_repair: ['rotator cuff repair', 'cuff repair', 'subacromial decompression'],
  ankle_stabilisation: ['brostrom', 'broström', 'ankle stabilisation', 'ankle stabilization', 'lateral ligament reconstruction'],
  fracture_fixation: ['orif', 'open reduction internal fixation', 'internal fixation', 'intramedullary nail', 'im nail', 'plate fixation', 'screw fixation', 'k-wire', 'k wire'],
  knee_replacement: ['total knee replacement', 'total knee arthroplasty', 'tka', 'tkr', 'knee replacement', 'unicompartmental knee'],
  hip_replacement: ['total hip replacement', 'total hip arthroplasty', 'tha', 'thr', 'hip replacement', 'hemiarthroplasty'],
  microfracture: ['microfracture'],
  discectomy: ['microdiscectomy', 'discectomy', 'laminectomy', 'spinal fusion'],
  ucl_reconstruction: ['tommy john', 'ucl reconstruction'],
  carpal_tunnel_release: ['carpal tunnel release'],
};

/** Joint words → canonical joint for ROM restrictions. */
export const JOINTS: Record<string, string[]> = {
  knee: ['knee'], hip: ['hip'], ankle: ['ankle', 'talocrural'], shoulder: ['shoulder', 'glenohumeral'],
  elbow: ['elbow'], wrist: ['wrist'], spine: ['lumbar spine', 'cervical spine', 'thoracic spine', 'spine', 'trunk'],
  subtalar: ['subtalar'], mcp: ['mcp', 'metacarpophalangeal'], pip: ['pip'], mtp: ['first mtp', 'mtp', 'hallux'],
};

export const MOTIONS: Record<string, string[]> = {
  flexion: ['flexion', 'flex'], extension: ['extension', 'ext'], dorsiflexion: ['dorsiflexion', 'df'],
  plantarflexion: ['plantarflexion', 'plantar flexion', 'pf'], abduction: ['abduction', 'abd'],
  adduction: ['adduction'], internal_rotation: ['internal rotation', 'ir'], external_rotation: ['external rotation', 'er'],
  pronation: ['pronation'], supination: ['supination'], inversion: ['inversion'], eversion: ['eversion'],
  rotation: ['rotation'], lateral_flexion: ['lateral flexion', 'side flexion', 'side bending'],
};

/** Digit words → number (1 thumb/hallux … 5 little finger/toe). */
export const DIGIT_WORDS: Record<string, number> = {
  thumb: 1, hallux: 1, 'big toe': 1, 'great toe': 1, first: 1, '1st': 1,
  index: 2, second: 2, '2nd': 2, middle: 3, long: 3, third: 3, '3rd': 3,
  ring: 4, fourth: 4, '4th': 4, little: 5, small: 5, pinky: 5, pinkie: 5, fifth: 5, '5th': 5,
};

export const MEDICATIONS = [
  'ibuprofen', 'naproxen', 'paracetamol', 'acetaminophen', 'diclofenac', 'celecoxib', 'meloxicam', 'etoricoxib',
  'tramadol', 'codeine', 'oxycodone', 'morphine', 'metformin', 'insulin', 'levothyroxine', 'atorvastatin',
  'simvastatin', 'rosuvastatin', 'lisinopril', 'amlodipine', 'ramipril', 'metoprolol', 'bisoprolol', 'salbutamol',
  'albuterol', 'fluticasone', 'budesonide', 'montelukast', 'sertraline', 'fluoxetine', 'citalopram',
  'escitalopram', 'amitriptyline', 'duloxetine', 'gabapentin', 'pregabalin', 'omeprazole', 'pantoprazole',
  'prednisolone', 'prednisone', 'methotrexate', 'warfarin', 'apixaban', 'rivaroxaban', 'aspirin',
  'cholecalciferol', 'vitamin d', 'ferrous sulfate', 'ferrous sulphate', 'cetirizine', 'loratadine', 'baclofen',
  'tizanidine', 'botulinum toxin', 'adalimumab', 'sumatriptan', 'propranolol', 'furosemide',
  'hydrochlorothiazide', 'losartan', 'allopurinol', 'colchicine', 'methylphenidate', 'combined oral contraceptive',
  'levonorgestrel', 'folic acid', 'oral contraceptive', 'levodopa', 'carbidopa', 'ropinirole', 'pramipexole',
  'donepezil', 'quetiapine', 'olanzapine', 'lithium', 'mirtazapine', 'venlafaxine', 'clopidogrel', 'digoxin', 'ethinylestradiol', 'hydroxychloroquine', 'sulfasalazine', 'zoledronic acid', 'alendronate',
  'calcium carbonate', 'melatonin', 'diazepam', 'enoxaparin', 'dexamethasone', 'etanercept', 'topiramate',
];

/** Phrase lists sorted longest first, as [phrase, canonical] pairs. */
export function phraseIndex(dict: Record<string, string[]>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [key, phrases] of Object.entries(dict)) for (const p of phrases) pairs.push([p, key]);
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const compiled = new Map<string, RegExp>(); // phrase → whole-word pattern, built once

function wordPattern(phrase: string): RegExp {
  let re = compiled.get(phrase);
  if (re === undefined) {
    re = new RegExp(`(^|[^a-z0-9])${escapeRe(phrase)}(?![a-z0-9])`, 'i');
    compiled.set(phrase, re);
  }
  return re;
}

/** First canonical key whose phrase occurs as whole words in `text` (lower-cased), with its position. */
export function findPhrase(text: string, index: Array<[string, string]>): { key: string; at: number; phrase: string } | null {
  let best: { key: string; at: number; phrase: string } | null = null;
  for (const [phrase, key] of index) {
    if (!text.includes(phrase)) continue; // cheap pre-check before the regex
    const m = wordPattern(phrase).exec(text);
    if (m && (best === null || m.index < best.at)) best = { key, at: m.index + m[1].length, phrase };
  }
  return best;
}

/** Canonical structure key for free text (a model's 'anterior cruciate ligament' → 'acl'); text itself when unknown. */
export function canonicalStructure(text: string): string {
  return findPhrase(text.toLowerCase(), STRUCTURE_INDEX)?.key ?? text.trim().toLowerCase().replace(/\s+/g, '_');
}

/** Canonical procedure key for free text; the text itself when unknown. */
export function canonicalProcedure(text: string): string {
  return findPhrase(text.toLowerCase(), PROCEDURE_INDEX)?.key ?? text.trim().toLowerCase().replace(/\s+/g, '_');
}

/** Canonical joint key for free text; the text itself when unknown. */
export function canonicalJoint(text: string): string {
  return findPhrase(text.toLowerCase(), JOINT_INDEX)?.key ?? text.trim().toLowerCase().replace(/\s+/g, '_');
}

export const STRUCTURE_INDEX = phraseIndex(STRUCTURES);
export const PROCEDURE_INDEX = phraseIndex(PROCEDURES);
export const JOINT_INDEX = phraseIndex(JOINTS);
export const MOTION_INDEX = phraseIndex(MOTIONS);

/** A dictionary key when `text` names a known entry, else the text as written (trimmed). */
export function knownKeyOr(text: string, index: Array<[string, string]>): string {
  return findPhrase(text.toLowerCase(), index)?.key ?? text.trim();
}
