/** End-to-end tests: the built package inside a real n8n 2.41.1, with the fake provider APIs. */
module.exports = {
	...require('./jest.common'),
	displayName: 'e2e',
	roots: ['<rootDir>/test/e2e'],
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
	setupFilesAfterEnv: ['<rootDir>/test/support/slowTestTimeout.ts'],
	// One n8n and one fake per provider serve every file, and a provider's files count the requests its
	// fake received (fakeRequests.ts): they must not run at the same time. jest reads this only when this
	// project runs alone; jest.config.js sets the same for `npm test`.
	maxWorkers: 1,
};
