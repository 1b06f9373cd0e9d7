import { Webhook } from 'svix';
import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../nodes/shared/webhook/claims';
import { FakeServer } from '../../../dev/fakes/fakeServer';
import { createJunctionFake, JUNCTION_FAKE_ORDERS } from '../../../dev/fakes/junction/api';
import {
	JUNCTION_FIXTURES,
	JUNCTION_SAMPLE_IDS,
	JUNCTION_SAMPLE_PATIENT,
	junctionOrder,
	junctionSample,
} from '../../../dev/fakes/junction/samples';
import { onlyItem, triggerHarness } from '../../support/triggerHarness';
import { SIGNING_SECRET } from './signingSecrets';

const fake = createJunctionFake();
const payloadHost = new FakeServer();
const ids = JUNCTION_SAMPLE_IDS;
const junction = triggerHarness('junction', { secret: SIGNING_SECRET });

beforeAll(async () => {
	await fake.start();
	await payloadHost.start();
});
afterAll(async () => {
	await fake.stop();
	await payloadHost.stop();
});
beforeEach(() => {
	forgetProcessMemory();
	fake.reset();
	payloadHost.reset();
});

/** Signs an arbitrary body with the official svix library. */
function signedRequest(payload: unknown, messageId = `msg_${Math.random().toString(36).slice(2)}`) {
	const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
	const sentAt = new Date();
	const signature = new Webhook(SIGNING_SECRET).sign(messageId, sentAt, body);
	return {
		headers: {
			'svix-id': messageId,
			'svix-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
			'svix-signature': signature,
		},
		body,
	};
}

const withFake = (parameters: IDataObject = {}) => ({
	parameters,
	credentials: junction.credentials({ baseUrl: fake.url }),
});

describe('Junction Trigger: every sample event becomes one typed item', () => {
	it.each(JUNCTION_FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
		'%s',
		async (_name, fixture) => {
			const item = onlyItem(
				await junction.send(junction.sample(fixture.event, { overrides: fixture.overrides })),
			);
			expect(item).toMatchObject({
				event: fixture.event,
				provider: 'junction',
				validation: { valid: true, issues: [] },
			});
			expect(item.orderId).toBe(ids.orderId);
			expect(item.userId).toBe(ids.userId);
			expect(item.teamId).toBe(ids.teamId);
			expect(typeof item.receivedAt).toBe('string');
		},
	);

	it('describes an order update: status parts, sample, test name, tracking', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', { overrides: { status: 'transit_lab' } }),
			),
		);
		expect(item).toMatchObject({
			orderId: ids.orderId,
			userId: ids.userId,
			clientUserId: ids.clientUserId,
			teamId: ids.teamId,
			status: 'transit_lab',
			statusFull: 'collecting_sample.testkit.transit_lab',
			statusHighLevel: 'collecting_sample',
			modality: 'testkit',
			sampleId: ids.sampleId,
			labTestName: 'Female General Wellness',
			outboundTrackingNumber: '9400100000000000000001',
			inboundTrackingNumber: '9400100000000000000002',
			interpretation: null,
		});
		expect(item.inboundTrackingUrl).toContain('9400100000000000000002');
	});

	it('leaves tracking fields out when the order has none yet', async () => {
		const item = onlyItem(await junction.send(junction.sample('labtest.order.created')));
		expect(item).toMatchObject({ status: 'ordered', statusHighLevel: 'received', sampleId: null });
		expect(item).not.toHaveProperty('outboundTrackingNumber');
	});

	it('reads the status from the last of events when last_event is missing, and from the deprecated status last', async () => {
		const fromEvents = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', {
					overrides: { status: 'with_customer', statusSource: 'events' },
				}),
			),
		);
		expect(fromEvents).toMatchObject({
			status: 'with_customer',
			statusHighLevel: 'collecting_sample',
			modality: 'testkit',
		});
		const deprecated = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', {
					overrides: { status: 'delivered_to_lab', statusSource: 'status' },
				}),
			),
		);
		expect(deprecated).toMatchObject({
			status: null,
			statusHighLevel: 'sample_with_lab',
			statusFull: 'sample_with_lab',
			modality: 'testkit',
		});
	});

	it('treats the documented testkit_registered spelling as registered', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', {
					overrides: { status: 'registered', statusFull: 'received.testkit.testkit_registered' },
				}),
			),
		);
		expect(item).toMatchObject({
			status: 'registered',
			statusFull: 'received.testkit.testkit_registered',
		});
	});

	it('passes an unknown status on as it came', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', {
					overrides: { statusFull: 'sample_with_lab.testkit.brand_new_status' },
				}),
			),
		);
		expect(item).toMatchObject({
			status: 'brand_new_status',
			statusHighLevel: 'sample_with_lab',
			validation: { valid: true },
		});
	});

	it('describes appointments', async () => {
		const created = onlyItem(await junction.send(junction.sample('labtest.appointment.created')));
		expect(created).toMatchObject({
			event: 'labtest.appointment.created',
			appointmentId: ids.appointmentId,
			orderId: ids.orderId,
			appointmentStatus: 'pending',
			appointmentType: 'phlebotomy',
			appointmentProvider: 'getlabs',
			modality: 'at_home_phlebotomy',
			startAt: '2026-08-05T15:00:00+00:00',
			timezone: 'America/Phoenix',
		});
		const walkIn = onlyItem(
			await junction.send(
				junction.sample('labtest.appointment.updated', {
					overrides: { appointmentType: 'patient_service_center', appointmentStatus: 'cancelled' },
				}),
			),
		);
		expect(walkIn).toMatchObject({
			appointmentStatus: 'cancelled',
			modality: 'walk_in_test',
			appointmentProvider: 'quest',
		});
	});

	it('describes critical results', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.result.critical', { overrides: { resultStatus: 'partial' } }),
			),
		);
		expect(item).toMatchObject({
			event: 'labtest.result.critical',
			orderId: ids.orderId,
			sampleId: ids.sampleId,
			resultStatus: 'partial',
			interpretation: 'critical',
			clientUserId: ids.clientUserId,
		});
	});
});

