/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { readFileSync, writeFileSync } from 'node:fs';

import type { N8nConnection } from '../../dev/n8n';
import type { EditorFakes } from './fixtures';

/**
 * What the editor project's globalSetup started, handed to its test files through a file named in
 * LAB_TESTING_EDITOR_STATE (the test workers inherit the variable).
 */
export const EDITOR_STATE_VARIABLE = 'LAB_TESTING_EDITOR_STATE';

export interface EditorState {
	n8n: N8nConnection;
	/** Who logs in to the editor. */
	owner: { email: string; password: string };
	/** Base URL of each provider's fake API, and of Junction's fake Management API. */
	fakes: EditorFakes;
	/** The inflated Chromium binary (globalSetup inflates it once, before any test file launches it). */
	chromium: string;
}

export function writeEditorState(file: string, state: EditorState): void {
	writeFileSync(file, JSON.stringify(state, null, '\t'));
	process.env[EDITOR_STATE_VARIABLE] = file;
}

let state: EditorState | undefined;

/** The running n8n, fakes and Chromium, for a test file (call it at the top of the file). */
export function editor(): EditorState {
	if (!state) {
		const file = process.env[EDITOR_STATE_VARIABLE];
		if (!file)
			throw new Error(
				`${EDITOR_STATE_VARIABLE} is not set: run the editor tests through jest (npm test), whose globalSetup starts n8n`,
			);
		state = JSON.parse(readFileSync(file, 'utf8')) as EditorState;
	}
	return state;
}
