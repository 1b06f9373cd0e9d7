import type { IDataObject } from 'n8n-workflow';

import { LML_SAMPLE_PATIENT_ID } from '../../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS } from '../../../dev/fakes/londonMedicalLaboratory/samples';
import { sendEvent } from '../../../dev/fakes/sender';
import { ACTION_NODE, type E2eWorkflow } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { requestLine, requestsDuring } from '../fakeRequests';
import {
	ASSIGNED_BY_ACTION,
	ASSIGNED_BY_RETEST_TWICE,
	LML_WRITES_WEBHOOK_SECRET,
	lmlRetestTwice,
	lmlWriteActions,
	lmlWritesData,
} from '../fixtures/lmlWrites';

/** The LML write operations inside n8n 2.41.1, against the fake LML API that checks each request. */
const { n8n, fakes } = e2e();
const [thyroid] = lmlWritesData.products;

async function runAction(workflow: E2eWorkflow, body: IDataObject = {}) {
	const { result: run, requests } = await requestsDuring(
		fakes.lmlWrites,
		async () => await n8n.runWebhookWorkflow(workflow, body),
	);
	expect(run.execution).toBeDefined();
	const execution = run.execution!;
	return {
		execution,
		requests,
		lines: requests.map(requestLine),
		bodies: requests.map((r) => r.body),
	};
}

async function succeeded(workflow: E2eWorkflow, body: IDataObject = {}) {
	const result = await runAction(workflow, body);
	expect({ status: result.execution.status, error: result.execution.error?.message }).toEqual({
		status: 'success',
		error: undefined,
	});
	return { ...result, json: result.execution.json(ACTION_NODE) };
}

describe('LML write operations in n8n', () => {
	test('Patient › Create sends the documented body and leaves the details out of the output', async () => {
		const { lines, bodies, json } = await succeeded(lmlWriteActions.createPatient);
		expect(lines).toEqual(['POST /api/patient/']);
		expect(JSON.parse(bodies[0])).toEqual({
			first_name: 'Noor',
			last_name: 'Haddad',
			email: 'noor@example.com',
			date_of_birth: '1985-03-21',
			gender: 'female',
			phone_number: '+447700900777',
		});
		expect(json).toEqual([expect.objectContaining({ id: expect.any(String), gender: 'female' })]);
		expect(json[0]).not.toHaveProperty('first_name');
	});

	test('Order › Create places one order per input: run again, it returns the first', async () => {
		const input = { email: 'order-twice@example.com' };
		const first = await succeeded(lmlWriteActions.createOrder, input);
		expect(first.lines).toEqual(['POST /api/order/']);
		expect(JSON.parse(first.bodies[0])).toMatchObject({
			items: [{ product_id: thyroid.id, quantity: 1 }],
			customer: { email: 'order-twice@example.com', first_name: 'Sam', last_name: 'Lee' },
			address: { line1: '2 Mill Lane', country_code: 'GB' },
		});
		const [order] = first.json;
		expect(order).toMatchObject({
			id: expect.any(String),
			test_registrations: [expect.any(Object)],
		});
		const again = await succeeded(lmlWriteActions.createOrder, input);
		expect(again.lines).toEqual([]);
		expect(again.json).toEqual([expect.objectContaining({ id: order.id, alreadyCreated: true })]);
		const other = await succeeded(lmlWriteActions.createOrder, {
			email: 'order-other@example.com',
		});
		expect(other.lines).toEqual(['POST /api/order/']);
	});

	test('Order › Create with Retry On Fail, whose answer is lost: one order, and an error saying to check', async () => {
		await fetch(`${fakes.lmlWrites}/__lose-next-create-answer`, { method: 'POST' });
		const { execution, lines } = await runAction(lmlWriteActions.createOrderRetryOnFail, {
			email: 'order-lost@example.com',
		});
		expect(lines).toEqual(['POST /api/order/']);
		expect(execution.status).toBe('error');
		expect(execution.error?.message).toMatch(
			/^Not sent again: an earlier attempt at .* may have created the order$/,
		);
		expect(execution.error?.description).toContain('Order › Get Many');
	});

	test('Test Registration › Create twice on the same input: one registration, found by its foreign ID', async () => {
		const input = { biomarkers: 'TSH, FT4' };
		const first = await succeeded(lmlWriteActions.createRegistration, input);
		const foreignId = JSON.parse(first.bodies[1]).foreign_id as string;
		expect(foreignId).toMatch(/^n8n-[0-9a-f]{32}$/);
		expect(first.lines).toEqual([
			`GET /api/test_registration/${foreignId}`,
			'POST /api/test_registration/',
		]);
		expect(JSON.parse(first.bodies[1])).toEqual({
			patient_id: LML_SAMPLE_PATIENT_ID,
			product_skus: [thyroid.sku],
			biomarker_codes: ['TSH', 'FT4'],
			foreign_id: foreignId,
		});
		const again = await succeeded(lmlWriteActions.createRegistration, input);
		expect(again.lines).toEqual([`GET /api/test_registration/${foreignId}`]);
		expect(again.json).toEqual([
			expect.objectContaining({
				id: first.json[0].id,
				foreign_id: foreignId,
				alreadyCreated: true,
			}),
		]);
	});

	test('Test Registration › Assign Patient PATCHes once; again, it sends nothing', async () => {
		const input = { registration: ASSIGNED_BY_ACTION };
		const first = await succeeded(lmlWriteActions.assignPatient, input);
		expect(first.lines).toEqual([
			`GET /api/test_registration/${ASSIGNED_BY_ACTION}`,
			`PATCH /api/test_registration/${ASSIGNED_BY_ACTION}`,
		]);
		expect(JSON.parse(first.bodies[1])).toEqual({ patient_id: LML_SAMPLE_PATIENT_ID });
		expect(first.json).toEqual([
			expect.objectContaining({ id: ASSIGNED_BY_ACTION, patient_id: LML_SAMPLE_PATIENT_ID }),
		]);
		const again = await succeeded(lmlWriteActions.assignPatient, input);
		expect(again.lines).toEqual([`GET /api/test_registration/${ASSIGNED_BY_ACTION}`]);
		expect(again.json).toEqual([expect.objectContaining({ alreadyAssigned: true })]);
	});

	test('Product › Get by SKU', async () => {
		const { lines, json } = await succeeded(lmlWriteActions.getProductBySku);
		expect(lines).toEqual([
			`GET /api/product/?sku=${String(thyroid.sku)}&results_per_page=10`,
			`GET /api/product/${String(thyroid.id)}`,
		]);
		expect(json).toEqual([expect.objectContaining({ id: thyroid.id, sku: thyroid.sku })]);
	});
});

