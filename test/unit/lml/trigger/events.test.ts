import type { IDataObject } from 'n8n-workflow';

import {
	lmlEventSchemas,
	type LmlEventName,
} from '../../../../nodes/LondonMedicalLaboratory/events';
import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { LML_SAMPLE_IDS, lmlSample } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { triggerRig } from '../../../support/triggerHarness';
import { lmlSeedPayloads } from '../seedPayloads';

const secret = 'lml-webhook-secret-for-tests';
const { harness: lml } = triggerRig('londonMedicalLaboratory', { secret });

describe('London Medical Laboratory Trigger: parsing', () => {
	it.each(lmlSeedPayloads.map((payload) => [payload.event, payload]))(
		'emits the seed payload of %s as a valid typed item',
		async (_event, payload) => {
			const { response, json, result } = await lml.send(lml.post(payload));
			expect(response).toEqual({
				status: 200,
				body: { status: 'accepted', message: 'Event received', deliveryId: json.deliveryId },
			});
			// n8n answers, once the execution exists.
			expect(result.noWebhookResponse).toBeUndefined();
			expect(json.deliveryId).toMatch(/^[A-Za-z0-9_-]{22}$/);
			expect(json).toMatchObject({
				provider: 'londonMedicalLaboratory',
				event: payload.event,
				validation: { valid: true, issues: [] },
			});
			expect(json?.payload).toEqual(payload);
		},
	);

	it('gives each event its typed fields', async () => {
		const fields = async (event: LmlEventName) => (await lml.send(lml.post(lmlSample(event)))).json;
		expect(await fields('test_registration.retest')).toMatchObject({
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
			retestTestRegistrationId: LML_SAMPLE_IDS.retestTestRegistrationId,
		});
		expect(await fields('test_registration.sample_received')).toMatchObject({
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
			sampleReceivedAt: '2023-06-01T13:52:32.000Z',
		});
		expect(await fields('test_registration.lml_lab_id_created')).toMatchObject({
			labId: '123-456',
		});
		const shipped = await fields('order.shipped');
		expect(shipped).toMatchObject({
			orderId: LML_SAMPLE_IDS.orderId,
			url: expect.stringContaining('/api/order/'),
		});
		expect(shipped).not.toHaveProperty('testRegistrationId');
	});

	it('covers every documented event with a schema', () => {
		expect(Object.keys(lmlEventSchemas).sort()).toEqual(
			[...new Set(lmlSeedPayloads.map((payload) => payload.event))].sort(),
		);
	});

	it('still emits a genuine event whose payload does not match, with its issues and its ids', async () => {
		const { json, response } = await lml.send(
			lml.post({
				event: 'test_registration.sample_received',
				data: { testregistration_id: 'tr-1', sample_received_at: 'yesterday' },
			}),
		);
		expect(response.status).toBe(200);
		expect(json).toMatchObject({
			event: 'test_registration.sample_received',
			testRegistrationId: 'tr-1',
			validation: { valid: false },
		});
		expect((json?.validation as IDataObject).issues).toEqual([
			{
				path: 'data.sample_received_at',
				code: 'custom',
				message: 'Expected an ISO 8601 date and time, with or without a UTC offset',
			},
		]);
	});

	it('reads a time without a UTC offset as UK time, summer time included', async () => {
		const at = async (sampleReceivedAt: string) =>
			(
				await lml.send(
					lml.post({
						event: 'test_registration.sample_received',
						data: { testregistration_id: 'tr-1', sample_received_at: sampleReceivedAt },
					}),
				)
			).json;
		expect(await at('2023-06-01T14:52:32')).toMatchObject({
			sampleReceivedAt: '2023-06-01T13:52:32.000Z',
			validation: { valid: true },
		});
		forgetProcessMemory();
		expect(await at('2023-12-01T14:52:32')).toMatchObject({
			sampleReceivedAt: '2023-12-01T14:52:32.000Z',
		});
	});

	it('keeps the ids of a lab-id event whose lab_id is null, so Fetch Full Data still finds the registration', async () => {
		const { json } = await lml.send(
			lml.post({
				event: 'test_registration.lml_lab_id_created',
				data: { testregistration_id: LML_SAMPLE_IDS.testRegistrationId, lab_id: null },
			}),
			{ parameters: { options: { fetchFullData: true } } },
		);
		expect(json).toMatchObject({
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
			validation: { valid: false },
			fullData: { fetched: true },
			testRegistration: { id: LML_SAMPLE_IDS.testRegistrationId },
		});
		expect(json).not.toHaveProperty('labId');
	});

	it('rejects such a payload with 422 when the user chose to', async () => {
		const { result, response } = await lml.send(lml.post({ event: 'order.shipped', data: {} }), {
			parameters: { options: { onInvalidPayload: 'reject' } },
		});
		expect(result.workflowData).toBeUndefined();
		expect(response.status).toBe(422);
		expect(response.body?.message).toContain('data.order_id: Required');
	});
});
