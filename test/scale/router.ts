/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the rig runs in Node, not inside n8n */
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';

/**
 * A sticky router in front of the webhook processors, as an operator's load balancer would be set up
 * (nginx: `hash $request_uri consistent;` in the upstream of the n8n webhook processors): every
 * request for one webhook path goes to the same processor, so copies of one delivery that arrive at
 * the same moment meet in one process. Routes by the path without the query string (a secret in
 * ?token= must not change where a delivery goes). Loopback only.
 */
export class StickyRouter {
	private constructor(
		private readonly server: Server,
		readonly port: number,
		private readonly upstreamPorts: number[],
		/** How many requests went to each upstream, by its index. */
		readonly routed: number[],
	) {}

	static async start(upstreamPorts: number[]): Promise<StickyRouter> {
		const routed = upstreamPorts.map(() => 0);
		const server = createServer((incoming, outgoing) => {
			const index = StickyRouter.upstreamFor(incoming.url ?? '/', upstreamPorts.length);
			routed[index]++;
			const forwarded = request(
				{
					host: '127.0.0.1',
					port: upstreamPorts[index],
					method: incoming.method,
					path: incoming.url,
					headers: incoming.headers,
				},
				(answer: IncomingMessage) => {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
				},
			);
			forwarded.on('error', (error) => {
				if (outgoing.headersSent) {
					outgoing.destroy(error);
					return;
				}
				outgoing.writeHead(502, { 'content-type': 'text/plain' });
				outgoing.end(`Upstream ${upstreamPorts[index]} failed: ${error.message}`);
			});
			incoming.pipe(forwarded);
		});
		server.keepAliveTimeout = 5_000;
		const port = await new Promise<number>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				resolve(typeof address === 'object' && address ? address.port : 0);
			});
		});
		return new StickyRouter(server, port, upstreamPorts, routed);
	}

	/** The upstream a path goes to: a hash of the path (without the query), modulo the number of upstreams. */
	static upstreamFor(url: string, upstreams: number): number {
		const path = url.split('?')[0];
		return createHash('sha1').update(path).digest().readUInt32BE(0) % upstreams;
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The upstream port a webhook path goes to. */
	upstreamPortFor(path: string): number {
		return this.upstreamPorts[StickyRouter.upstreamFor(path, this.upstreamPorts.length)];
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