describe('Junction Trigger: envelope variants', () => {
	it('accepts {event_type, data} without the id fields, taking the user from the order', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', { overrides: { envelope: 'eventAndData' } }),
			),
		);
		expect(item).toMatchObject({
			event: 'labtest.order.updated',
			userId: ids.userId,
			teamId: ids.teamId,
			clientUserId: null,
			validation: { valid: true },
		});
	});

	it('accepts a bare order and infers created or updated from its status', async () => {
		const created = onlyItem(
			await junction.send(
				junction.sample('labtest.order.created', { overrides: { envelope: 'bare' } }),
			),
		);
		expect(created).toMatchObject({
			event: 'labtest.order.created',
			eventTypeInferred: true,
			status: 'ordered',
		});
		const updated = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', {
					overrides: { envelope: 'bare', status: 'completed' },
				}),
			),
		);
		expect(updated).toMatchObject({
			event: 'labtest.order.updated',
			eventTypeInferred: true,
			status: 'completed',
		});
	});

	it('accepts a bare appointment as an appointment update', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.appointment.updated', { overrides: { envelope: 'bare' } }),
			),
		);
		expect(item).toMatchObject({
			event: 'labtest.appointment.updated',
			eventTypeInferred: true,
			appointmentId: ids.appointmentId,
		});
	});

	it('accepts a client_user_id that is not a UUID', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', { overrides: { clientUserId: 'customer 42/α' } }),
			),
		);
		expect(item).toMatchObject({ clientUserId: 'customer 42/α', validation: { valid: true } });
	});
});

