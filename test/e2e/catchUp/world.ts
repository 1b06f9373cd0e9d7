/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tests run in Node, not inside n8n */
import type { IDataObject, INode } from 'n8n-workflow';

import { testProvider, triggerNodeName, type ProviderKey } from '../../../dev/fakes';
import { RETRY_GAPS_MS } from '../../../dev/fakes/catchUp/retrySchedules';
import { WebhookOutbox } from '../../../dev/fakes/catchUp/webhookOutbox';
import type { FakeServer } from '../../../dev/fakes/fakeServer';
import {
	createHurdleFake,
	hurdleFakeData,
	HURDLE_FAKE_API_KEY,
} from '../../../dev/fakes/hurdle/api';
import { HurdleStatusTimeline } from '../../../dev/fakes/hurdle/statusTimeline';
import {
	createJunctionFake,
	junctionFakeData,
	JUNCTION_FAKE_KEY,
} from '../../../dev/fakes/junction/api';
import { JunctionStatusTimeline } from '../../../dev/fakes/junction/statusTimeline';
import { createLmlFake, lmlFakeData } from '../../../dev/fakes/londonMedicalLaboratory/api';
import { LmlStatusTimeline } from '../../../dev/fakes/londonMedicalLaboratory/statusTimeline';
import type { CredentialJson, Execution, N8nClient, WorkflowJson } from '../../../dev/n8n';
import { PACKAGE_NAME, stableId, stableUuid } from '../../../dev/n8n/workflows';

/**
 * The world of the catch-up e2e stories: each provider's fake API with its status timeline, and an
 * outbox that sends the provider's webhooks on its real retry schedule compressed into a few seconds;
 * per provider one published workflow holding the webhook trigger ("Webhook") and the catch-up
 * trigger ("Catch-Up"), rounds every 10 s.
 */
export const WEBHOOK_NODE = 'Webhook';
export const CATCH_UP_NODE = 'Catch-Up';
export const ROUND_SECONDS = 10;
/** Each provider's whole retry schedule, compressed: the last attempt comes this long after the event. */
export const RETRY_SPAN_MS = 3_000;

export interface ProviderWorld<Timeline> {
	key: ProviderKey;
	fake: FakeServer;
	outbox: WebhookOutbox;
	timeline: Timeline;
	workflow: WorkflowJson;
	webhookPath: string;
	credential: CredentialJson;
}

export interface World {
	junction: ProviderWorld<JunctionStatusTimeline>;
	londonMedicalLaboratory: ProviderWorld<LmlStatusTimeline>;
	hurdle: ProviderWorld<HurdleStatusTimeline>;
}

interface WorldOptions {
	name: string;
	/** The catch-up's parameters beyond the defaults. */
	catchUp?: IDataObject;
	/** Leave the webhook trigger out of the workflow. */
	withoutWebhook?: boolean;
	/** Leave the catch-up trigger out of the workflow. */
	withoutCatchUp?: boolean;
	/** The webhook trigger's options. */
	webhookOptions?: IDataObject;
}

function workflowOf(
	key: ProviderKey,
	credential: CredentialJson,
	options: WorldOptions,
): { workflow: WorkflowJson; webhookPath: string } {
	const name = `catch-up ${options.name}: ${key}`;
	const webhookId = stableUuid(`webhook:${name}`);
	const credentials = { [credential.type]: { id: credential.id, name: credential.name } };
	const node = (
		nodeName: string,
		type: string,
		typeVersion: number,
		parameters: IDataObject,
	): INode => ({
		id: stableUuid(`${name}/${nodeName}`),
		name: nodeName,
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion,
		position: [0, nodeName === WEBHOOK_NODE ? 0 : 200],
		parameters: parameters as INode['parameters'],
		credentials,
	});
	const nodes: INode[] = [];
	if (!options.withoutCatchUp)
		nodes.push(
			node(CATCH_UP_NODE, `${key}CatchUpTrigger`, 1, {
				events: ['*'],
				interval: ROUND_SECONDS,
				unit: 'seconds',
				options: {},
				...options.catchUp,
			}),
		);
	if (!options.withoutWebhook)
		nodes.push({
			...node(WEBHOOK_NODE, triggerNodeName({ key }), 1.1, {
				events: ['*'],
				options: { ...options.webhookOptions },
			}),
			webhookId,
		});
	return {
		workflow: {
			id: stableId(`workflow:${name}`),
			name,
			active: true,
			nodes,
			connections: {},
			settings: { executionOrder: 'v1' },
		},
		webhookPath: `${webhookId}/webhook`,
	};
}

function outboxFor(key: ProviderKey, url: () => string | undefined): WebhookOutbox {
	return new WebhookOutbox({ gapsMs: RETRY_GAPS_MS[key], spanMs: RETRY_SPAN_MS, url });
}

