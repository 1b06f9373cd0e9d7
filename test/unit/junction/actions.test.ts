import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Junction } from '../../../nodes/Junction/Junction.node';
import { executeContext } from '../../support/contexts';
import {
	createJunctionFake,
	JUNCTION_EXISTING_CLIENT_USER_ID,
	JUNCTION_EXISTING_USER_ID,
	JUNCTION_FAKE_KEY,
	JUNCTION_FAKE_ORDERS,
	JUNCTION_FAKE_TRANSACTIONS,
	JUNCTION_OTHER_PATIENT,
	JUNCTION_REDRAW_MARKER,
	JUNCTION_SCHEDULED_ACTIVATION,
	junctionFakeData,
} from '../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS, JUNCTION_SAMPLE_PATIENT } from '../../../dev/fakes/junction/samples';

const node = new Junction();
const fake = createJunctionFake(junctionFakeData({ orders: 230, labTests: 120 }));

function credentials(overrides: IDataObject = {}) {
	return {
		junctionApi: {
			apiKey: JUNCTION_FAKE_KEY,
			environment: 'custom',
			baseUrl: fake.url,
			...overrides,
		},
	};
}

async function run(
	parameters: IDataObject | IDataObject[],
	{
		continueOnFail = false,
		credentialOverrides = {},
	}: { continueOnFail?: boolean; credentialOverrides?: IDataObject } = {},
) {
	const context = executeContext({
		parameters,
		credentials: credentials(credentialOverrides),
		continueOnFail,
	});
	const [items] = await node.execute.call(context);
	return { items, context };
}

const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
const requestsTo = (path: string) => fake.requests.filter((request) => request.path === path);

beforeAll(async () => {
	await fake.start();
});
afterAll(async () => {
	await fake.stop();
});
beforeEach(() => fake.reset());

describe('Junction node description', () => {
	it('is usable as a tool and offers every operation of the issue', () => {
		expect(node.description.usableAsTool).toBe(true);
		const operations = node.description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options as Array<{ value: string }>).map(
					(option) => `${String(property.displayOptions?.show?.resource)}:${option.value}`,
				),
			);
		expect(operations.sort()).toEqual(
			[
				'appointment:book',
				'appointment:cancel',
				'appointment:get',
				'appointment:getAvailability',
				'appointment:reschedule',
				'labTest:get',
				'labTest:getMany',
				'labTest:getMarkers',
				'orderTransaction:get',
				'order:cancel',
				'order:create',
				'order:createTestKit',
				'order:get',
				'order:getMany',
				'order:getRequisitionPdf',
				'order:registerTestKit',
				'order:resendEvents',
				'order:simulate',
				'order:updateSchedule',
				'result:get',
				'result:getPdf',
				'result:getTransactionPdf',
				'result:getTransactionResults',
				'user:create',
				'user:delete',
				'user:get',
				'user:getByClientUserId',
				'user:getMany',
				'user:updateDemographics',
			].sort(),
		);
	});
});

