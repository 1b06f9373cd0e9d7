import type { IDataObject } from 'n8n-workflow';

import {
	JUNCTION_SAMPLE_ADDRESS,
	JUNCTION_SAMPLE_PATIENT,
} from '../../../../dev/fakes/junction/samples';
import {
	addressGroup,
	bodyOf,
	byId,
	createOrderParameters,
	failureOf,
	ids,
	patientGroup,
	requestsTo,
	runJunction,
	useJunctionFake,
} from '../writeSupport';

const holder = useJunctionFake();
const fake = () => holder.fake;
const orderPosts = () => requestsTo(fake(), 'POST', '/v3/order');
const keyOf = (request: { headers: Record<string, unknown> }) =>
	request.headers['x-idempotency-key'];
const ordersOfUser = (userId: string) =>
	fake().writes.createdOrders.filter((order) => order.user_id === userId);

/** An item as the Junction trigger emits it: an event, its payload, and the delivery that brought it. */
const eventItem = (deliveryId: string, status = 'completed'): IDataObject => ({
	provider: 'junction',
	event: 'labtest.order.updated',
	deliveryId,
	receivedAt: new Date().toISOString(),
	orderId: ids.orderId,
	payload: { event_type: 'labtest.order.updated', data: { id: ids.orderId, status } },
});

/** A user of its own per test, so counting its orders counts only that test's. */
function newUser(name: string): string {
	const userId = `f1000000-0000-4000-8000-${Buffer.from(name).toString('hex').slice(0, 12).padEnd(12, '0')}`;
	fake().data.users.push({ user_id: userId, client_user_id: `unit-${name}`, team_id: ids.teamId });
	return userId;
}

/** Runs the node as if `seconds` later: how a repeat of an earlier run looks to the replay rule. */
async function later<T>(seconds: number, work: () => Promise<T>): Promise<T> {
	const now = Date.now();
	const clock = jest.spyOn(Date, 'now').mockImplementation(() => now + seconds * 1000);
	try {
		return await work();
	} finally {
		clock.mockRestore();
	}
}