describe('Junction Trigger: bodies it cannot use', () => {
	it.each([
		['an empty body', '', 400],
		['a body that is not JSON', '{"event_type":', 422],
		['a JSON array', '[1,2]', 422],
		['a JSON string', '"labtest.order.updated"', 422],
		['an object naming no event', '{"hello":"world"}', 422],
	])('answers %s with %s and starts nothing', async (_name, body, status) => {
		const run = await junction.send(signedRequest(body));
		expect(run.response.status).toBe(status);
		expect(run.result.workflowData).toBeUndefined();
	});

	it('emits an event type it does not know, under All Events, as "other" with its name and payload', async () => {
		const unknown = signedRequest({
			event_type: 'labtest.brand_new.event',
			data: { id: 'new-1', status: 'whatever' },
		});
		expect(onlyItem(await junction.send(unknown))).toMatchObject({
			event: 'other',
			eventName: 'labtest.brand_new.event',
			payload: { event_type: 'labtest.brand_new.event', data: { id: 'new-1' } },
		});
		forgetProcessMemory();
		expect(
			onlyItem(await junction.send(unknown, { parameters: { events: ['other'] } })),
		).toMatchObject({ event: 'other' });
	});

	it('emits Svix notices, which name themselves in "type", as "other"', async () => {
		const exhausted = signedRequest({
			type: 'message.attempt.exhausted',
			data: { appId: 'app_1', endpointId: 'ep_1', msgId: 'msg_1', lastAttempt: {} },
		});
		expect(onlyItem(await junction.send(exhausted))).toMatchObject({
			event: 'other',
			eventName: 'message.attempt.exhausted',
		});
	});

	it('drops an unknown event type the selection leaves out with 200, and one warning naming the type, not the payload', async () => {
		const { response, items, warnings } = await junction.send(
			signedRequest({
				event_type: 'labtest.brand_new.event',
				data: { id: 'new-1', patient_note: 'secret-value' },
			}),
			{ parameters: { events: ['labtest.order.updated'] } },
		);
		expect(response).toMatchObject({ status: 200, body: { status: 'ignored' } });
		expect(items).toHaveLength(0);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('"labtest.brand_new.event"');
		expect(warnings[0]).not.toContain('secret-value');
	});

	it('emits a genuine event that fails validation with its issues, or rejects it on request', async () => {
		const payload = junctionSample('labtest.order.updated') as IDataObject;
		delete (payload.data as IDataObject).id;
		const emitted = onlyItem(await junction.send(signedRequest(payload)));
		expect(emitted).toMatchObject({ event: 'labtest.order.updated', validation: { valid: false } });
		expect(emitted.validation).toMatchObject({
			issues: [{ path: 'data.id', message: 'Required' }],
		});

		const rejected = await junction.send(signedRequest(payload), {
			parameters: { options: { onInvalidPayload: 'reject' } },
		});
		expect(rejected.response.status).toBe(422);
		expect(rejected.result.workflowData).toBeUndefined();
	});

	it('reports an order without any status as an issue, without echoing values', async () => {
		const order = junctionOrder({ status: 'completed' });
		delete order.last_event;
		order.events = [];
		delete order.status;
		const item = onlyItem(
			await junction.send(signedRequest({ event_type: 'labtest.order.updated', data: order })),
		);
		expect(item.validation).toMatchObject({
			valid: false,
			issues: [{ path: 'data.last_event', code: 'custom' }],
		});
	});
});

