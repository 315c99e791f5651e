// Which ANSUR II (Gordon et al. 2014, US Army NSRDEC TR-15/007) measurements feed the cohort model, and how
// each maps to a body-model quantity. ANSUR stores lengths in mm and weight in tenths of kg; the model is SI.

export interface CohortColumn {
  name: string; // model variable name
  column: string; // source table column
  scale: number; // multiply the source value by this to get SI
  unit: string; // SI unit after scaling
  meaning: string;
}

/** Default variables: stature, mass and the segment lengths/breadths a scaled body model needs. */
export const ANSUR_COHORT_COLUMNS: readonly CohortColumn[] = [
  { name: 'stature', column: 'stature', scale: 0.001, unit: 'm', meaning: 'standing height' },
  { name: 'mass', column: 'weightkg', scale: 0.1, unit: 'kg', meaning: 'body mass (ANSUR: tenths of kg)' },
  { name: 'trochanterionHeight', column: 'trochanterionheight', scale: 0.001, unit: 'm', meaning: 'hip (greater trochanter) height' },
  { name: 'buttockKneeLength', column: 'buttockkneelength', scale: 0.001, unit: 'm', meaning: 'thigh length proxy' },
  { name: 'kneeHeightMidpatella', column: 'kneeheightmidpatella', scale: 0.001, unit: 'm', meaning: 'knee height standing' },
  { name: 'tibialHeight', column: 'tibialheight', scale: 0.001, unit: 'm', meaning: 'knee joint line height (shank + foot)' },
  { name: 'lateralMalleolusHeight', column: 'lateralmalleolusheight', scale: 0.001, unit: 'm', meaning: 'ankle height' },
  { name: 'footLength', column: 'footlength', scale: 0.001, unit: 'm', meaning: 'foot length (heel to toe tip)' },
  { name: 'footBreadth', column: 'footbreadthhorizontal', scale: 0.001, unit: 'm', meaning: 'foot breadth' },
  { name: 'shoulderElbowLength', column: 'shoulderelbowlength', scale: 0.001, unit: 'm', meaning: 'upper arm length' },
  { name: 'radialeStylionLength', column: 'radialestylionlength', scale: 0.001, unit: 'm', meaning: 'forearm length' },
  { name: 'handLength', column: 'handlength', scale: 0.001, unit: 'm', meaning: 'hand length (wrist crease to middle fingertip)' },
  { name: 'palmLength', column: 'palmlength', scale: 0.001, unit: 'm', meaning: 'palm length' },
  { name: 'handBreadth', column: 'handbreadth', scale: 0.001, unit: 'm', meaning: 'hand breadth at metacarpals' },
  { name: 'biacromialBreadth', column: 'biacromialbreadth', scale: 0.001, unit: 'm', meaning: 'shoulder breadth' },
  { name: 'hipBreadth', column: 'hipbreadth', scale: 0.001, unit: 'm', meaning: 'hip breadth standing' },
  { name: 'sittingHeight', column: 'sittingheight', scale: 0.001, unit: 'm', meaning: 'sitting height (trunk + head)' },
];

/** ANSUR II's sex and age columns. */
export const ANSUR_SEX_COLUMN = 'Gender';
export const ANSUR_AGE_COLUMN = 'Age';
