import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS, OTHER_EVENT } from './source';

/** Display data for one event; the schema that goes with it lives beside it in the provider's events file. */
export interface EventOption {
	displayName: string;
	description: string;
}

export interface EventsPropertyTexts {
	description: string;
	/** What All Events covers. */
	allDescription: string;
	/** Offers "Other (Unknown Events)" with this description: only a webhook can receive unknown types. */
	otherDescription?: string;
}

/** The Events menu of a trigger: All Events, then the known events by name (and Other). */
export function eventsProperty(
	events: Record<string, EventOption>,
	texts: EventsPropertyTexts,
): INodeProperties {
	const known: INodePropertyOptions[] = Object.entries(events)
		.map(([value, option]) => ({
			name: option.displayName,
			value,
			description: option.description,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	const other: INodePropertyOptions[] = texts.otherDescription
		? [{ name: 'Other (Unknown Events)', value: OTHER_EVENT, description: texts.otherDescription }]
		: [];
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [ALL_EVENTS],
		description: texts.description,
		options: [
			{ name: 'All Events', value: ALL_EVENTS, description: texts.allDescription },
			...known,
			...other,
		],
	};
}
