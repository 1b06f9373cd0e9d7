/** `npm test` runs all four projects; `npm run test:unit` only the first. */
module.exports = {
	// The e2e and editor files share one n8n and the fakes: one file at a time (test/jest.e2e.config.js).
	maxWorkers: 1,
	projects: [
		'<rootDir>/test/jest.unit.config.js',
		'<rootDir>/test/jest.e2e.config.js',
		'<rootDir>/test/jest.editor.config.js',
		'<rootDir>/test/jest.package.config.js',
	],
};
