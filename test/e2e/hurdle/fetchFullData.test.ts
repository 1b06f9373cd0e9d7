import type { IDataObject } from 'n8n-workflow';

import type { HurdleEventName } from '../../../nodes/Hurdle/events';
import type { SampleOptions } from '../../../dev/fakes/types';
import type { SignOptions } from '../../../dev/fakes/sender';

import { requestsReceivedBy } from '../../../dev/fakes/fakeServer';
import {
	HURDLE_FAKE_API_KEY,
	HURDLE_NO_LOOKUP_ORDER,
	HURDLE_PENDING_TEST,
} from '../../../dev/fakes/hurdle/api';
import { TRIGGER_NODE, type E2eWorkflow } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { accepted } from '../expectations';
import { requestLine, requestsDuring } from '../fakeRequests';
import { hurdleTriggers } from '../fixtures/hurdle';
import { expectedFlags, ids, patientFieldsIn, sampleTest, sendHurdle, signed } from './deliveries';

const { n8n, fakes } = e2e();

describe('Hurdle Trigger in n8n', () => {
	describe('Fetch Full Data', () => {
		/** Sends the event, waits for its execution, and returns its items with the Hurdle API requests made meanwhile. */
		async function fetchThrough(
			workflow: E2eWorkflow,
			event: HurdleEventName,
			options: SignOptions & SampleOptions = {},
		) {
			const { result: executions, requests } = await requestsDuring(fakes.hurdle, async () => {
				const response = await sendHurdle(workflow, event, {
					...signed,
					...options,
					// Fields naming another host: none of them may be requested.
					overrides: {
						url: `${fakes.payloadHost}/tests/v2/${ids.testId}`,
						baseUrl: fakes.payloadHost,
						host: fakes.payloadHost.replace(/^https?:\/\//, ''),
						...options.overrides,
					},
				});
				expect(response).toEqual(accepted);
				return await n8n.waitForExecutions(workflow.id, 1);
			});
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			return { items: executions[0].json(TRIGGER_NODE), requests };
		}

		afterAll(async () => {
			// Every payload above named the payload host; none of it may have been requested.
			expect(await requestsReceivedBy(fakes.payloadHost)).toEqual([]);
		});

		test('test.processed: the test with its results, from the credential host', async () => {
			const { items, requests } = await fetchThrough(hurdleTriggers.fetchTest, 'test.processed');
			expect(requests.map(requestLine)).toEqual([`GET /tests/v2/${ids.testId}`]);
			expect(requests[0].headers['x-api-key']).toBe(HURDLE_FAKE_API_KEY);
			expect(await requestsReceivedBy(fakes.payloadHost)).toEqual([]);

			expect(items).toHaveLength(1);
			expect(items[0].fullData).toEqual({ fetched: true });
			expect(items[0].test).toMatchObject({ id: ids.testId, status: 'PROCESSED' });
			const results = items[0].results as IDataObject;
			expect(results).toMatchObject({ ready: true, raw: sampleTest.biomarkerResults });
			const rows = results.rows as IDataObject[];
			expect(Object.fromEntries(rows.map((row) => [row.code, row.flag]))).toEqual(expectedFlags);
			expect(results.summary).toMatchObject({
				total: 4,
				high: 1,
				low: 1,
				normal: 2,
				needingAttention: 2,
			});
			expect(patientFieldsIn(items[0])).toEqual([]);
		});

		test('test.lab_accessioned for a test without results: results.ready is false', async () => {
			const { items, requests } = await fetchThrough(
				hurdleTriggers.fetchPendingTest,
				'test.lab_accessioned',
				{
					overrides: { testId: HURDLE_PENDING_TEST },
				},
			);
			expect(requests.map(requestLine)).toEqual([`GET /tests/v2/${HURDLE_PENDING_TEST}`]);
			expect(items[0].results).toEqual({ ready: false, message: expect.any(String) });
		});

		test('test.registered has no test ID yet: nothing is fetched, and the item says why', async () => {
			const { items, requests } = await fetchThrough(
				hurdleTriggers.fetchBeforeAccession,
				'test.registered',
			);
			expect(requests).toEqual([]);
			expect(items[0].fullData).toEqual({
				fetched: false,
				message: expect.stringContaining('LAB_ACCESSIONED'),
			});
		});

		test('order.out_for_delivery: the order, without the customer’s details', async () => {
			const { items, requests } = await fetchThrough(
				hurdleTriggers.fetchOrder,
				'order.out_for_delivery',
			);
			expect(requests.map(requestLine)).toEqual([`GET /orders/v3/${ids.orderNumber}`]);
			expect(items[0].order).toMatchObject({ orderNumber: ids.orderNumber, status: 'DISPATCHED' });
			expect(patientFieldsIn(items[0])).toEqual([]);
		});

		test('an order lookup answering 405 gives order.available false, not a failed execution', async () => {
			const { items, requests } = await fetchThrough(
				hurdleTriggers.fetchOrderWithoutLookup,
				'order.created',
				{
					overrides: { orderNumber: HURDLE_NO_LOOKUP_ORDER },
				},
			);
			expect(requests.map(requestLine)).toEqual([`GET /orders/v3/${HURDLE_NO_LOOKUP_ORDER}`]);
			expect(items[0].order).toEqual({
				available: false,
				message: expect.stringContaining('HTTP 405'),
			});
		});

		test('Output "One Item per Biomarker": one item per fetched result', async () => {
			const { items } = await fetchThrough(hurdleTriggers.fetchBiomarkerRows, 'test.processed', {
				method: 'GET',
			});
			expect(items.map((item) => item.code)).toEqual(Object.keys(expectedFlags));
			for (const item of items) {
				expect(item).toMatchObject({
					event: 'test.processed',
					testId: ids.testId,
					codeSystem: 'Hurdle',
				});
				expect(item.payload).toBeUndefined();
			}
		});
	});
});
