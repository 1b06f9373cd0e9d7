import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The base URL follows from environment, region and domain; "From API Key" reads them from the key's
 * prefix (pk_us_, pk_eu_ for production, sk_us_, sk_eu_ for sandbox). The same rule is in
 * nodes/Junction/transport.ts, and a unit test checks that both agree.
 */
export const JUNCTION_BASE_URL_EXPRESSION =
	'={{ $credentials.environment === "custom" ? $credentials.baseUrl : "https://api." + (($credentials.environment === "sandbox" || ($credentials.environment === "auto" && String($credentials.apiKey).startsWith("sk_"))) ? "sandbox." : "") + (($credentials.region === "eu" || ($credentials.region === "auto" && String($credentials.apiKey).slice(3, 6) === "eu_")) ? "eu." : ($credentials.domain === "legacy" ? "" : "us.")) + ($credentials.domain === "legacy" ? "tryvital.io" : "junction.com") }}';

export class JunctionApi implements ICredentialType {
	name = 'junctionApi';

	displayName = 'Junction (Vital) API';

	icon: Icon = {
		light: 'file:../nodes/Junction/junction.svg',
		dark: 'file:../nodes/Junction/junction.dark.svg',
	};

	documentationUrl = 'https://docs.junction.com/api-details/junction-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A Team API key from the Junction dashboard (sent as x-vital-api-key)',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Custom Base URL', value: 'custom' },
				{
					name: 'From API Key',
					value: 'auto',
					description: 'sk_ keys are sandbox keys, pk_ keys production keys',
				},
				{ name: 'Production', value: 'production' },
				{ name: 'Sandbox', value: 'sandbox' },
			],
			default: 'auto',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.sandbox.us.junction.com',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'EU', value: 'eu', description: 'Data held in Belgium' },
				{
					name: 'From API Key',
					value: 'auto',
					description: 'Keys start with pk_us_, pk_eu_, sk_us_ or sk_eu_',
				},
				{ name: 'US', value: 'us', description: 'Data held in the United States' },
			],
			default: 'auto',
			displayOptions: { hide: { environment: ['custom'] } },
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'options',
			options: [
				{ name: 'Junction (junction.com)', value: 'junction' },
				{ name: 'Legacy Vital (tryvital.io)', value: 'legacy' },
			],
			default: 'junction',
			displayOptions: { hide: { environment: ['custom'] } },
		},
		{
			displayName: 'Webhook Signing Secrets',
			name: 'webhookSigningSecrets',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. whsec_…',
			description:
				'The Signing Secret of your webhook endpoint (Junction dashboard › Webhooks › endpoint). During a rotation, paste both secrets separated by a space.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-vital-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: JUNCTION_BASE_URL_EXPRESSION,
			url: '/v2/user',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Junction did not accept the API key (HTTP 401): check the key, and that environment and region match it (sk_ keys only work on the sandbox, pk_ keys only in production, an EU key only on the EU host)',
				},
			},
		],
	};
}
