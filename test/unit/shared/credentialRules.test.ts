import type { ICredentialTestRequest } from 'n8n-workflow';

import { HurdleApi } from '../../../credentials/HurdleApi.credentials';
import { JunctionApi } from '../../../credentials/JunctionApi.credentials';
import { LondonMedicalLaboratoryApi } from '../../../credentials/LondonMedicalLaboratoryApi.credentials';

/**
 * A provider credential's test with a key the provider answers 401 to: n8n shows the rule's message
 * instead of the HTTP status text ("Unauthorized"). It names the provider, the status and what to check.
 */
describe.each([
	['London Medical Laboratory', new LondonMedicalLaboratoryApi().test, 'API token'],
	['Hurdle', new HurdleApi().test, 'API key'],
	['Junction', new JunctionApi().test, 'API key'],
] as Array<[string, ICredentialTestRequest, string]>)(
	'%s credential test',
	(provider, test, key) => {
		it('explains a 401, and only a 401 (other statuses keep n8n’s status text)', () => {
			expect(test.rules).toEqual([
				{ type: 'responseCode', properties: { value: 401, message: expect.any(String) } },
			]);
		});

		it('says who refused what, and what to check', () => {
			const rule = test.rules?.[0];
			const message = rule?.type === 'responseCode' ? rule.properties.message : '';
			expect(
				message.startsWith(`${provider} did not accept the ${key} (HTTP 401): check the`),
			).toBe(true);
			expect(message).toContain('environment');
		});
	},
);