describe('Order', () => {
	it('gets an order, leaving patient details out by default', async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'get',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
		});
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			json: { id: JUNCTION_SAMPLE_IDS.orderId, sample_id: JUNCTION_SAMPLE_IDS.sampleId },
			pairedItem: { item: 0 },
		});
		expect(JSON.stringify(items[0].json)).not.toContain(JUNCTION_SAMPLE_PATIENT.last_name);
		expect(
			requestsTo(`/v3/order/${JUNCTION_SAMPLE_IDS.orderId}`)[0].headers['x-vital-api-key'],
		).toBe(JUNCTION_FAKE_KEY);
	});

	it('includes patient details when asked to', async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'get',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			patientData: 'include',
		});
		expect(items[0].json).toMatchObject({ patient_details: JUNCTION_SAMPLE_PATIENT });
	});

	it('never requests the requisition_form_url from the payload', async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'get',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
		});
		expect(String(items[0].json.requisition_form_url)).toContain('storage.googleapis.com');
		expect(fake.requests).toHaveLength(1);
	});

	it('retries after a 429, honouring Retry-After, then succeeds', async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'get',
			orderId: JUNCTION_FAKE_ORDERS.rateLimited,
		});
		expect(items[0].json.id).toBe(JUNCTION_FAKE_ORDERS.rateLimited);
		expect(requestsTo(`/v3/order/${JUNCTION_FAKE_ORDERS.rateLimited}`)).toHaveLength(2);
	});

	it('explains a 404 and a 401 readably', async () => {
		await expect(
			run({ resource: 'order', operation: 'get', orderId: 'a0000000-0000-4000-8000-000000000000' }),
		).rejects.toThrow('Junction has no such resource');
		await expect(
			run(
				{ resource: 'order', operation: 'get', orderId: JUNCTION_SAMPLE_IDS.orderId },
				{ credentialOverrides: { apiKey: 'sk_us_wrong' } },
			),
		).rejects.toThrow('Junction did not accept the credential');
	});

	it.each([
		[10, 1],
		[100, 1],
		[150, 2],
	])('gets %s orders in %s request(s)', async (limit, requests) => {
		const { items } = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: false,
			limit,
			filters: {},
		});
		expect(items).toHaveLength(limit);
		expect(requestsTo('/v3/orders')).toHaveLength(requests);
	});

	it('gets all 230 orders in ceil(230 / 100) = 3 requests of size 100', async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: {},
		});
		expect(items).toHaveLength(230);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(230);
		const pages = requestsTo('/v3/orders');
		expect(pages.map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(pages.every((request) => request.query.size === '100')).toBe(true);
	});

	it('sends filters, lists as repeated keys', async () => {
		const filters = {
			status: ['completed', 'sample_error'],
			order_type: ['testkit'],
			user_id: JUNCTION_SAMPLE_IDS.userId,
			start_date: '2026-08-01T00:00:00',
			updated_end_date: '2026-08-31T23:59:59',
			search_input: '',
		};
		const { items } = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters,
		});
		const query = requestsTo('/v3/orders')[0].query;
		expect(query).toMatchObject({
			status: ['completed', 'sample_error'],
			order_type: 'testkit',
			user_id: JUNCTION_SAMPLE_IDS.userId,
			start_date: '2026-08-01T00:00:00',
			updated_end_date: '2026-08-31T23:59:59',
		});
		expect(query).not.toHaveProperty('search_input');
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(item.json.user_id).toBe(JUNCTION_SAMPLE_IDS.userId);
			expect(['completed', 'sample_error']).toContain(
				String((item.json.last_event as IDataObject).status)
					.split('.')
					.pop(),
			);
		}
	});

	describe('Get Many filters of the spec', () => {
		const getMany = async (filters: IDataObject, sort: IDataObject = {}) =>
			await run({
				resource: 'order',
				operation: 'getMany',
				returnAll: true,
				filters,
				sort,
				patientData: 'include',
			});
		const onlyQuery = () => {
			const [request] = requestsTo('/v3/orders');
			return request.query;
		};
		const ordersOf = (ids: string[]) => ids.map((id) => ({ id }));

		it('sends Order IDs as repeated keys, from a typed list or an expression giving a list', async () => {
			const ids = [JUNCTION_SAMPLE_IDS.orderId, JUNCTION_FAKE_ORDERS.pending];
			const typed = await getMany({ order_ids: ` ${ids[0]},${ids[1]} ` });
			expect(onlyQuery().order_ids).toEqual(ids);
			expect(jsonOf(typed.items)).toMatchObject(ordersOf(ids));
			fake.reset();
			const listed = await getMany({ order_ids: ids });
			expect(onlyQuery().order_ids).toEqual(ids);
			expect(listed.items).toHaveLength(2);
			fake.reset();
			await getMany({ order_ids: ' , ' });
			expect(onlyQuery()).not.toHaveProperty('order_ids');
		});

		it('filters by order transaction', async () => {
			const { items } = await getMany({
				order_transaction_id: JUNCTION_SAMPLE_IDS.orderTransactionId,
			});
			expect(onlyQuery().order_transaction_id).toBe(JUNCTION_SAMPLE_IDS.orderTransactionId);
			expect(jsonOf(items)).toMatchObject(ordersOf([JUNCTION_SAMPLE_IDS.redrawOrderId]));
		});

		it.each([
			[{ is_critical: 'any' }, undefined],
			[{}, undefined],
			[{ is_critical: true }, 'true'],
			[{ is_critical: false }, 'false'],
			[{ is_critical: 'true' }, 'true'],
		])('Critical %o sends is_critical=%s', async (filters, sent) => {
			const { items } = await getMany(filters);
			expect(onlyQuery().is_critical).toBe(sent);
			const critical = items.filter((item) => item.json.interpretation === 'critical').length;
			if (sent === undefined) expect(items).toHaveLength(230);
			if (sent === 'true') expect(critical).toBe(items.length);
			if (sent === 'false') expect(critical).toBe(0);
			expect(items.length).toBeGreaterThan(0);
		});

		it('filters by the unknown interpretation', async () => {
			const { items } = await getMany({ interpretation: 'unknown' });
			expect(items.length).toBeGreaterThan(0);
			expect(items.every((item) => item.json.interpretation === 'unknown')).toBe(true);
		});

		it('filters by activation type, sent as a repeated key', async () => {
			const scheduled = await getMany({ order_activation_types: ['scheduled'] });
			expect(onlyQuery().order_activation_types).toBe('scheduled');
			expect(scheduled.items.length).toBeGreaterThan(0);
			expect(
				scheduled.items.every((item) => item.json.activate_by === JUNCTION_SCHEDULED_ACTIVATION),
			).toBe(true);
			fake.reset();
			const both = await getMany({ order_activation_types: ['current', 'scheduled'] });
			expect(onlyQuery().order_activation_types).toEqual(['current', 'scheduled']);
			expect(both.items).toHaveLength(230);
		});

		it("filters by patient name and by shipping recipient's name", async () => {
			const patients = await getMany({ patient_name: 'jordan exa' });
			expect(onlyQuery().patient_name).toBe('jordan exa');
			expect(patients.items.length).toBeGreaterThan(0);
			expect(
				patients.items.every(
					(item) =>
						(item.json.patient_details as IDataObject).first_name ===
						JUNCTION_OTHER_PATIENT.first_name,
				),
			).toBe(true);
			fake.reset();
			const recipients = await getMany({ shipping_recipient_name: 'front desk' });
			expect(onlyQuery().shipping_recipient_name).toBe('front desk');
			expect(recipients.items.length).toBeGreaterThan(0);
			const ids = new Set(patients.items.map((item) => item.json.id));
			expect(recipients.items.some((item) => ids.has(item.json.id))).toBe(false);
		});

		it.each([
			['created_at', 'asc'],
			['created_at', 'desc'],
			['last_status', 'asc'],
			['patient_name', 'desc'],
		])('sorts by %s, %s', async (key, direction) => {
			const { items } = await getMany({}, { order_key: key, order_direction: direction });
			expect(onlyQuery()).toMatchObject({ order_key: key, order_direction: direction });
			const valueOf = (order: IDataObject) =>
				key === 'created_at'
					? String(order.created_at)
					: key === 'last_status'
						? String((order.last_event as IDataObject).status)
								.split('.')
								.pop()!
						: `${String((order.patient_details as IDataObject).first_name)} ${String((order.patient_details as IDataObject).last_name)}`.toLowerCase();
			const values = jsonOf(items).map(valueOf);
			const sorted = [...values].sort((a, b) => a.localeCompare(b));
			expect(values).toEqual(direction === 'asc' ? sorted : sorted.reverse());
			expect(new Set(values).size).toBeGreaterThan(1);
		});

		it('combines filters, and sends no Sort when none is set', async () => {
			const { items } = await getMany({
				patient_name: 'Jordan',
				order_activation_types: ['current'],
				is_critical: false,
			});
			expect(onlyQuery()).not.toHaveProperty('order_key');
			expect(onlyQuery()).not.toHaveProperty('order_direction');
			expect(items.length).toBeGreaterThan(0);
			for (const order of jsonOf(items)) {
				expect(order.activate_by).toBeNull();
				expect(order.interpretation).not.toBe('critical');
			}
		});

		it('explains an Order ID that is not a UUID, naming its place, without echoing it', async () => {
			const error = await getMany({
				order_ids: `${JUNCTION_SAMPLE_IDS.orderId}, Testy-McTestface`,
			}).catch((caught: Error) => caught);
			const { message, description } = error as Error & { description?: string };
			expect(message).toContain('HTTP 422');
			expect(description).toContain('query.order_ids.1: Input should be a valid UUID');
			expect(`${message} ${description}`).not.toContain('McTestface');
		});
	});

	it('reports a 422 with the field and message, never the echoed input', async () => {
		const typedByMistake = 'Testy McTestface 1970-01-01';
		const error = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { user_id: typedByMistake },
		}).catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		const { message, description } = error as Error & { description?: string };
		expect(message).toContain('HTTP 422');
		expect(description).toContain('query.user_id: Input should be a valid UUID');
		expect(`${message} ${description}`).not.toContain('McTestface');
	});

	it('cancels an order that can still be cancelled', async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'cancel',
			orderId: JUNCTION_FAKE_ORDERS.cancellable,
		});
		expect(items[0].json).toMatchObject({
			status: 'success',
			order: { id: JUNCTION_FAKE_ORDERS.cancellable },
		});
		expect(requestsTo(`/v3/order/${JUNCTION_FAKE_ORDERS.cancellable}/cancel`)[0].method).toBe(
			'POST',
		);
	});

	it('explains why a finished order cannot be cancelled', async () => {
		await expect(
			run({ resource: 'order', operation: 'cancel', orderId: JUNCTION_SAMPLE_IDS.orderId }),
		).rejects.toThrow(
			'Junction cannot cancel this order in its current status: Transition from completed to cancelled is not allowed',
		);
	});

	it('simulates a sandbox order with its options', async () => {
		const simulation = {
			finalStatus: 'completed.testkit.completed',
			delay: 2,
			interpretation: 'critical',
			result_types: ['numeric', 'range'],
			has_missing_results: false,
		};
		const { items } = await run({
			resource: 'order',
			operation: 'simulate',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			simulation,
		});
		expect(items[0].json).toMatchObject({
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			simulated: true,
			response: { success: true },
		});
		const [request] = requestsTo(`/v3/order/${JUNCTION_SAMPLE_IDS.orderId}/test`);
		expect(request.query).toEqual({ final_status: 'completed.testkit.completed', delay: '2' });
		expect(JSON.parse(request.body)).toEqual({
			interpretation: 'critical',
			result_types: ['numeric', 'range'],
			has_missing_results: false,
		});
	});

	it('simulates without a body when no flags are set', async () => {
		await run({
			resource: 'order',
			operation: 'simulate',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			simulation: {},
		});
		const [request] = requestsTo(`/v3/order/${JUNCTION_SAMPLE_IDS.orderId}/test`);
		expect(request.query).toEqual({});
		expect(request.body).toBe('');
	});

	it.each([
		[{ environment: 'production', region: 'us', domain: 'junction' }],
		[{ environment: 'auto', region: 'auto', domain: 'legacy', apiKey: 'pk_eu_live' }],
		[{ environment: 'custom', apiKey: 'pk_us_live' }],
	])('refuses to simulate on production (%o) and sends nothing', async (credentialOverrides) => {
		const parameters = {
			resource: 'order',
			operation: 'simulate',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			simulation: {},
		};
		const context = executeContext({ parameters, credentials: credentials(credentialOverrides) });
		await expect(node.execute.call(context)).rejects.toThrow(
			'Simulate only works in the Junction sandbox',
		);
		expect(context.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
		expect(fake.requests).toHaveLength(0);
	});

	it('downloads the requisition PDF as binary', async () => {
		const orderId = JUNCTION_FAKE_ORDERS.pending;
		const { items } = await run({
			resource: 'order',
			operation: 'getRequisitionPdf',
			orderId,
			binaryPropertyName: 'requisition',
		});
		expect(items[0].json).toEqual({
			orderId,
			ready: true,
			fileName: `junction-requisition-${orderId}.pdf`,
		});
		expect(items[0].binary?.requisition).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-requisition-${orderId}.pdf`,
		});
		expect(Buffer.from(items[0].binary!.requisition.data, 'base64').toString('latin1')).toContain(
			`Junction requisition ${orderId}`,
		);
	});

	it('says when the requisition is not ready yet', async () => {
		const orderId = JUNCTION_FAKE_ORDERS.cancellable;
		const { items } = await run({
			resource: 'order',
			operation: 'getRequisitionPdf',
			orderId,
			binaryPropertyName: 'data',
		});
		expect(items[0].json).toMatchObject({ orderId, ready: false });
		expect(items[0].binary).toBeUndefined();
	});

	it('refuses a JSON answer where a PDF was expected', async () => {
		const orderId = JUNCTION_FAKE_ORDERS.jsonInsteadOfPdf;
		await expect(
			run({
				resource: 'order',
				operation: 'getRequisitionPdf',
				orderId,
				binaryPropertyName: 'data',
			}),
		).rejects.toThrow('Junction did not return a requisition PDF');
	});
});

describe('Result', () => {
	it('gets results as a summary, normalised rows and the raw body', async () => {
		const { items } = await run({
			resource: 'result',
			operation: 'get',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			output: 'summary',
		});
		expect(items).toHaveLength(1);
		const json = items[0].json;
		expect(json).toMatchObject({
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			ready: true,
			status: 'final',
			interpretation: 'critical',
		});
		expect(json.summary).toMatchObject({
			total: 6,
			critical: 1,
			high: 1,
			low: 1,
			needingAttention: 3,
		});
		expect(json.raw).toHaveProperty('results');
		expect(JSON.stringify(json)).not.toContain('McTestface');
	});

	it('gets one item per biomarker with critical and abnormal flags', async () => {
		const { items } = await run({
			resource: 'result',
			operation: 'get',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			output: 'biomarkerRows',
		});
		expect(jsonOf(items).map((row) => [row.biomarker, row.flag])).toEqual([
			['Glucose', 'normal'],
			['LDL Cholesterol', 'high'],
			['Vitamin D, 25-Hydroxy', 'low'],
			['Potassium', 'critical'],
			['HIV 1/2 Antibody', 'normal'],
			['Hemoglobin A1c', 'normal'],
		]);
		expect(items[1].json).toMatchObject({
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			resultStatus: 'final',
			code: '13457-7',
			codeSystem: 'LOINC',
			value: 162,
			unit: 'mg/dL',
			referenceHigh: 99,
		});
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('reads legacy dict-shaped results', async () => {
		const { items } = await run({
			resource: 'result',
			operation: 'get',
			orderId: JUNCTION_FAKE_ORDERS.legacyResults,
			output: 'biomarkerRows',
		});
		expect(jsonOf(items).map((row) => [row.biomarker, row.valueText])).toEqual([
			['Ferritin', '88'],
			['tsh', '2.1'],
		]);
	});

	it('says when results are not available yet instead of failing', async () => {
		const { items } = await run({
			resource: 'result',
			operation: 'get',
			orderId: JUNCTION_FAKE_ORDERS.pending,
			output: 'summary',
		});
		expect(items[0].json).toMatchObject({
			orderId: JUNCTION_FAKE_ORDERS.pending,
			ready: false,
		});
		expect(String(items[0].json.message)).toContain('Lab results not found');
	});

	it('downloads the results PDF as binary, or says it is not ready', async () => {
		const { items } = await run([
			{
				resource: 'result',
				operation: 'getPdf',
				orderId: JUNCTION_SAMPLE_IDS.orderId,
				binaryPropertyName: 'data',
			},
			{
				resource: 'result',
				operation: 'getPdf',
				orderId: JUNCTION_FAKE_ORDERS.pending,
				binaryPropertyName: 'data',
			},
		]);
		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-results-${JUNCTION_SAMPLE_IDS.orderId}.pdf`,
		});
		expect(items[1]).toMatchObject({ json: { ready: false }, pairedItem: { item: 1 } });
		expect(items[1].binary).toBeUndefined();
	});
});

