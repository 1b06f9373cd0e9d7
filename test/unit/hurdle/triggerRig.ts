import type { IDataObject } from 'n8n-workflow';

import { hurdleEventSchemas, type HurdleEventName } from '../../../nodes/Hurdle/events';
import { triggerRig } from '../../support/triggerHarness';

/**
 * A Hurdle Trigger test file's setting (test/unit/hurdle/trigger/<topic>.test.ts): the harness with the
 * shared secret in its own header, the fake Hurdle API and a payload host (triggerRig).
 */
export const SECRET = 'hurdle-webhook-secret-for-tests';
export const HEADER = 'X-Hurdle-Secret';
export const EVENTS = Object.keys(hurdleEventSchemas) as HurdleEventName[];

export function hurdleTriggerRig() {
	const { harness, fake, payloadHost } = triggerRig('hurdle', {
		secret: SECRET,
		headerName: HEADER,
	});
	return { hurdle: harness, fake, payloadHost };
}

/** The typed part of an item: what describe() and the pipeline add, without the raw payload and arrival time. */
export function typed(json: IDataObject): IDataObject {
	const rest = { ...json };
	for (const key of ['payload', 'receivedAt', 'eventType']) delete rest[key];
	return rest;
}
