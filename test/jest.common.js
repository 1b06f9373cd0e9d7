/** Settings shared by the unit and e2e jest projects. */
module.exports = {
	rootDir: '..',
	testEnvironment: 'node',
	testMatch: ['**/*.test.ts'],
	moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
		// svix 2.x ships only an ES module; jest's module runtime on Node 20 needs it as CommonJS.
		'^.+/node_modules/svix/.+\\.mjs$': [
			'ts-jest',
			{ tsconfig: { allowJs: true, module: 'commonjs' } },
		],
	},
	transformIgnorePatterns: ['/node_modules/(?!svix/)'],
};
