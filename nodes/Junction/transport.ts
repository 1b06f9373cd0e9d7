import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
} from 'n8n-workflow';

import {
	apiError,
	apiPath,
	callApi,
	providerDetails,
	trimBaseUrl,
	type ApiContext,
	type ProviderApi,
} from '../shared/api';
import { found, missing, type Fetched, type Missing } from '../shared/fetched';
import { collectPages } from '../shared/pagination';

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

/** Junction's documented maximum `size` for GET /v3/orders. */
export const ORDERS_MAX_PAGE_SIZE = 100;
/** GET /v3/lab_test documents 50 as the default `lab_test_limit` and no maximum; 50 is safe. */
export const LAB_TESTS_MAX_PAGE_SIZE = 50;

interface OrdersPage {
	orders?: IDataObject[];
	total?: number;
	page?: number;
	size?: number;
}

/** GET /v3/orders, page by page, until `page × size` reaches `total` or a page comes back short. */
export async function listOrders(
	context: ApiContext,
	qs: IDataObject,
	limit?: number,
): Promise<IDataObject[]> {
	return await collectPages(
		async ({ cursor, pageSize }) => {
			const page = Number(cursor ?? 1);
			const { body } = await callApi<OrdersPage>(context, junctionApi, {
				method: 'GET',
				path: '/v3/orders',
				qs: { ...qs, page, size: pageSize },
			});
			const orders = body?.orders ?? [];
			const total = typeof body?.total === 'number' ? body.total : undefined;
			const last = orders.length < pageSize || (total !== undefined && page * pageSize >= total);
			return { items: orders, next: last ? null : page + 1 };
		},
		{ limit, maxPageSize: ORDERS_MAX_PAGE_SIZE },
	);
}

interface LabTestsPage {
	data?: IDataObject[];
	next_cursor?: string | null;
}

/** GET /v3/lab_test, following `next_cursor` until it is null. */
export async function listLabTests(
	context: ApiContext,
	qs: IDataObject,
	limit?: number,
): Promise<IDataObject[]> {
	return await collectPages(
		async ({ cursor, pageSize }) => {
			const { body } = await callApi<LabTestsPage>(context, junctionApi, {
				method: 'GET',
				path: '/v3/lab_test',
				qs: {
					...qs,
					lab_test_limit: pageSize,
					...(cursor === undefined ? {} : { next_cursor: cursor }),
				},
			});
			return { items: body?.data ?? [], next: body?.next_cursor || null };
		},
		{ limit, maxPageSize: LAB_TESTS_MAX_PAGE_SIZE },
	);
}

export async function getOrder(
	context: ApiContext,
	orderId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const { body } = await callApi<IDataObject>(
		context,
		junctionApi,
		{ method: 'GET', path: apiPath('/v3/order', orderId) },
		itemIndex,
	);
	return body;
}

export async function cancelOrder(
	context: ApiContext,
	orderId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const { statusCode, body } = await callApi<IDataObject>(
		context,
		junctionApi,
		{ method: 'POST', path: `${apiPath('/v3/order', orderId)}/cancel`, returnStatuses: [400] },
		itemIndex,
	);
	if (statusCode === 400) {
		const details = providerDetails(body);
		throw new NodeApiError(
			context.getNode(),
			{ httpCode: '400', provider: junctionApi.providerName },
			{
				message: `Junction cannot cancel this order in its current status${details ? `: ${details}` : ''}`,
				description:
					'Orders can be cancelled while ordered, requisition_created, requisition_bypassed or awaiting_registration (walk-in and phlebotomy orders also during their appointment statuses). Shipped test kits and finished orders cannot be cancelled.',
				httpCode: '400',
				itemIndex,
			},
		);
	}
	return body;
}

export interface SimulationRequest {
	finalStatus?: string;
	delaySeconds?: number;
	flags?: IDataObject;
}

/** POST /v3/order/{id}/test: walks a sandbox order through its lifecycle, firing every webhook. */
export async function simulateOrder(
	context: ApiContext,
	orderId: string,
	simulation: SimulationRequest,
	itemIndex?: number,
): Promise<IDataObject> {
	const qs: IDataObject = {};
	if (simulation.finalStatus) qs.final_status = simulation.finalStatus;
	if (simulation.delaySeconds !== undefined) qs.delay = simulation.delaySeconds;
	const { body } = await callApi<IDataObject | string>(
		context,
		junctionApi,
		{
			method: 'POST',
			path: `${apiPath('/v3/order', orderId)}/test`,
			qs,
			body: simulation.flags && Object.keys(simulation.flags).length ? simulation.flags : undefined,
		},
		itemIndex,
	);
	return typeof body === 'object' && body !== null ? body : {};
}

/** Refuses, before any request, to simulate against production: Junction only simulates sandbox orders. */
export function assertSandbox(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	itemIndex?: number,
): void {
	if (isProduction(credentials)) {
		throw new NodeOperationError(node, 'Simulate only works in the Junction sandbox', {
			description:
				'The credential points at the production API (or holds a production pk_ key), so nothing was sent. Use a sandbox credential (sk_ key) to simulate orders.',
			itemIndex,
		});
	}
}

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

/** One of the order's PDFs. Junction may answer JSON instead of a file: that is an error, not a PDF. */
async function orderPdf(
	context: ApiContext,
	path: string,
	what: string,
	itemIndex?: number,
): Promise<Fetched<Buffer>> {
	const { statusCode, body } = await callApi<Buffer>(
		context,
		junctionApi,
		{ method: 'GET', path, binary: true, returnStatuses: NOT_YET_AVAILABLE },
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

export async function getRequisitionPdf(
	context: ApiContext,
	orderId: string,
	itemIndex?: number,
): Promise<Fetched<Buffer>> {
	return await orderPdf(
		context,
		`${apiPath('/v3/order', orderId)}/requisition/pdf`,
		'requisition PDF',
		itemIndex,
	);
}

export async function getResultsPdf(
	context: ApiContext,
	orderId: string,
	itemIndex?: number,
): Promise<Fetched<Buffer>> {
	return await orderPdf(
		context,
		`${apiPath('/v3/order', orderId)}/result/pdf`,
		'results PDF',
		itemIndex,
	);
}

/** GET /v3/order/{id}/result (`LabResultsRaw`), or "not ready" while the lab has reported nothing. */
export async function getResults(
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

export async function getUser(
	context: ApiContext,
	userId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const { body } = await callApi<IDataObject>(
		context,
		junctionApi,
		{ method: 'GET', path: apiPath('/v2/user', userId) },
		itemIndex,
	);
	return body;
}

/**
 * POST /v2/user. When the client user ID is taken Junction answers 400 with the existing user's id; the
 * error names it (a Junction user id is pseudonymous, not patient data).
 */
export async function createUser(
	context: ApiContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await callApi<IDataObject>(
		context,
		junctionApi,
		{ method: 'POST', path: '/v2/user', body, returnStatuses: [400] },
		itemIndex,
	);
	if (response.statusCode !== 400) return response.body;
	const detail = (response.body as IDataObject | undefined)?.detail as IDataObject | undefined;
	const existingUserId = typeof detail?.user_id === 'string' ? detail.user_id : undefined;
	if (!existingUserId) {
		throw apiError(context.getNode(), junctionApi, 400, response.body, { itemIndex });
	}
	throw new NodeApiError(
		context.getNode(),
		{ httpCode: '400', provider: junctionApi.providerName },
		{
			message: `A Junction user with this client user ID already exists (user_id ${existingUserId})`,
			description: 'Use User › Get with this user_id instead of creating the user again.',
			httpCode: '400',
			itemIndex,
		},
	);
}
