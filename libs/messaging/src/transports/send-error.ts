/** A send that did not go out. `permanent`: trying again cannot help (bad address, misconfigured channel). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** What a transport got back from the provider. */
export interface SendReceipt {
  /** The ESP / WhatsApp node / SMS provider id, when it gave one. */
  providerMessageId: string | null;
}

/** Rejects with a retryable SendError when `work` takes longer than `ms`. */
export async function withinTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendError(`${what} timed out after ${ms} ms`, false)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
