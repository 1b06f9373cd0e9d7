import type { IDataObject } from 'n8n-workflow';

import { HURDLE_PENDING_TEST, HURDLE_RATE_LIMITED_TEST } from '../../../../dev/fakes/hurdle/api';
import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { hurdleActionRig } from '../actionRig';

const { requestLines, operation } = hurdleActionRig();
const getTest = operation('test', 'get');

describe('Test › Get', () => {
	it('gets a test with a summary and normalised rows', async () => {
		const [item] = await getTest({ testId: HURDLE_SAMPLE_IDS.testId, output: 'summary' });
		expect(item.json).toMatchObject({
			id: HURDLE_SAMPLE_IDS.testId,
			status: 'PROCESSED',
			results: { ready: true, summary: { total: 4, high: 1, low: 1 } },
		});
		expect((item.json.results as IDataObject).rows).toHaveLength(4);
		expect((item.json.results as IDataObject).raw).toHaveLength(4);
		expect(item.json.metadata).toEqual({ gender: 'f' });
		expect(requestLines()).toEqual([`GET /tests/v2/${HURDLE_SAMPLE_IDS.testId}`]);
	});

	it('gives one item per biomarker', async () => {
		const items = await getTest({ testId: HURDLE_SAMPLE_IDS.testId, output: 'biomarkerRows' });
		expect(items.map((item) => [item.json.code, item.json.flag])).toEqual([
			['LDL', 'high'],
			['HDL', 'normal'],
			['HBA1C', 'normal'],
			['FERR', 'low'],
		]);
		expect(items[0].json).toMatchObject({
			testId: HURDLE_SAMPLE_IDS.testId,
			kitId: HURDLE_SAMPLE_IDS.kitId,
			status: 'PROCESSED',
		});
		expect(items.every((item) => item.pairedItem !== undefined)).toBe(true);
	});

	it('gives the test as returned', async () => {
		const [item] = await getTest({ testId: HURDLE_SAMPLE_IDS.testId, output: 'raw' });
		expect(item.json).toHaveProperty('biomarkerResults');
		expect(item.json).not.toHaveProperty('results');
	});

	it('says when a test has no results yet, in the summary output', async () => {
		const [item] = await getTest({ testId: HURDLE_PENDING_TEST, output: 'summary' });
		expect(item.json).toMatchObject({
			status: 'LAB_ACCESSIONED',
			results: { ready: false, message: expect.stringContaining('no results') },
		});
	});

	it('says when a test has no results yet instead of giving no items', async () => {
		const items = await getTest({ testId: HURDLE_PENDING_TEST, output: 'biomarkerRows' });
		expect(items.map((item) => item.json)).toEqual([
			{
				testId: HURDLE_PENDING_TEST,
				ready: false,
				message: 'Hurdle has no results for this test yet',
			},
		]);
	});

	it('retries after a 429 and succeeds', async () => {
		const [item] = await getTest({ testId: HURDLE_RATE_LIMITED_TEST, output: 'raw' });
		expect(item.json).toMatchObject({ id: HURDLE_RATE_LIMITED_TEST });
		expect(requestLines()).toEqual([
			`GET /tests/v2/${HURDLE_RATE_LIMITED_TEST}`,
			`GET /tests/v2/${HURDLE_RATE_LIMITED_TEST}`,
		]);
	});
});
