/**
 * jest 30 reads `testTimeout` only from the top level of its configuration, not from a project, so
 * each slow project sets its own bound here, before any of its tests runs (setupFilesAfterEnv).
 */
jest.setTimeout(120_000);
