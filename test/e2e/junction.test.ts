import type { IDataObject } from 'n8n-workflow';
import { Webhook } from 'svix';

import { requestsReceivedBy } from '../../dev/fakes/fakeServer';
import {
	JUNCTION_EXISTING_USER_ID,
	JUNCTION_FAKE_ORDERS,
	JUNCTION_FAKE_TRANSACTIONS,
	JUNCTION_REDRAW_MARKER,
} from '../../dev/fakes/junction/api';
import type { Execution, WebhookTarget } from '../../dev/n8n';
import {
	JUNCTION_SAMPLE_IDS,
	JUNCTION_REDRAW_FIXTURES,
	JUNCTION_SAMPLE_PATIENT,
	junctionSample,
} from '../../dev/fakes/junction/samples';
import {
	deliver,
	sendEvent,
	type Delivery,
	type SampleOptions,
	type SignOptions,
} from '../../dev/fakes/sender';
import { e2e, n8nLogLines } from './environment';
import {
	JUNCTION_E2E_NEXT_SECRET,
	JUNCTION_E2E_SECRET,
	JUNCTION_E2E_UNKNOWN_SECRET,
	junctionActions,
	junctionEvents,
	junctionTriggers,
} from './fixtures/junction';
import { ACTION_NODE, TRIGGER_NODE } from '../../dev/n8n/workflows';

/**
 * The Junction nodes inside a real n8n 2.41.1: deliveries signed by the official svix library reach
 * the trigger's production URL, actions run in published workflows against the fake Junction API.
 */
const ids = JUNCTION_SAMPLE_IDS;
const now = () => Math.floor(Date.now() / 1000);
let messageCounter = 0;
const nextMessageId = () => `msg_e2e_${Date.now()}_${messageCounter++}`;

/** Sends a sample event, signed with the current secret unless told otherwise. */
async function send(
	target: WebhookTarget,
	event: string,
	options: SampleOptions & SignOptions = {},
) {
	return await sendEvent('junction', event, e2e().n8n.webhookUrl(target), {
		secret: JUNCTION_E2E_SECRET,
		...options,
	});
}

/** Signs any raw body with the svix library, as Junction would. */
function signedDelivery(
	body: string,
	{ secret = JUNCTION_E2E_SECRET, id = nextMessageId(), sentAt = now() } = {},
): Delivery {
	const signature = new Webhook(secret).sign(id, new Date(sentAt * 1000), body);
	return {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'svix-id': id,
			'svix-timestamp': String(sentAt),
			'svix-signature': signature,
		},
		query: {},
		body,
	};
}

async function deliverTo(target: WebhookTarget, delivery: Delivery) {
	return await deliver(e2e().n8n.webhookUrl(target), delivery);
}

async function executionsOf(target: WebhookTarget, expected: number): Promise<Execution[]> {
	const executions = await e2e().n8n.waitForExecutions(target.id, expected);
	expect(executions).toHaveLength(expected);
	return executions;
}

async function fakeRequests(path?: string) {
	const requests = await requestsReceivedBy(e2e().fakes.junction);
	return path ? requests.filter((request) => request.path === path) : requests;
}

async function resetFake(): Promise<void> {
	await fetch(`${e2e().fakes.junction}/__reset`, { method: 'POST' });
}

const sampleBody = (event: Parameters<typeof junctionSample>[0], overrides = {}) =>
	JSON.stringify(junctionSample(event, overrides));

