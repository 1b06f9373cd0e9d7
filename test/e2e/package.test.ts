import { e2e } from './environment';

const { state } = e2e();

test('n8n loads every node and credential package.json lists (n8n refuses the whole package if one is missing)', () => {
	expect(state.listedButNotBuilt).toEqual([]);
});
