/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchOnFreshConnection } from '../n8n/fetch';

/**
 * A small HTTP server on 127.0.0.1 standing in for a provider's API. It records every request and
 * serves that record at GET /__requests (and clears it at POST /__reset), so a test in another process
 * can check what the fake received.
 */
export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface FakeReply {
	status: number;
	json?: unknown;
	body?: Buffer | string;
	headers?: Record<string, string>;
	/** Close the connection without answering: the caller sees a network error. */
	drop?: boolean;
}

export interface FakeRequest extends RecordedRequest {
	params: Record<string, string>;
	/** Query parameter as one string (the first, if repeated). */
	param(name: string): string | undefined;
	/** Query parameter as a list (repeated keys or name[]). */
	list(name: string): string[];
}

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: FakeHandler;
}

function compile(path: string): { pattern: RegExp; names: string[] } {
	const names: string[] = [];
	const source = path
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/:(\w+)/g, (_, name: string) => {
			names.push(name);
			return '([^/]+)';
		});
	return { pattern: new RegExp(`^${source}$`), names };
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

export class FakeServer {
	readonly requests: RecordedRequest[] = [];

	private readonly routes: Route[] = [];

	private server: Server | undefined;

	url = '';

	/** Holds every answer back this long: an API too slow for a caller's deadline. */
	delayMs = 0;

	route(method: string, path: string, handler: FakeHandler): this {
		this.routes.push({ method, ...compile(path), handler });
		return this;
	}

	async start(port = 0): Promise<string> {
		this.server = createServer((request, response) => void this.handle(request, response));
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	reset(): void {
		this.requests.length = 0;
		this.delayMs = 0;
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const query: Record<string, string | string[]> = {};
		for (const key of new Set(url.searchParams.keys())) {
			const values = url.searchParams.getAll(key);
			query[key] = values.length === 1 ? values[0] : values;
		}
		const recorded: RecordedRequest = {
			method: request.method ?? 'GET',
			path: url.pathname,
			query,
			headers: request.headers,
			body: await readBody(request),
		};
		if (url.pathname === '/__requests')
			return this.send(response, { status: 200, json: this.requests });
		if (url.pathname === '/__reset') {
			this.reset();
			return this.send(response, { status: 200, json: { reset: true } });
		}
		// Test hooks (/__…) are not part of the API: they are not recorded.
		if (!url.pathname.startsWith('/__')) this.requests.push(recorded);
		if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
		for (const route of this.routes) {
			const match = route.method === recorded.method ? route.pattern.exec(url.pathname) : null;
			if (!match) continue;
			const params = Object.fromEntries(
				route.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]),
			);
			const fakeRequest: FakeRequest = {
				...recorded,
				params,
				param: (name) => {
					const value = query[name];
					return Array.isArray(value) ? value[0] : value;
				},
				list: (name) => {
					const value = query[name] ?? query[`${name}[]`];
					return value === undefined ? [] : Array.isArray(value) ? value : [value];
				},
			};
			try {
				return this.send(response, await route.handler(fakeRequest));
			} catch (error) {
				return this.send(response, { status: 500, json: { message: (error as Error).message } });
			}
		}
		this.send(response, { status: 404, json: { detail: 'Not Found' } });
	}

	private send(response: ServerResponse, reply: FakeReply): void {
		if (reply.drop) return void response.socket?.destroy();
		const headers = { ...reply.headers };
		let body: Buffer | string = '';
		if (reply.json !== undefined) {
			headers['content-type'] ??= 'application/json';
			body = JSON.stringify(reply.json);
		} else if (reply.body !== undefined) {
			body = reply.body;
		}
		response.writeHead(reply.status, headers);
		response.end(reply.status === 204 ? undefined : body);
	}
}

/** Requests a fake received, read over HTTP (works from any process). */
export async function requestsReceivedBy(baseUrl: string): Promise<RecordedRequest[]> {
	const response = await fetchOnFreshConnection(`${baseUrl}/__requests`);
	return (await response.json()) as RecordedRequest[];
}

/** A minimal but valid one-page PDF, for fakes that serve reports. */
export function samplePdf(title: string): Buffer {
	const text = title.replace(/[()\\]/g, '');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${text.length + 37} >>\nstream\nBT /F1 18 Tf 72 770 Td (${text}) Tj ET\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(pdf.length);
		pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}