describe('Junction trigger in n8n', () => {
	it.each(junctionEvents)(
		'%s starts exactly one execution with the typed fields',
		async (event) => {
			const target = junctionTriggers.byEvent[event];
			expect(await send(target, event)).toEqual({
				status: 200,
				body: {
					status: 'accepted',
					message: 'Event received',
					deliveryId: expect.stringMatching(/^msg_/),
				},
			});
			const [execution] = await executionsOf(target, 1);
			expect(execution.status).toBe('success');
			const [item] = execution.json(TRIGGER_NODE);
			expect(item).toMatchObject({ provider: 'junction', event, validation: { valid: true } });
			if (event.startsWith('labtest.match_review'))
				expect(item).toMatchObject({
					unmatchedResultId: ids.unmatchedResultId,
					teamId: ids.teamId,
				});
			else if (event.startsWith('lab_report.parsing_job'))
				expect(item).toMatchObject({ parsingJobId: ids.parsingJobId, userId: ids.userId });
			else expect(item).toMatchObject({ orderId: ids.orderId, userId: ids.userId });
			expect(JSON.stringify(item)).not.toContain(JUNCTION_SAMPLE_PATIENT.last_name);
			if (event === 'labtest.order.updated') {
				expect(item).toMatchObject({
					status: 'completed',
					statusHighLevel: 'completed',
					modality: 'testkit',
					sampleId: ids.sampleId,
					labTestName: 'Female General Wellness',
				});
			}
			if (event.startsWith('labtest.appointment'))
				expect(item).toMatchObject({
					appointmentId: ids.appointmentId,
					modality: 'at_home_phlebotomy',
				});
			if (event === 'labtest.result.critical')
				expect(item).toMatchObject({ resultStatus: 'final', interpretation: 'critical' });
		},
	);

	it('answers 200 without an execution for an event type that is not selected', async () => {
		const target = junctionTriggers.onlyCritical;
		expect(await send(target, 'labtest.order.updated')).toMatchObject({
			status: 200,
			body: { status: 'ignored' },
		});
		expect(await send(target, 'labtest.result.critical')).toMatchObject({
			status: 200,
			body: { status: 'accepted' },
		});
		const [execution] = await executionsOf(target, 1);
		expect(execution.json(TRIGGER_NODE)[0].event).toBe('labtest.result.critical');
	});

	it('filters order events by low-level status, and lets appointment events through', async () => {
		const target = junctionTriggers.onlyCompletedOrSampleError;
		expect(
			await send(target, 'labtest.order.updated', { overrides: { status: 'transit_lab' } }),
		).toMatchObject({ status: 200, body: { status: 'ignored' } });
		for (const status of ['completed', 'sample_error']) {
			expect(await send(target, 'labtest.order.updated', { overrides: { status } })).toMatchObject({
				body: { status: 'accepted' },
			});
		}
		expect(await send(target, 'labtest.appointment.updated')).toMatchObject({
			body: { status: 'accepted' },
		});
		const executions = await executionsOf(target, 3);
		const seen = executions.map((execution) => execution.json(TRIGGER_NODE)[0]);
		expect(seen.map((item) => item.status ?? item.event).sort()).toEqual([
			'completed',
			'labtest.appointment.updated',
			'sample_error',
		]);
	});

	it('filters by modality', async () => {
		const target = junctionTriggers.onlyWalkIn;
		expect(await send(target, 'labtest.order.updated')).toMatchObject({
			status: 200,
			body: { status: 'ignored' },
		});
		expect(
			await send(target, 'labtest.order.updated', {
				overrides: { modality: 'walk_in_test', status: 'partial_results' },
			}),
		).toMatchObject({
			body: { status: 'accepted' },
		});
		const [execution] = await executionsOf(target, 1);
		expect(execution.json(TRIGGER_NODE)[0]).toMatchObject({
			modality: 'walk_in_test',
			status: 'partial_results',
		});
	});

	describe('refuses unverifiable deliveries with 401 and no execution', () => {
		it.each([
			['stale', junctionTriggers.stale, { timestamp: now() - 3600 }, 'in the past'],
			['future', junctionTriggers.future, { timestamp: now() + 3600 }, 'in the future'],
			[
				'wrong secret',
				junctionTriggers.wrongSecret,
				{ secret: JUNCTION_E2E_UNKNOWN_SECRET },
				'No v1 signature matches',
			],
		])('%s', async (_name, target, options, reason) => {
			const answer = await send(target, 'labtest.order.updated', options);
			expect(answer.status).toBe(401);
			expect(String((answer.body as { message: string }).message)).toContain(reason);
			await executionsOf(target, 0);
		});

		it('tampered body', async () => {
			const delivery = signedDelivery(sampleBody('labtest.order.updated'));
			const answer = await deliverTo(junctionTriggers.tampered, {
				...delivery,
				body: delivery.body.replace('completed', 'cancelled'),
			});
			expect(answer.status).toBe(401);
			await executionsOf(junctionTriggers.tampered, 0);
		});

		it('missing signature headers', async () => {
			const answer = await deliverTo(junctionTriggers.missingSignature, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				query: {},
				body: sampleBody('labtest.order.updated'),
			});
			expect(answer).toMatchObject({ status: 401, body: { status: 'rejected' } });
			expect(String((answer.body as { message: string }).message)).toContain('svix-signature');
			await executionsOf(junctionTriggers.missingSignature, 0);
		});
	});

	it('accepts either secret during a rotation, also with two signatures in one header', async () => {
		const target = junctionTriggers.rotation;
		expect(
			(await send(target, 'labtest.order.updated', { secret: JUNCTION_E2E_NEXT_SECRET })).status,
		).toBe(200);
		const body = sampleBody('labtest.order.updated', { status: 'sample_error' });
		const unknown = signedDelivery(body, {
			secret: JUNCTION_E2E_UNKNOWN_SECRET,
			id: 'msg_e2e_rotation',
		});
		const current = signedDelivery(body, {
			id: 'msg_e2e_rotation',
			sentAt: Number(unknown.headers['svix-timestamp']),
		});
		const both = {
			...current,
			headers: {
				...current.headers,
				'svix-signature': `${unknown.headers['svix-signature']} ${current.headers['svix-signature']}`,
			},
		};
		expect((await deliverTo(target, both)).status).toBe(200);
		await executionsOf(target, 2);
	});

	it('runs once for a message delivered twice with the same svix-id', async () => {
		const target = junctionTriggers.duplicate;
		const options = { messageId: 'msg_e2e_duplicate' };
		expect(await send(target, 'labtest.order.updated', options)).toMatchObject({
			body: { status: 'accepted' },
		});
		expect(await send(target, 'labtest.order.updated', options)).toMatchObject({
			status: 200,
			body: { status: 'duplicate' },
		});
		await executionsOf(target, 1);
	});

	it.each([
		['malformed JSON', junctionTriggers.malformedJson, '{"event_type":', 422],
		['an empty body', junctionTriggers.emptyBody, '', 400],
		[
			'non-object JSON',
			junctionTriggers.nonObjectJson,
			'[{"event_type":"labtest.order.updated"}]',
			422,
		],
		['an object naming no event', junctionTriggers.noEventName, '{"data":{"hello":"world"}}', 422],
	])('answers %s with its status and starts nothing', async (_name, target, body, status) => {
		const answer = await deliverTo(target, signedDelivery(body));
		expect(answer.status).toBe(status);
		await executionsOf(target, 0);
	});

	describe('event types it does not know', () => {
		const body = JSON.stringify({
			event_type: 'labtest.brand_new.event',
			data: { id: 'r1', status: 'whatever' },
		});

		it.each([
			['under All Events', junctionTriggers.unknownEvent],
			['with Other selected', junctionTriggers.unknownEventOtherSelected],
		])(
			'%s, one starts one execution as "other", with its name and payload',
			async (_name, target) => {
				expect((await deliverTo(target, signedDelivery(body))).status).toBe(200);
				const [execution] = await executionsOf(target, 1);
				expect(execution.json(TRIGGER_NODE)[0]).toMatchObject({
					event: 'other',
					eventName: 'labtest.brand_new.event',
					payload: JSON.parse(body) as IDataObject,
				});
			},
		);

		it('outside a narrower selection, one starts nothing and leaves one warning naming it in the log, without its values', async () => {
			const target = junctionTriggers.unknownEventNotSelected;
			const unique = JSON.stringify({
				event_type: 'labtest.something_new_for_e2e',
				data: { id: 'r2', note: 'a-value-that-stays-out' },
			});
			const answer = await deliverTo(target, signedDelivery(unique));
			expect(answer).toMatchObject({ status: 200, body: { status: 'ignored' } });
			await executionsOf(target, 0);
			const lines = n8nLogLines('labtest.something_new_for_e2e');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toContain('Junction Trigger ignored an event type it does not know');
			expect(lines[0]).not.toContain('a-value-that-stays-out');
		});
	});

	it('includes patient details only when asked to', async () => {
		const target = junctionTriggers.patientDetailsIncluded;
		await send(target, 'labtest.order.updated');
		const [execution] = await executionsOf(target, 1);
		expect(execution.json(TRIGGER_NODE)[0].payload).toMatchObject({
			data: { patient_details: JUNCTION_SAMPLE_PATIENT },
		});
	});

	describe('Fetch Full Data', () => {
		beforeEach(resetFake);

		it('attaches result rows, a summary and the results PDF as binary, never calling a payload URL', async () => {
			const target = junctionTriggers.fetchResults;
			await send(target, 'labtest.order.updated', {
				overrides: { payloadHost: e2e().fakes.payloadHost },
			});
			const [execution] = await executionsOf(target, 1);
			const [item] = execution.items(TRIGGER_NODE);
			expect(item.json).toMatchObject({
				fullData: { fetched: true },
				results: {
					ready: true,
					status: 'final',
					summary: { total: 6, critical: 1, high: 1, low: 1 },
				},
			});
			expect((item.json.results as { rows: unknown[] }).rows).toContainEqual(
				expect.objectContaining({ biomarker: 'Potassium', flag: 'critical', code: '2823-3' }),
			);
			expect(item.binary?.resultsPdf).toMatchObject({
				mimeType: 'application/pdf',
				fileName: `junction-results-${ids.orderId}.pdf`,
			});
			expect(JSON.stringify(item.json)).not.toContain('McTestface');
			expect((await fakeRequests()).map((request) => request.path).sort()).toEqual([
				`/v3/order/${ids.orderId}/result`,
				`/v3/order/${ids.orderId}/result/pdf`,
			]);
			expect(await requestsReceivedBy(e2e().fakes.payloadHost)).toHaveLength(0);
		});

		it('follows a redraw: the initial order at redraw_available, the redraw order, and the combined results of the transaction', async () => {
			const target = junctionTriggers.redrawStory;
			// One after the other, as Junction sends them.
			for (const [index, { event, overrides }] of JUNCTION_REDRAW_FIXTURES.entries()) {
				expect((await send(target, event, { overrides })).status).toBe(200);
				await executionsOf(target, index + 1);
			}
			const executions = await executionsOf(target, 3);
			const items = executions
				.map((execution) => execution.json(TRIGGER_NODE)[0])
				.sort((a, b) => String(a.receivedAt).localeCompare(String(b.receivedAt)));
			expect(items[0]).toMatchObject({
				status: 'redraw_available',
				redrawOrderId: ids.redrawOrderId,
				results: { ready: true },
			});
			expect(items[1]).toMatchObject({ orderId: ids.redrawOrderId, origin: 'redraw' });
			expect(items[2]).toMatchObject({
				orderId: ids.redrawOrderId,
				orderTransactionId: ids.orderTransactionId,
				results: { ready: true, scope: 'transaction' },
			});
			expect(
				(items[2].results as { rows: Array<{ biomarker: string }> }).rows.map(
					(row) => row.biomarker,
				),
			).toEqual(expect.arrayContaining(['Glucose', JUNCTION_REDRAW_MARKER.name]));
		});

		it('fetches an unmatched result awaiting review, and turns a parsed lab report into results', async () => {
			const target = junctionTriggers.reviewsAndReports;
			await send(target, 'labtest.match_review.created');
			await executionsOf(target, 1);
			await send(target, 'lab_report.parsing_job.updated');
			const items = (await executionsOf(target, 2)).map(
				(execution) => execution.json(TRIGGER_NODE)[0],
			);
			const review = items.find((item) => item.event === 'labtest.match_review.created')!;
			const report = items.find((item) => item.event === 'lab_report.parsing_job.updated')!;
			expect(review.unmatchedResult).toMatchObject({ id: ids.unmatchedResultId });
			expect(report.results).toMatchObject({ ready: true, summary: { total: 3 } });
			expect(JSON.stringify(items)).not.toContain('McTestface');
		});

		it('says results are not ready yet instead of failing', async () => {
			const target = junctionTriggers.fetchResultsNotReady;
			await send(target, 'labtest.order.updated', {
				overrides: { orderId: JUNCTION_FAKE_ORDERS.pending },
			});
			const [execution] = await executionsOf(target, 1);
			expect(execution.status).toBe('success');
			expect(execution.json(TRIGGER_NODE)[0].results).toMatchObject({ ready: false });
		});

		it('can start the workflow with one item per biomarker', async () => {
			const target = junctionTriggers.fetchBiomarkerRows;
			await send(target, 'labtest.result.critical');
			const [execution] = await executionsOf(target, 1);
			const rows = execution.json(TRIGGER_NODE);
			expect(rows).toHaveLength(6);
			expect(rows.map((row) => row.flag)).toEqual([
				'normal',
				'high',
				'low',
				'critical',
				'normal',
				'normal',
			]);
			expect(
				rows.every((row) => row.orderId === ids.orderId && row.event === 'labtest.result.critical'),
			).toBe(true);
		});
	});
});

