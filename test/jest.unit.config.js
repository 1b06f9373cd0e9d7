/** Unit tests: mocked n8n contexts, real HTTP to fake provider APIs on 127.0.0.1. */
module.exports = {
	...require('./jest.common'),
	displayName: 'unit',
	roots: ['<rootDir>/test/unit'],
};
