import { environmentBaseUrl } from '../shared/transport/api';
import type { LabProvider } from '../shared/provider';

export const HURDLE_BASE_URLS: Record<string, string> = {
	production: 'https://api.hurdle.bio',
	sandbox: 'https://api.sandbox.hurdle.bio',
};

export const hurdle: LabProvider = {
	key: 'hurdle',
	providerName: 'Hurdle',
	credentialType: 'hurdleApi',
	baseUrl: environmentBaseUrl(HURDLE_BASE_URLS, 'sandbox'),
	authenticationHint:
		'Check the API key in the credential, and that it belongs to the chosen environment: sandbox keys only work on the sandbox, production keys only on production. Keys are under Developers › API Keys in the Hurdle partner portal.',
	patientFields: [
		'delivery',
		'deliveryAddress1',
		'deliveryAddress2',
		'deliveryCity',
		'deliveryCounty',
		'deliveryPostcode',
		'shippingAddress',
	],
};