/** Starts the fakes; `n8nBase()` gives n8n's base URL once it runs (the outboxes send there). */
export async function startWorld(
	options: WorldOptions,
	n8nBase: () => string | undefined,
): Promise<World> {
	const build = <Timeline>(
		key: ProviderKey,
		fake: FakeServer,
		timeline: (outbox: WebhookOutbox, secret: string) => Timeline,
	): ProviderWorld<Timeline> => {
		const { provider, credentials, signer } = testProvider(key);
		const secret = signer.secret(`catch-up-${options.name}-${key}`);
		const credential: CredentialJson = {
			id: stableId(`credential:catch-up ${options.name}: ${key}`),
			name: `catch-up ${options.name}: ${key}`,
			type: provider.credentialType,
			data: credentials({ baseUrl: fake.url, secret }),
		};
		const { workflow, webhookPath } = workflowOf(key, credential, options);
		const outbox = outboxFor(key, () => {
			const base = n8nBase();
			return base && !options.withoutWebhook ? `${base}/webhook/${webhookPath}` : undefined;
		});
		return {
			key,
			fake,
			outbox,
			timeline: timeline(outbox, secret),
			workflow,
			webhookPath,
			credential,
		};
	};
	// Small accounts: a round reads one page of each list.
	const junctionData = junctionFakeData({ orders: 30, labTests: 10 });
	const lmlData = lmlFakeData({ registrations: 30, orders: 30, products: 5 });
	const hurdleData = hurdleFakeData({ products: 10, orders: 30 });
	const junctionFake = createJunctionFake(junctionData, JUNCTION_FAKE_KEY);
	const fakes = [
		junctionFake,
		createLmlFake(lmlData),
		createHurdleFake(hurdleData, HURDLE_FAKE_API_KEY),
	];
	await Promise.all(fakes.map(async (fake) => await fake.start()));
	const world: World = {
		junction: build(
			'junction',
			fakes[0],
			(outbox, secret) => new JunctionStatusTimeline(junctionData, outbox, { secret }),
		),
		londonMedicalLaboratory: build(
			'londonMedicalLaboratory',
			fakes[1],
			(outbox, secret) => new LmlStatusTimeline(lmlData, outbox, secret),
		),
		hurdle: build(
			'hurdle',
			fakes[2],
			(outbox, secret) => new HurdleStatusTimeline(hurdleData, outbox, secret),
		),
	};
	junctionFake.writes.onResend = (orderIds) => world.junction.timeline.resendOrders(orderIds);
	return world;
}

export function worlds(world: World): Array<ProviderWorld<unknown>> {
	return [world.junction, world.londonMedicalLaboratory, world.hurdle];
}

export async function stopWorld(world: World | undefined): Promise<void> {
	if (!world) return;
	for (const each of worlds(world)) each.outbox.stop();
	await Promise.all(worlds(world).map(async (each) => await each.fake.stop()));
}

/** One run of the workflow for one change: which trigger started it, and what its item says. */
export interface Run {
	execution: number;
	node: string;
	changeId?: string;
	event: string;
	/** The record: Junction's order, LML's registration or order, Hurdle's order. */
	record: string;
	/** Junction: the order's low-level status. */
	status?: string;
}

function runOf(execution: Execution, node: string): Run | undefined {
	const item = execution.json(node)[0];
	if (!item) return undefined;
	const record =
		item.orderId ?? item.retestTestRegistrationId ?? item.testRegistrationId ?? item.orderNumber;
	return {
		execution: Number(execution.id),
		node,
		changeId: typeof item.changeId === 'string' ? item.changeId : undefined,
		event: String(item.event),
		record: String(record),
		...(typeof item.status === 'string' ? { status: item.status } : {}),
	};
}

/** The runs in one execution: the trigger that passed on an item (webhook or catch-up). */
function runsIn(execution: Execution): Run[] {
	return [runOf(execution, WEBHOOK_NODE), runOf(execution, CATCH_UP_NODE)].filter(
		(run): run is Run => run !== undefined,
	);
}

/** Every run of the workflow, oldest first: executions in which a trigger passed on an item. */
export async function runsOf(client: N8nClient, workflowId: string): Promise<Run[]> {
	const executions = await client.executions(workflowId);
	return executions.flatMap(runsIn).sort((a, b) => a.execution - b.execution);
}

/** The runs of one execution, read by its id. */
export async function runsOfExecution(client: N8nClient, id: number): Promise<Run[]> {
	return runsIn(await client.execution(String(id)));
}

/** The calls a fake received for a path since `since` (epoch ms). */
export function callsTo(fake: FakeServer, path: string): number {
	return fake.requests.filter((request) => request.path === path).length;
}

export const LIST_PATHS: Record<ProviderKey, string> = {
	junction: '/v3/orders',
	londonMedicalLaboratory: '/api/test_registration/',
	hurdle: '/orders/v3',
};

/** Waits (bounded) until the fake has received `count` more list calls: a round has run. */
export async function roundsRun(
	fake: FakeServer,
	path: string,
	count: number,
	timeoutMs = 60_000,
): Promise<void> {
	const target = callsTo(fake, path) + count;
	const deadline = Date.now() + timeoutMs;
	while (callsTo(fake, path) < target) {
		if (Date.now() > deadline)
			throw new Error(`No ${count} rounds reached ${path} within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
