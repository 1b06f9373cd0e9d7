import { LondonMedicalLaboratoryApi } from '../../../credentials/LondonMedicalLaboratoryApi.credentials';
import { lml, LML_BASE_URLS } from '../../../nodes/LondonMedicalLaboratory/provider';
import { itTestsAndCallsTheSameHost } from '../../support/expressions';

describe('London Medical Laboratory credential', () => {
	const credential = new LondonMedicalLaboratoryApi();

	itTestsAndCallsTheSameHost(credential.test.request.baseURL, lml.baseUrl, LML_BASE_URLS);

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
