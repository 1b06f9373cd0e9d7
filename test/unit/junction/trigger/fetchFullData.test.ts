import type { IDataObject } from 'n8n-workflow';

import { JUNCTION_FAKE_ORDERS } from '../../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { onlyItem, triggerRig } from '../../../support/triggerHarness';
import { SIGNING_SECRET } from '../signing';

const { harness: junction, fake, payloadHost } = triggerRig('junction', { secret: SIGNING_SECRET });
const ids = JUNCTION_SAMPLE_IDS;
const withFake = (parameters: IDataObject = {}) => ({
	parameters,
	credentials: junction.credentials({ baseUrl: fake.url }),
});

describe('Junction Trigger: Fetch Full Data (results)', () => {
	const fetchResults = (options: IDataObject = {}, parameters: IDataObject = {}) =>
		withFake({ ...parameters, options: { fetchFullData: true, ...options } });

	it('attaches normalised rows and a summary when the order is completed', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', { overrides: { status: 'completed' } }),
				fetchResults(),
			),
		);
		const results = item.results as IDataObject;
		expect(results).toMatchObject({ ready: true, status: 'final', interpretation: 'critical' });
		expect(results.summary).toMatchObject({
			total: 6,
			critical: 1,
			high: 1,
			low: 1,
			normal: 3,
			needingAttention: 3,
		});
		expect(results.rows).toContainEqual(
			expect.objectContaining({
				biomarker: 'Potassium',
				code: '2823-3',
				codeSystem: 'LOINC',
				value: 6.9,
				flag: 'critical',
				flagSource: 'provider',
			}),
		);
		expect(item.fullData).toEqual({ fetched: true });
		expect(fake.requests.map((request) => request.path)).toEqual([
			`/v3/order/${ids.orderId}/result`,
		]);
	});

	it('leaves the patient name and birth date of the results metadata out by default', async () => {
		const item = onlyItem(
			await junction.send(junction.sample('labtest.order.updated'), fetchResults()),
		);
		const text = JSON.stringify(item.results);
		expect(text).not.toContain('McTestface');
		expect(text).not.toContain('1970-01-01');
		expect(text).toContain('specimen_number');
	});

	it('fetches for a critical result too, and for partial and corrected orders', async () => {
		expect(
			onlyItem(await junction.send(junction.sample('labtest.result.critical'), fetchResults()))
				.results,
		).toMatchObject({ ready: true });
		for (const status of ['partial_results', 'corrected']) {
			const overrides = { status, modality: 'walk_in_test' };
			expect(
				onlyItem(
					await junction.send(
						junction.sample('labtest.order.updated', { overrides }),
						fetchResults(),
					),
				).results,
			).toMatchObject({ ready: true });
		}
	});

	it('fetches nothing while the order has no results', async () => {
		const item = onlyItem(
			await junction.send(
				junction.sample('labtest.order.updated', { overrides: { status: 'transit_customer' } }),
				fetchResults(),
			),
		);
		expect(item).not.toHaveProperty('results');
		expect(fake.requests).toHaveLength(0);
	});

	it('says "not available yet" instead of failing when Junction has no results yet', async () => {
		const overrides = { orderId: JUNCTION_FAKE_ORDERS.pending, status: 'completed' };
		const item = onlyItem(
			await junction.send(junction.sample('labtest.order.updated', { overrides }), fetchResults()),
		);
		expect(item.results).toMatchObject({ ready: false });
		expect(String((item.results as IDataObject).message)).toContain('no results');
	});

	it('attaches the results PDF as binary when asked', async () => {
		const run = await junction.send(
			junction.sample('labtest.order.updated'),
			fetchResults({ attachResultsPdf: true }),
		);
		const item = run.items[0];
		expect(item.binary?.resultsPdf).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-results-${ids.orderId}.pdf`,
		});
		expect(Buffer.from(item.binary!.resultsPdf.data, 'base64').subarray(0, 5).toString()).toBe(
			'%PDF-',
		);
		expect(item.json.results).toMatchObject({
			pdf: { attached: true, binaryProperty: 'resultsPdf' },
		});
	});

	it('can output one item per biomarker, each with the order identity', async () => {
		const run = await junction.send(
			junction.sample('labtest.order.updated'),
			fetchResults({ output: 'biomarkerRows' }),
		);
		expect(run.items).toHaveLength(6);
		expect(run.items[3].json).toMatchObject({
			event: 'labtest.order.updated',
			orderId: ids.orderId,
			biomarker: 'Potassium',
			flag: 'critical',
		});
	});

	it('still emits the event when fetching fails', async () => {
		const credentials = junction.credentials({ baseUrl: fake.url });
		credentials.junctionApi.apiKey = 'sk_us_wrong';
		const run = await junction.send(junction.sample('labtest.order.updated'), {
			parameters: { options: { fetchFullData: true } },
			credentials,
		});
		expect(onlyItem(run).fullData).toMatchObject({ fetched: false });
	});

	it('never requests a URL found in the payload', async () => {
		const overrides = { payloadHost: payloadHost.url };
		await junction.send(
			junction.sample('labtest.order.updated', { overrides }),
			fetchResults({ attachResultsPdf: true }),
		);
		expect(payloadHost.requests).toHaveLength(0);
		expect(fake.requests.length).toBeGreaterThan(0);
	});
});
