import { HURDLE_SAMPLE_IDS } from './samples';

/**
 * What the tests of the Hurdle node's write operations (unit and e2e) send: a UK order of the sample
 * product (the node's parameters, and the `delivery` Hurdle's v3 order body must carry for them), and
 * the registration of the sample kit.
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

export const HURDLE_KIT_REGISTRATION_PARAMETERS = {
	resource: 'test',
	operation: 'registerKit',
	kitId: HURDLE_SAMPLE_IDS.kitId,
	firstName: 'Jane',
	lastName: 'Smith',
	dateOfBirth: '1990-05-12',
	sex: 'f',
	email: 'jane.smith@example.com',
	additionalFields: { barcode: HURDLE_SAMPLE_IDS.barcode },
};