describe('Junction action node in n8n', () => {
	beforeEach(resetFake);

	const succeeded = async (target: WebhookTarget) => {
		const run = await e2e().n8n.runWebhookWorkflow(target);
		expect(run.execution?.status).toBe('success');
		return { run, items: run.execution!.items(ACTION_NODE) };
	};
	const failed = async (target: WebhookTarget) => {
		const run = await e2e().n8n.runWebhookWorkflow(target);
		expect(run.execution?.status).toBe('error');
		return run.execution!.error!;
	};

	it('gets an order, without patient details', async () => {
		const { items } = await succeeded(junctionActions.getOrder);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: ids.orderId, sample_id: ids.sampleId });
		expect(items[0].json).not.toHaveProperty('patient_details');
	});

	it('retries a 429 with Retry-After and succeeds', async () => {
		const { items } = await succeeded(junctionActions.getRateLimitedOrder);
		expect(items[0].json.id).toBe(JUNCTION_FAKE_ORDERS.rateLimited);
		expect(await fakeRequests(`/v3/order/${JUNCTION_FAKE_ORDERS.rateLimited}`)).toHaveLength(2);
	});

	it('gets all 230 orders in 3 pages of 100', async () => {
		const { items } = await succeeded(junctionActions.getAllOrders);
		expect(items).toHaveLength(230);
		const pages = await fakeRequests('/v3/orders');
		expect(pages.map((request) => [request.query.page, request.query.size])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	it('filters orders by status and user', async () => {
		const { items } = await succeeded(junctionActions.getCompletedOrders);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.json.user_id === ids.userId)).toBe(true);
		expect((await fakeRequests('/v3/orders'))[0].query).toMatchObject({
			status: 'completed',
			user_id: ids.userId,
		});
	});

	it("sends the spec's other filters and the sort, lists as repeated keys, and gets what they select", async () => {
		const byIds = await succeeded(junctionActions.getOrdersByIdsSorted);
		expect(byIds.items.map((item) => item.json.id)).toEqual([
			JUNCTION_FAKE_ORDERS.pending, // transit_customer
			JUNCTION_FAKE_ORDERS.cancellable, // ordered
			ids.orderId, // completed
		]);
		const [query] = (await fakeRequests('/v3/orders')).map((request) => request.query);
		expect(query).toMatchObject({
			order_ids: [ids.orderId, JUNCTION_FAKE_ORDERS.pending, JUNCTION_FAKE_ORDERS.cancellable],
			order_activation_types: 'current',
			order_key: 'last_status',
			order_direction: 'desc',
		});
		expect(query).not.toHaveProperty('is_critical');

		await resetFake();
		const nonCritical = await succeeded(junctionActions.getNonCriticalUnknownOrders);
		expect(nonCritical.items.length).toBeGreaterThan(0);
		for (const { json } of nonCritical.items) {
			expect(json.interpretation).toBe('unknown');
			expect(json.patient_details).toMatchObject({ first_name: 'Jordan' });
		}
		expect((await fakeRequests('/v3/orders'))[0].query).toMatchObject({
			is_critical: 'false',
			interpretation: 'unknown',
			patient_name: 'Jordan',
		});

		const transaction = await succeeded(junctionActions.getOrdersOfTransaction);
		expect(transaction.items.map((item) => item.json.id)).toEqual([ids.redrawOrderId]);
	});

	it('explains a 422 without repeating the value sent', async () => {
		const error = await failed(junctionActions.getOrdersInvalidUser);
		const explanation = `${error.message} ${error.description ?? ''}`;
		expect(explanation).toContain('query.user_id');
		// n8n's error record also carries the node's own parameters, which hold what the user typed;
		// what this package adds (message and description) must not repeat the value Junction echoed.
		expect(explanation).not.toContain('McTestface');
	});

	it('cancels an order, and explains why a finished one cannot be', async () => {
		const { items } = await succeeded(junctionActions.cancelOrder);
		expect(items[0].json).toMatchObject({ status: 'success' });
		const error = await failed(junctionActions.cancelCompletedOrder);
		expect(error.message).toContain('Junction cannot cancel this order in its current status');
	});

	it('simulates a sandbox order, and refuses on production without sending anything', async () => {
		const { items } = await succeeded(junctionActions.simulate);
		expect(items[0].json).toMatchObject({ orderId: ids.orderId, simulated: true });
		const [request] = await fakeRequests(`/v3/order/${ids.orderId}/test`);
		expect(request.query).toEqual({ final_status: 'completed.testkit.completed' });
		expect(JSON.parse(request.body)).toEqual({ interpretation: 'critical' });

		await resetFake();
		const error = await failed(junctionActions.simulateOnProduction);
		expect(error.message).toBe('Simulate only works in the Junction sandbox');
		expect(await fakeRequests()).toHaveLength(0);
	});

	it.each([
		['requisition', junctionActions.requisitionPdf, JUNCTION_FAKE_ORDERS.pending],
		['results', junctionActions.resultsPdf, ids.orderId],
	])('downloads the %s PDF as binary', async (kind, target, orderId) => {
		const { run, items } = await succeeded(target);
		expect(run.contentType).toContain('application/pdf');
		expect(run.body.subarray(0, 5).toString()).toBe('%PDF-');
		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-${kind}-${orderId}.pdf`,
		});
	});

	it('gets results as a summary, as rows, and says when they are not ready', async () => {
		const summary = (await succeeded(junctionActions.getResults)).items[0].json;
		expect(summary).toMatchObject({
			ready: true,
			status: 'final',
			interpretation: 'critical',
			summary: { needingAttention: 3 },
		});
		expect(JSON.stringify(summary)).not.toContain('McTestface');
		const rows = (await succeeded(junctionActions.getResultRows)).items.map((item) => item.json);
		expect(rows.map((row) => row.flag)).toEqual([
			'normal',
			'high',
			'low',
			'critical',
			'normal',
			'normal',
		]);
		expect((await succeeded(junctionActions.getResultsNotReady)).items[0].json).toMatchObject({
			ready: false,
		});
	});

	it('fails on an order that does not exist, naming it, where a pending one gives ready: false', async () => {
		for (const target of [
			junctionActions.getResultsUnknownOrder,
			junctionActions.resultsPdfUnknownOrder,
		]) {
			const error = await failed(target);
			expect(error).toMatchObject({
				message: 'Junction has no order with this ID',
				httpCode: '404',
			});
		}
		const { items } = await succeeded(junctionActions.getResultsUnknownOrderContinuing);
		expect(items.map((item) => item.json)).toEqual([
			{ error: 'Junction has no order with this ID' },
		]);
	});

	it('gets the combined results of an order transaction and its PDF, or says they are not ready', async () => {
		const combined = JUNCTION_FAKE_TRANSACTIONS.combined;
		const rows = (await succeeded(junctionActions.getTransactionResults)).items.map(
			(item) => item.json,
		);
		expect(rows).toHaveLength(7);
		expect(rows.every((row) => row.orderTransactionId === combined)).toBe(true);
		expect(rows.map((row) => row.biomarker)).toContain(JUNCTION_REDRAW_MARKER.name);
		expect(await fakeRequests(`/v3/order_transaction/${combined}/result`)).toHaveLength(1);

		const pending = (await succeeded(junctionActions.getTransactionResultsNotReady)).items;
		expect(pending.map((item) => item.json)).toEqual([
			{
				orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
				ready: false,
				message: expect.stringContaining('order transaction'),
			},
		]);
		const error = await failed(junctionActions.getTransactionResultsUnknown);
		expect(error.message).toBe('Junction has no order transaction with this ID');

		const { run, items } = await succeeded(junctionActions.transactionResultsPdf);
		expect(run.body.subarray(0, 5).toString()).toBe('%PDF-');
		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-results-${combined}.pdf`,
		});
	});

	it("gets an order transaction with both names of its orders' status", async () => {
		const { items } = await succeeded(junctionActions.getOrderTransaction);
		expect(items[0].json).toMatchObject({
			id: JUNCTION_FAKE_TRANSACTIONS.pending,
			status: 'active',
			orders: [
				{
					id: JUNCTION_FAKE_ORDERS.pending,
					last_status: 'transit_customer',
					low_level_status: 'transit_customer',
				},
			],
		});
	});

	it('gets all 120 lab tests by following the cursor over 3 pages', async () => {
		const { items } = await succeeded(junctionActions.getAllLabTests);
		expect(items).toHaveLength(120);
		expect(await fakeRequests('/v3/lab_test')).toHaveLength(3);
	});

	it('gives every lab test its own pricing entry and the currency, across all pages', async () => {
		const { items } = await succeeded(junctionActions.getAllLabTestsWithPricing);
		expect(items).toHaveLength(120);
		const pages = await fakeRequests('/v3/lab_test');
		expect(pages.map((request) => request.query.include_pricing)).toEqual(['true', 'true', 'true']);
		const bySlug = new Map(items.map((item) => [item.json.slug, item.json.pricing]));
		expect(bySlug.get('lab-test-0')).toMatchObject({
			currency: 'USD',
			pricing: { base_amount_minor: 4500 },
			marker_breakdown: { '101': { base_amount_minor: 1500 } },
		});
		expect(bySlug.get('lab-test-101')).toEqual({
			currency: 'USD',
			pricing: { base_amount_minor: 14600, modifiers: null },
		});
		expect(bySlug.get('lab-test-109')).toEqual({
			currency: 'USD',
			pricing: { unspecified: 'refer_to_contract' },
		});
		expect(bySlug.get('lab-test-6')).toBeNull();
	});

	it('gets and creates users, and names the existing user on a conflict', async () => {
		expect((await succeeded(junctionActions.getUser)).items[0].json).toMatchObject({
			user_id: ids.userId,
		});
		expect((await succeeded(junctionActions.createUser)).items[0].json).toMatchObject({
			client_user_id: 'e2e-new-client-user',
		});
		const error = await failed(junctionActions.createExistingUser);
		expect(error.message).toContain(`already exists (user_id ${JUNCTION_EXISTING_USER_ID})`);
	});
});
