import { meetingsAtOnce } from './parallel';

describe('meetings at once', () => {
  it('a cooperant sits with each delegate, at least one; a GADM holds one', () => {
    expect(meetingsAtOnce({ kind: 'cooperant', parallel: null, delegates: 3, fixedTable: false })).toBe(3);
    expect(meetingsAtOnce({ kind: 'cooperant', parallel: undefined, delegates: 0, fixedTable: false })).toBe(1);
    expect(meetingsAtOnce({ kind: 'gadm', parallel: null, delegates: 4, fixedTable: false })).toBe(1);
  });
  it('its own setting wins, and a fixed table means one', () => {
    expect(meetingsAtOnce({ kind: 'gadm', parallel: 2, delegates: 1, fixedTable: false })).toBe(2);
    expect(meetingsAtOnce({ kind: 'cooperant', parallel: 4, delegates: 3, fixedTable: true })).toBe(1);
  });
});
