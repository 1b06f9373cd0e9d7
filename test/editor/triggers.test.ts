import { newSigningSecret } from '../../dev/fakes/junction/managementApi';
import { HURDLE_SAMPLE_IDS } from '../../dev/fakes/hurdle/samples';
import { JUNCTION_SAMPLE_IDS } from '../../dev/fakes/junction/samples';
import { LML_SAMPLE_IDS } from '../../dev/fakes/londonMedicalLaboratory/samples';
import { N8nClient } from '../../dev/n8n';
import { sendEvent, type SignOptions } from '../../dev/fakes/sender';
import { EditorSession, WorkflowEditor, until } from './editorPage';
import { editor } from './environment';
import {
	credentialIdOf,
	HURDLE,
	JUNCTION,
	JUNCTION_MANAGEMENT,
	LML,
	type ProviderFixture,
} from './fixtures';

/**
 * Each trigger as a user first meets it: added to a new workflow from the node creator, the
 * credential picked, "Listen for test event" (the trigger panel's button), a sample sent to the test
 * URL the NDV shows, and the item's typed fields in the output panel. With a wrong secret, the
 * sender gets n8n's 401 and the panel stays empty, still listening. And the Junction trigger's
 * automatic webhook setup, published and unpublished from the editor's header.
 */
const state = editor();
const n8n = new N8nClient(state.n8n);

interface TriggerCase {
	fixture: ProviderFixture;
	/** The sample sent with the right secret, and the first row the output table must show for it. */
	event: string;
	expected: Record<string, string>;
	/** Sent with the wrong secret first: another event, so the output shows which delivery it is. */
	refusedEvent: string;
}

const cases: TriggerCase[] = [
	{
		fixture: LML,
		event: 'order.shipped',
		expected: {
			provider: 'londonMedicalLaboratory',
			event: 'order.shipped',
			orderId: LML_SAMPLE_IDS.orderId,
		},
		refusedEvent: 'lab_results.complete',
	},
	{
		fixture: HURDLE,
		event: 'order.dispatched',
		expected: {
			provider: 'hurdle',
			event: 'order.dispatched',
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
		},
		refusedEvent: 'order.created',
	},
	{
		fixture: JUNCTION,
		event: 'labtest.order.created',
		expected: {
			provider: 'junction',
			event: 'labtest.order.created',
			orderId: JUNCTION_SAMPLE_IDS.orderId,
		},
		refusedEvent: 'labtest.result.critical',
	},
];

const signedWith = (fixture: ProviderFixture, secret: string): SignOptions => ({
	secret,
	headerName: fixture.headerName,
});

let session: EditorSession;

beforeAll(async () => {
	session = await EditorSession.start(state);
});

afterAll(async () => {
	await session?.close();
});

/** A new workflow with the trigger on "On all events", the right credential, listening. */
async function listeningTrigger(
	workflow: WorkflowEditor,
	fixture: ProviderFixture,
): Promise<string> {
	await workflow.newWorkflow();
	await workflow.addNode(fixture.search, fixture.creatorName, 'On all events');
	await workflow.selectCredential(credentialIdOf(fixture.credential), fixture.credential);
	const testUrl = await workflow.webhookUrl('test');
	await workflow.listenForTestEvent();
	return testUrl;
}

describe.each(cases)('$fixture.provider trigger in the editor', (triggerCase) => {
	const { fixture } = triggerCase;

	test('"Listen for test event", a signed sample to the test URL: its typed fields in the output panel', async () => {
		await session.run(`${fixture.provider} trigger test event`, async (page) => {
			const workflow = new WorkflowEditor(page);
			const testUrl = await listeningTrigger(workflow, fixture);

			const answer = await sendEvent(
				fixture.provider,
				triggerCase.event,
				testUrl,
				signedWith(fixture, fixture.secret),
			);
			expect(answer).toEqual({
				status: 200,
				body: { status: 'accepted', message: expect.any(String), deliveryId: expect.any(String) },
			});

			const output = await workflow.outputTable();
			expect(output.itemCount).toBe('1 item');
			expect(output.firstRow).toMatchObject(triggerCase.expected);
		});
	});

	test('a wrong secret: the sender gets 401, the panel shows no output and keeps listening', async () => {
		await session.run(`${fixture.provider} trigger wrong secret`, async (page) => {
			const workflow = new WorkflowEditor(page);
			const testUrl = await listeningTrigger(workflow, fixture);

			const refused = await sendEvent(
				fixture.provider,
				triggerCase.refusedEvent,
				testUrl,
				signedWith(fixture, fixture.wrongSecret),
			);
			expect(refused).toEqual({
				status: 401,
				body: { status: 'rejected', message: expect.stringMatching(/^Unauthorized: /) },
			});
			expect(JSON.stringify(refused.body)).not.toContain(fixture.secret);
			expect(JSON.stringify(refused.body)).not.toContain(fixture.wrongSecret);

			// Nothing ran: no items, the panel still listening.
			expect(await workflow.output.getByTestId('ndv-items-count').count()).toBe(0);
			expect(await workflow.listening().isVisible()).toBe(true);

			// n8n answers before it starts a run, so the panel alone cannot prove that none will come.
			// A signed delivery after it must be the one and only item the panel shows, and the one and
			// only execution of the workflow: n8n records a run when it starts it, so a run of the
			// refused delivery would be on record before this one is shown.
			const accepted = await sendEvent(
				fixture.provider,
				triggerCase.event,
				testUrl,
				signedWith(fixture, fixture.secret),
			);
			expect(accepted.status).toBe(200);
			const output = await workflow.outputTable();
			expect(output.itemCount).toBe('1 item');
			expect(output.firstRow).toMatchObject({ event: triggerCase.event });
			const eventsByExecution = async () =>
				(await n8n.executions(workflow.workflowId())).map((execution) =>
					execution.nodesRun.flatMap((node) => execution.json(node).map((item) => item.event)),
				);
			await until('n8n to list the run of the signed delivery', async () =>
				(await eventsByExecution()).some((events) => events.includes(triggerCase.event)),
			);
			expect(await eventsByExecution()).toEqual([[triggerCase.event]]);
		});
	});
});

