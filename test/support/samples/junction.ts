import type { SampleSource } from './types';

// Placeholder until the junction nodes land: the sender refuses a provider with no events.
export const junctionSampleSource: SampleSource = {
	events: [],
	authentication: 'svix',
	build: () => {
		throw new Error('No junction samples yet');
	},
};
