import type { IDataObject } from 'n8n-workflow';

import { familyOf, type JunctionEvent, type JunctionFamilies } from './events';
import { envelopeFields, objectAt, type EnvelopeFields } from './events/common';
import type { FieldsOf } from './events/family';

/** The typed fields of a Junction trigger item: those of the event's family, and whose event it is. */
export type JunctionFields = EnvelopeFields &
	FieldsOf<JunctionFamilies> & {
		/** The delivery had no envelope: its event type was read from the shape of the body. */
		eventTypeInferred?: boolean;
	};

/** The ids a Junction event is about, read from any payload of a known event, valid or not. */
export function identifyJunctionEvent(event: string, payload: IDataObject): JunctionFields {
	const data = objectAt(payload.data);
	const ids = familyOf(event)?.identify(data) ?? {};
	return { ...ids, ...envelopeFields(payload, data), ...inferred(payload) };
}

/** All typed fields of a valid Junction event. */
export function describeJunctionEvent(event: JunctionEvent): JunctionFields {
	const fields = familyOf(event.event_type)!.describe(event.data) as IDataObject;
	return {
		...fields,
		...envelopeFields(event as IDataObject, objectAt(event.data)),
		...inferred(event as IDataObject),
	} as JunctionFields;
}

/**
 * Marks an envelope this node built around a bare order or appointment (some Junction doc pages show
 * deliveries without the envelope); its event type was inferred from the shape.
 */
export const INFERRED_EVENT_TYPE = 'event_type_inferred';

function inferred(payload: IDataObject): { eventTypeInferred?: boolean } {
	return payload[INFERRED_EVENT_TYPE] === true ? { eventTypeInferred: true } : {};
}
