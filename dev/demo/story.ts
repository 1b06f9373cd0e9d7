import type { Execution, N8nClient } from '../n8n';
import type { RecordedRequest } from '../fakes/fakeServer';
import { LOCAL_WEBHOOK_HEADER, LOCAL_WEBHOOK_SECRETS, type LocalWorkflow } from './examples';
import { JUNCTION_FAKE_ORDERS } from '../fakes/junction/api/data';
import { JUNCTION_SAMPLE_IDS } from '../fakes/junction/samples';
import { LML_SAMPLE_IDS } from '../fakes/londonMedicalLaboratory/samples';
import { buildDelivery, deliver, type ProviderKey, type SampleOptions } from '../fakes/sender';

/**
 * The demo's story, sent the way each provider would send it: an LML kit from shipping to results and a
 * retest, a Junction test kit from order to an abnormal result and a critical one (its LDL out of
 * range: a retest is ordered) and a walk-in order needing a redraw (another retest), a Hurdle test from
 * dispatch to results. Every event goes to every published example trigger of its provider.
 */
export interface StoryStep {
	provider: ProviderKey;
	event: string;
	options?: SampleOptions;
	/** What happens, in words, for the demo's output. */
	says: string;
}

/** The walk-in order of the story whose results come back incomplete. */
const STORY_REDRAW = {
	orderId: JUNCTION_FAKE_ORDERS.legacyResults,
	modality: 'walk_in_test',
	status: 'redraw_available',
};

export const DEMO_STORY: StoryStep[] = [
	{
		provider: 'londonMedicalLaboratory',
		event: 'order.shipped',
		says: 'LML ships a thyroid test kit',
	},
	{ provider: 'londonMedicalLaboratory', event: 'order.delivered', says: 'Royal Mail delivers it' },
	{
		provider: 'londonMedicalLaboratory',
		event: 'test_registration.complete',
		says: 'the patient registers the kit',
	},
	{
		provider: 'londonMedicalLaboratory',
		event: 'test_registration.sample_received',
		says: 'the lab receives the sample',
	},
	{
		provider: 'londonMedicalLaboratory',
		event: 'lab_results.complete',
		says: 'LML releases the results (TSH high, vitamin D low)',
	},
	{
		provider: 'londonMedicalLaboratory',
		event: 'test_registration.retest',
		says: 'LML creates a retest',
	},
	{
		provider: 'junction',
		event: 'labtest.order.created',
		says: 'a Junction lipid-panel test kit is ordered',
	},
	{
		provider: 'junction',
		event: 'labtest.order.updated',
		options: { overrides: { status: 'transit_customer' } },
		says: 'the kit ships to the patient',
	},
	{
		provider: 'junction',
		event: 'labtest.order.updated',
		options: { overrides: { status: 'transit_lab' } },
		says: 'the patient posts the sample back',
	},
	{
		provider: 'junction',
		event: 'labtest.order.updated',
		options: { overrides: { status: 'completed', interpretation: 'abnormal' } },
		says: 'results are final, some abnormal (LDL high: the retest workflow orders the test again)',
	},
	{
		provider: 'junction',
		event: 'labtest.result.critical',
		says: 'the lab phones in a critical potassium',
	},
	{
		provider: 'junction',
		event: 'labtest.order.updated',
		options: { overrides: STORY_REDRAW },
		says: 'a walk-in order comes back incomplete: a redraw is available',
	},
	{ provider: 'hurdle', event: 'order.dispatched', says: 'Hurdle dispatches a kit' },
	{
		provider: 'hurdle',
		event: 'test.lab_accessioned',
		says: 'the Hurdle lab accessions the sample',
	},
	{ provider: 'hurdle', event: 'test.processed', says: 'Hurdle has results' },
];

export interface Delivered {
	step: StoryStep;
	workflow: LocalWorkflow;
	status: number;
	outcome: string;
}

export interface StoryOutcome {
	eventsSent: number;
	deliveries: Delivered[];
	/** Executions per workflow id, once every accepted delivery has finished. */
	executions: Map<string, Execution[]>;
	succeeded: number;
	failed: number;
}

function secretOptions(provider: ProviderKey) {
	return { secret: LOCAL_WEBHOOK_SECRETS[provider], headerName: LOCAL_WEBHOOK_HEADER };
}

export async function playStory(
	n8n: N8nClient,
	workflows: LocalWorkflow[],
	steps: StoryStep[] = DEMO_STORY,
	onDelivered: (delivered: Delivered) => void = () => undefined,
): Promise<StoryOutcome> {
	const before = new Map<string, number>();
	for (const workflow of workflows)
		before.set(workflow.id, (await n8n.executions(workflow.id)).length);
	const deliveries: Delivered[] = [];
	for (const step of steps) {
		for (const workflow of workflows) {
			for (const trigger of workflow.triggers.filter(
				(candidate) => candidate.provider === step.provider,
			)) {
				// One delivery per endpoint, as the provider would make it (Junction: each endpoint its own svix-id).
				const delivery = buildDelivery(step.provider, step.event, {
					...step.options,
					...secretOptions(step.provider),
				});
				const answer = await deliver(n8n.webhookUrl(trigger.webhookPath), delivery);
				const outcome =
					(answer.body as { status?: string } | undefined)?.status ?? String(answer.body);
				const delivered = { step, workflow, status: answer.status, outcome };
				deliveries.push(delivered);
				onDelivered(delivered);
			}
		}
	}
	const executions = new Map<string, Execution[]>();
	let succeeded = 0;
	let failed = 0;
	for (const workflow of workflows) {
		const accepted = deliveries.filter(
			(delivered) => delivered.workflow.id === workflow.id && delivered.outcome === 'accepted',
		).length;
		const all = await n8n.waitForExecutions(
			workflow.id,
			(before.get(workflow.id) ?? 0) + accepted,
			{ timeoutMs: 60_000, settleMs: 500 },
		);
		const ours = all.slice(0, all.length - (before.get(workflow.id) ?? 0));
		executions.set(workflow.id, ours);
		succeeded += ours.filter((execution) => execution.status === 'success').length;
		failed += ours.filter((execution) => execution.status !== 'success').length;
	}
	return { eventsSent: steps.length, deliveries, executions, succeeded, failed };
}

/** Ids the story's events refer to, for checks on what the workflows produced. */
export const STORY_IDS = {
	lmlRegistration: LML_SAMPLE_IDS.testRegistrationId,
	lmlRetest: LML_SAMPLE_IDS.retestTestRegistrationId,
	junctionOrder: JUNCTION_SAMPLE_IDS.orderId,
	junctionRedrawOrder: STORY_REDRAW.orderId,
};

/** How many times the workflows gave an LML registration its patient (the retest chain's PATCHes). */
export function lmlPatientAssignments(requests: RecordedRequest[]): number {
	return requests.filter(
		(request) => request.method === 'PATCH' && request.path.startsWith('/api/test_registration/'),
	).length;
}
