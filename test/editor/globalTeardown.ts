import { stopEditorEnvironment } from './globalSetup';

/** Stops the n8n and the fakes globalSetup started. */
export default async function globalTeardown(): Promise<void> {
	await stopEditorEnvironment();
}
