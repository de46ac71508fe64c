/**
 * At most `size` deliveries in flight in this worker, however many jobs Bull
 * hands it (a job can carry many deliveries): WEBHOOK_DELIVERY_CONCURRENCY.
 */
export class SendSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so running only drops when nobody waits.
      if (next) next();
      else this.running--;
    }
  }
}