describe('The retest chain example, run twice on the same event', () => {
	test('assigns the patient to the retest once', async () => {
		const send = async () =>
			await sendEvent(
				'londonMedicalLaboratory',
				'test_registration.retest',
				n8n.webhookUrl(lmlRetestTwice),
				{
					secret: LML_WRITES_WEBHOOK_SECRET,
					overrides: { retestTestRegistrationId: ASSIGNED_BY_RETEST_TWICE },
				},
			);
		const { requests } = await requestsDuring(fakes.lmlWrites, async () => {
			expect(await send()).toMatchObject({ status: 200, body: { status: 'accepted' } });
			await n8n.waitForExecutions(lmlRetestTwice.id, 1);
			expect(await send()).toMatchObject({ status: 200, body: { status: 'accepted' } });
			return await n8n.waitForExecutions(lmlRetestTwice.id, 2);
		});
		const executions = await n8n.executions(lmlRetestTwice.id);
		expect(executions.map((execution) => execution.status)).toEqual(['success', 'success']);
		const retest = `/api/test_registration/${ASSIGNED_BY_RETEST_TWICE}`;
		expect(requests.filter((request) => request.method === 'PATCH').map(requestLine)).toEqual([
			`PATCH ${retest}`,
		]);
		expect(requests.map(requestLine)).toEqual([
			`GET /api/test_registration/${LML_SAMPLE_IDS.testRegistrationId}`,
			`GET ${retest}`,
			`PATCH ${retest}`,
			`GET /api/test_registration/${LML_SAMPLE_IDS.testRegistrationId}`,
			`GET ${retest}`,
		]);
		const messages = executions
			.map((execution) => execution.json('Compose message')[0].text as string)
			.sort();
		expect(messages).toEqual([
			expect.stringContaining('It already had its patient.'),
			expect.stringContaining('Its patient is assigned, as on the original.'),
		]);
	});
});
