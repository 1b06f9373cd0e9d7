import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { requestedLimit, returnAllOrLimit } from '../../../shared/actions/parameters';
import { apiPath } from '../../../shared/transport/api';
import { getPages, type Paging } from '../../../shared/transport/pagination';
import { junction } from '../../provider';
import { labTestLocator } from '../locators';

/** GET /v3/lab_tests/{id}/markers takes `size` from 1 to 100. */
export const MARKERS_MAX_PAGE_SIZE = 100;

interface MarkersPage {
	markers?: IDataObject[];
	page?: number | null;
	pages?: number | null;
}

const markersPaging: Paging<MarkersPage | undefined> = {
	api: junction,
	maxPageSize: MARKERS_MAX_PAGE_SIZE,
	query: ({ cursor, pageSize }) => ({ page: cursor ?? 1, size: pageSize }),
	read: (body, { cursor }) => {
		const page = Number(cursor ?? 1);
		const last = typeof body?.pages === 'number' ? page >= body.pages : false;
		return { items: body?.markers ?? [], next: last ? null : page + 1 };
	},
};

export default defineOperation({
	name: 'Get Markers',
	value: 'getMarkers',
	action: 'Get the markers of a lab test',
	description:
		'List what a lab test measures, one item per marker (reflex markers included), with expected results and LOINC codes',
	properties: [labTestLocator.property, ...returnAllOrLimit()],
	async execute(itemIndex) {
		const id = labTestLocator.at(this, itemIndex);
		const path = `${apiPath('/v3/lab_tests', id)}/markers`;
		const markers = await getPages(
			this,
			markersPaging,
			path,
			{},
			requestedLimit(this, itemIndex),
			itemIndex,
		);
		return toItems(markers.map((marker) => ({ labTestId: id, ...marker })));
	},
});
