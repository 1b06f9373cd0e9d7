import type { SampleSource } from './types';

// Placeholder until the hurdle nodes land: the sender refuses a provider with no events.
export const hurdleSampleSource: SampleSource = {
	events: [],
	authentication: 'sharedSecret',
	build: () => {
		throw new Error('No hurdle samples yet');
	},
};
