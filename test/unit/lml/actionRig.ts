import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { LondonMedicalLaboratory } from '../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratory.node';
import {
	createLmlFake,
	LML_FAKE_TOKEN,
	lmlFakeData,
} from '../../../dev/fakes/londonMedicalLaboratory/api';
import { fakesAroundTests, runAction } from '../../support/contexts';

/**
 * An LML action test file's setting (test/unit/lml/<resource>/<operation>.test.ts): the node, the fake
 * LML API and its data, started around the file's tests and reset before each, and `run`, which runs
 * the node over it as n8n does and gives its items.
 */
export function lmlActionRig() {
	const node = new LondonMedicalLaboratory();
	const data = lmlFakeData();
	const fake = createLmlFake(data);
	fakesAroundTests(fake);

	const credentials = (token = LML_FAKE_TOKEN) => ({
		londonMedicalLaboratoryApi: { environment: 'custom', baseUrl: fake.url, apiToken: token },
	});
	const run = async (
		parameters: IDataObject | IDataObject[],
		options: { token?: string; continueOnFail?: boolean } = {},
	): Promise<INodeExecutionData[]> =>
		(
			await runAction(node, {
				parameters,
				credentials: credentials(options.token),
				continueOnFail: options.continueOnFail,
			})
		).items;
	const listRequests = (path: string) => fake.requests.filter((request) => request.path === path);

	return { node, data, fake, run, listRequests };
}

/** The Test Registration parameter (a resource locator), by ID unless `mode` says otherwise. */
export const registration = (value: string, mode = 'id') => ({ mode, value });