describe('Junction Trigger: filters', () => {
	const completed = { overrides: { status: 'completed' } };

	it('starts nothing for an event type that is not selected', async () => {
		const run = await junction.send(junction.sample('labtest.order.updated', completed), {
			parameters: { events: ['labtest.result.critical'] },
		});
		expect(run.response).toMatchObject({ status: 200, body: { status: 'ignored' } });
		expect(run.result.workflowData).toBeUndefined();
	});

	it('keeps only the selected low-level statuses', async () => {
		const parameters = { statuses: ['completed', 'partial_results', 'sample_error'] };
		for (const status of ['completed', 'sample_error']) {
			expect(
				onlyItem(
					await junction.send(junction.sample('labtest.order.updated', { overrides: { status } }), {
						parameters,
					}),
				).status,
			).toBe(status);
		}
		const partial = await junction.send(
			junction.sample('labtest.order.updated', {
				overrides: { status: 'partial_results', modality: 'walk_in_test' },
			}),
			{ parameters },
		);
		expect(onlyItem(partial).status).toBe('partial_results');
		const transit = await junction.send(
			junction.sample('labtest.order.updated', { overrides: { status: 'transit_lab' } }),
			{ parameters },
		);
		expect(transit.response).toMatchObject({
			status: 200,
			body: { status: 'ignored', message: 'Event does not match the trigger filters' },
		});
		expect(transit.result.workflowData).toBeUndefined();
	});

	it('lets an unknown status through when no status filter is set, and not when one is', async () => {
		const overrides = { statusFull: 'sample_with_lab.testkit.brand_new_status' };
		expect(
			onlyItem(await junction.send(junction.sample('labtest.order.updated', { overrides }))).status,
		).toBe('brand_new_status');
		const filtered = await junction.send(junction.sample('labtest.order.updated', { overrides }), {
			parameters: { statuses: ['completed'] },
		});
		expect(filtered.result.workflowData).toBeUndefined();
	});

	it('matches the registered filter with either spelling', async () => {
		const run = await junction.send(
			junction.sample('labtest.order.updated', {
				overrides: { status: 'registered', statusFull: 'received.testkit.testkit_registered' },
			}),
			{ parameters: { statuses: ['registered'] } },
		);
		expect(onlyItem(run).status).toBe('registered');
	});

	it('does not filter appointment and critical-result events by order status', async () => {
		const parameters = { statuses: ['completed'] };
		expect(
			onlyItem(await junction.send(junction.sample('labtest.appointment.updated'), { parameters }))
				.event,
		).toBe('labtest.appointment.updated');
		expect(
			onlyItem(await junction.send(junction.sample('labtest.result.critical'), { parameters }))
				.event,
		).toBe('labtest.result.critical');
	});

	it('filters order and appointment events by modality', async () => {
		const parameters = { modalities: ['walk_in_test', 'at_home_phlebotomy'] };
		const testkit = await junction.send(junction.sample('labtest.order.updated', completed), {
			parameters,
		});
		expect(testkit.result.workflowData).toBeUndefined();
		const walkIn = await junction.send(
			junction.sample('labtest.order.updated', { overrides: { modality: 'walk_in_test' } }),
			{ parameters },
		);
		expect(onlyItem(walkIn).modality).toBe('walk_in_test');
		expect(
			onlyItem(await junction.send(junction.sample('labtest.appointment.created'), { parameters }))
				.modality,
		).toBe('at_home_phlebotomy');
		const onSiteOnly = await junction.send(junction.sample('labtest.appointment.created'), {
			parameters: { modalities: ['on_site_collection'] },
		});
		expect(onSiteOnly.result.workflowData).toBeUndefined();
		expect(
			onlyItem(await junction.send(junction.sample('labtest.result.critical'), { parameters }))
				.event,
		).toBe('labtest.result.critical');
	});

	it('combines the event, status and modality filters', async () => {
		const parameters = {
			events: ['labtest.order.updated'],
			statuses: ['completed'],
			modalities: ['testkit'],
		};
		expect(
			onlyItem(
				await junction.send(junction.sample('labtest.order.updated', completed), { parameters }),
			).status,
		).toBe('completed');
		expect(
			(await junction.send(junction.sample('labtest.order.created'), { parameters })).result
				.workflowData,
		).toBeUndefined();
	});

	it('never drops an event that failed validation because of a filter: it has no typed fields to filter on', async () => {
		const payload = junctionSample('labtest.order.updated', {
			status: 'transit_lab',
		}) as IDataObject;
		(payload.data as IDataObject).id = 42;
		const run = await junction.send(signedRequest(payload), {
			parameters: { statuses: ['completed'] },
		});
		expect(onlyItem(run).validation).toMatchObject({ valid: false });
	});
});

