import { lml } from '../../../nodes/LondonMedicalLaboratory/provider';
import { runOperations, toItems } from '../../../nodes/shared/actions/actionNode';
import { executeContext } from '../../support/contexts';

describe('runOperations', () => {
	it('returns a very long list whole (200,000 items: more than a spread into push() can take)', async () => {
		const table = {
			record: {
				getMany: async () =>
					toItems(
						Array.from({ length: 200_000 }, (_, index) => ({ index, email: 'x@example.com' })),
					),
			},
		};
		const context = executeContext({
			parameters: { resource: 'record', operation: 'getMany' },
			credentials: {},
		});
		const node = { provider: lml, resources: [], properties: [], operations: table };
		const [output] = await runOperations.call(context, node);
		expect(output).toHaveLength(200_000);
		expect(output[199_999]).toEqual({ json: { index: 199_999 }, pairedItem: { item: 0 } });
	});
});
