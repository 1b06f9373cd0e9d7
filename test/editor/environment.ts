import type { N8nConnection } from '../../dev/n8n';
import { stateFile } from '../support/sharedRun';
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

const state = stateFile<EditorState>(EDITOR_STATE_VARIABLE, 'editor');
export const writeEditorState = state.write;

/** The running n8n, fakes and Chromium, for a test file (call it at the top of the file). */
export const editor = (): EditorState => state.read();
