import type { IDataObject } from 'n8n-workflow';

import { kitsFromAnyShape } from './events';

/**
 * What a Hurdle item says, read from any payload, valid or not: Hurdle's bodies are flat and mostly
 * undocumented, and a GET delivery carries every value as a string.
 */
function idText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** Kit ids from `kits` in any shape plus a top-level `kitId`, without repeats. */
export function kitIdsFrom(payload: IDataObject): string[] | undefined {
	const fromKits = kitsFromAnyShape(payload.kits);
	const ids = Array.isArray(fromKits)
		? fromKits.map((kit) => idText((kit as IDataObject | undefined)?.kitId))
		: [];
	ids.push(idText(payload.kitId));
	const unique = [...new Set(ids.filter((id): id is string => id !== undefined))];
	return unique.length ? unique : undefined;
}

/** Every top-level `…At` field that holds a date, as ISO-8601 UTC. */
export function timestampsFrom(payload: IDataObject): IDataObject | undefined {
	let timestamps: IDataObject | undefined;
	for (const key of Object.keys(payload)) {
		const value = payload[key];
		if (!key.endsWith('At') || typeof value !== 'string') continue;
		const time = Date.parse(value);
		if (!Number.isNaN(time)) (timestamps ??= {})[key] = new Date(time).toISOString();
	}
	return timestamps;
}

/** The ids that say which order, kit and test an event is about, read from any payload, valid or not. */
export function hurdleIdentifiers(payload: IDataObject) {
	return {
		orderNumber: idText(payload.orderNumber),
		testId: idText(payload.testId),
		kitIds: kitIdsFrom(payload),
	};
}

/** What identifies one Hurdle delivery: the event's ids, version and times (the dedup fingerprint's parts). */
export function hurdleDeliveryIdentity(payload: IDataObject) {
	return {
		...hurdleIdentifiers(payload),
		version: idText(payload.version),
		timestamps: timestampsFrom(payload),
	};
}

/** The typed fields of a Hurdle trigger item. */
export interface HurdleFields extends IDataObject {
	/** As sent, in its letter case. */
	eventType?: string;
	version?: string;
	userId?: string;
	productCode?: string;
	orderNumber?: string;
	testId?: string;
	kitIds?: string[];
	barcode?: string;
	appointmentId?: string;
	carrier?: string;
	trackingCode?: string;
	trackingUrl?: string;
	/** Hurdle's own `…At` fields, ISO 8601 UTC, under their own names. */
	timestamps?: IDataObject;
}

/**
 * The typed fields of any Hurdle payload, valid or not: Hurdle's bodies are flat and mostly
 * undocumented, so everything is read leniently. Event times go under `timestamps`, keeping Hurdle's
 * names: ORDER.RECEIVED's `receivedAt` would otherwise clash with the time n8n received the webhook.
 */
export function describeHurdleEvent(payload: IDataObject): HurdleFields {
	const fields: HurdleFields = {
		eventType: typeof payload.eventType === 'string' ? payload.eventType : undefined,
		version: idText(payload.version),
		userId: idText(payload.userId),
		productCode: idText(payload.productCode),
		...hurdleIdentifiers(payload),
		barcode: idText(payload.barcode),
		appointmentId: idText(payload.appointmentId),
		carrier: idText(payload.carrier),
		trackingCode: idText(payload.trackingCode),
		trackingUrl: idText(payload.trackingUrl),
		timestamps: timestampsFrom(payload),
	};
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined),
	) as HurdleFields;
}
