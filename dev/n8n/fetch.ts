/* eslint-disable @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
/**
 * fetch, once more on a connection n8n had just closed. Node's fetch reuses idle keep-alive connections;
 * n8n (Node's HTTP server) closes an idle one after 5 s, and a request sent on it at that moment fails
 * with "other side closed" before n8n has read it. Only that failure is retried: n8n never saw the
 * request, so sending it again is what the first attempt would have done.
 */
export async function fetchOnFreshConnection(
	input: string | URL,
	init?: RequestInit,
): Promise<Response> {
	try {
		return await fetch(input, init);
	} catch (error) {
		if (!closedBeforeAnswer(error)) throw error;
		return await fetch(input, init);
	}
}

function closedBeforeAnswer(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
	return cause?.code === 'UND_ERR_SOCKET' && /other side closed/i.test(cause.message ?? '');
}
