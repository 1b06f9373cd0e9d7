import { sleep, type IDataObject } from 'n8n-workflow';

import { requestsReceivedBy } from '../../../dev/fakes/fakeServer';
import {
	JUNCTION_MANAGEMENT_FAKE_KEY,
	JUNCTION_MANAGEMENT_ORG_ID,
	JUNCTION_MANAGEMENT_TEAM_ID,
	newSigningSecret,
} from '../../../dev/fakes/junction/managementApi';
import { JUNCTION_SAMPLE_IDS } from '../../../dev/fakes/junction/samples';
import { buildDelivery, deliver } from '../../../dev/fakes/sender';
import { e2e } from '../environment';
import { junctionAutomaticSetup } from '../fixtures/junction';
import { TRIGGER_NODE } from '../../../dev/n8n/workflows';

/**
 * The Junction Trigger's automatic webhook setup inside a real n8n 2.41.1: publishing the workflow
 * registers its production URL at the fake Management API, a delivery signed (by the svix library)
 * with the secret that API issued runs the workflow, and unpublishing deletes the endpoint.
 */
const target = junctionAutomaticSetup;
const WAIT_MS = 30_000;
const POLL_MS = 200;
/** Marks the test's own reads of the fake, to tell them from the trigger's calls. */
const TEST_READER = 'x-e2e-reader';

interface Endpoint {
	id: string;
	url: string;
	filter_types: string[] | null;
	description: string;
}

/** Polls (bounded) until `read` returns something other than undefined. */
async function eventually<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + WAIT_MS;
	for (;;) {
		const value = await read();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
		await sleep(POLL_MS);
	}
}

/** Reads the fake Management API as any client would: over HTTP, with the Management Key. */
async function management<T>(path = ''): Promise<T> {
	const base = `${e2e().fakes.junctionManagement}/v1/org/${JUNCTION_MANAGEMENT_ORG_ID}/team/${JUNCTION_MANAGEMENT_TEAM_ID}/sandbox/webhook`;
	const response = await fetch(`${base}${path}`, {
		headers: { 'x-management-key': JUNCTION_MANAGEMENT_FAKE_KEY, [TEST_READER]: 'yes' },
	});
	if (!response.ok) throw new Error(`Fake Management API answered ${response.status}`);
	return (await response.json()) as T;
}

async function endpointFor(url: string): Promise<Endpoint | undefined> {
	const { data } = await management<{ data: Endpoint[] }>('?limit=250');
	return data.find((endpoint) => endpoint.url === url);
}

async function storedEndpoint(): Promise<IDataObject | undefined> {
	const workflow = await e2e().n8n.api<{ staticData?: IDataObject | null }>(
		'GET',
		`/workflows/${target.id}`,
	);
	const nodeData = workflow.staticData?.[`node:${TRIGGER_NODE}`] as IDataObject | undefined;
	return nodeData?.junctionEndpoint as IDataObject | undefined;
}

function signedOrder(secret: string) {
	return buildDelivery('junction', 'labtest.order.updated', { secret });
}

describe('Junction trigger, automatic webhook setup, in n8n', () => {
	it('publishing registers the endpoint, a delivery signed with its issued secret runs the workflow, unpublishing deletes it', async () => {
		const { n8n, fakes } = e2e();
		const url = n8n.webhookUrl(target);
		const requestsBefore = (await requestsReceivedBy(fakes.junctionManagement)).length;
		expect(await endpointFor(url)).toBeUndefined();

		await n8n.api('POST', `/workflows/${target.id}/publish`, {});
		await n8n.waitUntilServed([target]);
		const endpoint = await eventually(
			'the endpoint at the fake',
			async () => await endpointFor(url),
		);
		expect(endpoint.filter_types).toEqual(['labtest.order.updated', 'labtest.result.critical']);
		expect(endpoint.description).toContain('Junction trigger: automatic webhook setup');
		// n8n saves the static data once activation is done: only then can deliveries be verified.
		const stored = await eventually('the stored endpoint', storedEndpoint);
		const { key: issued } = await management<{ key: string }>(`/${endpoint.id}/secret`);
		expect(stored).toMatchObject({
			webhookId: endpoint.id,
			environment: 'sandbox',
			secret: issued,
		});

		const refused = await deliver(url, signedOrder(newSigningSecret()));
		expect(refused.status).toBe(401);
		const accepted = await deliver(url, signedOrder(issued));
		expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted' } });
		const executions = await n8n.waitForExecutions(target.id, 1);
		expect(executions).toHaveLength(1);
		const [item] = executions[0].json(TRIGGER_NODE);
		expect(item).toMatchObject({
			provider: 'junction',
			event: 'labtest.order.updated',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
		});
		expect(JSON.stringify(executions[0])).not.toContain(issued);

		await n8n.api('POST', `/workflows/${target.id}/unpublish`, {});
		await eventually('the endpoint to be deleted', async () =>
			(await endpointFor(url)) ? undefined : true,
		);
		await eventually('the stored endpoint to be forgotten', async () =>
			(await storedEndpoint()) ? undefined : true,
		);
		await eventually('n8n to stop serving the URL', async () =>
			(await n8n.serves(target)) ? undefined : true,
		);

		const calls = (await requestsReceivedBy(fakes.junctionManagement))
			.slice(requestsBefore)
			.filter((request) => request.headers[TEST_READER] === undefined);
		const lines = calls.map((request) => `${request.method} ${request.path.split('/webhook')[1]}`);
		expect(lines).toEqual([
			'GET ',
			'POST ',
			`GET /${endpoint.id}/secret`,
			`DELETE /${endpoint.id}`,
		]);
		expect(
			calls.every(
				(request) => request.headers['x-management-key'] === JUNCTION_MANAGEMENT_FAKE_KEY,
			),
		).toBe(true);
	});
});
