import { requestsReceivedBy, type RecordedRequest } from '../../dev/fakes/fakeServer';

/**
 * The requests a fake API received while `action` ran (the action must wait for everything it sets
 * off, e.g. for the execution to finish). The e2e files run one at a time (maxWorkers: 1 in the jest
 * configs) and their tests one after another, so nothing else reaches the fake meanwhile.
 */
export async function requestsDuring<Result>(
	fakeUrl: string,
	action: () => Promise<Result>,
): Promise<{ result: Result; requests: RecordedRequest[] }> {
	const before = (await requestsReceivedBy(fakeUrl)).length;
	const result = await action();
	return { result, requests: (await requestsReceivedBy(fakeUrl)).slice(before) };
}

/** "GET /api/order/?page=2" — a request as one readable line, for assertions. */
export function requestLine(request: RecordedRequest): string {
	const pairs = Object.entries(request.query).flatMap(([name, value]) =>
		(Array.isArray(value) ? value : [value]).map((entry): [string, string] => [name, entry]),
	);
	const query = new URLSearchParams(pairs).toString();
	return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
}
