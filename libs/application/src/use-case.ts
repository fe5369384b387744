import type { z } from 'zod';
import { parseInput } from '@rueda/domain';
import type { Clock } from './ports/clock';
import type { Principal } from './ports/principal';
import type { Repositories } from './ports/repositories';
import type { Tx, UnitOfWork } from './ports/unit-of-work';

/** What a use case gets while it runs: its transaction, who asked, and the time it runs at. */
export interface UseCaseContext {
  tx: Tx;
  principal: Principal;
  /** One instant for the whole use case (from the Clock), so every row it writes agrees. */
  now: Date;
}

/**
 * A named state change. Every edge (HTTP route, socket handler, job, CLI) runs the same
 * definition through `UseCases.execute`: the command is validated by ONE zod schema, the
 * caller is checked by ONE authorisation rule, and `run` happens in ONE transaction.
 */
export interface UseCase<S extends z.ZodType, O, P = undefined> {
  readonly name: string;
  readonly command: S;
  /** Throws a DomainError (forbidden) when the principal may not run this command. */
  authorize(principal: Principal, command: z.output<S>): void;
  /**
   * Slow work that needs no transaction (a password hash checked), done before it opens so no
   * pooled connection is held meanwhile; what it returns reaches `run` as `prepared`. `run`
   * re-checks in its transaction whatever may have changed since.
   */
  prepare?(ctx: QueryContext, command: z.output<S>): Promise<P>;
  run(ctx: UseCaseContext & { prepared: P }, command: z.output<S>): Promise<O>;
}

/** Declares a use case (a typed identity: the definition is the documentation). */
export const useCase = <S extends z.ZodType, O, P = undefined>(def: UseCase<S, O, P>): UseCase<S, O, P> => def;

/** What a query gets: repositories outside any transaction, who asks, and the time. */
export interface QueryContext {
  repos: Repositories;
  principal: Principal;
  now: Date;
}

/** A named read, validated and authorised like a use case, run without a transaction. */
export interface Query<S extends z.ZodType, O> {
  readonly name: string;
  readonly input: S;
  authorize(principal: Principal, input: z.output<S>): void;
  run(ctx: QueryContext, input: z.output<S>): Promise<O>;
}

export const query = <S extends z.ZodType, O>(def: Query<S, O>): Query<S, O> => def;

export type CommandOf<U> = U extends UseCase<infer S, unknown, unknown> ? z.input<S> : never;
export type ResultOf<U> = U extends UseCase<z.ZodType, infer O, unknown> ? O : never;

/** Runs use cases: validate, authorise, one transaction (after-commit effects handled by the unit of work). */
export class UseCases {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute<S extends z.ZodType, O, P>(uc: UseCase<S, O, P>, principal: Principal, input: unknown): Promise<O> {
    const command = parseInput(uc.command, input);
    uc.authorize(principal, command);
    const now = this.clock.now();
    // Outside any transaction: reads on the pool, each statement's connection given back at once.
    const prepared = (uc.prepare ? await this.uow.read((repos) => uc.prepare!({ repos, principal, now }, command)) : undefined) as P;
    return this.uow.run((tx) => uc.run({ tx, principal, now, prepared }, command));
  }

  async ask<S extends z.ZodType, O>(q: Query<S, O>, principal: Principal, input: unknown): Promise<O> {
    const parsed = parseInput(q.input, input);
    q.authorize(principal, parsed);
    const now = this.clock.now();
    return this.uow.read((repos) => q.run({ repos, principal, now }, parsed));
  }
}
