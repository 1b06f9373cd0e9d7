import { LondonMedicalLaboratoryApi } from '../../../credentials/LondonMedicalLaboratoryApi.credentials';
import { lml, LML_BASE_URLS } from '../../../nodes/LondonMedicalLaboratory/provider';
import { evaluateCredentialExpression } from '../../support/expressions';

describe('London Medical Laboratory credential', () => {
	const credential = new LondonMedicalLaboratoryApi();

	it.each([
		[{ environment: 'production' }, LML_BASE_URLS.production],
		[{ environment: 'sandbox' }, LML_BASE_URLS.sandbox],
		[{ environment: 'custom', baseUrl: 'http://127.0.0.1:4000' }, 'http://127.0.0.1:4000'],
	])('tests and calls the same host for %j', (settings, expected) => {
		expect(evaluateCredentialExpression(String(credential.test.request.baseURL), settings)).toBe(
			expected,
		);
		expect(lml.baseUrl(settings)).toBe(expected);
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
