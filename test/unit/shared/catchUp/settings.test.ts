import { settingsFrom } from './fakeSource';

/**
 * A catch-up node's parameters as a round reads them: Check Every clamped to its unit's limits, the
 * start date, the duplicate window in seconds, and which events the node passes on.
 */
const intervalOf = (unit: string, interval: number) => settingsFrom({ unit, interval }).interval;

describe('Check Every', () => {
	test('seconds are kept between 10 and 59', () => {
		expect(intervalOf('seconds', 5)).toBe(10);
		expect(intervalOf('seconds', 10)).toBe(10);
		expect(intervalOf('seconds', 30)).toBe(30);
		expect(intervalOf('seconds', 59)).toBe(59);
		expect(intervalOf('seconds', 60)).toBe(59);
	});

	test('minutes are kept between 1 and 59', () => {
		expect(intervalOf('minutes', 0)).toBe(1);
		expect(intervalOf('minutes', 1)).toBe(1);
		expect(intervalOf('minutes', 59)).toBe(59);
		expect(intervalOf('minutes', 60)).toBe(59);
	});

	test('hours are kept between 1 and 23', () => {
		expect(intervalOf('hours', 0)).toBe(1);
		expect(intervalOf('hours', 1)).toBe(1);
		expect(intervalOf('hours', 23)).toBe(23);
		expect(intervalOf('hours', 24)).toBe(23);
	});

	test('a fraction is rounded to the nearest whole number', () => {
		expect(intervalOf('minutes', 4.5)).toBe(5);
		expect(intervalOf('minutes', 4.4)).toBe(4);
	});

	test('an unknown unit takes the limits of minutes', () => {
		expect(intervalOf('days', 0)).toBe(1);
		expect(intervalOf('days', 5)).toBe(5);
		expect(intervalOf('days', 100)).toBe(59);
	});

	test('without parameters, every 5 minutes', () => {
		const settings = settingsFrom({});
		expect(settings.interval).toBe(5);
		expect(settings.unit).toBe('minutes');
	});
});

describe('the options', () => {
	test('a start date is read as epoch milliseconds', () => {
		const settings = settingsFrom({ options: { startFrom: '2024-05-01T00:00:00Z' } });
		expect(settings.startFrom).toBe(1714521600000);
	});

	test('a start date that cannot be read, or none, gives no start', () => {
		expect(settingsFrom({ options: { startFrom: 'next tuesday' } }).startFrom).toBeUndefined();
		expect(settingsFrom({ options: {} }).startFrom).toBeUndefined();
	});

	test('the duplicate window is given in hours and used in whole seconds', () => {
		expect(settingsFrom({ options: { duplicateWindowHours: 1.5 } }).duplicateWindowSeconds).toBe(
			5400,
		);
		expect(settingsFrom({}).duplicateWindowSeconds).toBe(1209600);
	});
});

describe('which events pass', () => {
	test('all events, the default, passes any event', () => {
		expect(settingsFrom({}).selects('order.shipped')).toBe(true);
		expect(settingsFrom({ events: ['*'] }).selects('order.shipped')).toBe(true);
	});

	test('a list of events passes only those', () => {
		const settings = settingsFrom({ events: ['order.shipped', 'results.ready'] });
		expect(settings.selects('results.ready')).toBe(true);
		expect(settings.selects('order.cancelled')).toBe(false);
	});
});
