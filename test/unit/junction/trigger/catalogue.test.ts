import type { IDataObject } from 'n8n-workflow';

import { junctionEventSchemas } from '../../../../nodes/Junction/events';
import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { createJunctionFake, JUNCTION_REDRAW_MARKER } from '../../../../dev/fakes/junction/api';
import {
	JUNCTION_FIXTURES,
	JUNCTION_REDRAW_FIXTURES,
	JUNCTION_REVIEW_AND_REPORT_FIXTURES,
	JUNCTION_SAMPLE_IDS,
	JUNCTION_SAMPLE_PATIENT,
} from '../../../../dev/fakes/junction/samples';
import { onlyItem, triggerHarness } from '../../../support/triggerHarness';
import { SIGNING_SECRET } from '../signing';

/**
 * Junction's whole lab-testing event catalogue (OpenAPI `webhooks`, docs `event-catalog/`): every
 * event has a sample, a schema and typed fields; the redraw story; unmatched-result reviews and lab
 * report parsing jobs, with what Fetch Full Data adds to each.
 */
const fake = createJunctionFake();
const ids = JUNCTION_SAMPLE_IDS;
const junction = triggerHarness('junction', { secret: SIGNING_SECRET });
const withFake = (options: IDataObject = {}, parameters: IDataObject = {}) => ({
	parameters: { ...parameters, options: { fetchFullData: true, ...options } },
	credentials: junction.credentials({ baseUrl: fake.url }),
});
const fixture = (name: string) =>
	[...JUNCTION_REDRAW_FIXTURES, ...JUNCTION_REVIEW_AND_REPORT_FIXTURES].find(
		(each) => each.name === name,
	)!;
const send = async (name: string, options: IDataObject = {}, parameters: IDataObject = {}) => {
	const { event, overrides } = fixture(name);
	return await junction.send(junction.sample(event, { overrides }), withFake(options, parameters));
};
const requested = () => fake.requests.map((request) => `${request.method} ${request.path}`);

beforeAll(async () => await fake.start());
afterAll(async () => await fake.stop());
beforeEach(() => {
	forgetProcessMemory();
	fake.reset();
});

it('has a sample of every event it offers, and every one is valid', () => {
	const sampled = new Set(
		[...JUNCTION_FIXTURES, ...JUNCTION_REDRAW_FIXTURES, ...JUNCTION_REVIEW_AND_REPORT_FIXTURES].map(
			(each) => each.event,
		),
	);
	expect([...sampled].sort()).toEqual(Object.keys(junctionEventSchemas).sort());
});

describe.each([...JUNCTION_REDRAW_FIXTURES, ...JUNCTION_REVIEW_AND_REPORT_FIXTURES])(
	'$name',
	({ event, overrides }) => {
		it('becomes one valid item of its event with its team', async () => {
			const item = await junction.sampleItem(event, { overrides });
			expect(item).toMatchObject({ event, provider: 'junction', validation: { valid: true } });
			expect(item.teamId).toBe(ids.teamId);
		});
	},
);

describe('redraws', () => {
	it('surfaces the transaction and the redraw order at redraw_available, and fetches the final results of the initial order', async () => {
		const item = onlyItem(await send('initial order: redraw available'));
		expect(item).toMatchObject({
			orderId: ids.orderId,
			status: 'redraw_available',
			origin: 'initial',
			hasMissingResults: true,
			orderTransactionId: ids.orderTransactionId,
			orderTransactionStatus: 'active',
			redrawOrderId: ids.redrawOrderId,
			transactionOrderCount: 2,
		});
		expect(item.results).toMatchObject({ ready: true });
		expect(item.results).not.toHaveProperty('scope');
		expect(requested()).toEqual([`GET /v3/order/${ids.orderId}/result`]);
	});

	it('names the parent of the redraw order', async () => {
		const item = onlyItem(await send('redraw order created'));
		expect(item).toMatchObject({
			orderId: ids.redrawOrderId,
			origin: 'redraw',
			parentOrderId: ids.orderId,
			orderTransactionId: ids.orderTransactionId,
		});
		expect(item).not.toHaveProperty('redrawOrderId');
		expect(item).not.toHaveProperty('results');
	});

	it('fetches the combined results of the transaction once the redraw order completes it, PDF included', async () => {
		const run = await send('redraw order completed', { attachResultsPdf: true });
		const item = onlyItem(run);
		const results = item.results as IDataObject;
		expect(results).toMatchObject({ ready: true, scope: 'transaction' });
		const biomarkers = (results.rows as IDataObject[]).map((row) => row.biomarker);
		expect(biomarkers).toEqual(expect.arrayContaining(['Glucose', JUNCTION_REDRAW_MARKER.name]));
		expect(results.pdf).toMatchObject({ attached: true });
		expect(run.items[0].binary?.resultsPdf.fileName).toBe(
			`junction-results-${ids.orderTransactionId}.pdf`,
		);
		expect(requested()).toEqual([
			`GET /v3/order_transaction/${ids.orderTransactionId}/result`,
			`GET /v3/order_transaction/${ids.orderTransactionId}/result/pdf`,
		]);
	});
});

