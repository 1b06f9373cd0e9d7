/** Package tests: the packed tarball (its contents, n8n's scanner), the workflow linter, and `npm run dev` in a real n8n. */
module.exports = {
	...require('./jest.common'),
	displayName: 'package',
	roots: ['<rootDir>/test/package'],
	setupFilesAfterEnv: ['<rootDir>/test/support/slowTestTimeout.ts'],
};
