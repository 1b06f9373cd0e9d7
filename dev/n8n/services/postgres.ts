/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-dangerous-functions -- test support runs in Node, not inside n8n */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '../ports';
import { ManagedProcess } from '../process';
import { findPostgresBin } from './binaries';

const execFileAsync = promisify(execFile);

export interface PostgresOptions {
	/** Holds the log and pid file. */
	runDir: string;
	/** A new folder for the cluster; created here, and handed to the `postgres` user when running as root. */
	baseDir: string;
	/** NAME=value in the process' environment, to recognise it later (see processGroup.ts). */
	marker: string;
	startupTimeoutMs?: number;
}

/** How n8n connects: DB_POSTGRESDB_* */
export interface PostgresConnection {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
}

/** PostgreSQL refuses to run as root: as root, initdb and postgres run as this user (Debian's package creates it). */
const UNPRIVILEGED_USER = 'postgres';
const READY_LINE = 'database system is ready to accept connections';

function idOf(user: string, flag: '-u' | '-g'): number {
	try {
		return Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
	} catch {
		throw new Error(
			`Running as root, PostgreSQL must run as the "${user}" user, which does not exist (install Debian's postgresql package)`,
		);
	}
}

/**
 * A throwaway PostgreSQL from the machine's packages (Debian's /usr/lib/postgresql/<version>/bin):
 * initdb into a fresh folder, a random password (scram-sha-256), listening on 127.0.0.1 and a free
 * port only (no Unix socket), durability off (fsync, synchronous_commit) since the data is thrown
 * away. Stopped with SIGINT, PostgreSQL's fast shutdown. As root, it runs as the `postgres` user.
 */
export class PostgresServer {
	private constructor(
		readonly connection: PostgresConnection,
		private readonly managed: ManagedProcess,
	) {}

	static async start(options: PostgresOptions): Promise<PostgresServer> {
		const bin = findPostgresBin();
		const asRoot = process.getuid?.() === 0;
		const runAs = (command: string, args: string[]): [string, string[]] =>
			asRoot ? ['runuser', ['-u', UNPRIVILEGED_USER, '--', command, ...args]] : [command, args];
		const dataDir = join(options.baseDir, 'data');
		const passwordFile = join(options.baseDir, 'password');
		const password = randomBytes(18).toString('base64url');
		mkdirSync(options.baseDir, { recursive: true });
		writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
		if (asRoot) {
			const uid = idOf(UNPRIVILEGED_USER, '-u');
			const gid = idOf(UNPRIVILEGED_USER, '-g');
			chownSync(options.baseDir, uid, gid);
			chownSync(passwordFile, uid, gid);
		}
		chmodSync(options.baseDir, 0o700);
		const user = 'n8n';
		const [initdb, initdbArgs] = runAs(join(bin, 'initdb'), [
			'-D',
			dataDir,
			'-U',
			user,
			`--pwfile=${passwordFile}`,
			'--auth=scram-sha-256',
			'-E',
			'UTF8',
			'--locale=C',
			'--no-sync',
		]);
		try {
			await execFileAsync(initdb, initdbArgs, { cwd: options.baseDir, timeout: 120_000 });
		} catch (error) {
			const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
			throw new Error(`initdb failed: ${(error as Error).message}\n${stdout}\n${stderr}`);
		} finally {
			rmSync(passwordFile, { force: true });
		}

		const port = await freePort();
		const [command, args] = runAs(join(bin, 'postgres'), [
			'-D',
			dataDir,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		]);
		const [markerName, markerValue] = options.marker.split('=', 2);
		const postgres = new ManagedProcess({
			name: 'postgres',
			command,
			args,
			env: { ...process.env, [markerName]: markerValue },
			cwd: options.baseDir,
			logFile: join(options.runDir, 'postgres.log'),
			pidFile: join(options.runDir, 'postgres.pid.json'),
			marker: options.marker,
			readyLine: READY_LINE,
			stopSignal: 'SIGINT',
		});
		await postgres.start(options.startupTimeoutMs ?? 60_000);
		return new PostgresServer(
			{ host: '127.0.0.1', port, user, password, database: 'postgres' },
			postgres,
		);
	}

	/** n8n's settings for this database. */
	get n8nEnvironment(): Record<string, string> {
		const { host, port, user, password, database } = this.connection;
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: host,
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: password,
			DB_POSTGRESDB_DATABASE: database,
		};
	}

	get running(): boolean {
		return this.managed.running;
	}

	/** One SQL query through psql (Debian's client, next to the server): its rows, columns split on '|'. */
	async query(sql: string): Promise<string[][]> {
		const { host, port, user, password, database } = this.connection;
		const { stdout } = await execFileAsync(
			join(findPostgresBin(), 'psql'),
			['-h', host, '-p', String(port), '-U', user, '-d', database, '-At', '-c', sql],
			{ env: { ...process.env, PGPASSWORD: password }, timeout: 30_000 },
		);
		return stdout
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('|'));
	}

	async stop(): Promise<void> {
		await this.managed.stop();
	}

	logTail(lines = 30): string {
		return this.managed.logTail(lines);
	}
}