describe('unmatched results awaiting review', () => {
	it('has the review fields, and fetches the unmatched result without the patient by default', async () => {
		const created = onlyItem(await send('unmatched result awaiting review'));
		expect(created).toMatchObject({
			unmatchedResultId: ids.unmatchedResultId,
			reviewStatus: 'pending_customer_review',
			decisionCode: 'match_sample_id_mismatch_demo',
			userId: null,
		});
		const unmatched = created.unmatchedResult as IDataObject;
		expect(unmatched).toMatchObject({
			id: ids.unmatchedResultId,
			allowed_actions: ['accept', 'reject', 'unsure'],
		});
		expect(unmatched).not.toHaveProperty('patient');
		expect(JSON.stringify(created)).not.toContain(JUNCTION_SAMPLE_PATIENT.last_name);
		expect(requested()).toEqual([`GET /v3/unmatched_result/${ids.unmatchedResultId}`]);
	});

	it('says which order a resolved review matched', async () => {
		const resolved = onlyItem(await send('unmatched result resolved', { fetchFullData: false }));
		expect(resolved).toMatchObject({
			reviewStatus: 'resolved',
			resolutionAction: 'accept',
			resolvedOrderId: ids.orderId,
			resolvedUserId: ids.userId,
		});
	});
});

describe('lab report parsing jobs', () => {
	it('turns a parsed report into the shared results block, without the patient printed on it', async () => {
		const item = onlyItem(await send('lab report parsed'));
		expect(item).toMatchObject({
			parsingJobId: ids.parsingJobId,
			jobStatus: 'completed',
			resultCount: 3,
			labName: 'Example Labs',
		});
		const results = item.results as IDataObject;
		expect(results).toMatchObject({ ready: true, summary: { total: 3, needingAttention: 1 } });
		expect(results.rows).toEqual([
			expect.objectContaining({
				biomarker: 'Glucose',
				code: '2345-7',
				codeSystem: 'LOINC',
				value: 91,
				flag: 'normal',
			}),
			expect.objectContaining({
				biomarker: 'LDL Cholesterol',
				code: null,
				value: 162,
				flag: 'high',
			}),
			expect.objectContaining({
				biomarker: 'Comment',
				value: null,
				valueText: 'Fasting sample',
				flag: 'unknown',
			}),
		]);
		expect(JSON.stringify(item)).not.toContain(JUNCTION_SAMPLE_PATIENT.last_name);
		expect(requested()).toEqual([`GET /lab_report/v1/parser/job/${ids.parsingJobId}`]);
	});

	it('fetches nothing for a job that started or failed, and says why it failed', async () => {
		const started = onlyItem(await send('lab report parsing started'));
		expect(started).toMatchObject({ jobStatus: 'started' });
		expect(started).not.toHaveProperty('results');
		const failed = onlyItem(await send('lab report parsing failed'));
		expect(failed).toMatchObject({ jobStatus: 'failed', failureReason: 'not_english' });
		expect(requested()).toEqual([]);
	});
});

describe('appointment status filter', () => {
	it('keeps only appointment events of the chosen statuses, and leaves order events alone', async () => {
		const only = { appointmentStatuses: ['cancelled'] };
		const scheduled = await junction.send(
			junction.sample('labtest.appointment.updated'),
			withFake({}, only),
		);
		expect(scheduled.result.workflowData).toBeUndefined();
		expect(scheduled.response.body).toMatchObject({ status: 'ignored' });
		const cancelled = await junction.send(
			junction.sample('labtest.appointment.updated', {
				overrides: { appointmentStatus: 'cancelled' },
			}),
			withFake({}, only),
		);
		expect(onlyItem(cancelled)).toMatchObject({ appointmentStatus: 'cancelled' });
		const order = await junction.send(
			junction.sample('labtest.order.updated'),
			withFake({ fetchFullData: false }, only),
		);
		expect(onlyItem(order)).toMatchObject({ event: 'labtest.order.updated' });
	});
});

describe('results of an order that does not exist', () => {
	it('are not "not ready": Fetch Full Data says the order was not found', async () => {
		const unknownOrder = 'a0000000-0000-4000-8000-00000000dead';
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.result.critical', { overrides: { orderId: unknownOrder } }),
				withFake(),
			),
		);
		expect(item.fullData).toMatchObject({
			fetched: false,
			message: 'Junction has no order with this ID',
		});
		expect(item).not.toHaveProperty('results');
		expect(requested()).toEqual([
			`GET /v3/order/${unknownOrder}/result`,
			`GET /v3/order/${unknownOrder}`,
		]);
	});
});
