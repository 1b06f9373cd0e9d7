import type { IDataObject, INodeExecutionData, INodeListSearchResult } from 'n8n-workflow';

import { Hurdle } from '../../../nodes/Hurdle/Hurdle.node';
import {
	createHurdleFake,
	HURDLE_FAKE_API_KEY,
	hurdleFakeData,
	type HurdleFakeData,
} from '../../../dev/fakes/hurdle/api';
import type { FakeServer } from '../../../dev/fakes/fakeServer';
import { executeContext, loadOptionsContext } from '../../support/contexts';

/**
 * The Hurdle action node over real HTTP against a fresh fake Hurdle API per test file. `staticData`
 * stands for the workflow's static data (shared by the tries of Retry On Fail), `input` for the
 * items the node receives.
 */
export interface RunOptions {
	staticData?: IDataObject;
	input?: IDataObject[];
}

export function hurdleUnderTest(): {
	fake: FakeServer;
	data: HurdleFakeData;
	run(parameters: IDataObject, options?: RunOptions): Promise<INodeExecutionData[]>;
	lines(): string[];
	searchProducts(filter?: string, token?: string): Promise<INodeListSearchResult>;
} {
	const node = new Hurdle();
	const data = hurdleFakeData();
	const fake = createHurdleFake(data);
	beforeAll(async () => await fake.start());
	afterAll(async () => await fake.stop());
	beforeEach(() => fake.reset());
	const credentials = () => ({
		hurdleApi: { environment: 'custom', baseUrl: fake.url, apiKey: HURDLE_FAKE_API_KEY },
	});
	return {
		fake,
		data,
		async run(parameters, options = {}) {
			const context = executeContext({ parameters, credentials: credentials() });
			(context.getWorkflowStaticData as jest.Mock).mockReturnValue(options.staticData ?? {});
			(context.getWorkflow as jest.Mock).mockReturnValue({
				id: 'workflow-1',
				name: 'test',
				active: true,
			});
			if (options.input)
				(context.getInputData as jest.Mock).mockReturnValue(
					options.input.map((json) => ({ json })),
				);
			const [items] = await node.execute.call(context);
			return items;
		},
		lines: () => fake.requests.map((request) => `${request.method} ${request.path}`),
		searchProducts: async (filter, token) =>
			await node.methods.listSearch.searchProducts.call(
				loadOptionsContext({ credentials: credentials() }),
				filter,
				token,
			),
	};
}
