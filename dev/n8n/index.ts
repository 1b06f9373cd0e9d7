/** A real n8n for tests: `N8nInstance` starts and stops one, `N8nCluster` a queue-mode cluster, `N8nClient` talks to either from any process. */
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
	N8N_READY_LINES,
	type N8nCommand,
	type CredentialJson,
	type N8nStartOptions,
	type WorkflowJson,
} from './instance';
export type { InstalledPackage } from './communityPackage';
export {
	N8nCluster,
	QUEUE_MODE_OVERRIDES,
	type ClusterMember,
	type N8nClusterOptions,
} from './cluster';
export { ManagedProcess, type ManagedProcessOptions } from './process';
