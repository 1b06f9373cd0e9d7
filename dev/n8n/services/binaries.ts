/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Where Debian's redis-server and PostgreSQL live. `test/scale/run.mjs` installs them (apt) when they
 * are missing and it runs as root; anything else gets a message saying what to install.
 */
export const INSTALL_HINT =
	'Install them with: apt-get update && apt-get install -y redis-server postgresql (test/scale/run.mjs does this itself when it runs as root)';

export function findRedisServer(): string {
	const fromEnvironment = process.env.LAB_TESTING_REDIS_SERVER;
	if (fromEnvironment) return fromEnvironment;
	const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin'];
	const found = folders
		.filter(Boolean)
		.map((folder) => join(folder, 'redis-server'))
		.find((path) => existsSync(path));
	if (!found) throw new Error(`redis-server is not installed. ${INSTALL_HINT}`);
	return found;
}

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql (Debian), or LAB_TESTING_PG_BIN. */
export function findPostgresBin(): string {
	const fromEnvironment = process.env.LAB_TESTING_PG_BIN;
	if (fromEnvironment) return fromEnvironment;
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((version) => /^\d+(\.\d+)?$/.test(version))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	const found = versions
		.map((version) => join(root, version, 'bin'))
		.find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres')));
	if (!found) throw new Error(`PostgreSQL (initdb, postgres) is not installed. ${INSTALL_HINT}`);
	return found;
}
