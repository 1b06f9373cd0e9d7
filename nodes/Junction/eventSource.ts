import type { EventSource, ReceivedEvent, TriggerContext } from '../shared/trigger/source';
import { junctionEventSchemas, kindOf } from './events';
import { describeJunctionEvent, identifyJunctionEvent, type JunctionFields } from './fields';
import { fetchFullData } from './fullData';
import { junction } from './provider';
import type { JunctionTriggerOptions } from './webhook';

/** A filter passes when nothing is chosen, or when the value is one of those chosen. */
function chosen(context: TriggerContext, parameter: string, value: unknown): boolean {
	const values = context.getNodeParameter(parameter, []) as string[];
	return values.length === 0 || values.includes(String(value));
}

/**
 * Order events are filtered by status and modality, appointment events by appointment status and
 * modality; other events pass. An event that failed validation is emitted with its issues, unfiltered.
 */
function matchesFilters(context: TriggerContext, event: ReceivedEvent<JunctionFields>): boolean {
	if (!event.valid) return true;
	const family = kindOf(event.name);
	const { status, modality, appointmentStatus } = event.fields;
	if (family === 'order')
		return chosen(context, 'statuses', status) && chosen(context, 'modalities', modality);
	if (family === 'appointment') {
		return (
			chosen(context, 'appointmentStatuses', appointmentStatus) &&
			chosen(context, 'modalities', modality)
		);
	}
	return true;
}

/** What the Junction triggers know about its events, however they arrive. */
export const junctionEventSource: EventSource<
	typeof junctionEventSchemas,
	JunctionFields,
	JunctionTriggerOptions
> = {
	provider: junction,
	schemas: junctionEventSchemas,
	identify: identifyJunctionEvent,
	describe: (parsed) => describeJunctionEvent(parsed.data),
	accepts: matchesFilters,
	enrich: fetchFullData,
};
