import type { Message } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading } from '../../ui/PageStates';
import { MessageStatusBadge, sourceLabel } from './MessageStatusBadge';
import { useConversation } from './useMessages';

interface ConversationViewProps {
  contactId: string;
  onOpen: (messageId: string) => void;
  onBack: () => void;
}

/** One message of the conversation: what the contact wrote, or what went to them with its status now. */
function Bubble({ message, onOpen }: { message: Message; onOpen: (id: string) => void }) {
  const inbound = message.direction === 'inbound';
  return (
    <li className={`bubble ${inbound ? 'bubble-in' : 'bubble-out'}`} aria-label={`${inbound ? 'Received' : 'Sent'} ${formatPreciseDate(message.created_at)}`}>
      {message.subject && <strong className="bubble-subject">{message.subject}</strong>}
      {message.media_type && <span className="badge badge-neutral">{message.media_type}</span>}
      <p className="bubble-body">{message.preview || <span className="muted">(no text)</span>}</p>
      <p className="bubble-meta muted">
        <button type="button" className="link-button" onClick={() => onOpen(message.id)}>
          {formatPreciseDate(message.created_at)}
        </button>
        {' · '}
        {sourceLabel(message)} · {message.channel}
        {!inbound && (
          <>
            {' '}
            <MessageStatusBadge status={message.status} />
          </>
        )}
      </p>
    </li>
  );
}

/** A contact's messages in and out, oldest at the top as in a chat, each with its status; refreshed every few seconds. */
export function ConversationView({ contactId, onOpen, onBack }: ConversationViewProps) {
  const conversation = useConversation(contactId);
  const back = (
    <button type="button" className="button button-small button-ghost back-button" onClick={onBack}>
      ← Back to messages
    </button>
  );
  if (conversation.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the conversation…" />
      </>
    );
  if (conversation.isError && !conversation.data)
    return (
      <>
        {back}
        <ErrorState title="The conversation could not be loaded." error={conversation.error} onRetry={() => void conversation.refetch()} />
      </>
    );
  const newestFirst = conversation.data.pages.flatMap((page) => page.items);
  const peer = newestFirst.find((m) => m.direction === 'inbound')?.from ?? newestFirst[0]?.to;
  return (
    <>
      {back}
      <section className="card" aria-labelledby="conversation-heading">
        <h2 id="conversation-heading">Conversation{peer ? ` with ${peer}` : ''}</h2>
        {newestFirst.length === 0 ? (
          <EmptyState title="No messages with this contact yet.">Messages sent to the contact and received from them appear here.</EmptyState>
        ) : (
          <>
            <LoadMore
              count={newestFirst.length}
              noun={['message', 'messages']}
              hasNextPage={conversation.hasNextPage}
              fetchingNextPage={conversation.isFetchingNextPage}
              onLoadMore={() => void conversation.fetchNextPage()}
              error={conversation.isFetchNextPageError ? conversation.error : undefined}
            />
            <ol className="conversation" aria-label="Messages, oldest first">
              {[...newestFirst].reverse().map((message) => (
                <Bubble key={message.id} message={message} onOpen={onOpen} />
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}
