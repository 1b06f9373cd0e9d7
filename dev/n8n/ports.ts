/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { createServer } from 'node:net';

/** Ports never handed out: n8n's default, and a range colleagues use for throwaway instances. */
const RESERVED_PORTS = (port: number) =>
	port === 5678 || port === 5679 || (port >= 5710 && port <= 5729);

async function portFromTheSystem(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** A port on 127.0.0.1 that was free a moment ago (the caller binds it soon after). */
export async function freePort(taken: ReadonlySet<number> = new Set()): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await portFromTheSystem();
		if (port > 0 && !RESERVED_PORTS(port) && !taken.has(port)) return port;
	}
	throw new Error('Could not find a free port on 127.0.0.1');
}

/** Whether a port on 127.0.0.1 can be bound right now. */
export async function isPortFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.unref();
		server.on('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}
