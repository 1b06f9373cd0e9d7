/** A real n8n for tests: `N8nInstance` starts and stops one, `N8nClient` talks to it from any process. */
export {
	N8nClient,
	type N8nConnection,
	type WaitOptions,
	type WebhookRun,
	type WebhookTarget,
} from './client';
export {
	Execution,
	type ExecutionError,
	type ExecutionItem,
	type ExecutionRecord,
} from './execution';
export {
	N8nInstance,
	type CredentialJson,
	type N8nStartOptions,
	type WorkflowJson,
} from './instance';
export type { InstalledPackage } from './communityPackage';
