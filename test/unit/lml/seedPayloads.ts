/** The example payloads from LML's webhook documentation (../shared/seeds/000_…, 001_…), as published. */
export const lmlSeedPayloads = [
	{
		event: 'lab_results.complete',
		data: {
			testregistration_id: '1234-5678',
			url: 'https://example.com/api/test_registration/1234-5678/lab_results/',
		},
	},
	{
		event: 'test_registration.complete',
		data: {
			testregistration_id: '1234-5678',
			url: 'https://example.com/api/test_registration/1234-5678/',
		},
	},
	{
		event: 'test_registration.lml_lab_id_created',
		data: { testregistration_id: '1234-5678', lab_id: '123-456' },
	},
	{
		event: 'test_registration.sample_received',
		data: {
			testregistration_id: '1234-5678',
			url: 'https://example.com/api/test_registration/1234-5678/',
			sample_received_at: '2023-06-01T14:52:32+01:00',
		},
	},
	{
		event: 'test_registration.retest',
		data: { testregistration_id: '1234-5678', retest_testregistration_id: '5555-6666' },
	},
	{
		event: 'test_registration.complete',
		data: {
			testregistration_id: 'e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
			url: 'https://api.londonmedicallaboratory.com/api/test_registration/e23e2d33-5ab4-4efc-8e94-7e914b5f99df/',
		},
	},
	{
		event: 'order.shipped',
		data: {
			order_id: 'e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
			url: 'https://api.londonmedicallaboratory.com/api/order/e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
		},
	},
	{
		event: 'order.delivered',
		data: {
			order_id: 'e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
			url: 'https://api.londonmedicallaboratory.com/api/order/e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
		},
	},
	{
		event: 'lab_results.complete',
		data: {
			testregistration_id: 'eae987c4-32d6-42b9-8c9f-524a78a1b507',
			url: 'https://api.londonmedicallaboratory.com/api/test_registration/1234-5678/lab_results/',
		},
	},
];
