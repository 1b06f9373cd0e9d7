import type { IDataObject } from 'n8n-workflow';

import type { EventSource } from '../shared/trigger/source';
import { hurdleEventSchemas } from './events';
import { describeHurdleEvent, type HurdleFields } from './fields';
import { fetchFullData } from './fullData';
import { hurdle } from './provider';
import type { HurdleTriggerOptions } from './webhook';

/** What the Hurdle triggers know about its events, however they arrive. */
export const hurdleEventSource: EventSource<
	typeof hurdleEventSchemas,
	HurdleFields,
	HurdleTriggerOptions
> = {
	provider: hurdle,
	schemas: hurdleEventSchemas,
	identify: (_event, payload) => describeHurdleEvent(payload),
	describe: (parsed) => describeHurdleEvent(parsed.data as IDataObject),
	enrich: fetchFullData,
};
