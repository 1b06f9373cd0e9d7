import type { IDataObject } from 'n8n-workflow';

import type { LmlEventName } from '../../../nodes/LondonMedicalLaboratory/events';
import { requestsReceivedBy } from '../../../dev/fakes/fakeServer';
import {
	LML_FAKE_TOKEN,
	LML_PENDING_REGISTRATION,
} from '../../../dev/fakes/londonMedicalLaboratory/api';
import { sendEvent } from '../../../dev/fakes/sender';
import { TRIGGER_NODE, type E2eWorkflow } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { accepted } from '../expectations';
import { requestLine, requestsDuring } from '../fakeRequests';
import { lmlData, lmlTriggers } from '../fixtures/lml';
import { expectedFlags, ids, sampleResults, signed, withoutPatientFields } from './deliveries';

const { n8n, fakes } = e2e();

describe('LML Trigger in n8n', () => {
	describe('Fetch Full Data', () => {
		/** Sends the event, waits for its execution, and returns the one item with the LML API requests made meanwhile. */
		async function fetchThrough(
			workflow: E2eWorkflow,
			event: LmlEventName,
			overrides: IDataObject = {},
		) {
			const { result: executions, requests } = await requestsDuring(
				fakes.londonMedicalLaboratory,
				async () => {
					const response = await sendEvent(
						'londonMedicalLaboratory',
						event,
						n8n.webhookUrl(workflow),
						{
							...signed,
							overrides: { payloadHost: fakes.payloadHost, ...overrides },
						},
					);
					expect(response).toEqual(accepted);
					return await n8n.waitForExecutions(workflow.id, 1);
				},
			);
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			return { items: executions[0].json(TRIGGER_NODE), requests };
		}

		afterAll(async () => {
			// Every payload above named the payload host; none of it may have been requested.
			expect(await requestsReceivedBy(fakes.payloadHost)).toEqual([]);
		});

		test('lab_results.complete: results from the credential host, as a summary and rows', async () => {
			const { items, requests } = await fetchThrough(
				lmlTriggers.fetchLabResults,
				'lab_results.complete',
			);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${ids.testRegistrationId}/lab_results/`,
			]);
			expect(requests[0].headers.authorization).toBe(`Bearer ${LML_FAKE_TOKEN}`);
			expect(await requestsReceivedBy(fakes.payloadHost)).toEqual([]);

			expect(items).toHaveLength(1);
			const results = items[0].results as IDataObject;
			expect(items[0].fullData).toEqual({ fetched: true });
			expect(results.ready).toBe(true);
			expect(results.raw).toEqual(sampleResults);
			const rows = results.rows as IDataObject[];
			expect(Object.fromEntries(rows.map((row) => [row.biomarker, row.flag]))).toEqual(
				expectedFlags,
			);
			expect(rows.map((row) => row.value)).toEqual(
				sampleResults.map((result) => Number(result.value)),
			);
			expect(results.summary).toMatchObject({
				total: sampleResults.length,
				high: 1,
				low: 1,
				normal: 2,
				needingAttention: 2,
			});
		});

		test('lab_results.complete for results LML has not released (204): results.ready is false', async () => {
			const { items, requests } = await fetchThrough(
				lmlTriggers.fetchPendingLabResults,
				'lab_results.complete',
				{
					testRegistrationId: LML_PENDING_REGISTRATION,
				},
			);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${LML_PENDING_REGISTRATION}/lab_results/`,
			]);
			expect(items).toHaveLength(1);
			expect(items[0].testRegistrationId).toBe(LML_PENDING_REGISTRATION);
			expect(items[0].results).toMatchObject({ ready: false });
		});

		test('order.shipped: the order, without the customer’s details', async () => {
			const { items, requests } = await fetchThrough(lmlTriggers.fetchOrder, 'order.shipped');
			expect(requests.map(requestLine)).toEqual([`GET /api/order/${ids.orderId}`]);
			const order = items[0].order as IDataObject;
			const fakeOrder = lmlData.orders.find((entry) => entry.id === ids.orderId)!;
			expect(order).toMatchObject({
				id: fakeOrder.id,
				order_number: fakeOrder.order_number,
				tracking_number: fakeOrder.tracking_number,
			});
			expect(withoutPatientFields(order)).toEqual([]);
		});

		test('test_registration.retest: the new registration', async () => {
			const { items, requests } = await fetchThrough(
				lmlTriggers.fetchRetest,
				'test_registration.retest',
			);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${ids.retestTestRegistrationId}`,
			]);
			expect(items[0].testRegistration).toMatchObject({
				id: ids.retestTestRegistrationId,
				parent_id: ids.testRegistrationId,
			});
		});

		test('Output "One Item per Biomarker": one item per fetched result', async () => {
			const { items } = await fetchThrough(lmlTriggers.fetchBiomarkerRows, 'lab_results.complete');
			expect(items.map((item) => item.biomarker)).toEqual(
				sampleResults.map((result) => result.name),
			);
			for (const item of items) {
				expect(item).toMatchObject({
					event: 'lab_results.complete',
					testRegistrationId: ids.testRegistrationId,
				});
				expect(item.payload).toBeUndefined();
			}
		});
	});
});
