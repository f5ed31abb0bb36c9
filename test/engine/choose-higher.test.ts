import { describe, expect, it } from 'vitest';
import { decide } from '../../src/engine/choose-higher';

const W = 'TJ-HIGHER-WELFARE';
const field = 'welfareCareAllowances' as const;

describe('choose the higher of the subsidy and another allowance of the same type, TJ-HIGHER-WELFARE', () => {
  it('has nothing to choose when no other allowance of the type is received', () => {
    expect(decide(W, field, [], 200)).toBeNull();
  });

  it('keeps the 200 元/月 subsidy over the highest of two lower allowances (100 and 150), giving up 150', () => {
    expect(decide(W, field, [100, 150], 200)).toEqual({
      clause: W, field, subsidyMonthly: 200, otherMonthly: 150, otherCount: 2, winner: 'subsidy', chosenMonthly: 200, givenUpMonthly: 150,
    });
  });

  it('takes the highest allowance in whatever order they are given: 150 then 100 gives up 150, and 250 then 100 wins over the 200 元/月 subsidy', () => {
    expect(decide(W, field, [150, 100], 200)).toMatchObject({ otherMonthly: 150, winner: 'subsidy', givenUpMonthly: 150 });
    expect(decide(W, field, [250, 100], 200)).toMatchObject({ otherMonthly: 250, winner: 'other', chosenMonthly: 250 });
  });

  it('takes an allowance of 250 over the 200 元/月 subsidy, giving up the subsidy', () => {
    expect(decide(W, field, [250], 200)).toEqual({
      clause: W, field, subsidyMonthly: 200, otherMonthly: 250, otherCount: 1, winner: 'other', chosenMonthly: 250, givenUpMonthly: 200,
    });
  });

  it('calls equal amounts (200 and 200) a tie, choosing 200 either way', () => {
    expect(decide(W, field, [200], 200)).toMatchObject({ winner: 'tie', chosenMonthly: 200, givenUpMonthly: 200 });
  });

  it('lets a known allowance above the subsidy decide although another amount is not known', () => {
    expect(decide(W, field, ['unknown', 300], 200)).toMatchObject({ winner: 'other', otherMonthly: 300, otherCount: 2, chosenMonthly: 300, givenUpMonthly: 200 });
  });

  it('does not guess while an amount is not known and the known ones are lower', () => {
    expect(decide(W, field, [100, 'unknown'], 200)).toEqual({
      clause: W, field, subsidyMonthly: 200, otherMonthly: 100, otherCount: 2, winner: 'unknown', chosenMonthly: null, givenUpMonthly: null,
    });
  });

  it('does not guess when it is not known whether any other allowance is received', () => {
    expect(decide(W, field, 'unknown', 200)).toEqual({
      clause: W, field, subsidyMonthly: 200, otherMonthly: null, otherCount: 0, winner: 'unknown', chosenMonthly: null, givenUpMonthly: null,
    });
  });

  it('does not guess when only unknown amounts are given', () => {
    expect(decide(W, field, ['unknown'], 200)).toMatchObject({ otherMonthly: null, otherCount: 1, winner: 'unknown' });
  });

  it('does not guess while the subsidy amount itself is not known (the tier is open)', () => {
    expect(decide(W, field, [100], null)).toMatchObject({ subsidyMonthly: null, otherMonthly: 100, winner: 'unknown', chosenMonthly: null, givenUpMonthly: null });
    expect(decide(W, field, [1_000_000], null)).toMatchObject({ winner: 'unknown' });
  });
});
