import { resourceLocatorParameter } from '../../shared/actions/parameters';

/** The IDs picked from a searchable list (listSearch.ts), or entered By ID for expressions. */
export const userLocator = resourceLocatorParameter({
	displayName: 'User',
	name: 'user',
	searchListMethod: 'searchUsers',
	placeholder: 'e.g. f6cdf185-6815-4b2b-9482-798b75168689',
	description:
		"The Junction user (user_id). The list shows your client user IDs; an expression can give the trigger's userId.",
});

export const labTestLocator = resourceLocatorParameter({
	displayName: 'Lab Test',
	name: 'labTest',
	searchListMethod: 'searchLabTests',
	placeholder: 'e.g. 0cb9f34f-c3df-4a13-8ca1-19429a82611b',
	description: 'The lab test to order; search by name, or give its ID',
});

export const cancellationReasonLocator = resourceLocatorParameter({
	displayName: 'Cancellation Reason',
	name: 'cancellationReason',
	searchListMethod: 'searchCancellationReasons',
	placeholder: 'e.g. 5c2d9a8e-…',
	description: "Junction's reasons differ between phlebotomy and walk-in appointments",
});
