import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	JUNCTION_BASE_URL_EXPRESSION,
	JunctionApi,
} from '../../../credentials/JunctionApi.credentials';
import { isProduction, junctionBaseUrl } from '../../../nodes/Junction/provider';
import { evaluateCredentialExpression } from '../../support/expressions';

function evaluateExpression(credentials: ICredentialDataDecryptedObject): unknown {
	return evaluateCredentialExpression(JUNCTION_BASE_URL_EXPRESSION, credentials);
}

const keys = ['sk_us_abc', 'sk_eu_abc', 'pk_us_abc', 'pk_eu_abc', 'unknown-prefix', ''];
const environments = ['auto', 'production', 'sandbox'];
const regions = ['auto', 'us', 'eu'];
const domains = ['junction', 'legacy'];

const combinations = keys.flatMap((apiKey) =>
	environments.flatMap((environment) =>
		regions.flatMap((region) => domains.map((domain) => ({ apiKey, environment, region, domain }))),
	),
);

describe('Junction base URL', () => {
	it.each(combinations)('credential expression and transport agree for %o', (credentials) => {
		expect(junctionBaseUrl(credentials)).toBe(evaluateExpression(credentials));
	});

	it('compares every environment, region and domain the credential offers (Custom Base URL apart)', () => {
		const offered = (name: string) =>
			(
				new JunctionApi().properties.find((property) => property.name === name)?.options as
					| Array<{ value: string }>
					| undefined
			)
				?.map((option) => option.value)
				.filter((value) => value !== 'custom')
				.sort();
		expect({
			environment: offered('environment'),
			region: offered('region'),
			domain: offered('domain'),
		}).toEqual({
			environment: [...environments].sort(),
			region: [...regions].sort(),
			domain: [...domains].sort(),
		});
	});

	it.each([
		[
			{ environment: 'production', region: 'us', domain: 'junction' },
			'https://api.us.junction.com',
		],
		[
			{ environment: 'production', region: 'eu', domain: 'junction' },
			'https://api.eu.junction.com',
		],
		[
			{ environment: 'sandbox', region: 'us', domain: 'junction' },
			'https://api.sandbox.us.junction.com',
		],
		[
			{ environment: 'sandbox', region: 'eu', domain: 'junction' },
			'https://api.sandbox.eu.junction.com',
		],
		[{ environment: 'production', region: 'us', domain: 'legacy' }, 'https://api.tryvital.io'],
		[{ environment: 'production', region: 'eu', domain: 'legacy' }, 'https://api.eu.tryvital.io'],
		[{ environment: 'sandbox', region: 'us', domain: 'legacy' }, 'https://api.sandbox.tryvital.io'],
		[
			{ environment: 'sandbox', region: 'eu', domain: 'legacy' },
			'https://api.sandbox.eu.tryvital.io',
		],
	])('gives the documented URL for %o', (settings, url) => {
		expect(junctionBaseUrl({ apiKey: 'x', ...settings })).toBe(url);
		expect(evaluateExpression({ apiKey: 'x', ...settings })).toBe(url);
	});

	it.each([
		['sk_us_abc', 'https://api.sandbox.us.junction.com'],
		['sk_eu_abc', 'https://api.sandbox.eu.junction.com'],
		['pk_us_abc', 'https://api.us.junction.com'],
		['pk_eu_abc', 'https://api.eu.junction.com'],
		['something-else', 'https://api.us.junction.com'],
	])('reads environment and region from the key %s', (apiKey, url) => {
		expect(
			junctionBaseUrl({ apiKey, environment: 'auto', region: 'auto', domain: 'junction' }),
		).toBe(url);
	});

	it('uses the custom base URL as given', () => {
		const credentials = {
			apiKey: 'pk_us_x',
			environment: 'custom',
			baseUrl: 'http://127.0.0.1:8080',
			region: 'eu',
			domain: 'legacy',
		};
		expect(junctionBaseUrl(credentials)).toBe('http://127.0.0.1:8080');
		expect(evaluateExpression(credentials)).toBe('http://127.0.0.1:8080');
	});

	it('keeps the API key and the signing secrets in password fields', () => {
		const passwords = new JunctionApi().properties.filter(
			(property) => property.typeOptions?.password,
		);
		expect(passwords.map((property) => property.name).sort()).toEqual([
			'apiKey',
			'webhookSigningSecrets',
		]);
	});

	it('tests the credential with GET /v2/user?limit=1 on that base URL, sending x-vital-api-key', () => {
		const credential = new JunctionApi();
		expect(credential.test.request).toMatchObject({
			baseURL: JUNCTION_BASE_URL_EXPRESSION,
			url: '/v2/user',
			qs: { limit: 1 },
		});
		expect(credential.authenticate).toMatchObject({
			properties: { headers: { 'x-vital-api-key': '={{$credentials.apiKey}}' } },
		});
	});
});

describe('isProduction', () => {
	it.each([
		[{ apiKey: 'sk_us_x', environment: 'auto', region: 'auto', domain: 'junction' }, false],
		[{ apiKey: 'sk_eu_x', environment: 'sandbox', region: 'eu', domain: 'legacy' }, false],
		[{ apiKey: 'x', environment: 'production', region: 'us', domain: 'junction' }, true],
		[{ apiKey: 'x', environment: 'production', region: 'eu', domain: 'legacy' }, true],
		[{ apiKey: 'x', environment: 'auto', region: 'auto', domain: 'junction' }, true],
		[{ apiKey: 'pk_us_x', environment: 'custom', baseUrl: 'http://127.0.0.1:8080' }, true],
		[{ apiKey: 'sk_us_x', environment: 'custom', baseUrl: 'https://API.US.JUNCTION.COM/' }, true],
		[
			{ apiKey: 'sk_us_x', environment: 'custom', baseUrl: 'https://api.sandbox.us.junction.com' },
			false,
		],
		[{ apiKey: 'sk_us_x', environment: 'custom', baseUrl: 'http://127.0.0.1:8080' }, false],
	])('%o → %s', (credentials, expected) => {
		expect(isProduction(credentials)).toBe(expected);
	});
});
