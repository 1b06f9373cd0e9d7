import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
} from 'n8n-workflow';

import { apiPath, callApi, trimBaseUrl, type ApiContext, type ProviderApi } from '../shared/api';
import { providerDetails } from '../shared/apiErrors';
import { found, missing, type Fetched, type Missing } from '../shared/fetched';

/**
 * The base URL follows from environment, region and domain, or from the API key's prefix when they are
 * set to "From API Key": sk_ keys are sandbox keys, pk_ keys production keys, and `_eu_` after the first
 * three characters means the EU region. Any other key counts as production US. This must give the same
 * answer as JUNCTION_BASE_URL_EXPRESSION in the credential (a unit test compares them).
 */
export function junctionBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') return String(credentials.baseUrl ?? '');
	const apiKey = String(credentials.apiKey);
	const sandbox =
		credentials.environment === 'sandbox' ||
		(credentials.environment === 'auto' && apiKey.startsWith('sk_'));
	const eu =
		credentials.region === 'eu' || (credentials.region === 'auto' && apiKey.slice(3, 6) === 'eu_');
	const legacy = credentials.domain === 'legacy';
	const region = eu ? 'eu.' : legacy ? '' : 'us.';
	return `https://api.${sandbox ? 'sandbox.' : ''}${region}${legacy ? 'tryvital.io' : 'junction.com'}`;
}

const JUNCTION_HOSTS = /(^|\.)(junction\.com|tryvital\.io)$/;

/**
 * Whether requests would reach Junction's production API: a Junction host without "sandbox", or a
 * production key (pk_…) whatever the URL. A custom URL elsewhere (a proxy, a test server) is not.
 */
export function isProduction(credentials: ICredentialDataDecryptedObject): boolean {
	if (String(credentials.apiKey ?? '').startsWith('pk_')) return true;
	let host: string;
	try {
		host = new URL(trimBaseUrl(junctionBaseUrl(credentials))).hostname.toLowerCase();
	} catch {
		return false;
	}
	return JUNCTION_HOSTS.test(host) && !host.split('.').includes('sandbox');
}

export const junctionApi: ProviderApi = {
	providerName: 'Junction',
	credentialType: 'junctionApi',
	baseUrl: junctionBaseUrl,
	authenticationHint:
		'Check the API key in the credential, and that environment and region match it: sk_ keys only work on the sandbox, pk_ keys only in production, and an EU key only on the EU host.',
};

const PDF_MAGIC = Buffer.from('%PDF');

/** Answers that mean "not there yet" rather than a mistake; Junction does not document which one it sends. */
const NOT_YET_AVAILABLE = [400, 404, 409, 425];

function notYetAvailable(what: string, body: unknown): Missing {
	const details = providerDetails(body);
	return missing(
		'notReady',
		`Junction has no ${what} for this order yet${details ? ` (${details})` : ''}`,
	);
}

const ORDER_PDFS = {
	requisition: { path: 'requisition/pdf', what: 'requisition PDF' },
	results: { path: 'result/pdf', what: 'results PDF' },
};

/** One of the order's PDFs. Junction may answer JSON instead of a file: that is an error, not a PDF. */
export async function downloadOrderPdf(
	context: ApiContext,
	orderId: string,
	document: keyof typeof ORDER_PDFS,
	itemIndex?: number,
): Promise<Fetched<Buffer>> {
	const { path, what } = ORDER_PDFS[document];
	const { statusCode, body } = await callApi<Buffer>(
		context,
		junctionApi,
		{
			method: 'GET',
			path: `${apiPath('/v3/order', orderId)}/${path}`,
			binary: true,
			returnStatuses: NOT_YET_AVAILABLE,
		},
		itemIndex,
	);
	if (NOT_YET_AVAILABLE.includes(statusCode)) return notYetAvailable(what, body);
	const pdf = Buffer.from(body ?? Buffer.alloc(0));
	if (!pdf.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
		const details = providerDetails(pdf);
		throw new NodeOperationError(context.getNode(), `Junction did not return a ${what}`, {
			description: details ? `Junction said: ${details}` : 'The response was not a PDF file.',
			itemIndex,
		});
	}
	return found(pdf);
}

/** GET /v3/order/{id}/result (`LabResultsRaw`), or "not ready" while the lab has reported nothing. */
export async function getLabResults(
	context: ApiContext,
	orderId: string,
	itemIndex?: number,
): Promise<Fetched<IDataObject>> {
	const { statusCode, body } = await callApi<IDataObject>(
		context,
		junctionApi,
		{
			method: 'GET',
			path: `${apiPath('/v3/order', orderId)}/result`,
			returnStatuses: NOT_YET_AVAILABLE,
		},
		itemIndex,
	);
	if (NOT_YET_AVAILABLE.includes(statusCode)) return notYetAvailable('results', body);
	return found(body ?? {});
}