describe('Order › Create', () => {
	it('places the order the spec describes, with a derived idempotency key, patient details left out', async () => {
		const userId = newUser('basic');
		const [item] = await runJunction(fake(), createOrderParameters({ user: byId(userId) }));
		const [request] = orderPosts();
		expect(bodyOf(request)).toEqual({
			user_id: userId,
			order_set: { lab_test_ids: [ids.labTestId] },
			collection_method: 'testkit',
			patient_details: JUNCTION_SAMPLE_PATIENT,
			patient_address: JUNCTION_SAMPLE_ADDRESS,
		});
		expect(keyOf(request)).toMatch(/^n8n-[0-9a-f]{64}$/);
		const [created] = ordersOfUser(userId);
		expect(item.json).toMatchObject({
			order: { id: created.id, user_id: userId, lab_test: { id: ids.labTestId } },
			status: 'success',
			idempotency: { key: keyOf(request), keySource: 'derived', replayed: false },
		});
		expect(JSON.stringify(item.json)).not.toContain(JUNCTION_SAMPLE_PATIENT.last_name);
		expect(JSON.stringify(item.json)).not.toContain(JUNCTION_SAMPLE_PATIENT.email);
	});

	it('places one order when the same item runs again, and says the second answer is a replay', async () => {
		const userId = newUser('again');
		const parameters = createOrderParameters({ user: byId(userId) });
		const inputItems = [eventItem('msg_first')];
		const [first] = await runJunction(fake(), parameters, { inputItems });
		const [second] = await later(
			30,
			async () => await runJunction(fake(), parameters, { inputItems }),
		);
		expect(ordersOfUser(userId)).toHaveLength(1);
		expect(orderPosts().map(keyOf)).toEqual([
			(first.json.idempotency as IDataObject).key,
			(first.json.idempotency as IDataObject).key,
		]);
		expect((second.json.order as IDataObject).id).toBe((first.json.order as IDataObject).id);
		expect(second.json.idempotency).toMatchObject({ replayed: true });
		expect(first.json.idempotency).toMatchObject({ replayed: false });
	});

	it('treats the same event brought by another delivery (a re-sent webhook) as the same order', async () => {
		const userId = newUser('resent');
		const parameters = createOrderParameters({ user: byId(userId) });
		await runJunction(fake(), parameters, { inputItems: [eventItem('msg_original')] });
		await runJunction(fake(), parameters, { inputItems: [eventItem('msg_resent')] });
		expect(ordersOfUser(userId)).toHaveLength(1);
		const [firstKey, secondKey] = orderPosts().map(keyOf);
		expect(secondKey).toBe(firstKey);
	});

	it('gives different orders different keys: another event, another lab test, another workflow', async () => {
		const userId = newUser('different');
		const parameters = createOrderParameters({ user: byId(userId) });
		await runJunction(fake(), parameters, { inputItems: [eventItem('msg_a', 'completed')] });
		await runJunction(fake(), parameters, { inputItems: [eventItem('msg_b', 'redraw_available')] });
		await runJunction(
			fake(),
			createOrderParameters({
				user: byId(userId),
				labTest: byId(fake().data.labTests[1].id as string),
			}),
			{ inputItems: [eventItem('msg_a', 'completed')] },
		);
		await runJunction(fake(), parameters, {
			inputItems: [eventItem('msg_a', 'completed')],
			workflowId: 'another-workflow',
		});
		const keys = orderPosts().map(keyOf);
		expect(new Set(keys).size).toBe(4);
		expect(ordersOfUser(userId)).toHaveLength(4);
	});

	it('sends the Idempotency Key option as given; a repeat with another body still gets the first order', async () => {
		const userId = newUser('option');
		const options = { idempotencyKey: 'retest-e1c380c1' };
		const [first] = await runJunction(
			fake(),
			createOrderParameters({ user: byId(userId), options }),
		);
		const [second] = await later(10, async () =>
			runJunction(
				fake(),
				createOrderParameters({
					user: byId(userId),
					labTest: byId(fake().data.labTests[2].id as string),
					options,
				}),
			),
		);
		expect(orderPosts().map(keyOf)).toEqual(['retest-e1c380c1', 'retest-e1c380c1']);
		expect(first.json.idempotency).toEqual({
			key: 'retest-e1c380c1',
			keySource: 'option',
			replayed: false,
		});
		expect(second.json).toMatchObject({
			order: { id: (first.json.order as IDataObject).id, lab_test: { id: ids.labTestId } },
			idempotency: { replayed: true },
		});
		expect(ordersOfUser(userId)).toHaveLength(1);
	});

	it.each(['gatewayTimeout', 'drop'] as const)(
		'repeats the create with its key when the answer is lost (%s) and gets the one order made',
		async (mode) => {
			const userId = newUser(`lost-${mode}`);
			fake().writes.keys.failNext(1, mode);
			const [item] = await runJunction(fake(), createOrderParameters({ user: byId(userId) }));
			const posts = orderPosts();
			expect(posts).toHaveLength(2);
			expect(keyOf(posts[1])).toBe(keyOf(posts[0]));
			expect(ordersOfUser(userId)).toHaveLength(1);
			expect(item.json).toMatchObject({
				order: { id: ordersOfUser(userId)[0].id },
				idempotency: { replayed: false },
			});
		},
	);

	it('fails when every attempt is lost, and a later run of the item (Retry On Fail) gets the order made', async () => {
		const userId = newUser('retry-on-fail');
		const parameters = createOrderParameters({ user: byId(userId) });
		fake().writes.keys.failNext(3);
		const error = await failureOf(fake(), parameters);
		expect(error.message).toBe('Junction could not handle the request (HTTP 504)');
		expect(error.description).not.toContain('may have been carried out');
		expect(ordersOfUser(userId)).toHaveLength(1);
		const [item] = await later(5, async () => await runJunction(fake(), parameters));
		expect(ordersOfUser(userId)).toHaveLength(1);
		expect(item.json).toMatchObject({
			order: { id: ordersOfUser(userId)[0].id },
			idempotency: { replayed: true },
		});
		expect(new Set(orderPosts().map(keyOf)).size).toBe(1);
	});

	it('waits out a concurrent run with the same key (409 while in flight) and returns the same order', async () => {
		const userId = newUser('concurrent');
		const parameters = createOrderParameters({ user: byId(userId) });
		fake().writes.keys.processingMs = 400;
		const [[first], [second]] = await Promise.all([
			runJunction(fake(), parameters),
			runJunction(fake(), parameters),
		]);
		expect(ordersOfUser(userId)).toHaveLength(1);
		expect((first.json.order as IDataObject).id).toBe((second.json.order as IDataObject).id);
		expect(orderPosts().length).toBeGreaterThanOrEqual(3);
	});

	it('copies the patient from an earlier order without putting it in the output or the key', async () => {
		const userId = newUser('copy');
		const parameters = createOrderParameters({
			user: byId(userId),
			patientSource: 'order',
			sourceOrderId: ids.orderId,
			patient: {},
			patientAddress: {},
		});
		const [item] = await runJunction(fake(), parameters);
		const [request] = orderPosts();
		expect(bodyOf(request)).toMatchObject({
			patient_details: JUNCTION_SAMPLE_PATIENT,
			patient_address: JUNCTION_SAMPLE_ADDRESS,
		});
		expect(requestsTo(fake(), 'GET', `/v3/order/${ids.orderId}`)).toHaveLength(1);
		expect(JSON.stringify(item.json)).not.toContain(JUNCTION_SAMPLE_PATIENT.first_name);
	});

	it('sends the additional fields as the spec names them; a date schedules the order', async () => {
		const userId = newUser('fields');
		const [item] = await runJunction(
			fake(),
			createOrderParameters({
				user: byId(userId),
				collectionMethod: 'labTest',
				additionalFields: {
					activate_by: '2099-03-01T00:00:00',
					billing_type: 'commercial_insurance',
					icd_codes: 'E78.5, Z13.220',
					passthrough: 'retest-of-e1c380c1',
					priority: true,
					consents: ['terms-of-use', 'hipaa-authorization'],
					physician: {
						values: {
							first_name: 'Doctor',
							last_name: 'Example',
							npi: '0000000000',
							licensed_states: 'AZ,CA',
						},
					},
				},
			}),
		);
		const body = bodyOf(orderPosts()[0]);
		expect(body).not.toHaveProperty('collection_method');
		expect(body).toMatchObject({
			activate_by: '2099-03-01',
			billing_type: 'commercial_insurance',
			icd_codes: ['E78.5', 'Z13.220'],
			passthrough: 'retest-of-e1c380c1',
			priority: true,
			consents: [
				{ consentType: 'terms-of-use', version: '1.0' },
				{ consentType: 'hipaa-authorization', version: '1.0' },
			],
			physician: {
				first_name: 'Doctor',
				last_name: 'Example',
				npi: '0000000000',
				licensed_states: ['AZ', 'CA'],
			},
		});
		expect(item.json).toMatchObject({
			order: { activate_by: '2099-03-01', last_event: { status: 'received.testkit.ordered' } },
		});
	});

	it('stops before sending when patient fields are missing, naming the fields, not the values', async () => {
		const error = await failureOf(
			fake(),
			createOrderParameters({
				patient: { values: { ...JUNCTION_SAMPLE_PATIENT, email: '', phone_number: ' ' } },
			}),
		);
		expect(error.message).toBe('Patient: Phone Number, Email are empty');
		const bad = await failureOf(
			fake(),
			createOrderParameters({
				patient: { values: { ...JUNCTION_SAMPLE_PATIENT, dob: '01/02/1970' } },
			}),
		);
		expect(bad.message).toBe('Date of Birth is not a date');
		expect(JSON.stringify(bad)).not.toContain('01/02/1970');
		expect(orderPosts()).toHaveLength(0);
	});

	it("explains Junction's 422 by field without the value, and the key is not kept for it", async () => {
		const parameters = createOrderParameters({
			patientAddress: { values: { ...addressGroup.values, zip: '8500' } },
			patient: patientGroup,
		});
		const replaysBefore = fake().writes.keys.replays;
		const error = await failureOf(fake(), parameters);
		expect(error.message).toBe('Junction rejected the request (HTTP 422)');
		expect(error.description).toContain('body.patient_address.zip: String should match pattern');
		expect(
			JSON.stringify({ message: error.message, description: error.description }),
		).not.toContain(JUNCTION_SAMPLE_PATIENT.last_name);
		await failureOf(fake(), parameters);
		expect(orderPosts()).toHaveLength(2);
		expect(fake().writes.keys.replays).toBe(replaysBefore);
	});
});
