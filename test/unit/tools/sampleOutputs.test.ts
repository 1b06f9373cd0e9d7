/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { TEST_PROVIDERS, type ProviderKey } from '../../../dev/fakes';
import { repoRoot } from '../../../dev/n8n/runtime';
import { forgetProcessMemory } from '../../../nodes/shared/webhook/claims';
import { onlyItem, triggerHarness } from '../../support/triggerHarness';

/**
 * docs/sample-output/<provider>/<event>.json: what each trigger emits for the provider's sample of each
 * event, for n8n's Set mock data (the trigger panel links to them through the README). Built here from
 * the triggers themselves, so they cannot drift from what the nodes emit; the results events also with
 * Fetch Full Data and both messages (`<event>.full-data.json`).
 * LAB_TESTING_WRITE_SAMPLE_OUTPUTS=1 rewrites them.
 */
const OUTPUT_DIR = join(repoRoot, 'docs', 'sample-output');
const WRITE = process.env.LAB_TESTING_WRITE_SAMPLE_OUTPUTS === '1';
const RECEIVED_AT = '2026-08-10T12:00:00.000Z';

/** The events whose full data is a results set, with the sample overrides that release results. */
const RESULTS_EVENTS: Record<ProviderKey, Array<[string, IDataObject?]>> = {
	londonMedicalLaboratory: [['lab_results.complete']],
	hurdle: [['test.processed']],
	junction: [['labtest.order.updated', { status: 'completed' }], ['labtest.result.critical']],
};

interface SampleFile {
	path: string;
	items: IDataObject[];
}

async function sampleFiles(): Promise<SampleFile[]> {
	const files: SampleFile[] = [];
	for (const test of TEST_PROVIDERS) {
		const fake = test.createFake();
		await fake.start();
		try {
			const trigger = triggerHarness(test.key, {
				secret: test.signer.secret(`sample-output-${test.key}`),
				baseUrl: () => fake.url,
			});
			const emitted = async (event: string, overrides?: IDataObject, options: IDataObject = {}) => {
				forgetProcessMemory();
				const delivery = trigger.sample(event, { overrides, messageId: `msg_sample_${event}` });
				const item = onlyItem(await trigger.send(delivery, { parameters: { options } }));
				return { ...item, receivedAt: RECEIVED_AT };
			};
			const folder = join(OUTPUT_DIR, test.key);
			for (const event of test.samples.events)
				files.push({ path: join(folder, `${event}.json`), items: [await emitted(event)] });
			for (const [event, overrides] of RESULTS_EVENTS[test.key]) {
				const full = await emitted(event, overrides, {
					fetchFullData: true,
					includeMessages: ['html', 'slackBlocks'],
				});
				files.push({ path: join(folder, `${event}.full-data.json`), items: [full] });
			}
		} finally {
			await fake.stop();
		}
	}
	return files;
}

const text = (items: IDataObject[]) => `${JSON.stringify(items, null, '\t')}\n`;

describe('docs/sample-output', () => {
	it('holds what each trigger emits for every sample event (LAB_TESTING_WRITE_SAMPLE_OUTPUTS=1 rewrites it)', async () => {
		const files = await sampleFiles();
		expect(files.length).toBeGreaterThan(30);
		if (WRITE) {
			for (const { path, items } of files) {
				mkdirSync(join(path, '..'), { recursive: true });
				writeFileSync(path, text(items));
			}
		}
		const stale = files.filter(
			({ path, items }) => !existsSync(path) || readFileSync(path, 'utf8') !== text(items),
		);
		expect(stale.map(({ path }) => path.slice(repoRoot.length + 1))).toEqual([]);
		const kept = TEST_PROVIDERS.flatMap((test) =>
			readdirSync(join(OUTPUT_DIR, test.key)).map((file) => join(OUTPUT_DIR, test.key, file)),
		);
		expect(kept.sort()).toEqual(files.map(({ path }) => path).sort());
	});

	it('leaves patient details out, as the triggers do by default', async () => {
		const everything = JSON.stringify((await sampleFiles()).map(({ items }) => items));
		for (const field of ['"first_name"', '"last_name"', '"dob"', '"email"', '"dateOfBirth"'])
			expect(everything).not.toContain(field);
		expect(everything).toContain('"payload"');
	});
});
