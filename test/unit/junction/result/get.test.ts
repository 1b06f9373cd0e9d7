import { JUNCTION_FAKE_ORDERS } from '../../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { jsonOf, junctionActionRig } from '../actionRig';

const { operation } = junctionActionRig();
const getResults = operation('result', 'get');

describe('Result › Get', () => {
	it('gets results as a summary, normalised rows and the raw body', async () => {
		const { items } = await getResults({ orderId: JUNCTION_SAMPLE_IDS.orderId, output: 'summary' });
		expect(items).toHaveLength(1);
		const json = items[0].json;
		expect(json).toMatchObject({
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			ready: true,
			status: 'final',
			interpretation: 'critical',
		});
		expect(json.summary).toMatchObject({
			total: 6,
			critical: 1,
			high: 1,
			low: 1,
			needingAttention: 3,
		});
		expect(json.raw).toHaveProperty('results');
		expect(JSON.stringify(json)).not.toContain('McTestface');
	});

	it('gets one item per biomarker with critical and abnormal flags', async () => {
		const { items } = await getResults({
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			output: 'biomarkerRows',
		});
		expect(jsonOf(items).map((row) => [row.biomarker, row.flag])).toEqual([
			['Glucose', 'normal'],
			['LDL Cholesterol', 'high'],
			['Vitamin D, 25-Hydroxy', 'low'],
			['Potassium', 'critical'],
			['HIV 1/2 Antibody', 'normal'],
			['Hemoglobin A1c', 'normal'],
		]);
		expect(items[1].json).toMatchObject({
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			resultStatus: 'final',
			code: '13457-7',
			codeSystem: 'LOINC',
			value: 162,
			unit: 'mg/dL',
			referenceHigh: 99,
		});
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('reads legacy dict-shaped results', async () => {
		const { items } = await getResults({
			orderId: JUNCTION_FAKE_ORDERS.legacyResults,
			output: 'biomarkerRows',
		});
		expect(jsonOf(items).map((row) => [row.biomarker, row.valueText])).toEqual([
			['Ferritin', '88'],
			['tsh', '2.1'],
		]);
	});

	it('says when results are not available yet instead of failing', async () => {
		const { items } = await getResults({
			orderId: JUNCTION_FAKE_ORDERS.pending,
			output: 'summary',
		});
		expect(items[0].json).toMatchObject({
			orderId: JUNCTION_FAKE_ORDERS.pending,
			ready: false,
		});
		expect(String(items[0].json.message)).toContain('Lab results not found');
	});
});
