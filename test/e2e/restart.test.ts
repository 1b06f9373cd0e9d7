/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tests run in Node, not inside n8n */
import { join } from 'node:path';

import { N8nInstance } from '../../dev/n8n';
import { cacheDir, repoRoot } from '../../dev/n8n/runtime';
import type { ProviderKey } from '../../dev/fakes';
import { e2e } from './environment';
import {
	answerOf,
	inPool,
	keysOf,
	PROVIDER_NAMES,
	PROVIDERS,
	send,
	seriesCredentials,
	seriesDelivery,
	seriesKey,
	seriesTriggers,
	statusSummary,
	type SendOutcome,
} from '../../dev/n8n/series';

/**
 * The regular-mode counterpart of `npm run test:scale` (test/scale/): one plain n8n (sqlite), a burst of 50 distinct deliveries per provider at
 * concurrency 8, n8n restarted (stopped gracefully, started again on the same user folder and port),
 * all 50 redelivered: the triggers must remember every delivery across the restart, so no new
 * execution starts. This file starts its own n8n (the shared one must not restart under other tests):
 * one instance, one workflow per provider, one restart for all of them.
 */
const { fakes } = e2e();
jest.setTimeout(240_000);

const EVENTS = 50;
const CONCURRENCY = 8;
/** One series per provider: 101, 102, 103… */
const SERIES = Object.fromEntries(
	PROVIDERS.map((provider, index) => [provider, 101 + index]),
) as Record<ProviderKey, number>;
/** The same figure for every provider. */
const each = <Value>(value: Value) =>
	Object.fromEntries(PROVIDERS.map((provider) => [provider, value])) as Record<ProviderKey, Value>;
const SETTLE = { quietMs: 3_000, timeoutMs: 90_000 };

const triggers = seriesTriggers('restart');
let n8n: N8nInstance | undefined;

function instance(): N8nInstance {
	if (!n8n) throw new Error('n8n did not start (see beforeAll)');
	return n8n;
}

async function burst(provider: ProviderKey): Promise<SendOutcome[]> {
	const url = instance().client.webhookUrl(triggers[provider]);
	return await inPool(
		CONCURRENCY,
		Array.from(
			{ length: EVENTS },
			(_, index) => async () => await send(url, seriesDelivery(provider, SERIES[provider], index)),
		),
	);
}

/** What the trigger answered, e.g. "accepted×50" or "accepted×47, duplicate×3". */
function answers(outcomes: SendOutcome[]): string {
	const counts = new Map<string, number>();
	for (const outcome of outcomes) {
		const label = answerOf(outcome) ?? statusSummary([outcome]);
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	return [...counts.entries()].map(([label, count]) => `${label}×${count}`).join(', ');
}

beforeAll(async () => {
	n8n = await N8nInstance.start({
		workRoot: join(cacheDir, 'e2e-restart'),
		packageRoot: process.env.LAB_TESTING_E2E_PACKAGE || repoRoot,
		credentials: seriesCredentials(fakes),
		workflows: Object.values(triggers).map((workflow) => workflow.json),
		webhooks: Object.values(triggers).map((workflow) => workflow.webhookPath),
	});
}, 180_000);

afterAll(async () => {
	await n8n?.stop();
});

/** Waits until the executions of every provider's workflow have settled (in parallel), with at least `minimum` each. */
async function settleAll(minimum: Record<ProviderKey, number>) {
	return await Promise.all(
		PROVIDERS.map(
			async (provider) =>
				await instance().client.waitUntilSettled(triggers[provider].id, {
					...SETTLE,
					minimum: minimum[provider],
				}),
		),
	);
}

describe('one plain n8n (regular mode): a restart makes no trigger forget a delivery', () => {
	test('a burst of 50 distinct deliveries per provider at concurrency 8 starts one execution each', async () => {
		// The bursts (each at concurrency 8) at the same time: n8n is busier, and shorter to test.
		const bursts = await Promise.all(PROVIDERS.map(async (provider) => await burst(provider)));
		const answered = Object.fromEntries(
			PROVIDERS.map((provider, index) => [provider, bursts[index]]),
		) as Record<ProviderKey, SendOutcome[]>;
		const settled = await settleAll(each(EVENTS));
		const observed: Record<string, unknown> = {};
		for (const [index, provider] of PROVIDERS.entries()) {
			const { executions } = settled[index];
			const { byKey } = await keysOf(instance().client, executions);
			const once = Array.from({ length: EVENTS }, (_, event) =>
				seriesKey(provider, SERIES[provider], event),
			).filter((key) => byKey.get(key)?.length === 1).length;
			observed[provider] = {
				statuses: statusSummary(answered[provider]),
				answers: answers(answered[provider]),
				executions: executions.length,
				eventsRunOnce: once,
			};
		}
		const expected = {
			statuses: `200×${EVENTS}`,
			answers: `accepted×${EVENTS}`,
			executions: EVENTS,
			eventsRunOnce: EVENTS,
		};
		expect(observed).toEqual(each(expected));
	});

	test('n8n restarts on the same user folder and port and serves the triggers again', async () => {
		const before = instance().pid;
		await instance().restart();
		// Another n8n process: what the triggers remember now is only what they saved.
		expect(instance().pid).toEqual(expect.any(Number));
		expect(instance().pid).not.toBe(before);
		const served = await Promise.all(
			PROVIDERS.map(
				async (provider) => await instance().client.serves(triggers[provider].webhookPath),
			),
		);
		expect(served).toEqual(PROVIDERS.map(() => true));
	});

	describe('after the restart, all 50 deliveries of each provider redelivered', () => {
		const observed = new Map<ProviderKey, Record<string, unknown>>();

		beforeAll(async () => {
			const before = Object.fromEntries(
				await Promise.all(
					PROVIDERS.map(async (provider) => [
						provider,
						(await instance().client.executionList(triggers[provider].id)).length,
					]),
				),
			) as Record<ProviderKey, number>;
			const bursts = await Promise.all(PROVIDERS.map(async (provider) => await burst(provider)));
			// Every "accepted" answer promises an execution: wait (bounded) until that many are there.
			const accepted = (outcomes: SendOutcome[]) =>
				outcomes.filter((outcome) => answerOf(outcome) === 'accepted').length;
			const settled = await settleAll(
				Object.fromEntries(
					PROVIDERS.map((provider, index) => [
						provider,
						before[provider] + accepted(bursts[index]),
					]),
				) as Record<ProviderKey, number>,
			);
			for (const [index, provider] of PROVIDERS.entries()) {
				observed.set(provider, {
					provider: PROVIDER_NAMES[provider],
					newExecutions: settled[index].executions.length - before[provider],
					settled: settled[index].settled,
					statuses: statusSummary(bursts[index]),
					answers: answers(bursts[index]),
				});
			}
		}, 180_000);

		test.each(PROVIDERS)(
			'%s: every redelivery answered 200 duplicate, and 0 new executions',
			(provider) => {
				// As the provider sees it: a 401, 404 or 500 would also start nothing, but it would retry.
				// On failure jest shows the whole object: how many re-ran, and what the trigger answered.
				expect(observed.get(provider)).toEqual({
					provider: PROVIDER_NAMES[provider],
					newExecutions: 0,
					settled: true,
					statuses: `200×${EVENTS}`,
					answers: `duplicate×${EVENTS}`,
				});
			},
		);
	});
});
