import type { IDataObject } from 'n8n-workflow';

import { timestampToIso } from '../shared/timestamps';
import { text, withoutEmpty } from '../shared/values';
import { LML_TIME_ZONE, type LmlEvent } from './events';

export interface LmlFields extends IDataObject {
	testRegistrationId?: string;
	retestTestRegistrationId?: string;
	labId?: string;
	orderId?: string;
	/** ISO 8601 UTC. */
	sampleReceivedAt?: string;
	url?: string;
}

/** The ids an LML event is about, read from any payload: one that fails its schema keeps them. */
export function identifyLmlEvent(payload: IDataObject): LmlFields {
	const data = (
		typeof payload.data === 'object' && payload.data !== null ? payload.data : {}
	) as IDataObject;
	return withoutEmpty<LmlFields>({
		testRegistrationId: text(data.testregistration_id),
		retestTestRegistrationId: text(data.retest_testregistration_id),
		labId: text(data.lab_id),
		orderId: text(data.order_id),
	});
}

/** All typed fields of a valid LML event. */
export function describeLmlEvent(event: LmlEvent): LmlFields {
	const data = event.data as IDataObject;
	const sampleReceivedAt =
		typeof data.sample_received_at === 'string'
			? timestampToIso(data.sample_received_at, LML_TIME_ZONE)
			: undefined;
	return withoutEmpty<LmlFields>({
		...identifyLmlEvent(event as IDataObject),
		sampleReceivedAt,
		url: typeof data.url === 'string' ? data.url : undefined,
	});
}