describe('Junction Trigger: duplicates', () => {
	it('runs once per svix-id: a redelivery with the same id is a duplicate', async () => {
		const staticData: IDataObject = {};
		const first = await junction.send(
			junction.sample('labtest.order.updated', { messageId: 'msg_retry_1' }),
			{ staticData },
		);
		expect(first.items).toHaveLength(1);
		const retry = await junction.send(
			junction.sample('labtest.order.updated', { messageId: 'msg_retry_1' }),
			{ staticData },
		);
		expect(retry.response).toMatchObject({ status: 200, body: { status: 'duplicate' } });
		expect(retry.result.workflowData).toBeUndefined();
	});

	it('remembers across restarts through static data, holding only hashes', async () => {
		const staticData: IDataObject = {};
		await junction.send(junction.sample('labtest.order.updated', { messageId: 'msg_restart_1' }), {
			staticData,
		});
		forgetProcessMemory();
		const retry = await junction.send(
			junction.sample('labtest.order.updated', { messageId: 'msg_restart_1' }),
			{ staticData },
		);
		expect(retry.response.body).toMatchObject({ status: 'duplicate' });
		const stored = JSON.stringify(staticData);
		expect(stored).not.toContain('msg_restart_1');
		expect(stored).not.toContain(ids.orderId);
	});

	it('treats the same body under a new svix-id as a new message', async () => {
		const staticData: IDataObject = {};
		const payload = junctionSample('labtest.order.updated');
		expect(
			(await junction.send(signedRequest(payload, 'msg_same_body_a'), { staticData })).items,
		).toHaveLength(1);
		expect(
			(await junction.send(signedRequest(payload, 'msg_same_body_b'), { staticData })).items,
		).toHaveLength(1);
	});

	it('lets duplicates through when Deduplicate is off', async () => {
		const run = { parameters: { options: { deduplicate: false } }, staticData: {} };
		await junction.send(
			junction.sample('labtest.order.updated', { messageId: 'msg_no_dedup' }),
			run,
		);
		expect(
			(
				await junction.send(
					junction.sample('labtest.order.updated', { messageId: 'msg_no_dedup' }),
					run,
				)
			).items,
		).toHaveLength(1);
	});
});

describe('Junction Trigger: patient details', () => {
	it('leaves patient details out by default, at any depth', async () => {
		const item = onlyItem(await junction.send(junction.sample('labtest.order.updated')));
		const text = JSON.stringify(item);
		for (const value of [
			JUNCTION_SAMPLE_PATIENT.last_name,
			JUNCTION_SAMPLE_PATIENT.email,
			JUNCTION_SAMPLE_PATIENT.dob,
			JUNCTION_SAMPLE_PATIENT.phone_number,
			'123 Example Street',
		]) {
			expect(text).not.toContain(value);
		}
		expect(item.payload).toMatchObject({
			data: { id: ids.orderId, lab_test: { name: 'Female General Wellness' } },
		});
		expect((item.payload as IDataObject).data).not.toHaveProperty('patient_details');
	});

	it('drops the appointment address and its coordinates', async () => {
		const text = JSON.stringify(
			onlyItem(await junction.send(junction.sample('labtest.appointment.updated'))),
		);
		expect(text).not.toContain('Example Street');
		expect(text).not.toContain('33.4561');
		expect(text).not.toContain('Ring the bell');
	});

	it('includes them when asked to', async () => {
		const item = onlyItem(
			await junction.send(junction.sample('labtest.order.updated'), {
				parameters: { patientData: 'include' },
			}),
		);
		expect((item.payload as IDataObject).data).toMatchObject({
			patient_details: JUNCTION_SAMPLE_PATIENT,
		});
	});
});

