// Scalar facts from a clinical note by rules: age, sex, stature, mass, dominant side. Unit conversions to SI:
// 1 lb = 0.45359237 kg, 1 in = 0.0254 m (exact, by the 1959 international yard and pound agreement).

const LB = 0.45359237;
const INCH = 0.0254;

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Age in years, or null. */
export function extractAge(text: string): number | null {
  const patterns = [
    /\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b/i,
    /\b(\d{1,3})\s?(?:yo|y\/o|y\.o\.|yrs?)(?![a-z])/i,
    /\bage[d:]?\s*:?\s*(\d{1,3})\b/i,
    /\b(\d{1,3})\s?(?:M|F)\b(?![a-z])/,
    /\b(\d{1,3}),?\s+(?:male|female|man|woman|boy|girl)\b/i,
    /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*,\s*(\d{1,3})\b/,
    /,\s*(\d{1,2}),\s*(?:male|female|m|f)\b/i,
    /\[NAME\],\s*(\d{1,3}),/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Sex as stated, or from the demographic shorthand and pronouns; null when nothing says. */
export function extractSex(text: string): 'female' | 'male' | 'other' | null {
  const labelled = /\b(?:sex|gender)\s*:?\s*(female|male|f|m|woman|man|non-binary|nonbinary|other)\b/i.exec(text);
  if (labelled) {
    const v = labelled[1].toLowerCase();
    return v === 'female' || v === 'f' || v === 'woman' ? 'female' : v === 'male' || v === 'm' || v === 'man' ? 'male' : 'other';
  }
  const short = /\b\d{1,3}\s?(M|F)\b/.exec(text) ?? /\b\d{1,3}[- ]?(?:year[- ]old|yo|y\/o|y\.o\.)\s*(M|F)\b/.exec(text);
  if (short) return short[1].toUpperCase() === 'F' ? 'female' : 'male';
  if (/\bnon-?binary\b/i.test(text)) return 'other';
  const female = text.match(/\b(female|woman|girl|lady|she|her|hers|mrs|ms)\b/gi)?.length ?? 0;
  const male = text.match(/\b(male|man|boy|gentleman|he|his|him|mr)\b/gi)?.length ?? 0;
  if (female === male) return null;
  return female > male ? 'female' : 'male';
}

const HEIGHT_CUE = /\b(height|ht|stature|tall|standing height|measures|measuring|stands)\b/i;

/** Stature in metres from cm, m or feet-and-inches; null when absent. */
export function extractStature(text: string): number | null {
  const ftIn = /\b([3-7])\s*(?:'|’|ft\.?|feet|foot)\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:"|”|''|in\.?|inches|inch)?)?/i.exec(text);
  if (ftIn && (HEIGHT_CUE.test(text.slice(Math.max(0, ftIn.index - 40), ftIn.index + 40)) || /['’]/.test(ftIn[0]) || /\bft|feet/i.test(ftIn[0]))) {
    const inches = Number(ftIn[1]) * 12 + (ftIn[2] ? Number(ftIn[2]) : 0);
    return round(inches * INCH, 3);
  }
  const re = /(\d{1,3}(?:[.,]\d{1,2})?)\s*(cm|centimet(?:er|re)s?|m|met(?:er|re)s?)\b/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const window = text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10);
    if (!HEIGHT_CUE.test(window)) continue;
    const value = Number(m[1].replace(',', '.'));
    const metres = /^c/i.test(m[2]) ? value / 100 : value;
    if (metres > 0.3 && metres < 3) return round(metres, 3);
  }
  // no cue word: a lone plausible stature in a demographic line ('31M, 179 cm, 74 kg')
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = Number(m[1].replace(',', '.'));
    const metres = /^c/i.test(m[2]) ? value / 100 : value;
    const line = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index + 30);
    if (metres >= 0.8 && metres <= 2.3 && /\b(kg|lbs?|male|female|man|woman|boy|girl|yo|y\.o\.|year)/i.test(line)) return round(metres, 3);
  }
  return null;
}

const MASS_CUE = /\b(weight|weighs|weighing|wt|mass|bw|body weight|body mass)\b/i;

/** Body mass in kg from kg or lb; null when absent. */
export function extractMass(text: string): number | null {
  const re = /(\d{2,3}(?:[.,]\d{1,2})?)\s*(kg|kgs|kilograms?|lbs?|pounds?)\b/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 35), m.index);
    if (!MASS_CUE.test(before) && !MASS_CUE.test(text.slice(m.index, m.index + m[0].length + 12))) continue;
    if (/\b(lost|gained|loss|gain|lifts?|lifting|squat|bench|deadlift|carry|carrying)\b[^.]*$/i.test(before)) continue;
    const value = Number(m[1].replace(',', '.'));
    return /^k/i.test(m[2]) ? round(value, 1) : round(value * LB, 1);
  }
  // no cue word: a kg/lb value beside a stature or demographics in the same line
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const line = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
    if (/\b(lost|gained|loss|gain|lifts?|lifting|squat|bench|deadlift|carry|carrying)\b/i.test(line)) continue;
    if (!/\b(cm|m|in|ft|male|female|man|woman|boy|girl|yo|y\.o\.|years?)\b|["'/]/i.test(line)) continue;
    const value = Number(m[1].replace(',', '.'));
    return /^k/i.test(m[2]) ? round(value, 1) : round(value * LB, 1);
  }
  return null;
}

/** Dominant hand/leg side. */
export function extractDominantSide(text: string): 'left' | 'right' | 'ambidextrous' | null {
  if (/\bambidextrous\b/i.test(text)) return 'ambidextrous';
  const patterns = [
    /\b(right|left)[- ]?(?:handed|footed|hand[- ]dominant|leg[- ]dominant|side[- ]dominant|dominant)\b/i,
    /\bdominant(?: hand| side| leg| limb| foot| arm)?\s*(?:is|:|=)?\s*(?:the\s+)?(right|left|r|l)\b/i,
    /\b(right|left) (?:hand|leg|foot|arm|side) (?:is )?dominant\b/i,
    /\b(?:kicks|throws|writes|bowls|serves) with (?:the |his |her |their )?(right|left)\b/i,
    /\b(R|L)[- ](?:hand )?dominant\b/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return /^r/i.test(m[1]) ? 'right' : 'left';
  }
  return null;
}
