import { Webhook } from 'svix';

import { requestsReceivedBy } from '../../../dev/fakes/fakeServer';
import { JUNCTION_SAMPLE_IDS, junctionSample } from '../../../dev/fakes/junction/samples';
import type { Execution, WebhookTarget } from '../../../dev/n8n';
import {
	deliver,
	sendEvent,
	type Delivery,
	type SampleOptions,
	type SignOptions,
} from '../../../dev/fakes/sender';
import { e2e } from '../environment';
import { JUNCTION_E2E_SECRET } from '../fixtures/junction';

/**
 * What the Junction e2e tests send (test/e2e/junction/): deliveries signed by the official svix library
 * reach the trigger's production URL, and what they read back.
 */
export const ids = JUNCTION_SAMPLE_IDS;
export const now = () => Math.floor(Date.now() / 1000);
let messageCounter = 0;
export const nextMessageId = () => `msg_e2e_${Date.now()}_${messageCounter++}`;

/** Sends a sample event, signed with the current secret unless told otherwise. */
export async function send(
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
export function signedDelivery(
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

export async function deliverTo(target: WebhookTarget, delivery: Delivery) {
	return await deliver(e2e().n8n.webhookUrl(target), delivery);
}

export async function executionsOf(target: WebhookTarget, expected: number): Promise<Execution[]> {
	const executions = await e2e().n8n.waitForExecutions(target.id, expected);
	expect(executions).toHaveLength(expected);
	return executions;
}

export async function fakeRequests(path?: string) {
	const requests = await requestsReceivedBy(e2e().fakes.junction);
	return path ? requests.filter((request) => request.path === path) : requests;
}

export async function resetFake(): Promise<void> {
	await fetch(`${e2e().fakes.junction}/__reset`, { method: 'POST' });
}

export const sampleBody = (event: Parameters<typeof junctionSample>[0], overrides = {}) =>
	JSON.stringify(junctionSample(event, overrides));
