import { HurdleApi } from '../../../credentials/HurdleApi.credentials';
import { hurdle } from '../../../nodes/Hurdle/provider';
import { performRequest } from '../../support/contexts';
import { itTestsAndCallsTheSameHost } from '../../support/expressions';
import { createHurdleFake, HURDLE_FAKE_API_KEY } from '../../../dev/fakes/hurdle/api';

describe('Hurdle credential', () => {
	const credential = new HurdleApi();
	const fake = createHurdleFake();

	beforeAll(async () => {
		await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
	});

	itTestsAndCallsTheSameHost(credential.test.request.baseURL, hurdle.baseUrl, {
		// The hosts the provider documents (reference/lml-and-hurdle.md), not the code's own table.
		production: 'https://api.hurdle.bio',
		sandbox: 'https://api.sandbox.hurdle.bio',
	});

	it('sends the key as X-API-Key', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { 'X-API-Key': '={{$credentials.apiKey}}' } },
		});
	});

	it.each([
		[HURDLE_FAKE_API_KEY, 200],
		['not-the-key', 401],
	])('its test request with key %s gets %i from the products list', async (apiKey, status) => {
		const response = (await performRequest({
			baseURL: fake.url,
			url: credential.test.request.url ?? '',
			headers: { 'X-API-Key': apiKey },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number };
		expect(response.statusCode).toBe(status);
		expect(fake.requests.at(-1)?.path).toBe('/products/v1');
	});

	it('keeps secrets in password fields', () => {
		const passwords = credential.properties
			.filter((property) => property.typeOptions?.password)
			.map((property) => property.name);
		expect(passwords.sort()).toEqual(['apiKey', 'webhookSecret']);
	});
});
