import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class HurdleApi implements ICredentialType {
	name = 'hurdleApi';

	displayName = 'Hurdle (Chronomics) API';

	icon: Icon = {
		light: 'file:../nodes/Hurdle/hurdle.svg',
		dark: 'file:../nodes/Hurdle/hurdle.dark.svg',
	};

	documentationUrl = 'https://docs.hurdle.bio/docs/webhooks';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Custom Base URL', value: 'custom' },
				{ name: 'Production', value: 'production', description: 'https://api.hurdle.bio' },
				{ name: 'Sandbox', value: 'sandbox', description: 'https://api.sandbox.hurdle.bio' },
			],
			default: 'sandbox',
			description: 'Sandbox and production have separate API keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.sandbox.hurdle.bio',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From the Hurdle partner portal, under Developers › API Keys',
		},
		{
			displayName: 'Webhook Header Name',
			name: 'webhookHeaderName',
			type: 'string',
			default: 'X-Webhook-Secret',
			description:
				'The custom header you add to the webhook in the Hurdle partner portal (or via your account manager)',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'A long random value you choose and set as that header at Hurdle. The trigger refuses requests without it.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.environment === "custom" ? $credentials.baseUrl : $credentials.environment === "production" ? "https://api.hurdle.bio" : "https://api.sandbox.hurdle.bio" }}',
			url: '/products/v1',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Hurdle did not accept the API key (HTTP 401): check the key, and that it belongs to the chosen environment (sandbox keys only work on the sandbox, production keys only on production)',
				},
			},
		],
	};
}
