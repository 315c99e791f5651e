// TRC ⇄ Trial converters under the names the `convert` command uses.

import type { Trial } from '../model/trial';
import { readTrc, type ReadTrcOptions } from '../formats/trc/read';
import { writeTrc, type WriteTrcOptions } from '../formats/trc/write';

/** Trial points → TRC text (OpenSim layout). */
export function trialToTrc(trial: Trial, options: WriteTrcOptions = {}): string {
  return writeTrc(trial, options);
}

/** TRC text or bytes → Trial. */
export function trcToTrial(input: string | Uint8Array, options: ReadTrcOptions = {}): Trial {
  return readTrc(input, options);
}
