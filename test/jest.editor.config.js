/** Editor tests: n8n's own editor in headless Chromium, against a real n8n 2.41.1 and the fake provider APIs. */
module.exports = {
	...require('./jest.common'),
	displayName: 'editor',
	roots: ['<rootDir>/test/editor'],
	globalSetup: '<rootDir>/test/editor/globalSetup.ts',
	globalTeardown: '<rootDir>/test/editor/globalTeardown.ts',
	setupFilesAfterEnv: ['<rootDir>/test/support/slowTestTimeout.ts'],
};
