import type { z } from 'zod';

import type { EventOption } from '../../shared/trigger/eventsProperty';
import { appointmentEvents } from './appointments';
import { criticalResultEvents } from './criticalResults';
import { schemasOf, type AnyFamily } from './family';
import { matchReviewEvents } from './matchReviews';
import { orderEvents } from './orders';
import { parsingJobEvents } from './reportParsing';

export { appointmentStatusOptions, APPOINTMENT_STATUSES } from './appointments';
export { orderSchema } from './orders';
export {
	MODALITIES,
	modalityOptions,
	ORDER_STATUSES,
	orderStatus,
	orderStatusOptions,
	splitStatus,
	STATUSES_WITH_RESULTS,
	type OrderStatus,
} from './orderStatus';

/** Every family of Junction lab-testing events; the Events menu lists them in this order's names. */
const FAMILIES = [
	orderEvents,
	criticalResultEvents,
	appointmentEvents,
	matchReviewEvents,
	parsingJobEvents,
] as const;

export const junctionEventSchemas = schemasOf(FAMILIES);

export type JunctionFamilies = typeof FAMILIES;

export type JunctionEventName = keyof typeof junctionEventSchemas;
export type JunctionEvent<Name extends JunctionEventName = JunctionEventName> = z.infer<
	(typeof junctionEventSchemas)[Name]
>;

const FAMILY_OF = new Map<string, AnyFamily>(
	FAMILIES.flatMap((family) => Object.keys(family.events).map((name) => [name, family])),
);

/** The family an event name belongs to (its `data` kind); undefined for event types this node does not know. */
export function familyOf(event: string): AnyFamily | undefined {
	return FAMILY_OF.get(event);
}

/** The kind of `data` an event carries (`order`, `appointment`…); undefined for event types this node does not know. */
export function kindOf(event: string): string | undefined {
	return FAMILY_OF.get(event)?.kind;
}

export const junctionEventOptions = Object.assign(
	{},
	...FAMILIES.map((family) => family.events),
) as Record<JunctionEventName, EventOption>;
