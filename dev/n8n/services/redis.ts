/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import { freePort } from '../ports';
import { ManagedProcess } from '../process';
import { findRedisServer } from './binaries';

export interface RedisOptions {
	/** Holds the log and pid file. */
	runDir: string;
	/** Redis' working folder (its append-only file); created if missing. */
	dataDir: string;
	/** NAME=value in the process' environment, to recognise it later (see processGroup.ts). */
	marker: string;
	startupTimeoutMs?: number;
}

/** Answers whether a Redis answers PING on 127.0.0.1:port within `timeoutMs`. */
export async function redisAnswers(port: number, timeoutMs = 2_000): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		const done = (answer: boolean) => {
			clearTimeout(timer);
			socket.destroy();
			resolve(answer);
		};
		const timer = setTimeout(() => done(false), timeoutMs);
		let reply = '';
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
		socket.on('error', () => done(false));
	});
}

/**
 * Debian's redis-server on 127.0.0.1 and a free port, in the foreground in its own process group,
 * persisting to an append-only file in `dataDir`: stopping and starting it again (an outage, as the
 * rig does on purpose) keeps n8n's queue, as a production Redis with persistence would.
 */
export class RedisServer {
	private constructor(
		readonly port: number,
		private readonly managed: ManagedProcess,
		private readonly startupTimeoutMs: number,
	) {}

	static async start(options: RedisOptions): Promise<RedisServer> {
		const port = await freePort();
		mkdirSync(options.dataDir, { recursive: true });
		const [markerName, markerValue] = options.marker.split('=', 2);
		const redis = new ManagedProcess({
			name: 'redis',
			command: findRedisServer(),
			args: [
				'--bind',
				'127.0.0.1',
				'--port',
				String(port),
				'--protected-mode',
				'yes',
				'--dir',
				options.dataDir,
				'--daemonize',
				'no',
				'--save',
				'',
				'--appendonly',
				'yes',
				'--appendfsync',
				'everysec',
				'--logfile',
				'',
			],
			env: { ...process.env, [markerName]: markerValue },
			cwd: options.dataDir,
			logFile: join(options.runDir, 'redis.log'),
			pidFile: join(options.runDir, 'redis.pid.json'),
			marker: options.marker,
			ready: async () => await redisAnswers(port),
		});
		const server = new RedisServer(port, redis, options.startupTimeoutMs ?? 30_000);
		await redis.start(server.startupTimeoutMs);
		return server;
	}

	get host(): string {
		return '127.0.0.1';
	}

	get running(): boolean {
		return this.managed.running;
	}

	/** Stops Redis (SIGTERM: it flushes its append-only file and exits). */
	async stop(): Promise<void> {
		await this.managed.stop();
	}

	/** Starts it again on the same port and data. */
	async start(): Promise<void> {
		await this.managed.start(this.startupTimeoutMs);
	}

	logTail(lines = 30): string {
		return this.managed.logTail(lines);
	}
}
