import { LondonMedicalLaboratoryApi } from '../../../credentials/LondonMedicalLaboratoryApi.credentials';
import { lml } from '../../../nodes/LondonMedicalLaboratory/provider';
import { itTestsAndCallsTheSameHost } from '../../support/expressions';

describe('London Medical Laboratory credential', () => {
	const credential = new LondonMedicalLaboratoryApi();

	itTestsAndCallsTheSameHost(credential.test.request.baseURL, lml.baseUrl, {
		// The hosts the provider documents (reference/lml-and-hurdle.md), not the code's own table.
		production: 'https://api.londonmedicallaboratory.com',
		sandbox: 'https://api.sandbox.londonmedicallaboratory.com',
	});

	it('tests the token with a one-product list call', () => {
		expect(credential.test.request).toMatchObject({
			url: '/api/product/',
			qs: { results_per_page: 1 },
		});
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.apiToken}}' } },
		});
	});

	it('keeps secrets in password fields', () => {
		const passwords = credential.properties
			.filter((property) => property.typeOptions?.password)
			.map((property) => property.name);
		expect(passwords.sort()).toEqual(['apiToken', 'webhookSecret']);
	});
});
