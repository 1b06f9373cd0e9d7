/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { Agent, request } from 'node:http';

import { percentile } from './stats';

/**
 * A small closed-loop load generator: `concurrency` workers on keep-alive connections to 127.0.0.1,
 * each sending the next prepared request as soon as its previous one has been answered. Requests are
 * built before the clock starts, so only sending and answering is timed.
 */
export interface PreparedRequest {
	/** Path on the server, e.g. /webhook/<id>/webhook. */
	path: string;
	headers: Record<string, string>;
	body: Buffer;
}

export interface LoadResult {
	requests: number;
	/** Wall time from the first request sent to the last answer read. */
	durationMs: number;
	requestsPerSecond: number;
	/** One per request, in milliseconds, in the order they were answered. */
	latenciesMs: number[];
	/** Answers by HTTP status. */
	statuses: Record<number, number>;
	/** Answers whose body passed the caller's check (e.g. "accepted"). */
	expectedAnswers: number;
	/** Requests that failed at the socket level. */
	errors: number;
	firstError?: string;
	/** Date.now() when the first request was sent. */
	startedAt: number;
}

export interface LoadOptions {
	/** e.g. http://127.0.0.1:5678 */
	baseUrl: string;
	requests: PreparedRequest[];
	concurrency: number;
	/** Whether an answer is the one expected; called after the answer was timed. */
	isExpected(status: number, body: string): boolean;
	/** Bound on one request. */
	timeoutMs?: number;
}

interface Answer {
	status: number;
	body: string;
}

function send(
	agent: Agent,
	url: URL,
	prepared: PreparedRequest,
	timeoutMs: number,
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const outgoing = request(
			{
				agent,
				host: url.hostname,
				port: url.port,
				method: 'POST',
				path: prepared.path,
				headers: { ...prepared.headers, 'content-length': String(prepared.body.length) },
				timeout: timeoutMs,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', reject);
			},
		);
		outgoing.on('timeout', () => outgoing.destroy(new Error(`No answer within ${timeoutMs} ms`)));
		outgoing.on('error', reject);
		outgoing.end(prepared.body);
	});
}

export async function fire(options: LoadOptions): Promise<LoadResult> {
	const url = new URL(options.baseUrl);
	if (url.hostname !== '127.0.0.1')
		throw new Error(`The load generator only sends to 127.0.0.1, not ${url.hostname}`);
	const timeoutMs = options.timeoutMs ?? 30_000;
	// A fresh agent per run: no socket the server may already have closed while it was idle.
	const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
	const latenciesMs: number[] = [];
	const statuses: Record<number, number> = {};
	let expectedAnswers = 0;
	let errors = 0;
	let firstError: string | undefined;
	let next = 0;
	const worker = async () => {
		for (let index = next++; index < options.requests.length; index = next++) {
			const started = process.hrtime.bigint();
			try {
				const answer = await send(agent, url, options.requests[index], timeoutMs);
				latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
				statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
				if (options.isExpected(answer.status, answer.body)) expectedAnswers++;
			} catch (error) {
				errors++;
				firstError ??= (error as Error).message;
			}
		}
	};
	const startedAt = Date.now();
	const started = process.hrtime.bigint();
	try {
		await Promise.all(Array.from({ length: options.concurrency }, worker));
	} finally {
		agent.destroy();
	}
	const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
	return {
		requests: options.requests.length,
		durationMs,
		requestsPerSecond: (latenciesMs.length / durationMs) * 1000,
		latenciesMs,
		statuses,
		expectedAnswers,
		errors,
		firstError,
		startedAt,
	};
}

/**
 * What a load's sender saw (req/s, p50 and p99 latency) and what n8n sustained end to end: the requests
 * over the time from the first one sent to the stop of the last execution they started.
 */
export function loadFigures(load: LoadResult, requests: number, lastStopMs: number) {
	return {
		requestsPerSecond: load.requestsPerSecond,
		p50Ms: percentile(load.latenciesMs, 50),
		p99Ms: percentile(load.latenciesMs, 99),
		executionsPerSecond: (requests / (lastStopMs - load.startedAt)) * 1000,
	};
}
