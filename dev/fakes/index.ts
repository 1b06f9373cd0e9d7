import { hurdleTest } from './hurdle';
import { junctionTest } from './junction';
import { lmlTest } from './londonMedicalLaboratory';
import type { AnyTestProvider } from './types';

export * from './types';

/**
 * Every provider's test descriptor. The registries of the tests, the tools and the benchmarks iterate
 * over this list: a new provider is one folder beside these and one line here.
 */
export const TEST_PROVIDERS = [lmlTest, hurdleTest, junctionTest] as const;

export type RegisteredProvider = (typeof TEST_PROVIDERS)[number];
/** 'londonMedicalLaboratory' | 'hurdle' | 'junction': the `provider` of every item. */
export type ProviderKey = RegisteredProvider['key'];
/** The names of the further fakes the providers ask for (Junction's Management API). */
export type MoreFakeName = RegisteredProvider extends infer Each
	? Each extends { moreFakes?: infer More }
		? keyof NonNullable<More> & string
		: never
	: never;

/**
 * The keys of a list of providers, and a look-up by key. A test that registers a provider of its own
 * (test/unit/newProvider) builds these from its longer list.
 */
export function providerLookup<Key extends string>(providers: readonly AnyTestProvider[]) {
	const keys = providers.map((each) => each.key) as Key[];
	return {
		PROVIDER_KEYS: keys,
		isProviderKey: (value: string): value is Key => (keys as string[]).includes(value),
		/** The descriptor of a registered provider's key; a descriptor passed in (a toy one, say) as it is. */
		testProvider(provider: Key | AnyTestProvider): AnyTestProvider {
			if (typeof provider !== 'string') return provider;
			const found = providers.find((each) => each.key === provider);
			if (!found) throw new Error(`No test provider "${String(provider)}"`);
			return found;
		},
	};
}

export const { PROVIDER_KEYS, isProviderKey, testProvider } = providerLookup<ProviderKey>(
	TEST_PROVIDERS as readonly AnyTestProvider[],
);
