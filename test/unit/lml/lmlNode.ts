import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { LondonMedicalLaboratory } from '../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratory.node';
import {
	createLmlFake,
	LML_FAKE_TOKEN,
	lmlFakeData,
	type LmlFakeData,
} from '../../../dev/fakes/londonMedicalLaboratory/api';
import type { FakeServer } from '../../../dev/fakes/fakeServer';
import { executeContext, loadOptionsContext } from '../../support/contexts';

/**
 * The LML action node over real HTTP against a fresh fake LML API per test file: `lml.run` executes
 * one node run; `staticData` stands for the workflow's static data n8n keeps between the tries of
 * Retry On Fail (pass the same object to share it) and `input` for the items the node receives.
 */
export interface RunOptions {
	continueOnFail?: boolean;
	staticData?: IDataObject;
	input?: IDataObject[];
	workflowId?: string;
}

export interface LmlUnderTest {
	fake: FakeServer;
	data: LmlFakeData;
	credentials(): Record<string, IDataObject>;
	context(parameters: IDataObject | IDataObject[], options?: RunOptions): IExecuteFunctions;
	run(parameters: IDataObject | IDataObject[], options?: RunOptions): Promise<INodeExecutionData[]>;
	/** Requests the fake received, as "METHOD /path". */
	lines(): string[];
	/** The JSON bodies the fake received for `method path`. */
	bodies(method: string, path: string): IDataObject[];
	listSearch(
		method: 'searchProducts' | 'searchShippingMethods',
		parameters?: IDataObject,
		filter?: string,
		token?: string,
	): ReturnType<LondonMedicalLaboratory['methods']['listSearch']['searchProducts']>;
}

export function lmlUnderTest(): LmlUnderTest {
	const node = new LondonMedicalLaboratory();
	const data = lmlFakeData();
	const fake = createLmlFake(data);
	beforeAll(async () => await fake.start());
	afterAll(async () => await fake.stop());
	beforeEach(() => fake.reset());

	const credentials = () => ({
		londonMedicalLaboratoryApi: {
			environment: 'custom',
			baseUrl: fake.url,
			apiToken: LML_FAKE_TOKEN,
		},
	});
	const context = (parameters: IDataObject | IDataObject[], options: RunOptions = {}) => {
		const created = executeContext({
			parameters,
			credentials: credentials(),
			continueOnFail: options.continueOnFail,
		});
		const staticData = options.staticData ?? {};
		(created.getWorkflowStaticData as jest.Mock).mockReturnValue(staticData);
		(created.getWorkflow as jest.Mock).mockReturnValue({
			id: options.workflowId ?? 'workflow-1',
			name: 'test',
			active: true,
		});
		if (options.input)
			(created.getInputData as jest.Mock).mockReturnValue(options.input.map((json) => ({ json })));
		return created;
	};
	return {
		fake,
		data,
		credentials,
		context,
		async run(parameters, options) {
			const [items] = await node.execute.call(context(parameters, options));
			return items;
		},
		lines: () => fake.requests.map((request) => `${request.method} ${request.path}`),
		bodies: (method, path) =>
			fake.requests
				.filter((request) => request.method === method && request.path === path)
				.map((request) => JSON.parse(request.body) as IDataObject),
		listSearch: async (method, parameters = {}, filter, token) =>
			await node.methods.listSearch[method].call(
				loadOptionsContext({ parameters, credentials: credentials() }),
				filter,
				token,
			),
	};
}
