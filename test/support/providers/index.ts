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

export const PROVIDER_KEYS: ProviderKey[] = TEST_PROVIDERS.map((each) => each.key);

export function isProviderKey(value: string): value is ProviderKey {
	return (PROVIDER_KEYS as string[]).includes(value);
}

/** The descriptor of a registered provider's key; a descriptor passed in (a toy one, say) as it is. */
export function testProvider(provider: ProviderKey | AnyTestProvider): AnyTestProvider {
	if (typeof provider !== 'string') return provider;
	const found = TEST_PROVIDERS.find((each) => each.key === provider);
	if (!found) throw new Error(`No test provider "${String(provider)}"`);
	return found as AnyTestProvider;
}
