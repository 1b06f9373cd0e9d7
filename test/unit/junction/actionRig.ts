import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Junction } from '../../../nodes/Junction/Junction.node';
import {
	createJunctionFake,
	JUNCTION_FAKE_KEY,
	junctionFakeData,
} from '../../../dev/fakes/junction/api';
import { actionRunner, fakesAroundTests } from '../../support/contexts';

/**
 * A Junction action test file's setting (test/unit/junction/<resource>/<operation>.test.ts): the node,
 * the fake Junction API with 230 orders and 120 lab tests, started around the file's tests and reset
 * before each, and `run`, which runs the node over it as n8n does.
 */
export function junctionActionRig() {
	const node = new Junction();
	const fake = createJunctionFake(junctionFakeData({ orders: 230, labTests: 120 }));
	fakesAroundTests(fake);

	const credentials = (overrides: IDataObject = {}) => ({
		junctionApi: {
			apiKey: JUNCTION_FAKE_KEY,
			environment: 'custom',
			baseUrl: fake.url,
			...overrides,
		},
	});
	const { run, operation } = actionRunner(node, credentials);
	const requestsTo = (path: string) => fake.requests.filter((request) => request.path === path);

	return { node, fake, credentials, run, operation, requestsTo };
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
