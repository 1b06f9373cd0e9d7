import { NodeApiError, NodeOperationError, type IDataObject, type JsonObject } from 'n8n-workflow';

import { apiPath, callApi, type ApiContext } from '../shared/transport/api';
import { providerDetails } from '../shared/transport/apiErrors';
import { found, missing, type Fetched, type Missing } from '../shared/transport/fetched';
import { junction } from './provider';

const PDF_MAGIC = Buffer.from('%PDF');

/** Answers that may mean "not there yet"; Junction documents none of them (only 200 and 422). */
const NOT_YET_AVAILABLE = [400, 404, 409, 425];

/** What a results or PDF read is about: one order, or an order transaction (an order and its redraw). */
export type ResultsScope = { kind: 'order' | 'transaction'; id: string };

const SCOPE_PATH: Record<ResultsScope['kind'], string> = {
	order: '/v3/order',
	transaction: '/v3/order_transaction',
};

const SCOPE_NAME: Record<ResultsScope['kind'], string> = {
	order: 'order',
	transaction: 'order transaction',
};

/**
 * Junction answers a results read for an order that does not exist and one whose results are pending
 * with the same kinds of status (undocumented; the spec lists only 200 and 422). The order itself
 * tells them apart: if it is not found either, the ID is wrong, and that is an error.
 */
async function notThereYet(
	context: ApiContext,
	scope: ResultsScope,
	what: string,
	body: unknown,
	itemIndex?: number,
): Promise<Missing> {
	const { statusCode } = await callApi(
		context,
		junction,
		{ method: 'GET', path: apiPath(SCOPE_PATH[scope.kind], scope.id), returnStatuses: [404] },
		itemIndex,
	);
	if (statusCode === 404) {
		throw new NodeApiError(context.getNode(), { httpCode: '404' } as JsonObject, {
			message: `Junction has no ${SCOPE_NAME[scope.kind]} with this ID`,
			description: `No ${SCOPE_NAME[scope.kind]} ${scope.id} in the environment the credential points at.`,
			httpCode: '404',
			itemIndex,
		});
	}
	const details = providerDetails(body);
	return missing(
		'notReady',
		`Junction has no ${what} for this ${SCOPE_NAME[scope.kind]} yet${details ? ` (${details})` : ''}`,
	);
}

const PDFS = {
	requisition: { path: 'requisition/pdf', what: 'requisition PDF' },
	results: { path: 'result/pdf', what: 'results PDF' },
};

/** The file name of a PDF, the same from the trigger (Attach Results PDF) and the action node. */
export function pdfFileName(document: keyof typeof PDFS, id: string): string {
	return `junction-${document}-${id}.pdf`;
}

/** One of the PDFs of an order or transaction. Junction may answer JSON instead of a file: that is an error. */
export async function downloadPdf(
	context: ApiContext,
	scope: ResultsScope,
	document: keyof typeof PDFS,
	itemIndex?: number,
): Promise<Fetched<Buffer>> {
	const { path, what } = PDFS[document];
	const { statusCode, body } = await callApi<Buffer>(
		context,
		junction,
		{
			method: 'GET',
			path: `${apiPath(SCOPE_PATH[scope.kind], scope.id)}/${path}`,
			binary: true,
			returnStatuses: NOT_YET_AVAILABLE,
		},
		itemIndex,
	);
	if (NOT_YET_AVAILABLE.includes(statusCode))
		return await notThereYet(context, scope, what, body, itemIndex);
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

/** The results (`LabResultsRaw`) of an order, or combined across an order transaction; "not ready" while pending. */
export async function getLabResults(
	context: ApiContext,
	scope: ResultsScope,
	itemIndex?: number,
): Promise<Fetched<IDataObject>> {
	const { statusCode, body } = await callApi<IDataObject>(
		context,
		junction,
		{
			method: 'GET',
			path: `${apiPath(SCOPE_PATH[scope.kind], scope.id)}/result`,
			returnStatuses: NOT_YET_AVAILABLE,
		},
		itemIndex,
	);
	if (NOT_YET_AVAILABLE.includes(statusCode))
		return await notThereYet(context, scope, 'results', body, itemIndex);
	return found(body ?? {});
}

/** `POST /v3/order/resend_events`: which orders, or which time window (at most 60 days). */
export interface ResendOrderEvents {
	orderIds?: string[];
	/** ISO date-times; `endAt` defaults to now at Junction. */
	startAt?: string;
	endAt?: string;
}

/** Junction refuses a longer window (documented; the status code is not). */
export const RESEND_MAX_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * Asks Junction to send again the latest webhook event of each order given, or of each order in the
 * time window; answers the IDs of the orders whose events it re-sent. The rules Junction documents are
 * checked first, so a bad request stops with a clear error before anything is sent.
 */
export async function resendOrderEvents(
	context: ApiContext,
	request: ResendOrderEvents,
	itemIndex?: number,
): Promise<string[]> {
	const refuse = (message: string, description: string) =>
		new NodeOperationError(context.getNode(), message, { description, itemIndex });
	const orderIds = request.orderIds?.filter((id) => id.trim()) ?? [];
	if (!orderIds.length && !request.startAt) {
		throw refuse(
			'Give order IDs or a start time',
			'Junction re-sends the events of the orders given, or of the orders in a time window.',
		);
	}
	const body: IDataObject = {};
	if (orderIds.length) body.order_ids = orderIds.map((id) => id.trim());
	if (request.startAt) {
		const start = Date.parse(request.startAt);
		const end = request.endAt ? Date.parse(request.endAt) : Date.now();
		if (!Number.isFinite(start) || !Number.isFinite(end))
			throw refuse(
				'Start or end is not a date-time',
				'Give ISO date-times, e.g. 2026-08-01T00:00:00Z.',
			);
		if (end < start) throw refuse('The end is before the start', 'Swap Start and End.');
		if (end - start > RESEND_MAX_WINDOW_DAYS * DAY_MS) {
			throw refuse(
				`The window is longer than ${RESEND_MAX_WINDOW_DAYS} days`,
				`Junction re-sends at most ${RESEND_MAX_WINDOW_DAYS} days of events at once: split the window.`,
			);
		}
		body.start_at = new Date(start).toISOString();
		if (request.endAt) body.end_at = new Date(end).toISOString();
	}
	// Junction takes no idempotency key here: like any write without one, it is never repeated blindly.
	const { body: answer } = await callApi<IDataObject>(
		context,
		junction,
		{ method: 'POST', path: '/v3/order/resend_events', body },
		itemIndex,
	);
	const ids = answer?.order_ids;
	return Array.isArray(ids) ? ids.map(String) : [];
}
