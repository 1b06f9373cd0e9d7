import type { IDataObject } from 'n8n-workflow';

import { Hurdle } from '../../../nodes/Hurdle/Hurdle.node';
import {
	createHurdleFake,
	HURDLE_FAKE_API_KEY,
	hurdleFakeData,
} from '../../../dev/fakes/hurdle/api';
import {
	HURDLE_KIT_REGISTRATION_PARAMETERS,
	HURDLE_ORDER_PARAMETERS,
} from '../../../dev/fakes/hurdle/actionSamples';
import { fakesAroundTests, itemRunner } from '../../support/contexts';

/**
 * A Hurdle action test file's setting (test/unit/hurdle/<resource>/<operation>.test.ts): the node, the
 * fake Hurdle API and its data (orders and kit registrations it received are cleared before each test),
 * and `run`, which runs the node over it as n8n does and gives its items.
 */
export function hurdleActionRig() {
	const data = hurdleFakeData();
	const fake = createHurdleFake(data);
	const node = new Hurdle();
	fakesAroundTests(fake);
	beforeEach(() => {
		data.createdOrders.length = 0;
		data.registrations.length = 0;
	});

	const credentials = (overrides: IDataObject = {}) => ({
		hurdleApi: {
			environment: 'custom',
			baseUrl: fake.url,
			apiKey: HURDLE_FAKE_API_KEY,
			...overrides,
		},
	});
	const { run, operation } = itemRunner(node, credentials);
	const requestLines = () => fake.requests.map((request) => `${request.method} ${request.path}`);

	return { data, fake, node, run, operation, requestLines };
}

/** The sample UK order, its country code in lower case and with a note. */
export const orderParameters = {
	...HURDLE_ORDER_PARAMETERS,
	countryCode: 'gb',
	additionalFields: { addressLine2: 'Plumstead', notes: 'Leave with neighbour' },
};

/** The registration of the sample kit. */
export const registrationParameters = HURDLE_KIT_REGISTRATION_PARAMETERS;
