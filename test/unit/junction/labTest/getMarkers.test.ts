import { SAMPLE_LAB_TEST_MARKERS } from '../../../../dev/fakes/junction/api/labTestDetails';
import { fromList, ids, jsonOf, runJunction, useJunctionFake } from '../writeSupport';

const holder = useJunctionFake();
const path = `/v3/lab_tests/${ids.labTestId}/markers`;
const pages = () =>
	holder.fake.requests.filter((request) => request.path === path).map((request) => request.query);

describe('Lab Test › Get Markers', () => {
	it('reads every page of markers, one item per marker', async () => {
		const items = await runJunction(holder.fake, {
			resource: 'labTest',
			operation: 'getMarkers',
			labTest: fromList(ids.labTestId),
			returnAll: true,
		});
		expect(items).toHaveLength(SAMPLE_LAB_TEST_MARKERS);
		expect(new Set(jsonOf(items).map((marker) => marker.id)).size).toBe(SAMPLE_LAB_TEST_MARKERS);
		expect(items[0].json).toMatchObject({
			labTestId: ids.labTestId,
			expected_results: [{ loinc: { code: '10001-0' } }],
		});
		// Junction documents size 1–100.
		expect(pages()).toEqual([
			{ page: '1', size: '100' },
			{ page: '2', size: '100' },
		]);
	});

	it('stops at the limit', async () => {
		const items = await runJunction(holder.fake, {
			resource: 'labTest',
			operation: 'getMarkers',
			labTest: fromList(ids.labTestId),
			returnAll: false,
			limit: 5,
		});
		expect(items).toHaveLength(5);
		expect(pages()).toEqual([{ page: '1', size: '5' }]);
	});
});
