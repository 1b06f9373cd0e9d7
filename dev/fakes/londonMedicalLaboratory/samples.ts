import { lmlEventSchemas, type LmlEventName } from '../../../nodes/LondonMedicalLaboratory/events';
import { jsonDelivery, type SampleSource } from '../types';

/**
 * Realistic LML webhook bodies, shaped exactly like the ones in LML's webhook docs. The ids default to
 * records the fake LML API knows, so "Fetch Full Data" finds them.
 */
export interface LmlSampleIds {
	testRegistrationId: string;
	retestTestRegistrationId: string;
	orderId: string;
	labId: string;
	/** Host used for the payload's `url` field; the trigger must never call it. */
	payloadHost: string;
}

export const LML_SAMPLE_IDS: LmlSampleIds = {
	testRegistrationId: 'e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
	retestTestRegistrationId: '5a9e3c1f-7d2b-4c8e-9f10-3b6a2d4e8c71',
	orderId: '8c0f6d52-1e3a-4b7c-a9d8-2f5e6b7c8d90',
	labId: '123-456',
	payloadHost: 'https://api.londonmedicallaboratory.com',
};

export function lmlSample(
	event: LmlEventName,
	overrides: Partial<LmlSampleIds> = {},
): Record<string, unknown> {
	const ids = { ...LML_SAMPLE_IDS, ...overrides };
	const registrationUrl = `${ids.payloadHost}/api/test_registration/${ids.testRegistrationId}/`;
	const orderUrl = `${ids.payloadHost}/api/order/${ids.orderId}`;
	const data: Record<LmlEventName, Record<string, unknown>> = {
		'test_registration.complete': {
			testregistration_id: ids.testRegistrationId,
			url: registrationUrl,
		},
		'lab_results.complete': {
			testregistration_id: ids.testRegistrationId,
			url: `${registrationUrl}lab_results/`,
		},
		'test_registration.lml_lab_id_created': {
			testregistration_id: ids.testRegistrationId,
			lab_id: ids.labId,
		},
		'test_registration.sample_received': {
			testregistration_id: ids.testRegistrationId,
			url: registrationUrl,
			sample_received_at: '2023-06-01T14:52:32+01:00',
		},
		'test_registration.retest': {
			testregistration_id: ids.testRegistrationId,
			retest_testregistration_id: ids.retestTestRegistrationId,
		},
		'order.shipped': { order_id: ids.orderId, url: orderUrl },
		'order.delivered': { order_id: ids.orderId, url: orderUrl },
	};
	return { event, data: data[event] };
}

export const lmlSampleSource: SampleSource = {
	events: Object.keys(lmlEventSchemas),
	build: (event, { overrides }) => jsonDelivery(lmlSample(event as LmlEventName, overrides)),
};
