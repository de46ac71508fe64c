interface Waiting<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces calls made during one turn of the event loop into one statement.
 * On a busy worker, dozens of jobs ask for the same kind of round trip at
 * nearly the same time; each round trip to PostgreSQL costs far more than the
 * rows it carries, so they share one. `run` gets the inputs in call order and
 * answers one output per input, in the same order. A failed statement fails
 * every call of its batch (each caller then behaves as if its own statement
 * had failed).
 */
export class StatementBatcher<In, Out> {
  private waiting: Waiting<In, Out>[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
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
