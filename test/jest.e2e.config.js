/** End-to-end tests: the built package inside a real n8n 2.41.1, with the fake provider APIs. */
module.exports = {
	...require('./jest.common'),
	displayName: 'e2e',
	roots: ['<rootDir>/test/e2e'],
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
	setupFilesAfterEnv: ['<rootDir>/test/support/slowTestTimeout.ts'],
};
