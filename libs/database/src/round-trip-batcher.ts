interface Waiting<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces calls made during one turn of the event loop into one round trip
 * (one PostgreSQL statement, one Redis command). Under load, dozens of
 * requests or jobs make the same kind of round trip at nearly the same time;
 * each round trip (and each commit) costs far more than the rows it carries,
 * so they share one ("group commit"). `run` gets the inputs in call order and
 * answers one output per input, in the same order. A failed round trip fails
 * every call of its batch (each caller then behaves as if its own had failed).
 */
export class RoundTripBatcher<In, Out> {
  private waiting: Waiting<In, Out>[] = [];
  private scheduled = false;

  /**
   * lingerMs: how long the first call of a batch waits for others (0: until
   * the end of the current event-loop turn). A worker whose jobs arrive one
   * by one gets real batches from a millisecond or two.
   */
  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch = 100,
    private readonly lingerMs = 0,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        const flush = () => {
          this.scheduled = false;
          this.flush();
        };
        if (this.lingerMs > 0) setTimeout(flush, this.lingerMs);
        else setImmediate(flush);
      }
    });
  }

  private flush(): void {
    const batch = this.waiting.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.run(batch.map((w) => w.input)).then(
      (outputs) => batch.forEach((w, i) => w.resolve(outputs[i])),
      (error: unknown) => batch.forEach((w) => w.reject(error)),
    );
  }
}
