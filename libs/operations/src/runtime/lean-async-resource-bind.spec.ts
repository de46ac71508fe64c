import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installLeanAsyncResourceBind } from './lean-async-resource-bind';

describe('installLeanAsyncResourceBind', () => {
  // node:async_hooks is shared by every test file of a Jest worker, and the e2e suites boot the app (which installs
  // it), so bind may be replaced already when this file starts: the tests check what bound functions do.
  beforeAll(() => {
    installLeanAsyncResourceBind();
  });

  it('leaves bound functions without the deprecated asyncResource accessors, and installs once', () => {
    expect(Object.getOwnPropertyDescriptor(AsyncResource.bind(() => undefined), 'asyncResource')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(new AsyncResource('test').bind(() => undefined), 'asyncResource')).toBeUndefined();
    expect(installLeanAsyncResourceBind()).toBe(false);
  });

  it('runs the bound function in the async context it was bound in (static and instance bind)', async () => {
    const storage = new AsyncLocalStorage<string>();
    const [viaStatic, viaInstance] = storage.run('request-1', () => [
      AsyncResource.bind(() => storage.getStore()),
      new AsyncResource('test').bind(() => storage.getStore()),
    ]);
    const seen = await storage.run('request-2', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return [viaStatic(), viaInstance(), storage.getStore()];
    });
    expect(seen).toEqual(['request-1', 'request-1', 'request-2']);
    expect(viaStatic()).toBe('request-1');
  });

  it('keeps this, arguments, the return value, errors and length', () => {
    const target = { base: 10 };
    function add(this: { base: number } | undefined, a: number, b: number) {
      return (this?.base ?? 0) + a + b;
    }
    const unbound = new AsyncResource('test').bind(add);
    expect(unbound.call(target, 1, 2)).toBe(13);
    expect(unbound.length).toBe(2);
    // @types/node declares bind(fn) only; Node takes a thisArg too, and Fastify passes one.
    const bindWithThis = new AsyncResource('test').bind as unknown as (fn: typeof add, thisArg: { base: number }) => (a: number, b: number) => number;
    const withThis = bindWithThis.call(new AsyncResource('test'), add, { base: 100 });
    expect(withThis(1, 2)).toBe(103);
    expect(withThis.length).toBe(2);
    const failing = AsyncResource.bind(() => {
      throw new Error('boom');
    });
    expect(() => failing()).toThrow('boom');
    expect(() => new AsyncResource('test').bind('not a function' as never)).toThrow(/must be of type function/);
  });
});