describe('Junction Trigger: Fetch Full Data (results)', () => {
	const fetchResults = (options: IDataObject = {}, parameters: IDataObject = {}) =>
		withFake({ ...parameters, options: { fetchFullData: true, ...options } });

	it('attaches normalised rows and a summary when the order is completed', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', { overrides: { status: 'completed' } }),
				fetchResults(),
			),
		);
		const results = item.results as IDataObject;
		expect(results).toMatchObject({ ready: true, status: 'final', interpretation: 'critical' });
		expect(results.summary).toMatchObject({
			total: 6,
			critical: 1,
			high: 1,
			low: 1,
			normal: 3,
			needingAttention: 3,
		});
		expect(results.rows).toContainEqual(
			expect.objectContaining({
				biomarker: 'Potassium',
				code: '2823-3',
				codeSystem: 'LOINC',
				value: 6.9,
				flag: 'critical',
				flagSource: 'provider',
			}),
		);
		expect(item.fullData).toEqual({ fetched: true });
		expect(fake.requests.map((request) => request.path)).toEqual([
			`/v3/order/${ids.orderId}/result`,
		]);
	});

	it('leaves the patient name and birth date of the results metadata out by default', async () => {
		const item = onlyItem(
			await junction.send(junction.sample('labtest.order.updated'), fetchResults()),
		);
		const text = JSON.stringify(item.results);
		expect(text).not.toContain('McTestface');
		expect(text).not.toContain('1970-01-01');
		expect(text).toContain('specimen_number');
	});

	it('fetches for a critical result too, and for partial and corrected orders', async () => {
		expect(
			onlyItem(await junction.send(junction.sample('labtest.result.critical'), fetchResults()))
				.results,
		).toMatchObject({ ready: true });
		for (const status of ['partial_results', 'corrected']) {
			const overrides = { status, modality: 'walk_in_test' };
			expect(
				onlyItem(
					await junction.send(
						junction.sample('labtest.order.updated', { overrides }),
						fetchResults(),
					),
				).results,
			).toMatchObject({ ready: true });
		}
	});

	it('fetches nothing while the order has no results', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', { overrides: { status: 'transit_customer' } }),
				fetchResults(),
			),
		);
		expect(item).not.toHaveProperty('results');
		expect(fake.requests).toHaveLength(0);
	});

	it('says "not available yet" instead of failing when Junction has no results yet', async () => {
		const overrides = { orderId: JUNCTION_FAKE_ORDERS.pending, status: 'completed' };
		const item = onlyItem(
			await junction.send(junction.sample('labtest.order.updated', { overrides }), fetchResults()),
		);
		expect(item.results).toMatchObject({ ready: false });
		expect(String((item.results as IDataObject).message)).toContain('no results');
	});

	it('attaches the results PDF as binary when asked', async () => {
		const run = await junction.send(
			junction.sample('labtest.order.updated'),
			fetchResults({ attachResultsPdf: true }),
		);
		const item = run.items[0];
		expect(item.binary?.resultsPdf).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-results-${ids.orderId}.pdf`,
		});
		expect(Buffer.from(item.binary!.resultsPdf.data, 'base64').subarray(0, 5).toString()).toBe(
			'%PDF-',
		);
		expect(item.json.results).toMatchObject({
			pdf: { attached: true, binaryProperty: 'resultsPdf' },
		});
	});

	it('can output one item per biomarker, each with the order identity', async () => {
		const run = await junction.send(
			junction.sample('labtest.order.updated'),
			fetchResults({ output: 'biomarkerRows' }),
		);
		expect(run.items).toHaveLength(6);
		expect(run.items[3].json).toMatchObject({
			event: 'labtest.order.updated',
			orderId: ids.orderId,
			biomarker: 'Potassium',
			flag: 'critical',
		});
	});

	it('still emits the event when fetching fails', async () => {
		const credentials = junction.credentials({ baseUrl: fake.url });
		credentials.junctionApi.apiKey = 'sk_us_wrong';
		const run = await junction.send(junction.sample('labtest.order.updated'), {
			parameters: { options: { fetchFullData: true } },
			credentials,
		});
		expect(onlyItem(run).fullData).toMatchObject({ fetched: false });
	});

	it('never requests a URL found in the payload', async () => {
		const overrides = { payloadHost: payloadHost.url };
		await junction.send(
			junction.sample('labtest.order.updated', { overrides }),
			fetchResults({ attachResultsPdf: true }),
		);
		expect(payloadHost.requests).toHaveLength(0);
		expect(fake.requests.length).toBeGreaterThan(0);
	});
});
