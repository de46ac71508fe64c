import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Group } from '../../api/types';
import { formatDate } from '../../ui/formatDate';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { GroupDetail } from './GroupDetail';
import { GroupForm } from './GroupForm';
import { useGroups } from './useGroups';

function GroupsTable({ groups, onOpen }: { groups: Group[]; onOpen: (group: Group) => void }) {
  return (
    <div className="card table-card">
      <table className="table table-clickable">
        <caption className="visually-hidden">Groups</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Members</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id} onClick={() => onOpen(group)}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(group);
                  }}
                >
                  {group.name}
                </button>
                {group.description && <span className="muted cell-sub">{group.description}</span>}
              </th>
              <td>{group.member_count} subscribed</td>
              <td>{formatDate(group.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GroupsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('group');
  const groups = useGroups();
  const [note, setNote] = useState<string | null>(null);
  const rows = groups.data?.pages.flatMap((page) => page.items) ?? [];

  const header = (
    <PageHeader title="Groups">
      Mailing groups: lists of contacts to message together. People join through the API, a workflow step or by hand
      here, and leave through the unsubscribe link in your emails.
    </PageHeader>
  );
  const noteBanner = note && (
    <p className="notice" role="status">
      {note}
    </p>
  );

  if (openId)
    return (
      <>
        {header}
        {noteBanner}
        <GroupDetail
          key={openId}
          id={openId}
          onBack={() => {
            setNote(null);
            setSearchParams({});
          }}
          onDeleted={(group) => {
            setNote(`Group “${group.name}” deleted.`);
            setSearchParams({});
          }}
        />
      </>
    );

  let body;
  if (groups.isPending) body = <Loading label="Loading groups…" />;
  else if (groups.isError && rows.length === 0)
    body = <ErrorState title="Groups could not be loaded." error={groups.error} onRetry={() => void groups.refetch()} />;
  else if (rows.length === 0)
    body = <EmptyState title="No groups yet.">Create the first one above, then open it to add members.</EmptyState>;
  else
    body = (
      <>
        <GroupsTable groups={rows} onOpen={(group) => { setNote(null); setSearchParams({ group: group.id }); }} />
        <LoadMore
          count={rows.length}
          noun={['group', 'groups']}
          hasNextPage={groups.hasNextPage}
          fetchingNextPage={groups.isFetchingNextPage}
          onLoadMore={() => void groups.fetchNextPage()}
          error={groups.isFetchNextPageError ? groups.error : undefined}
        />
      </>
    );

  return (
    <>
      {header}
      {noteBanner}
      <GroupForm
        onSaved={(group) => {
          setNote(`Group “${group.name}” created. Add its first members below.`);
          setSearchParams({ group: group.id });
        }}
      />
      <h2 className="section-title">Your groups</h2>
      {body}
    </>
  );
}
