/** `npm test` runs all four projects; `npm run test:unit` only the first. */
module.exports = {
	projects: [
		'<rootDir>/test/jest.unit.config.js',
		'<rootDir>/test/jest.e2e.config.js',
		'<rootDir>/test/jest.editor.config.js',
		'<rootDir>/test/jest.package.config.js',
	],
};
