import { LondonMedicalLaboratory } from '../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratory.node';
import {
	createLmlFake,
	LML_FAKE_TOKEN,
	lmlFakeData,
} from '../../../dev/fakes/londonMedicalLaboratory/api';
import { fakesAroundTests, itemRunner } from '../../support/contexts';

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
	const { run, operation } = itemRunner(node, credentials);
	const listRequests = (path: string) => fake.requests.filter((request) => request.path === path);

	return { node, data, fake, run, operation, listRequests };
}

/** The Test Registration parameter (a resource locator), by ID unless `mode` says otherwise. */
export const registration = (value: string, mode = 'id') => ({ mode, value });
