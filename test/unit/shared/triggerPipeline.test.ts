import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../nodes/shared/webhook/claims';
import { MAX_JSON_DEPTH } from '../../../nodes/shared/webhook/delivery';
import { TEST_PROVIDERS, type Delivery } from '../../../dev/fakes';
import { buildDelivery } from '../../../dev/fakes/sender';
import { triggerHarness, type FinishOptions } from '../../support/triggerHarness';

/**
 * What every trigger does the same way, run through each registered provider's: the answer comes from
 * n8n once the execution exists, every item carries a delivery id, a body nested too deeply is refused.
 */
const HEADER = 'X-Webhook-Secret';

const providers = TEST_PROVIDERS.map((test) => ({
	key: test.key,
	test,
	/** The provider's counted event: one its trigger accepts with the default options. */
	event: test.counted.event,
	harness: triggerHarness(test, {
		secret: test.signer.secret('pipeline-test-secret'),
		headerName: HEADER,
	}),
}));
type Provider = (typeof providers)[number];

const signOptions = { messageId: 'msg_pipeline_1' };

async function send(
	provider: Provider,
	delivery: Delivery,
	staticData: IDataObject = {},
	finish: FinishOptions = {},
) {
	return await provider.harness.send(delivery, { staticData, finish });
}

/** JSON text nesting `levels` objects (as text: serialising such a value would overflow the stack). */
function nested(levels: number): string {
	return `${'{"a":'.repeat(levels)}{"leaf":true}${'}'.repeat(levels)}`;
}

/** A genuine delivery whose body nests `levels` deep, signed as the provider would sign it. */
function deepDelivery(provider: Provider, levels: number, withIds = true): Delivery {
	const sample = buildDelivery(provider.test, provider.event, {});
	const payload = JSON.parse(sample.body) as IDataObject;
	if (!withIds) {
		for (const key of Object.keys(payload)) if (key !== 'event') delete payload[key];
	}
	const target = (payload.data ?? payload) as IDataObject;
	target.extra = 'nested here';
	const body = JSON.stringify(payload).replace('"nested here"', nested(levels));
	return provider.harness.sign({ ...sample, body }, signOptions);
}

beforeEach(() => {
	forgetProcessMemory();
});

describe.each(providers)('$key trigger', (provider) => {
	const sample = () => provider.harness.sample(provider.event, signOptions);

	it('lets n8n answer once the execution exists, with the delivery id the item carries', async () => {
		const { result, response, json } = await send(provider, sample());
		expect(result.noWebhookResponse).toBeUndefined();
		expect(response).toEqual({
			status: 200,
			body: { status: 'accepted', message: 'Event received', deliveryId: json.deliveryId },
		});
		// The provider's own id of the delivery when it sends one (Junction's svix-id), else the fingerprint.
		const ownId = provider.test.webhookSource.deliveryId !== undefined;
		if (ownId) expect(json.deliveryId).toBe('msg_pipeline_1');
		else expect(json.deliveryId).toMatch(/^[A-Za-z0-9_-]{22}$/);
	});

	it('gives every copy of a delivery the same id, and another delivery another', async () => {
		const first = await send(provider, sample(), {}, { executionFails: true });
		const copy = await send(provider, sample());
		expect(first.result.workflowData?.[0][0].json.deliveryId).toBe(copy.json.deliveryId);
		const other = provider.harness.sample(provider.event, {
			messageId: 'msg_pipeline_2',
			overrides: { [provider.test.counted.idOverride]: 'other' },
		});
		expect((await send(provider, other)).json.deliveryId).not.toBe(copy.json.deliveryId);
	});

	it("when n8n cannot start the execution, the sender gets n8n's error and the redelivery runs once", async () => {
		const staticData: IDataObject = {};
		const failed = await send(provider, sample(), staticData, { executionFails: true });
		expect(failed.response.status).toBe(500);
		expect((await send(provider, sample(), staticData)).items).toHaveLength(1);
		const again = await send(provider, sample(), staticData);
		expect(again.items).toHaveLength(0);
		expect(again.response.body).toMatchObject({ status: 'duplicate' });
	});

	it('answers 503 with Retry-After to a copy whose first is still unanswered after its sender left', async () => {
		const first = await provider.harness.start(sample(), { staticData: {} });
		first.abortSender();
		const copy = await send(provider, sample());
		expect(copy.response).toEqual({
			status: 503,
			body: {
				status: 'busy',
				message: 'An earlier copy of this delivery is still being started; try again later',
				deliveryId: expect.any(String),
			},
			headers: expect.objectContaining({ 'retry-after': '30' }),
		});
		expect(copy.items).toHaveLength(0);
		first.finish();
	});

	it(`refuses a body nested deeper than ${MAX_JSON_DEPTH} levels with 422, starting nothing`, async () => {
		const refused = await send(provider, deepDelivery(provider, 10_000));
		expect(refused.response).toMatchObject({ status: 422, body: { status: 'rejected' } });
		expect(refused.items).toHaveLength(0);
		expect(String(refused.response.body?.message)).toContain(String(MAX_JSON_DEPTH));
		// Just inside the limit is a genuine delivery.
		const inside = await send(provider, deepDelivery(provider, MAX_JSON_DEPTH - 6));
		expect(inside.response.status).toBe(200);
		expect(inside.items).toHaveLength(1);
	});
});

it('refuses a deeply nested Hurdle body without ids as well', async () => {
	const hurdle = providers.find((provider) => provider.key === 'hurdle')!;
	const refused = await send(hurdle, deepDelivery(hurdle, 10_000, false));
	expect(refused.response).toMatchObject({ status: 422 });
	expect(refused.items).toHaveLength(0);
});

describe('with Fetch Full Data', () => {
	const lml = providers.find((provider) => provider.key === 'londonMedicalLaboratory')!;
	const fake = lml.test.createFake();
	beforeAll(async () => await fake.start());
	afterAll(async () => await fake.stop());

	it('emits the event without full data, saying why, when the API is slower than the Full Data Time Limit', async () => {
		fake.delayMs = 3_000;
		const { response, json } = await lml.harness.send(
			lml.harness.sample('lab_results.complete', signOptions),
			{
				parameters: { options: { fetchFullData: true, fullDataTimeLimitSeconds: 0.5 } },
				credentials: lml.harness.credentials({ baseUrl: fake.url }),
				staticData: {},
			},
		);
		expect(response.status).toBe(200);
		expect(json).toMatchObject({
			event: 'lab_results.complete',
			fullData: { fetched: false, message: expect.stringContaining('Not fetched within 0.5 s') },
		});
		expect(json).not.toHaveProperty('results');
	});
});
