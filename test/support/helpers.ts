import type { GraphQLResponse } from './test-app';

/** The data of a GraphQL response, expecting it to carry no errors. */
export const ok = <T = Record<string, any>>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data as T;
};

/** Waits a while (for a subscription to register, a timestamp to move on, a replay to catch up). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
