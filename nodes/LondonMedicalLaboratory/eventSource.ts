import type { EventSource } from '../shared/trigger/source';
import { lmlEventSchemas } from './events';
import { describeLmlEvent, identifyLmlEvent, type LmlFields } from './fields';
import { fetchFullData } from './fullData';
import { lml } from './provider';

/** What the LML triggers know about its events, however they arrive. */
export const lmlEventSource: EventSource<typeof lmlEventSchemas, LmlFields> = {
	provider: lml,
	schemas: lmlEventSchemas,
	identify: (_event, payload) => identifyLmlEvent(payload),
	describe: (parsed) => describeLmlEvent(parsed.data),
	enrich: fetchFullData,
};
