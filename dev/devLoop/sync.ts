/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the dev loop runs in Node, not inside n8n */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function filesUnder(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

/**
 * Copies into `to` the files of `from` that are new or differ, and returns them (paths relative to
 * both). n8n watches `to` and reloads the package on every burst of writes: copying only what
 * changed, all at once after a compilation, gives one reload per change and none for a rebuild that
 * produced the same files. Files gone from `from` stay in `to`; n8n never loads an unlisted file.
 */
export function syncChangedFiles(from: string, to: string): string[] {
	const changed = filesUnder(from).filter((file) => {
		const target = join(to, file);
		return !existsSync(target) || !readFileSync(join(from, file)).equals(readFileSync(target));
	});
	for (const file of changed) {
		mkdirSync(dirname(join(to, file)), { recursive: true });
		copyFileSync(join(from, file), join(to, file));
	}
	return changed;
}
