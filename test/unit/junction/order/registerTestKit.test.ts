import type { IDataObject } from 'n8n-workflow';

import { JUNCTION_SAMPLE_PATIENT } from '../../../../dev/fakes/junction/samples';
import {
	addressGroup,
	bodyOf,
	byId,
	failureOf,
	ids,
	patientGroup,
	requestsTo,
	runJunction,
	shippingGroup,
	useJunctionFake,
} from '../writeSupport';

const holder = useJunctionFake();

async function unregisteredKit(): Promise<string> {
	const [item] = await runJunction(holder.fake, {
		resource: 'order',
		operation: 'createTestKit',
		user: byId(ids.userId),
		labTest: byId(ids.labTestId),
		shippingAddress: shippingGroup,
		additionalFields: {},
	});
	return String((item.json.order as IDataObject).sample_id);
}

const register = (sampleId: string, additionalFields: IDataObject = {}) => ({
	resource: 'order',
	operation: 'registerTestKit',
	sampleId,
	patient: patientGroup,
	patientAddress: addressGroup,
	additionalFields,
});

describe('Order › Register Test Kit', () => {
	it('registers the kit by its sample ID to the patient, moving it to another user if asked', async () => {
		const sampleId = await unregisteredKit();
		const [item] = await runJunction(
			holder.fake,
			register(sampleId, {
				user_id: 'b0000000-0000-4000-8000-00000000e715',
				consents: ['terms-of-use'],
			}),
		);
		const body = bodyOf(requestsTo(holder.fake, 'POST', '/v3/order/testkit/register')[0]);
		expect(body).toEqual({
			sample_id: sampleId,
			patient_details: JUNCTION_SAMPLE_PATIENT,
			patient_address: addressGroup.values,
			user_id: 'b0000000-0000-4000-8000-00000000e715',
			consents: [{ consentType: 'terms-of-use', version: '1.0' }],
		});
		expect(item.json).toMatchObject({
			order: {
				sample_id: sampleId,
				user_id: 'b0000000-0000-4000-8000-00000000e715',
				last_event: { status: 'received.testkit.registered' },
			},
		});
		expect(JSON.stringify(item.json)).not.toContain(JUNCTION_SAMPLE_PATIENT.email);
	});

	it('quotes Junction when the kit is registered already', async () => {
		const sampleId = await unregisteredKit();
		await runJunction(holder.fake, register(sampleId));
		const error = await failureOf(holder.fake, register(sampleId));
		expect(error.message).toBe('Junction rejected the request (HTTP 400)');
		expect(error.description).toContain('already registered');
	});
});
