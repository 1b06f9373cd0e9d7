import type { INodeProperties } from 'n8n-workflow';

import {
	listSearchResults,
	resourceLocatorParameter,
} from '../../../../nodes/shared/actions/parameters';
import { executeContext } from '../../../support/contexts';

const labTest = resourceLocatorParameter({
	displayName: 'Lab Test',
	name: 'labTestId',
	searchListMethod: 'searchLabTests',
	placeholder: 'e.g. 5f2b…',
});

describe('resourceLocatorParameter', () => {
	it('offers a searchable list through the named method, and By ID for expressions', () => {
		const property = labTest.property as INodeProperties;
		expect(property.type).toBe('resourceLocator');
		expect(property.default).toEqual({ mode: 'list', value: '' });
		expect(property.modes?.map(({ name, type }) => [name, type])).toEqual([
			['list', 'list'],
			['id', 'string'],
		]);
		expect(property.modes?.[0].typeOptions).toEqual({
			searchListMethod: 'searchLabTests',
			searchable: true,
		});
	});

	it('reads the picked value, trimmed, whichever mode it came from', () => {
		const fromList = executeContext({
			parameters: { labTestId: { mode: 'list', value: ' lt-1 ', cachedResultName: 'Lipids' } },
			credentials: {},
		});
		const byId = executeContext({
			parameters: { labTestId: { mode: 'id', value: 'lt-2' } },
			credentials: {},
		});
		expect(labTest.at(fromList, 0)).toBe('lt-1');
		expect(labTest.at(byId, 0)).toBe('lt-2');
		expect(fromList.getNodeParameter).toHaveBeenCalledWith('labTestId', 0, '', {
			extractValue: true,
		});
	});

	it('stops the item, naming the parameter, when nothing was picked', () => {
		const context = executeContext({
			parameters: { labTestId: { mode: 'list', value: '' } },
			credentials: {},
		});
		expect(() => labTest.at(context, 0)).toThrow('Lab Test is empty');
	});
});

describe('listSearchResults', () => {
	const records = [
		{ id: 'a', title: 'Lipid Panel' },
		{ id: 'b', title: 'Thyroid Function' },
		{ id: 'c', title: 'Advanced Lipids' },
	];
	const entry = (record: { id: string; title: string }) => ({
		name: record.title,
		value: record.id,
	});

	it('keeps the records whose name contains the filter, ignoring case and spaces around it', () => {
		expect(listSearchResults(records, entry, '  LIPID ').results).toEqual([
			{ name: 'Lipid Panel', value: 'a' },
			{ name: 'Advanced Lipids', value: 'c' },
		]);
	});

	it('keeps every record without a filter, and passes the next page token on', () => {
		expect(listSearchResults(records, entry, undefined, 'page-2')).toEqual({
			results: records.map(entry),
			paginationToken: 'page-2',
		});
		expect(listSearchResults(records, entry, '')).toEqual({ results: records.map(entry) });
	});
});
