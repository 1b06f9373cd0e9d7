import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';
import { text } from '../../shared/values';

/**
 * What the Junction event families share. Every enum Junction documents is non-exhaustive, so statuses,
 * types and interpretations are plain strings: an unknown value is passed on, never rejected.
 */
export const optionalText = z.string().nullish();
export const identifier = z.string().min(1);
export const looseObject = z.record(z.unknown()).nullish();

/** The envelope's own fields: whose event it is. */
export interface EnvelopeFields extends IDataObject {
	userId?: string | null;
	clientUserId?: string | null;
	teamId?: string | null;
}

export function envelopeFields(envelope: IDataObject, data: IDataObject): EnvelopeFields {
	return {
		userId: text(data.user_id) ?? text(envelope.user_id) ?? null,
		clientUserId: text(envelope.client_user_id) ?? null,
		teamId: text(envelope.team_id) ?? text(data.team_id) ?? null,
	};
}

export function objectAt(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

const titleCase = (value: string) =>
	value
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');

/** Options for a filter, named from the values, in alphabetical order. */
export function valueOptions(values: readonly string[]): INodePropertyOptions[] {
	return values
		.map((value) => ({ name: titleCase(value), value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
