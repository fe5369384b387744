/**
 * Runs the reads one after the other and answers their results in order, like Promise.all.
 *
 * For reads on one EntityManager that may be a transaction's: its queries share one pg
 * connection, so Promise.all does not make them parallel; pg queues them and warns ("Calling
 * client.query() when the client is already executing a query is deprecated"; pg@9 will refuse
 * them). The jest setup fails a spec file that shows the warning (test/support/one-query-at-a-time.ts).
 */
export async function inTurn<T extends unknown[]>(reads: [...{ [K in keyof T]: () => Promise<T[K]> }]): Promise<T> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}
