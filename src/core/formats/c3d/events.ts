// Events: the EVENT group (LABELS, CONTEXTS, TIMES as [minutes, seconds] pairs, DESCRIPTIONS, USED) and, when it
// is absent, the up-to-18 header events (4-character labels, times in s).
import type { TrialEvent } from '../../model/trial';
import type { C3dHeaderEvent } from './header';
import type { C3dParameters } from './parameters';
import { getCount, getNumbers, getStrings } from './paramAccess';

/** Trial events from the EVENT group when it lists any, else from the header. */
export function readEvents(params: C3dParameters, headerEvents: C3dHeaderEvent[], warnings: string[]): TrialEvent[] {
  const group = params.groups.get('EVENT');
  if (group && group.params.has('TIMES')) {
    const times = getNumbers(params, 'EVENT', 'TIMES') ?? [];
    const labels = getStrings(params, 'EVENT', 'LABELS') ?? [];
    const contexts = getStrings(params, 'EVENT', 'CONTEXTS') ?? [];
    const descriptions = getStrings(params, 'EVENT', 'DESCRIPTIONS') ?? [];
    const timeDims = group.params.get('TIMES')?.dims ?? [];
    const perEvent = timeDims.length >= 2 ? timeDims[0] : 2;
    const available = perEvent === 2 ? Math.floor(times.length / 2) : times.length;
    let used = getCount(params, 'EVENT', 'USED') ?? available;
    if (used > available) {
      warnings.push(`EVENT:USED is ${used} but EVENT:TIMES holds ${available} events`);
      used = available;
    }
    const events: TrialEvent[] = [];
    for (let i = 0; i < used; i++) {
      const time = perEvent === 2 ? times[2 * i] * 60 + times[2 * i + 1] : times[i];
      const event: TrialEvent = { label: (labels[i] ?? '').trim(), context: (contexts[i] ?? '').trim(), time };
      const description = (descriptions[i] ?? '').trim();
      if (description) event.description = description;
      events.push(event);
    }
    if (used > 0 || headerEvents.length === 0) return events;
  }
  return headerEvents.map((e) => ({ label: e.label, context: '', time: e.time }));
}
