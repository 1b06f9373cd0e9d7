import { runningRegistry } from '../support/sharedRun';

/** What the e2e globalSetup started, for its globalTeardown (and for itself when it fails halfway). */
export const { remember: rememberRunning, stop: stopRunning } = runningRegistry('labTestingE2e');
