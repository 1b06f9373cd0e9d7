import type { FakeServer } from '../../../dev/fakes/fakeServer';
import { createHurdleFake, HURDLE_FAKE_API_KEY } from '../../../dev/fakes/hurdle/api';
import type { ProviderKey } from '../../../dev/fakes';
import { createJunctionFake, JUNCTION_FAKE_KEY } from '../../../dev/fakes/junction/api';
import { createLmlFake, LML_FAKE_TOKEN } from '../../../dev/fakes/londonMedicalLaboratory/api';
import { resultSamplePath, resultSamples } from '../../../dev/fakes/resultSamples';
import type { LabResultRow, ReadyResults } from '../../../nodes/shared/results';

const fakes: Record<ProviderKey, { server: FakeServer; headers: Record<string, string> }> = {
	londonMedicalLaboratory: {
		server: createLmlFake(),
		headers: { authorization: `Bearer ${LML_FAKE_TOKEN}` },
	},
	hurdle: { server: createHurdleFake(), headers: { 'x-api-key': HURDLE_FAKE_API_KEY } },
	junction: { server: createJunctionFake(), headers: { 'x-vital-api-key': JUNCTION_FAKE_KEY } },
};

beforeAll(async () => {
	for (const fake of Object.values(fakes)) await fake.server.start();
});
afterAll(async () => {
	for (const fake of Object.values(fakes)) await fake.server.stop();
});

const samples = resultSamples();
const allRows = (each: Array<{ results: ReadyResults }>): LabResultRow[] =>
	each.flatMap((sample) => sample.results.rows);

describe('resultSamples', () => {
	it.each(samples.map((sample) => [sample.name, sample] as const))(
		'%s is what the fake API serves at its path',
		async (name, sample) => {
			const fake = fakes[sample.provider];
			let response = await fetch(`${fake.server.url}${resultSamplePath(name)}`, {
				headers: fake.headers,
			});
			// The rate-limited sample answers 429 once, as its description says.
			if (response.status === 429) {
				response = await fetch(`${fake.server.url}${resultSamplePath(name)}`, {
					headers: fake.headers,
				});
			}
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual(sample.raw);
			expect(sample.results.ready).toBe(true);
			expect(sample.results.rows.length).toBeGreaterThan(0);
		},
	);

	it('names each sample once, under its provider', () => {
		const names = samples.map((sample) => sample.name);
		expect(new Set(names).size).toBe(names.length);
		for (const sample of samples) expect(sample.name.startsWith(`${sample.provider}/`)).toBe(true);
		expect(new Set(samples.map((sample) => sample.provider))).toEqual(
			new Set(['londonMedicalLaboratory', 'hurdle', 'junction']),
		);
	});

	it('covers every flag, bounded and text values, failures and missing ranges', () => {
		const rows = allRows(samples);
		const flags = new Set(rows.map((row) => row.flag));
		expect([...flags].sort()).toEqual(
			['abnormal', 'critical', 'high', 'low', 'normal', 'unknown'].sort(),
		);
		const texts = rows.map((row) => row.valueText ?? '');
		expect(texts.some((text) => text.startsWith('<'))).toBe(true);
		expect(texts.some((text) => text.startsWith('>'))).toBe(true);
		expect(texts.some((text) => /not sufficient/i.test(text))).toBe(true);
		expect(rows.some((row) => row.value === null && row.valueText === null && row.comment)).toBe(
			true,
		);
		expect(rows.some((row) => row.referenceLow === null && row.referenceHigh === null)).toBe(true);
		expect(texts).toEqual(expect.arrayContaining(['Positive', 'Negative', 'Not Detected']));
		for (const provider of ['londonMedicalLaboratory', 'hurdle', 'junction']) {
			const own = allRows(samples.filter((sample) => sample.provider === provider));
			expect(own.some((row) => row.flag === 'high')).toBe(true);
			expect(own.some((row) => row.flag === 'normal')).toBe(true);
			expect(own.some((row) => row.value === null)).toBe(true);
		}
	});

	it('has partial, transaction, parsed-report and 60-marker results', () => {
		const named = (name: string) => samples.find((sample) => sample.name === name)!;
		expect(named('junction/partial').results.status).toBe('partial');
		expect(named('junction/legacy-partial').results.status).toBe('partial');
		expect(named('junction/critical').results.status).toBe('final');
		expect(named('junction/transaction-combined').raw).toHaveProperty('order_transaction');
		expect(named('junction/parsed-report').results.status).toBe('completed');
		const panel = named('londonMedicalLaboratory/full-panel-60').results.rows;
		expect(panel).toHaveLength(60);
		expect(new Set(panel.map((row) => row.code)).size).toBe(60);
	});

	it('builds fresh objects on each call', () => {
		const [first] = resultSamples();
		first.results.rows.length = 0;
		expect(resultSamples()[0].results.rows.length).toBeGreaterThan(0);
	});
});