interface ManagedEndpoint {
	id: string;
	url: string;
	filter_types: string[] | null;
}

/** Reads the fake Management API as a client would: over HTTP, with the key it accepts. */
async function managementApi<T>(path = ''): Promise<T> {
	const { managementApiKey, orgId, teamId } = JUNCTION_MANAGEMENT.data('');
	// The Junction credential's custom base URL and sk_ key make the trigger register in the sandbox.
	const base = `${state.fakes.junctionManagement}/v1/org/${orgId}/team/${teamId}/sandbox/webhook`;
	const response = await fetch(`${base}${path}`, {
		headers: { 'x-management-key': managementApiKey },
		signal: AbortSignal.timeout(5_000),
	});
	if (!response.ok) throw new Error(`The fake Management API answered ${response.status}`);
	return (await response.json()) as T;
}

async function endpointAt(url: string): Promise<ManagedEndpoint | undefined> {
	const { data } = await managementApi<{ data: ManagedEndpoint[] }>('?limit=250');
	return data.find((endpoint) => endpoint.url === url);
}

/** The endpoint the trigger keeps in the workflow's static data, as n8n's public API returns it. */
async function storedEndpointId(workflowId: string, node: string): Promise<unknown> {
	const workflow = await n8n.api<{
		staticData?: Record<string, { junctionEndpoint?: { webhookId?: string } }> | null;
	}>('GET', `/workflows/${workflowId}`);
	return workflow.staticData?.[`node:${node}`]?.junctionEndpoint?.webhookId;
}

describe('junction trigger with Webhook Setup: Automatic, in the editor', () => {
	const TRIGGER = 'Junction (Vital) Trigger';

	test('"Publish" registers the production URL with the selected events at the Management API, a delivery signed with the secret it issued runs the workflow, "Unpublish" deletes the endpoint', async () => {
		await session.run('junction trigger automatic webhook setup', async (page) => {
			const workflow = new WorkflowEditor(page);
			await workflow.newWorkflow();
			await workflow.addNode(JUNCTION.search, JUNCTION.creatorName, 'On order updated');
			await workflow.chooseOption('webhookSetup', /^Automatic \(Management API, Scale Plan\)/);
			await workflow.chooseOption('events', /^Critical Result/);
			await workflow.selectCredential(
				credentialIdOf(JUNCTION.credential),
				JUNCTION.credential,
				'Credential',
			);
			await workflow.selectCredential(
				credentialIdOf(JUNCTION_MANAGEMENT.credential),
				JUNCTION_MANAGEMENT.credential,
				'Credential for Junction (Vital) Management API',
			);
			const url = await workflow.webhookUrl('production');
			expect(await endpointAt(url)).toBeUndefined();

			await workflow.publish();
			const workflowId = workflow.workflowId();
			try {
				let endpoint: ManagedEndpoint | undefined;
				await until('the endpoint at the fake Management API', async () => {
					endpoint = await endpointAt(url);
					return endpoint !== undefined;
				});
				expect(endpoint?.filter_types).toEqual([
					'labtest.order.updated',
					'labtest.result.critical',
				]);
				// Deliveries can be verified once n8n serves the URL and has saved the issued secret.
				await until(
					'n8n to serve the production URL',
					async () => await n8n.serves(url.split('/webhook/')[1]),
				);
				await until(
					'the trigger to keep the endpoint',
					async () => (await storedEndpointId(workflowId, TRIGGER)) === endpoint?.id,
				);
				const { key: issued } = await managementApi<{ key: string }>(`/${endpoint?.id}/secret`);
				expect(issued).not.toBe(JUNCTION.secret);

				const refused = await sendEvent('junction', 'labtest.order.updated', url, {
					secret: newSigningSecret(),
				});
				expect(refused.status).toBe(401);
				const accepted = await sendEvent('junction', 'labtest.order.updated', url, {
					secret: issued,
				});
				expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted' } });
				await until('n8n to list the run of the delivery', async () =>
					(await n8n.executions(workflowId)).some(
						(execution) => execution.json(TRIGGER).length > 0,
					),
				);
				const executions = await n8n.executions(workflowId);
				expect(executions.map((execution) => execution.json(TRIGGER))).toEqual([
					[
						expect.objectContaining({
							provider: 'junction',
							event: 'labtest.order.updated',
							orderId: JUNCTION_SAMPLE_IDS.orderId,
						}),
					],
				]);

				await workflow.unpublish();
				await until(
					'the endpoint to be deleted',
					async () => (await endpointAt(url)) === undefined,
				);
			} finally {
				// A failure above must not leave the workflow published, nor its endpoint registered.
				const { active } = await n8n.api<{ active: boolean }>('GET', `/workflows/${workflowId}`);
				if (active) await n8n.api('POST', `/workflows/${workflowId}/deactivate`);
			}
		});
	});
});
