import { environmentBaseUrl } from '../shared/transport/api';
import type { LabProvider } from '../shared/provider';

export const LML_BASE_URLS: Record<string, string> = {
	production: 'https://api.londonmedicallaboratory.com',
	sandbox: 'https://api.sandbox.londonmedicallaboratory.com',
};

export const lml: LabProvider = {
	key: 'londonMedicalLaboratory',
	providerName: 'London Medical Laboratory',
	credentialType: 'londonMedicalLaboratoryApi',
	baseUrl: environmentBaseUrl(LML_BASE_URLS, 'production'),
	authenticationHint:
		'Check the API token in the credential, and that it belongs to the chosen environment (sandbox tokens only work on the sandbox). Tokens are issued by your LML account manager.',
	patientFields: ['billing_address', 'name_of_patient', 'nhs_number', 'uk_address'],
};