describe('an order or transaction that does not exist', () => {
	const unknownOrder = 'a0000000-0000-4000-8000-00000000dead';
	const unknownTransaction = 'a1000000-0000-4000-8000-00000000dead';

	it.each([
		['result', 'get', { orderId: unknownOrder, output: 'summary' }, 'order'],
		['result', 'getPdf', { orderId: unknownOrder, binaryPropertyName: 'data' }, 'order'],
		[
			'result',
			'getTransactionResults',
			{ orderTransactionId: unknownTransaction, output: 'summary' },
			'order transaction',
		],
		[
			'result',
			'getTransactionPdf',
			{ orderTransactionId: unknownTransaction, binaryPropertyName: 'data' },
			'order transaction',
		],
	])(
		'%s › %s is an error naming the item, not {ready: false}',
		async (resource, operation, parameters, what) => {
			const pending = {
				resource: 'result',
				operation: 'get',
				orderId: JUNCTION_FAKE_ORDERS.pending,
				output: 'summary',
			};
			const error = await run([pending, { resource, operation, ...parameters }]).catch(
				(caught: Error) => caught,
			);
			expect(error).toMatchObject({
				message: `Junction has no ${what} with this ID`,
				httpCode: '404',
				context: { itemIndex: 1 },
			});
		},
	);

	it('with Continue On Fail, gives {error} for the unknown order and {ready: false} for the pending one', async () => {
		const { items } = await run(
			[
				{
					resource: 'result',
					operation: 'get',
					orderId: JUNCTION_FAKE_ORDERS.pending,
					output: 'summary',
				},
				{ resource: 'result', operation: 'get', orderId: unknownOrder, output: 'summary' },
				{
					resource: 'result',
					operation: 'getPdf',
					orderId: JUNCTION_FAKE_ORDERS.pending,
					binaryPropertyName: 'data',
				},
				{
					resource: 'result',
					operation: 'getPdf',
					orderId: unknownOrder,
					binaryPropertyName: 'data',
				},
			],
			{ continueOnFail: true },
		);
		expect(items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ orderId: JUNCTION_FAKE_ORDERS.pending, ready: false }),
				pairedItem: { item: 0 },
			}),
			{ json: { error: 'Junction has no order with this ID' }, pairedItem: { item: 1 } },
			expect.objectContaining({
				json: expect.objectContaining({ orderId: JUNCTION_FAKE_ORDERS.pending, ready: false }),
				pairedItem: { item: 2 },
			}),
			{ json: { error: 'Junction has no order with this ID' }, pairedItem: { item: 3 } },
		]);
		// Told apart by reading the order itself after the 404.
		expect(requestsTo(`/v3/order/${unknownOrder}`)).toHaveLength(2);
		expect(requestsTo(`/v3/order/${JUNCTION_FAKE_ORDERS.pending}`)).toHaveLength(2);
	});
});

