/**
 * The building blocks of the contract: `request<R>()(zodArgs)` declares a method whose result is
 * R, `event<P>()` an event whose payload is P. Feature contracts (`contracts/*.ts`) use these and
 * `contract.ts` merges them.
 */
import { z } from 'zod';

/** A request definition: a zod schema for the arguments and a phantom result type. */
export interface RequestDef<A extends z.ZodType, R> {
  args: A;
  /** Phantom: carries the result type only. */
  result?: R;
}

/** Declares a request whose result type is R. */
export const request =
  <R>() =>
  <A extends z.ZodType>(args: A): RequestDef<A, R> => ({ args });

/** An event definition: a phantom payload type. */
export interface EventDef<P> {
  payload?: P;
}

/** Declares an event whose payload is P. */
export const event = <P>(): EventDef<P> => ({});

/** An id argument (connection, result, run, …). */
export const id = z.string().min(1).max(200);
