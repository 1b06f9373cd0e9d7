import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../nodes/shared/webhook/claims';
import { jsonDelivery, TEST_PROVIDERS } from '../../../dev/fakes';
import { buildDelivery } from '../../../dev/fakes/sender';
import { triggerHarness } from '../../support/triggerHarness';

/**
 * Random and hostile requests thrown at each trigger's whole pipeline, as n8n hands them over: any
 * body (valid JSON of any shape and depth, broken JSON, binary), any headers (Svix headers of any
 * content included), GET or POST, verification on or off. Whatever arrives, the trigger never throws
 * and answers with one of its designed statuses; nothing unauthenticated starts a run.
 */
const SECRET = 'hostile-input-shared-secret';
const HEADER = 'X-Webhook-Secret';
const DESIGNED = new Set([200, 400, 401, 413, 422, 503]);
const RUNS = 150;

const triggers = TEST_PROVIDERS.map((test) => {
	const harness = triggerHarness(test, { secret: test.signer.secret(SECRET), headerName: HEADER });
	return {
		name: test.provider.providerName,
		test,
		harness,
		/** Whether a delivery is proved by the secret itself in a header, which the generators send. */
		proofIsTheSecret: harness.sign(jsonDelivery({})).headers[HEADER] === SECRET,
	};
});

const eventNames = fc.constantFrom(
	'lab_results.complete',
	'test_registration.retest',
	'ORDER.DISPATCHED',
	'test.processed',
	'labtest.order.updated',
	'labtest.result.critical',
	'something.new',
	'__proto__',
	'',
);

/** JSON values nested up to 60 levels, deeper than the 32 the triggers accept. */
const deepJson = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.jsonValue({ maxDepth: 2 }),
		fc.array(tie('value'), { maxLength: 3 }),
		fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
	),
})).value;

/** Bodies that look like events (an event name, ids, data) as well as anything at all. */
const eventLike = fc.record(
	{
		event: eventNames,
		event_type: eventNames,
		eventType: eventNames,
		data: deepJson,
		orderNumber: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
		testId: fc.oneof(fc.string(), fc.constant(null)),
		__proto__: deepJson,
	},
	{ requiredKeys: [] },
);

const body = fc.oneof(
	eventLike.map((value) => JSON.stringify(value)),
	deepJson.map((value) => JSON.stringify(value)),
	fc.integer({ min: 30, max: 3000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
	fc.string(),
	fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
	fc.constant(''),
);

const headerValue = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.constant(SECRET),
	fc.constant('v1,AAAA v1,=== v2,x'),
	fc.integer().map(String),
);

const headers = fc.record(
	{
		'content-type': fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'),
		'x-webhook-secret': headerValue,
		'svix-id': headerValue,
		'svix-timestamp': fc.oneof(headerValue, fc.constant(String(Math.floor(Date.now() / 1000)))),
		'svix-signature': headerValue,
		'webhook-id': headerValue,
	},
	{ requiredKeys: ['content-type'] },
);

const query = fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), {
	maxKeys: 4,
});

beforeEach(() => forgetProcessMemory());

describe.each(triggers)('$name Trigger against random and hostile requests', (trigger) => {
	it('never throws, always answers with a designed status, and runs nothing it could not verify', async () => {
		await fc.assert(
			fc.asyncProperty(
				body,
				headers,
				query,
				fc.constantFrom('GET', 'POST'),
				fc.constantFrom('verify', 'none'),
				fc.record({
					fetchFullData: fc.boolean(),
					onInvalidPayload: fc.constantFrom('emit', 'reject'),
				}),
				async (raw, requestHeaders, requestQuery, method, authentication, options) => {
					const call = await trigger.harness.send(
						{
							method,
							headers: requestHeaders as Record<string, string>,
							query: requestQuery as IDataObject,
							body: raw,
						},
						{ parameters: { authentication, options }, staticData: {} },
					);
					expect(DESIGNED.has(call.response.status ?? 0)).toBe(true);
					expect(call.response.body).toMatchObject({ status: expect.any(String) });
					if (call.items.length > 0) expect(call.response.body?.status).toBe('accepted');
					// Verification on: anything without the real secret or a valid signature is refused
					// with 401. The generators produce a valid signature never, the shared secret now
					// and then (in its header).
					const presentsSecret =
						trigger.proofIsTheSecret &&
						(requestHeaders as Record<string, string>)['x-webhook-secret'] === SECRET;
					if (authentication === 'verify' && !presentsSecret) {
						expect(call.response.status).toBe(401);
						expect(call.items).toHaveLength(0);
					}
				},
			),
			{ numRuns: RUNS },
		);
	});
});

/** A path into a JSON value, and what to put there. */
const mutation = fc.record({
	path: fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.nat({ max: 4 })), {
		minLength: 1,
		maxLength: 4,
	}),
	value: fc.oneof(deepJson, fc.constant(null), fc.string(), fc.double(), fc.constant('')),
});

function mutate(payload: IDataObject, path: Array<string | number>, value: unknown): void {
	let target: IDataObject = payload;
	for (const step of path.slice(0, -1)) {
		const next = target[String(step)];
		if (typeof next !== 'object' || next === null) return;
		target = next as IDataObject;
	}
	target[String(path[path.length - 1])] = value as IDataObject;
}

describe.each(triggers)('$name Trigger against genuine senders of mangled events', (trigger) => {
	it('authenticates them, and answers each with a designed status: run, ignored or refused', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...trigger.test.samples.events),
				fc.array(mutation, { maxLength: 4 }),
				fc.record({
					fetchFullData: fc.constant(false),
					onInvalidPayload: fc.constantFrom('emit', 'reject'),
					includeUnknownEvents: fc.boolean(),
				}),
				async (event, mutations, options) => {
					forgetProcessMemory();
					const sample = buildDelivery(trigger.test, event, {});
					const payload = JSON.parse(sample.body) as IDataObject;
					for (const { path, value } of mutations) mutate(payload, path, value);
					const signed = trigger.harness.sign({ ...sample, body: JSON.stringify(payload) });
					const call = await trigger.harness.send(signed, {
						parameters: { options },
						staticData: {},
					});
					expect([200, 422]).toContain(call.response.status);
					if (call.response.status === 200) {
						expect(['accepted', 'ignored']).toContain(call.response.body?.status);
					}
					for (const item of call.items) expect(typeof item.json.deliveryId).toBe('string');
				},
			),
			{ numRuns: RUNS },
		);
	});
});