describe('Order transaction results', () => {
	const combined = JUNCTION_FAKE_TRANSACTIONS.combined;

	it('gets the combined results of the transaction in the shared Output', async () => {
		const { items } = await run({
			resource: 'result',
			operation: 'getTransactionResults',
			orderTransactionId: ` ${combined} `,
			output: 'summary',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			orderTransactionId: combined,
			ready: true,
			status: 'final',
			summary: { total: 7 },
		});
		expect(requestsTo(`/v3/order_transaction/${combined}/result`)).toHaveLength(1);
		expect(JSON.stringify(items[0].json)).not.toContain('McTestface');
	});

	it('gives one item per biomarker, the redraw marker among them', async () => {
		const { items } = await run({
			resource: 'result',
			operation: 'getTransactionResults',
			orderTransactionId: combined,
			output: 'biomarkerRows',
		});
		expect(items).toHaveLength(7);
		expect(items[6].json).toMatchObject({
			orderTransactionId: combined,
			resultStatus: 'final',
			biomarker: JUNCTION_REDRAW_MARKER.name,
			value: JUNCTION_REDRAW_MARKER.value,
			flag: 'high',
		});
	});

	it('says the combined results are not ready while the transaction has none', async () => {
		const { items } = await run({
			resource: 'result',
			operation: 'getTransactionResults',
			orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
			output: 'biomarkerRows',
		});
		expect(items).toEqual([
			{
				json: {
					orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
					ready: false,
					message: expect.stringContaining('no results for this order transaction yet'),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(requestsTo(`/v3/order_transaction/${JUNCTION_FAKE_TRANSACTIONS.pending}`)).toHaveLength(
			1,
		);
	});

	it('downloads the combined results PDF, or says it is not ready', async () => {
		const { items } = await run([
			{
				resource: 'result',
				operation: 'getTransactionPdf',
				orderTransactionId: combined,
				binaryPropertyName: 'report',
			},
			{
				resource: 'result',
				operation: 'getTransactionPdf',
				orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
				binaryPropertyName: 'report',
			},
		]);
		expect(items[0].json).toEqual({
			orderTransactionId: combined,
			ready: true,
			fileName: `junction-results-${combined}.pdf`,
		});
		expect(Buffer.from(items[0].binary!.report.data, 'base64').toString('latin1')).toContain(
			`order transaction ${combined}`,
		);
		expect(items[1]).toMatchObject({
			json: { orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending, ready: false },
			pairedItem: { item: 1 },
		});
		expect(items[1].binary).toBeUndefined();
	});

	it('refuses an empty Order Transaction ID before sending anything', async () => {
		await expect(
			run({
				resource: 'result',
				operation: 'getTransactionResults',
				orderTransactionId: ' ',
				output: 'summary',
			}),
		).rejects.toThrow('Order Transaction ID is empty');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Order Transaction', () => {
	it("gets a transaction with its orders, under the spec's and the docs' status names", async () => {
		const { items } = await run({
			resource: 'orderTransaction',
			operation: 'get',
			orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.combined,
		});
		expect(items[0].json).toMatchObject({
			id: JUNCTION_FAKE_TRANSACTIONS.combined,
			status: 'completed',
			orders: [
				{
					id: JUNCTION_SAMPLE_IDS.orderId,
					origin: 'initial',
					last_status: 'redraw_available',
					low_level_status: 'redraw_available',
					low_level_status_created_at: '2026-08-12T12:00:00+00:00',
				},
				{
					id: JUNCTION_SAMPLE_IDS.redrawOrderId,
					origin: 'redraw',
					parent_id: JUNCTION_SAMPLE_IDS.orderId,
					last_status: 'completed',
					low_level_status: 'completed',
				},
			],
		});
		// The docs' example names them low_level_status: filled the other way round.
		const pending = await run({
			resource: 'orderTransaction',
			operation: 'get',
			orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
		});
		expect((pending.items[0].json.orders as IDataObject[])[0]).toMatchObject({
			last_status: 'transit_customer',
			last_status_created_at: '2026-08-03T11:00:00+00:00',
			low_level_status: 'transit_customer',
		});
	});

	it('explains a transaction that does not exist', async () => {
		await expect(
			run({
				resource: 'orderTransaction',
				operation: 'get',
				orderTransactionId: 'a1000000-0000-4000-8000-00000000dead',
			}),
		).rejects.toThrow('Junction has no such resource');
	});

	it('keeps both status names as sent when Junction sends both', async () => {
		const { withBothStatusNames } = await import(
			'../../../nodes/Junction/actions/orderTransaction/get.operation'
		);
		expect(
			withBothStatusNames({ last_status: 'completed', low_level_status: 'corrected' }),
		).toEqual({
			last_status: 'completed',
			low_level_status: 'corrected',
			last_status_created_at: null,
			low_level_status_created_at: null,
		});
	});
});

describe('Lab Test', () => {
	it('follows next_cursor: all 120 tests in ceil(120 / 50) = 3 requests', async () => {
		const { items } = await run({
			resource: 'labTest',
			operation: 'getMany',
			returnAll: true,
			filters: {},
		});
		expect(items).toHaveLength(120);
		const pages = requestsTo('/v3/lab_test');
		expect(pages).toHaveLength(3);
		expect(pages[0].query).not.toHaveProperty('next_cursor');
		expect(pages[1].query.next_cursor).toBeTruthy();
		expect(pages.every((request) => request.query.lab_test_limit === '50')).toBe(true);
	});

	it('stops at the limit and passes filters', async () => {
		const { items } = await run({
			resource: 'labTest',
			operation: 'getMany',
			returnAll: false,
			limit: 7,
			filters: { name: 'panel 1', generation_method: 'all' },
		});
		expect(items).toHaveLength(7);
		expect(requestsTo('/v3/lab_test')[0].query).toMatchObject({
			lab_test_limit: '7',
			name: 'panel 1',
			generation_method: 'all',
		});
	});
});

describe('Lab Test pricing', () => {
	const pricingOf = (items: INodeExecutionData[], index: number) =>
		items.find((item) => item.json.slug === `lab-test-${index}`)!.json.pricing;

	it('gives every test its own entry of the top-level pricing, with the currency, on every page', async () => {
		const { items } = await run({
			resource: 'labTest',
			operation: 'getMany',
			returnAll: true,
			filters: { include_pricing: true },
		});
		expect(items).toHaveLength(120);
		const pages = requestsTo('/v3/lab_test');
		expect(pages).toHaveLength(3);
		expect(pages.every((request) => request.query.include_pricing === 'true')).toBe(true);
		expect(items.every((item) => 'pricing' in item.json)).toBe(true);
		expect(pricingOf(items, 0)).toEqual({
			currency: 'USD',
			pricing: {
				base_amount_minor: 4500,
				modifiers: [
					{ delta_amount_minor: 500, conditions: { us_state: { any_of: ['NY', 'NJ'] } } },
					{ delta_amount_minor: { minimum: 0, maximum: 2500 }, conditions: { reflex: {} } },
				],
			},
			marker_breakdown: {
				'101': { base_amount_minor: 1500 },
				'102': { unspecified: 'price_unavailable' },
			},
		});
		// The third page's tests are priced from the third page's answer.
		expect(pricingOf(items, 101)).toEqual({
			currency: 'USD',
			pricing: { base_amount_minor: 14600, modifiers: null },
		});
		expect(pricingOf(items, 109)).toEqual({
			currency: 'USD',
			pricing: { unspecified: 'refer_to_contract' },
		});
		// A test the answer does not price says so, rather than lacking the field.
		expect(pricingOf(items, 6)).toBeNull();
	});

	it('adds no pricing when it is not asked for', async () => {
		const { items } = await run({
			resource: 'labTest',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			filters: {},
		});
		expect(items).toHaveLength(5);
		expect(items.some((item) => 'pricing' in item.json)).toBe(false);
		expect(requestsTo('/v3/lab_test')[0].query).not.toHaveProperty('include_pricing');
	});

	it('leaves a page without a pricing object as sent, and ignores entries that are not objects', async () => {
		const { withPricing } = await import(
			'../../../nodes/Junction/actions/labTest/getMany.operation'
		);
		const tests = [{ id: 'a' }, { id: 'b' }];
		expect(withPricing(tests, null)).toBe(tests);
		expect(
			withPricing(tests, {
				data: { a: 'free', b: { pricing: { unspecified: 'price_unavailable' } } },
			}),
		).toEqual([
			{ id: 'a', pricing: null },
			{ id: 'b', pricing: { currency: null, pricing: { unspecified: 'price_unavailable' } } },
		]);
	});
});

describe('User', () => {
	it('gets a user', async () => {
		const { items } = await run({
			resource: 'user',
			operation: 'get',
			userId: JUNCTION_SAMPLE_IDS.userId,
		});
		expect(items[0].json).toMatchObject({
			user_id: JUNCTION_SAMPLE_IDS.userId,
			client_user_id: JUNCTION_SAMPLE_IDS.clientUserId,
		});
	});

	it('creates a user', async () => {
		const { items } = await run({
			resource: 'user',
			operation: 'create',
			clientUserId: 'new-client-user-7',
			additionalFields: { fallback_time_zone: 'Europe/London' },
		});
		expect(items[0].json).toMatchObject({
			client_user_id: 'new-client-user-7',
			fallback_time_zone: 'Europe/London',
		});
		expect(JSON.parse(requestsTo('/v2/user')[0].body)).toEqual({
			client_user_id: 'new-client-user-7',
			fallback_time_zone: 'Europe/London',
		});
	});

	it('says the user already exists and gives its user_id', async () => {
		await expect(
			run({
				resource: 'user',
				operation: 'create',
				clientUserId: JUNCTION_EXISTING_CLIENT_USER_ID,
				additionalFields: {},
			}),
		).rejects.toThrow(
			`A Junction user with this client user ID already exists (user_id ${JUNCTION_EXISTING_USER_ID})`,
		);
	});

	it('refuses an empty ID before sending anything', async () => {
		await expect(run({ resource: 'user', operation: 'get', userId: '  ' })).rejects.toThrow(
			'User ID is empty',
		);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Continue On Fail', () => {
	it('keeps going, one item per input, errors paired with their input', async () => {
		const { items } = await run(
			[
				{ resource: 'order', operation: 'get', orderId: JUNCTION_SAMPLE_IDS.orderId },
				{ resource: 'order', operation: 'cancel', orderId: JUNCTION_SAMPLE_IDS.orderId },
				{
					resource: 'user',
					operation: 'create',
					clientUserId: JUNCTION_EXISTING_CLIENT_USER_ID,
					additionalFields: {},
				},
				{
					resource: 'result',
					operation: 'get',
					orderId: JUNCTION_SAMPLE_IDS.orderId,
					output: 'summary',
				},
			],
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(4);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3]);
		expect(items[0].json.id).toBe(JUNCTION_SAMPLE_IDS.orderId);
		expect(String(items[1].json.error)).toContain('cannot cancel this order');
		expect(String(items[2].json.error)).toContain(JUNCTION_EXISTING_USER_ID);
		expect(items[3].json.ready).toBe(true);
	});
});
