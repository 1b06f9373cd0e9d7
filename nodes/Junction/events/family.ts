import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { EventOption } from '../../shared/trigger/eventsProperty';
import { optionalText } from './common';

/**
 * One family of Junction events: the events that carry the same `data` (an order, an appointment…),
 * how its typed fields are read, and its entries in the Events menu. A new family is its file and one
 * line in index.ts.
 */
export interface EventFamily<
	Names extends string,
	Data extends z.ZodTypeAny,
	Fields extends IDataObject,
> {
	/** What the events carry, as the filters and Fetch Full Data tell them apart. */
	kind: string;
	data: Data;
	/** The ids an event is about, from any `data`, valid or not. */
	identify(data: IDataObject): Fields;
	/** All typed fields of valid `data`. */
	describe(data: z.infer<Data>): Fields;
	events: Record<Names, EventOption>;
}

export function eventFamily<
	Names extends string,
	Data extends z.ZodTypeAny,
	Fields extends IDataObject,
>(family: EventFamily<Names, Data, Fields>): EventFamily<Names, Data, Fields> {
	return family;
}

/**
 * Junction's lab-testing webhooks (Svix): `{event_type, data, user_id, client_user_id, team_id}`, as
 * listed in its event catalogue and OpenAPI `webhooks`. The envelope keys besides `event_type` and
 * `data` are documented as required, but several doc examples omit them, and match-review events have
 * no user at all: they are optional. `client_user_id` is whatever the customer chose, not a UUID.
 */
export function envelope<Name extends string, Data extends z.ZodTypeAny>(event: Name, data: Data) {
	return z
		.object({
			event_type: z.literal(event),
			data,
			user_id: optionalText,
			client_user_id: optionalText,
			team_id: optionalText,
		})
		.passthrough();
}

export type Envelope<Name extends string, Data extends z.ZodTypeAny> = ReturnType<
	typeof envelope<Name, Data>
>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any family, whatever its names and data
export type AnyFamily = EventFamily<any, any, any>;

type Intersection<Union> = (Union extends unknown ? (whole: Union) => void : never) extends (
	whole: infer All,
) => void
	? All
	: never;

/** The envelope schema of every event of every family, by event name. */
export type SchemasOf<Families extends readonly AnyFamily[]> = Intersection<
	{
		[Index in keyof Families]: Families[Index] extends EventFamily<
			infer Names,
			infer Data,
			IDataObject
		>
			? { [Name in Names]: Envelope<Name, Data> }
			: never;
	}[number]
>;

/** The typed fields of every family, in one item type. */
export type FieldsOf<Families extends readonly AnyFamily[]> = Intersection<
	{
		[Index in keyof Families]: Families[Index] extends EventFamily<
			string,
			z.ZodTypeAny,
			infer Fields
		>
			? Fields
			: never;
	}[number]
>;

export function schemasOf<Families extends readonly AnyFamily[]>(
	families: Families,
): SchemasOf<Families> {
	const schemas: Record<string, z.ZodTypeAny> = {};
	for (const family of families)
		for (const name of Object.keys(family.events)) schemas[name] = envelope(name, family.data);
	return schemas as SchemasOf<Families>;
}
