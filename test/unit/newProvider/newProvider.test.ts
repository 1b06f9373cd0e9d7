import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../nodes/shared/webhook/claims';
import { benchDelivery, BENCH_SECRETS } from '../../../bench/deliveries';
import {
	keyIn,
	seriesDelivery,
	seriesKey,
	seriesTriggers,
	PROVIDER_NAMES,
} from '../../../dev/n8n/series';
import { executeContext } from '../../support/contexts';
import { startFakes, stopFakes } from '../../../dev/fakes/startFakes';
import {
	actionNodeName,
	PROVIDER_KEYS,
	TEST_PROVIDERS,
	testProvider,
	triggerNodeName,
	type ProviderKey,
} from '../../../dev/fakes';
import { buildDelivery } from '../../../dev/fakes/sender';
import { triggerHarness } from '../../support/triggerHarness';
import { listEvents, main } from '../../../dev/tools/send-event';
import { TOY_LAB_KIT_ID, toyLabTest } from './toyLab';

/**
 * A new provider is one folder (here ./toyLab: its nodes stand-in, fake, samples and test descriptor)
 * and one line in TEST_PROVIDERS. This file adds that line (the mock below) and shows that the
 * registries of the tests, the tools and the benchmarks take the toy provider in without a change.
 */
jest.mock('../../../dev/fakes', () => {
	const actual = jest.requireActual<typeof import('../../../dev/fakes')>('../../../dev/fakes');
	const { toyLabTest: toy } = jest.requireActual<typeof import('./toyLab')>('./toyLab');
	// The one line: TEST_PROVIDERS = [lmlTest, hurdleTest, junctionTest, toyLabTest].
	const TEST_PROVIDERS = [...actual.TEST_PROVIDERS, toy];
	return { ...actual, TEST_PROVIDERS, ...actual.providerLookup(TEST_PROVIDERS) };
});

const toy = 'toyLab' as ProviderKey;
const SECRET = 'toy-lab-webhook-secret';

describe('a fourth provider, registered by one line', () => {
	it('is registered by its key, the key of its nodes descriptor', () => {
		expect(PROVIDER_KEYS).toEqual(['londonMedicalLaboratory', 'hurdle', 'junction', 'toyLab']);
		expect(testProvider(toy)).toBe(toyLabTest);
		expect(() => testProvider('nobody' as ProviderKey)).toThrow('No test provider "nobody"');
	});

	it('is sent by the sender and by npm run send-event, signed as its descriptor says', async () => {
		const delivery = buildDelivery(toy, 'kit.shipped', { secret: SECRET });
		expect(delivery.headers['X-Webhook-Secret']).toBe(SECRET);
		expect(JSON.parse(delivery.body)).toMatchObject({
			type: 'kit.shipped',
			kit: { id: TOY_LAB_KIT_ID },
		});

		expect(listEvents()).toContain('toyLab (shared secret):\n  kit.shipped\n  kit.resulted');
		let output = '';
		const argv = [
			'--provider',
			'toyLab',
			'--event',
			'kit.resulted',
			'--url',
			'http://127.0.0.1:9/webhook',
		];
		expect(await main([...argv, '--dry-run'], (text) => (output += text))).toBe(0);
		expect(output).toContain('"type":"kit.resulted"');
	});

	// Starts every fake, the FHIR server among them: seconds on a busy machine.
	it('gets its fakes started with the others, for e2e, the editor tests and the demo', async () => {
		const fakes = await startFakes();
		try {
			const running = fakes as unknown as Record<string, { url: string }>;
			const kit = await fetch(`${running.toyLab.url}/kits/KIT-7`);
			expect(await kit.json()).toMatchObject({ id: 'KIT-7' });
			expect(fakes.examples[toy].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		} finally {
			await stopFakes(fakes);
		}
	}, 30_000);

	it('takes part in the benchmarks and the e2e series, each delivery told apart', () => {
		const first = JSON.parse(benchDelivery(toy, 1).body.toString()) as IDataObject;
		const second = JSON.parse(benchDelivery(toy, 2).body.toString()) as IDataObject;
		expect(first.kit).not.toEqual(second.kit);
		expect(benchDelivery(toy, 1).headers['X-Webhook-Secret']).toBe(BENCH_SECRETS[toy]);

		expect(PROVIDER_NAMES[toy]).toBe('Toy');
		expect(seriesTriggers('toy')[toy].json.nodes[0]).toMatchObject({
			type: 'n8n-nodes-lab-testing.toyLabTrigger',
		});
		const key = seriesKey(toy, 7, 3);
		expect(keyIn(JSON.parse(seriesDelivery(toy, 7, 3).body))).toBe(key);
	});

	it('has a trigger that runs the shared pipeline on its deliveries', async () => {
		forgetProcessMemory();
		const harness = triggerHarness(toy, { secret: SECRET });
		const call = await harness.send(harness.sample('kit.resulted'));
		expect(call.response.status).toBe(200);
		expect(call.json).toMatchObject({ provider: 'toyLab', event: 'kit.resulted' });

		const refused = await harness.send(buildDelivery(toy, 'kit.shipped', {}));
		expect(refused.response.status).toBe(401);
		expect(refused.items).toHaveLength(0);
	});

	it('has an action node that calls its fake with the credential its descriptor builds', async () => {
		const fake = toyLabTest.createFake();
		await fake.start();
		try {
			const context = executeContext({
				parameters: { resource: 'kit', operation: 'get', kitId: 'KIT-42', patientData: 'include' },
				credentials: {
					[toyLabTest.provider.credentialType]: toyLabTest.credentials({ baseUrl: fake.url }),
				},
			});
			const [items] = (await new toyLabTest.Action().execute!.call(
				context,
			)) as INodeExecutionData[][];
			expect(items[0].json).toMatchObject({ id: 'KIT-42', status: 'shipped' });
		} finally {
			await fake.stop();
		}
	});
});

describe.each(TEST_PROVIDERS.map((test) => [test.key, test] as const))(
	'the %s descriptor',
	(_key, test) => {
		it('names its nodes by its key, as the registries do without loading them', () => {
			expect(new test.Trigger().description.name).toBe(triggerNodeName(test));
			expect(new test.Action().description.name).toBe(actionNodeName(test));
		});
	},
);
