import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class LondonMedicalLaboratoryApi implements ICredentialType {
	name = 'londonMedicalLaboratoryApi';

	displayName = 'London Medical Laboratory API';

	icon: Icon = {
		light: 'file:../nodes/LondonMedicalLaboratory/londonMedicalLaboratory.svg',
		dark: 'file:../nodes/LondonMedicalLaboratory/londonMedicalLaboratory.dark.svg',
	};

	documentationUrl = 'https://api.londonmedicallaboratory.com/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Custom Base URL', value: 'custom' },
				{
					name: 'Production',
					value: 'production',
					description: 'https://api.londonmedicallaboratory.com',
				},
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'https://api.sandbox.londonmedicallaboratory.com',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.londonmedicallaboratory.com',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The bearer token your LML account manager issued for your brand',
		},
		{
			displayName: 'Webhook Header Name',
			name: 'webhookHeaderName',
			type: 'string',
			default: 'X-Webhook-Secret',
			description:
				'Header that carries the webhook secret. If LML cannot send custom headers, append ?token=<secret> to the webhook URL instead.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'A long random value you choose and give to LML with the webhook URL. The trigger refuses requests without it.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.environment === "custom" ? $credentials.baseUrl : $credentials.environment === "sandbox" ? "https://api.sandbox.londonmedicallaboratory.com" : "https://api.londonmedicallaboratory.com" }}',
			url: '/api/product/',
			qs: { results_per_page: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'London Medical Laboratory did not accept the API token (HTTP 401): check the token, and that it belongs to the chosen environment (sandbox tokens only work on the sandbox)',
				},
			},
		],
	};
}
