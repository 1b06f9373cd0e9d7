import { refusal, type RouteContext } from './state';
import { checkPathUuid, checkQuery, int, nullable, uuid } from './validate';

/**
 * One lab test (GET /v3/lab_tests/{id}) and its markers, paged (`page` ≥ 1, `size` 1–100). The sample
 * lab test has 130 markers, so a full read takes two pages; every other test has 3.
 */
export const SAMPLE_LAB_TEST_MARKERS = 130;

function markersOf(index: number): Array<Record<string, unknown>> {
	const count = index === 0 ? SAMPLE_LAB_TEST_MARKERS : 3;
	return Array.from({ length: count }, (_, position) => {
		const id = index * 1000 + position + 1;
		return {
			id,
			name: `Marker ${id}`,
			slug: `marker-${id}`,
			description: null,
			lab_id: 1,
			provider_id: String(100000 + id),
			type: 'biomarker',
			unit: 'mg/dL',
			price: null,
			aoe: null,
			a_la_carte_enabled: false,
			is_orderable: true,
			expected_results: [
				{
					id: id * 10,
					name: `Marker ${id}`,
					slug: `marker-${id}`,
					lab_id: 1,
					provider_id: String(100000 + id),
					required: true,
					loinc: {
						id,
						name: `Marker ${id}`,
						slug: `marker-${id}`,
						code: `${10000 + id}-0`,
						unit: 'mg/dL',
					},
				},
			],
		};
	});
}

export function registerLabTestRoutes({ server, data, guard }: RouteContext): void {
	const find = (id: string) => {
		const index = data.labTests.findIndex((test) => test.id === id);
		return index < 0 ? undefined : { test: data.labTests[index], index };
	};

	server.route(
		'GET',
		'/v3/lab_tests/:id',
		guard((request) => {
			const badId = checkPathUuid('lab_test_id', request.params.id);
			if (badId) return badId;
			const found = find(request.params.id);
			if (!found) return refusal(404, 'Lab test not found');
			return { status: 200, json: { lab: null, markers: null, ...found.test } };
		}),
	);

	server.route(
		'GET',
		'/v3/lab_tests/:id/markers',
		guard((request) => {
			const badId = checkPathUuid('lab_test_id', request.params.id);
			if (badId) return badId;
			const checked = checkQuery(request, {
				page: int(1),
				size: int(1, 100),
				lab_account_id: nullable(uuid()),
			});
			if ('reply' in checked) return checked.reply;
			const found = find(request.params.id);
			if (!found) return refusal(404, 'Lab test not found');
			const page = Number(checked.query.page ?? 1);
			const size = Number(checked.query.size ?? 50);
			const markers = markersOf(found.index);
			return {
				status: 200,
				json: {
					markers: markers.slice((page - 1) * size, page * size),
					total: markers.length,
					page,
					size,
					pages: Math.ceil(markers.length / size),
				},
			};
		}),
	);
}
