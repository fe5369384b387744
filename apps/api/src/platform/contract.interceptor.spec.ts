import { z } from 'zod';
import { DomainError } from '@rueda/domain';
import { checkContract } from './contract.interceptor';

const Out = z.object({ id: z.uuid(), at: z.iso.datetime({ offset: true }), tags: z.array(z.string()) });
const good = { id: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f', at: new Date('2026-05-06T14:00:00Z'), tags: ['agua'] };

describe('response contract check', () => {
  it('passes a body that matches its schema once serialised (Dates become ISO strings)', () => {
    expect(checkContract(Out, good, 'T.get')).toBe(good);
  });

  it('refuses a body that leaves its declared schema, naming the paths', () => {
    const bad = { ...good, id: 42, tags: 'agua' };
    let thrown: unknown;
    try {
      checkContract(Out, bad, 'T.get');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ kind: 'internal', code: 'contract_violation' });
    const issues = (thrown as DomainError).details?.issues as string[];
    expect(issues.map((i) => i.split(':')[0]).sort()).toEqual(['id', 'tags']);
  });

  it('refuses a missing required field', () => {
    expect(() => checkContract(Out, { id: good.id, tags: [] }, 'T.get')).toThrow(/T\.get/);
  });
});
