import type { IDataObject } from 'n8n-workflow';

import { HURDLE_SAMPLE_IDS } from '../../../dev/fakes/hurdle/samples';
import { ACTION_NODE, type E2eWorkflow } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { requestLine, requestsDuring } from '../fakeRequests';
import { hurdleWriteActions } from '../fixtures/hurdleWrites';

/** The Hurdle write operations inside n8n 2.41.1, against the fake Hurdle API that checks each request. */
const { n8n, fakes } = e2e();

async function runAction(workflow: E2eWorkflow, body: IDataObject = {}) {
	const { result: run, requests } = await requestsDuring(
		fakes.hurdleWrites,
		async () => await n8n.runWebhookWorkflow(workflow, body),
	);
	expect(run.execution).toBeDefined();
	const execution = run.execution!;
	return { execution, requests, lines: requests.map(requestLine) };
}

async function succeeded(workflow: E2eWorkflow, body: IDataObject = {}) {
	const result = await runAction(workflow, body);
	expect({ status: result.execution.status, error: result.execution.error?.message }).toEqual({
		status: 'success',
		error: undefined,
	});
	return { ...result, json: result.execution.json(ACTION_NODE) };
}

const productPage = 'GET /products/v1?page=1&limit=100';

describe('Hurdle write operations in n8n', () => {
	test('Order › Create with the product picked from the list, once per input; then Order › Cancel', async () => {
		const input = { email: 'twice@example.com' };
		const first = await succeeded(hurdleWriteActions.createOrder, input);
		expect(first.lines).toEqual([productPage, 'POST /orders/v3']);
		expect(JSON.parse(first.requests[1].body)).toMatchObject({
			productCode: HURDLE_SAMPLE_IDS.productCode,
			delivery: { email: 'twice@example.com' },
		});
		const [{ orderNumber }] = first.json;
		expect(orderNumber).toMatch(/^HRD-9/);

		const again = await succeeded(hurdleWriteActions.createOrder, input);
		expect(again.lines).toEqual([productPage]);
		expect(again.json).toEqual([expect.objectContaining({ orderNumber, alreadyCreated: true })]);

		const cancelled = await succeeded(hurdleWriteActions.cancelOrder, { orderNumber });
		expect(cancelled.lines).toEqual([`PATCH /orders/v3/${String(orderNumber)}/cancel`]);
		expect(cancelled.json).toEqual([expect.objectContaining({ orderNumber, status: 'CANCELLED' })]);
		const cancelledAgain = await succeeded(hurdleWriteActions.cancelOrder, { orderNumber });
		expect(cancelledAgain.lines).toEqual([
			`PATCH /orders/v3/${String(orderNumber)}/cancel`,
			`GET /orders/v3/${String(orderNumber)}`,
		]);
		expect(cancelledAgain.json).toEqual([
			expect.objectContaining({ orderNumber, status: 'CANCELLED', alreadyCancelled: true }),
		]);
	});

	test('Order › Create with Retry On Fail, whose answer is lost: one order, and an error saying how to check', async () => {
		await fetch(`${fakes.hurdleWrites}/__lose-next-create-answer`, { method: 'POST' });
		const { execution, lines } = await runAction(hurdleWriteActions.createOrderRetryOnFail, {
			email: 'lost@example.com',
		});
		expect(lines.filter((line) => line === 'POST /orders/v3')).toHaveLength(1);
		expect(execution.status).toBe('error');
		expect(execution.error?.message).toMatch(
			/^Not sent again: an earlier attempt at .* may have created the order$/,
		);
		expect(execution.error?.description).toContain('Order › Get Many');
	});
});
