import { AsyncResource } from 'node:async_hooks';

/**
 * Node before 24 gives every function that `AsyncResource#bind` returns two
 * `util.deprecate()` accessors for its deprecated `asyncResource` property
 * (DEP0172; nodejs/node#59195 stopped that on 24). Fastify binds one function
 * per request body and Nest two per interceptor chain, so on Node 20 building
 * those accessors was about half of the api's CPU per trigger webhook request
 * (bench: 212 → 110 µs with request logging out of middleware). This puts
 * Node 24's bind in its place: the same async scope, `this`, arguments,
 * return value and `length`, without the deprecated property, which nothing
 * we depend on reads. Installs nothing where Node no longer adds it.
 *
 * @returns whether bind was replaced
 */
export function installLeanAsyncResourceBind(): boolean {
  const probe = new AsyncResource('lean-bind-probe').bind(() => undefined);
  if (!Object.getOwnPropertyDescriptor(probe, 'asyncResource')) return false;
  type AnyFunction = (...args: unknown[]) => unknown;
  function bind(this: AsyncResource, fn: AnyFunction, thisArg?: unknown): AnyFunction {
    if (typeof fn !== 'function') throw new TypeError(`The "fn" argument must be of type function. Received ${typeof fn}`);
    let bound: AnyFunction;
    if (thisArg === undefined) {
      const runInScope = this.runInAsyncScope.bind(this);
      bound = function (this: unknown, ...args: unknown[]) {
        return runInScope(fn, this, ...args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg) as AnyFunction;
    }
    Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, value: fn.length, writable: false });
    return bound;
  }
  AsyncResource.prototype.bind = bind as unknown as typeof AsyncResource.prototype.bind;
  return true;
}
