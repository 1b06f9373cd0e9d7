import { HURDLE_FAKE_API_KEY } from '../../../dev/fakes/hurdle/api';
import { HURDLE_SAMPLE_IDS } from '../../../dev/fakes/hurdle/samples';
import { hurdleActionRig } from './actionRig';

const { node, run } = hurdleActionRig();

describe('errors', () => {
	it('explains a refused API key with the sandbox hint', async () => {
		const error = await run(
			{ resource: 'product', operation: 'getMany', returnAll: false, limit: 5 },
			{ credentials: { apiKey: 'wrong' } },
		).catch((caught: Error & { description?: string }) => caught);
		expect(error).toMatchObject({ message: 'Hurdle did not accept the credential' });
		expect((error as { description?: string }).description).toContain(
			'sandbox keys only work on the sandbox',
		);
	});

	it('continues on fail with an error item paired to its input', async () => {
		const items = await run(
			[
				{ resource: 'order', operation: 'get', orderNumber: 'HRD-000404' },
				{ resource: 'order', operation: 'get', orderNumber: HURDLE_SAMPLE_IDS.orderNumber },
			],
			{ continueOnFail: true },
		);
		expect(items).toEqual([
			{ json: { error: 'Hurdle has no such resource' }, pairedItem: { item: 0 } },
			expect.objectContaining({
				json: expect.objectContaining({ orderNumber: HURDLE_SAMPLE_IDS.orderNumber }),
				pairedItem: { item: 1 },
			}),
		]);
	});

	it('reports an unreachable API without leaking the key', async () => {
		const error = await run(
			{ resource: 'product', operation: 'getMany', returnAll: false, limit: 5 },
			{ credentials: { baseUrl: 'http://127.0.0.1:1' } },
		).catch((caught: Error) => caught);
		expect(error).toMatchObject({ message: 'Could not reach Hurdle' });
		expect(JSON.stringify(error)).not.toContain(HURDLE_FAKE_API_KEY);
	});
});

describe('description', () => {
	it('is usable as an AI tool; the trigger is not', async () => {
		const { HurdleTrigger } = await import('../../../nodes/Hurdle/HurdleTrigger.node');
		expect(node.description.usableAsTool).toBe(true);
		expect(new HurdleTrigger().description.usableAsTool).toBeUndefined();
	});

	it('gives every operation an action', () => {
		const operations = node.description.properties.filter(
			(property) => property.name === 'operation',
		);
		const values = operations.flatMap((property) =>
			(property.options ?? []).map((option) => option as { value: string; action?: string }),
		);
		expect(values.map((option) => option.value).sort()).toEqual([
			'cancel',
			'create',
			'get',
			'get',
			'getMany',
			'getMany',
			'registerKit',
		]);
		expect(values.every((option) => option.action)).toBe(true);
	});
});
