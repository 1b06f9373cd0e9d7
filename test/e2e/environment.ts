/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { readFileSync } from 'node:fs';

import type { FakeUrls } from '../../dev/fakes/startFakes';
import { N8nClient, type N8nConnection } from '../../dev/n8n';
import { stateFile } from '../support/sharedRun';

/**
 * What globalSetup started, handed to the test files: globalSetup writes it to a file and names the
 * file in LAB_TESTING_E2E_STATE, which the test workers inherit.
 */
export const STATE_VARIABLE = 'LAB_TESTING_E2E_STATE';

export interface E2eState {
	n8n: N8nConnection;
	fakes: FakeUrls;
	/** Files package.json lists that the build did not produce (left out of the installed package). */
	listedButNotBuilt: string[];
}

export interface E2eEnvironment {
	n8n: N8nClient;
	fakes: FakeUrls;
	state: E2eState;
}

const state = stateFile<E2eState>(STATE_VARIABLE, 'e2e');
export const writeE2eState = state.write;

let environment: E2eEnvironment | undefined;

/** The running n8n and fakes, for a test file (call it at the top of the file). */
export function e2e(): E2eEnvironment {
	if (!environment) {
		const read = state.read();
		environment = { n8n: new N8nClient(read.n8n), fakes: read.fakes, state: read };
	}
	return environment;
}

/** The lines of the shared n8n's log that contain `text` (warnings the triggers write, say). */
export function n8nLogLines(text: string): string[] {
	const { logFile } = e2e().state.n8n;
	return readFileSync(logFile, 'utf8')
		.split('\n')
		.filter((line) => line.includes(text));
}
