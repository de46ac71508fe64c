import { errorMessage } from './PageStates';

interface LoadMoreProps {
  /** Rows on screen. */
  count: number;
  /** Singular and plural nouns: ['delivery', 'deliveries']. */
  noun: [string, string];
  hasNextPage: boolean;
  fetchingNextPage: boolean;
  onLoadMore: () => void;
  /** The error of a failed "Load more", if any. */
  error?: unknown;
}

/** Under a cursor-paged list: how much is shown, and "Load more" while there is more. */
export function LoadMore({ count, noun, hasNextPage, fetchingNextPage, onLoadMore, error }: LoadMoreProps) {
  const word = count === 1 ? noun[0] : noun[1];
  return (
    <>
      <div className="table-footer">
        <p className="muted" role="status">
          {hasNextPage ? `Showing the latest ${count} ${word}` : `Showing all ${count} ${word}`}
        </p>
        {hasNextPage && (
          <button type="button" className="button" onClick={onLoadMore} disabled={fetchingNextPage} aria-busy={fetchingNextPage}>
            {fetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
      {error !== undefined && error !== null && (
        <p className="form-error" role="alert">
          More {noun[1]} could not be loaded: {errorMessage(error)}
        </p>
      )}
    </>
  );
}
