export { startTracing, stopTracing, TracingOptions } from './start-tracing';
export { isTracing } from './tracing-state';
export {
  activeTraceparent,
  annotateActiveSpan,
  itemContext,
  jobTraceFields,
  nameActiveRequestSpan,
  runAsItem,
  runInWorkSpan,
  runJobInSpan,
  stampWithActiveTrace,
  TracedItem,
  TracedJob,
  WorkSpan,
} from './work-trace';
