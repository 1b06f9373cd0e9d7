import { byId, failureOf, fromList, ids, runJunction, useJunctionFake } from '../writeSupport';

const holder = useJunctionFake();

describe('Lab Test › Get', () => {
	it('gets one lab test (GET /v3/lab_tests/{id})', async () => {
		const [item] = await runJunction(holder.fake, {
			resource: 'labTest',
			operation: 'get',
			labTest: fromList(ids.labTestId),
		});
		expect(holder.fake.requests.at(-1)?.path).toBe(`/v3/lab_tests/${ids.labTestId}`);
		expect(item.json).toMatchObject({ id: ids.labTestId, name: 'Female General Wellness' });
	});

	it('passes on the 422 for an ID that is not a UUID', async () => {
		const error = await failureOf(holder.fake, {
			resource: 'labTest',
			operation: 'get',
			labTest: byId('Female General Wellness'),
		});
		expect(error.description).toContain('path.lab_test_id: Input should be a valid UUID');
	});
});
