import { HURDLE_SAMPLE_IDS } from './samples';

/**
 * A UK order of the sample product, for the tests of the Hurdle node's Create Order (unit and e2e):
 * the node's parameters, and the `delivery` Hurdle's v3 order body must carry for them.
 */
export const HURDLE_ORDER_PARAMETERS = {
	resource: 'order',
	operation: 'create',
	productCode: HURDLE_SAMPLE_IDS.productCode,
	quantity: 1,
	firstName: 'Bob',
	lastName: 'Jones',
	email: 'bob@example.com',
	mobileNumber: '447789123456',
	addressLine1: '130 Plumstead Road',
	city: 'London',
	postcode: 'SE18 7DW',
	countryCode: 'GB',
	additionalFields: { addressLine2: 'Plumstead' },
};

export const HURDLE_ORDER_DELIVERY = {
	address: {
		addressLine1: '130 Plumstead Road',
		addressLine2: 'Plumstead',
		city: 'London',
		postcode: 'SE18 7DW',
		countryCode: 'GB',
	},
	firstName: 'Bob',
	lastName: 'Jones',
	email: 'bob@example.com',
	mobileNumber: '447789123456',
};
