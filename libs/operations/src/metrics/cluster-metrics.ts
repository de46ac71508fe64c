import cluster from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';

// Between a supervised process and the supervisor (prom-client's own messages gather the figures).
const REQUEST = 'hub:metrics-request';
const RESPONSE = 'hub:metrics-response';
// prom-client gives up on a silent process after 5 s.
const ANSWER_TIMEOUT_MS = 6000;

interface MetricsMessage {
  type?: string;
  id?: number;
  text?: string;
  error?: string;
}

/** True in a process the supervisor (`npm start`) forked: its /metrics must speak for the whole hub. */
export function isSupervised(): boolean {
  return cluster.isWorker;
}

/** In a supervised process: lets the supervisor read `registry` (prom-client's cluster protocol). */
export function joinClusterMetrics(registry: Registry): void {
  if (!isSupervised()) return;
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // installs the listener that answers the supervisor
}

let nextId = 1;
const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
let listening = false;

/**
 * In a supervised process: the figures of every api and worker process, summed
 * by the supervisor. An api process alone would report only the requests it
 * happened to take, and no deliveries at all (those are counted in workers).
 */
export function hubMetricsText(): Promise<string> {
  if (!listening) {
    listening = true;
    process.on('message', (message: MetricsMessage) => {
      if (message?.type !== RESPONSE || message.id === undefined) return;
      const request = waiting.get(message.id);
      if (!request) return;
      waiting.delete(message.id);
      clearTimeout(request.timer);
      if (message.error !== undefined) request.reject(new Error(message.error));
      else request.resolve(message.text ?? '');
    });
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error('the supervisor did not answer for the metrics'));
    }, ANSWER_TIMEOUT_MS);
    waiting.set(id, { resolve, reject, timer });
    process.send?.({ type: REQUEST, id });
  });
}

/** In the supervisor: answers its processes' requests for the hub-wide metrics. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: MetricsMessage) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: RESPONSE, id: message.id, text }),
      (error: Error) => worker.isConnected() && worker.send({ type: RESPONSE, id: message.id, error: error.message }),
    );
  });
}
