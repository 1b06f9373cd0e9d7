import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { testProvider, type ProviderKey } from '../../../../dev/fakes';
import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { LML_SAMPLE_IDS } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { blockKitProblems } from '../../../support/blockKit';
import { executeContext } from '../../../support/contexts';
import { onlyItem, triggerHarness } from '../../../support/triggerHarness';

/**
 * Include Messages and Previous Results on every results-producing operation and on each trigger's
 * Fetch Full Data, against each provider's fake API.
 */
interface Case {
	key: ProviderKey;
	/** The results event of the trigger, as the sample sends it. */
	event: [string, IDataObject?];
	/** The parameters of each results operation. */
	operations: IDataObject[];
	/** A marker out of range in the fake's results, as the HTML shows it. */
	outOfRange: string;
}

const CASES: Case[] = [
	{
		key: 'londonMedicalLaboratory',
		event: ['lab_results.complete'],
		operations: [
			{
				resource: 'labResults',
				operation: 'get',
				testRegistrationId: { mode: 'id', value: LML_SAMPLE_IDS.testRegistrationId },
			},
		],
		outOfRange: 'TSH',
	},
	{
		key: 'hurdle',
		event: ['test.processed'],
		operations: [{ resource: 'test', operation: 'get', testId: HURDLE_SAMPLE_IDS.testId }],
		outOfRange: 'LDL Cholesterol',
	},
	{
		key: 'junction',
		event: ['labtest.order.updated', { status: 'completed' }],
		operations: [
			{ resource: 'result', operation: 'get', orderId: JUNCTION_SAMPLE_IDS.orderId },
			{
				resource: 'result',
				operation: 'getTransactionResults',
				orderTransactionId: JUNCTION_SAMPLE_IDS.orderTransactionId,
			},
		],
		outOfRange: 'LDL Cholesterol',
	},
];

const BOTH = ['html', 'slackBlocks'];

describe.each(CASES)('$key', ({ key, event, operations, outOfRange }) => {
	const test = testProvider(key);
	const fake = test.createFake();
	const secret = test.signer.secret(`results-for-people-${key}`);
	const trigger = triggerHarness(key, { secret, baseUrl: () => fake.url });

	beforeAll(async () => await fake.start());
	afterAll(async () => await fake.stop());
	beforeEach(() => forgetProcessMemory());

	const fetched = async (options: IDataObject) => {
		const [name, overrides] = event;
		// The same sample again is a redelivery: forget the earlier one.
		forgetProcessMemory();
		const item = onlyItem(
			await trigger.send(trigger.sample(name, { overrides }), {
				parameters: { options: { fetchFullData: true, ...options } },
			}),
		);
		return item.results as IDataObject;
	};

	it('trigger: adds html and slackBlocks beside the summary only when asked', async () => {
		const plain = await fetched({});
		expect(plain.ready).toBe(true);
		expect(plain).not.toHaveProperty('html');
		expect(plain).not.toHaveProperty('slackBlocks');

		const results = await fetched({ includeMessages: BOTH, messageTitle: 'Results in' });
		const keys = Object.keys(results);
		expect(keys.indexOf('html')).toBe(keys.indexOf('summary') + 1);
		expect(keys.indexOf('slackBlocks')).toBe(keys.indexOf('summary') + 2);
		expect(keys.indexOf('rows')).toBeGreaterThan(keys.indexOf('slackBlocks'));
		expect(results.html).toContain(`>${outOfRange}</div>`);
		expect(results.html).toContain('>Results in</div>');
		const message = results.slackBlocks as { text: string; blocks: IDataObject[] };
		expect(blockKitProblems(message)).toEqual([]);
		expect(JSON.stringify(message.blocks)).toContain(`*${outOfRange}*`);
		expect(results.rows).toEqual(plain.rows);

		const htmlOnly = await fetched({ includeMessages: ['html'] });
		expect(htmlOnly).toHaveProperty('html');
		expect(htmlOnly).not.toHaveProperty('slackBlocks');
	});

	it('trigger: One Item per Biomarker stays one row per item, without messages', async () => {
		const [name, overrides] = event;
		const call = await trigger.send(trigger.sample(name, { overrides }), {
			parameters: {
				options: { fetchFullData: true, output: 'biomarkerRows', includeMessages: BOTH },
			},
		});
		expect(call.items.length).toBeGreaterThan(1);
		expect(call.items.some((item) => item.json.biomarker === outOfRange)).toBe(true);
		for (const item of call.items) expect(item.json).not.toHaveProperty('html');
	});

	/** Hurdle's Get puts the results block under `results` beside the test; the others output it. */
	const block = (json: IDataObject) => (json.results as IDataObject | undefined) ?? json;
	const run = async (parameters: IDataObject) => {
		const context = executeContext({
			parameters,
			credentials: { [test.provider.credentialType]: test.credentials({ baseUrl: fake.url }) },
		});
		const [items] = (await new test.Action().execute!.call(context)) as INodeExecutionData[][];
		return items;
	};

	it.each(operations.map((parameters) => [parameters.operation, parameters]))(
		'action %s: messages on request, and each marker compared with the previous results',
		async (_operation, parameters) => {
			const [plain] = await run({ ...parameters, output: 'summary' });
			expect(block(plain.json)).not.toHaveProperty('html');
			const rows = block(plain.json).rows as IDataObject[];
			const marker = rows.find((row) => row.biomarker === outOfRange)!;
			const previous = rows.map((row) =>
				row === marker ? { ...row, value: (row.value as number) - 1, valueText: null } : row,
			);

			const [withMessages] = await run({
				...parameters,
				output: 'summary',
				options: { includeMessages: BOTH, previousResults: { rows: previous } },
			});
			const json = block(withMessages.json);
			expect(json.html).toContain('↑ +1');
			expect(json.html).toContain('→ no change');
			const message = json.slackBlocks as { blocks: IDataObject[] };
			expect(blockKitProblems(message)).toEqual([]);
			expect(JSON.stringify(message.blocks)).toContain('↑ +1');
			const compared = (json.rows as IDataObject[]).find((row) => row.biomarker === outOfRange)!;
			expect(compared).toMatchObject({ change: 1, previousValue: (marker.value as number) - 1 });

			// One item per biomarker: the comparison in each row, no messages.
			const items = await run({
				...parameters,
				output: 'biomarkerRows',
				options: { includeMessages: BOTH, previousResults: JSON.stringify(previous) },
			});
			expect(items).toHaveLength(rows.length);
			const row = items.find((item) => item.json.biomarker === outOfRange)!.json;
			expect(row).toMatchObject({ change: 1 });
			expect(row).not.toHaveProperty('html');
		},
	);

	it.each(operations.map((parameters) => [parameters.operation, parameters]))(
		'action %s: fails naming Previous Results when it holds no results, and names no value',
		async (_operation, parameters) => {
			for (const previousResults of ['{not json', { patient: 'Jane Smith' }, [{ name: 'x' }]]) {
				const failure = run({ ...parameters, output: 'summary', options: { previousResults } });
				await expect(failure).rejects.toThrow(/^Previous Results (is not valid JSON|must )/);
				await expect(failure).rejects.not.toThrow(/Jane|Smith/);
			}
		},
	);
});
