import { useState } from 'react';
import { Link } from 'react-router';
import type { Group, GroupMember } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate } from '../../ui/formatDate';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { AddMemberForm } from './AddMemberForm';
import { GroupForm } from './GroupForm';
import { useDeleteGroup, useGroup, useGroupMembers, useRemoveGroupMember } from './useGroups';

const memberName = (m: GroupMember) => [m.first_name, m.last_name].filter(Boolean).join(' ');

function MembersTable({ members, onRemove }: { members: GroupMember[]; onRemove: (member: GroupMember) => void }) {
  return (
    <div className="card table-card">
      <table className="table">
        <caption className="visually-hidden">Members</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Subscription</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.contact_id}>
              <th scope="row">
                <Link to={`/contacts?contact=${encodeURIComponent(member.contact_id)}`}>{memberName(member) || member.email || member.phone || 'Contact'}</Link>
              </th>
              <td>{member.email ?? <span className="muted">—</span>}</td>
              <td>{member.phone ?? <span className="muted">—</span>}</td>
              <td>
                {member.subscribed ? (
                  <span className="badge badge-ok">Subscribed</span>
                ) : (
                  <span className="badge badge-warn">Unsubscribed</span>
                )}
                <span className="muted cell-sub">
                  {member.subscribed ? `Since ${formatDate(member.subscribed_at)}` : `On ${formatDate(member.unsubscribed_at)}`}
                </span>
              </td>
              <td className="cell-actions">
                {member.subscribed && (
                <button
                  type="button"
                  className="button button-small button-danger-ghost"
                  aria-label={`Remove ${member.email ?? member.phone ?? memberName(member)}`}
                  onClick={() => onRemove(member)}
                >
                  Remove
                </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One group: rename it, see and change its members, delete it. */
export function GroupDetail({ id, onBack, onDeleted }: { id: string; onBack: () => void; onDeleted: (group: Group) => void }) {
  const group = useGroup(id);
  const members = useGroupMembers(id);
  const removeMember = useRemoveGroupMember(id);
  const deleteGroup = useDeleteGroup();
  const [toRemove, setToRemove] = useState<GroupMember | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saved, setSaved] = useState(false);

  const back = (
    <button type="button" className="button button-small button-ghost back-button" onClick={onBack}>
      ← Back to groups
    </button>
  );
  if (group.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the group…" />
      </>
    );
  if (group.isError)
    return (
      <>
        {back}
        <ErrorState title="This group could not be loaded." error={group.error} onRetry={() => void group.refetch()} />
      </>
    );

  const g = group.data;
  const rows = members.data?.pages.flatMap((page) => page.items) ?? [];
  let list;
  if (members.isPending) list = <Loading label="Loading members…" />;
  else if (members.isError && rows.length === 0)
    list = <ErrorState title="Members could not be loaded." error={members.error} onRetry={() => void members.refetch()} />;
  else if (rows.length === 0)
    list = (
      <EmptyState title="No members yet.">
        Add someone above by email or phone, or let a workflow’s <strong>Add to group</strong> step do it.
      </EmptyState>
    );
  else
    list = (
      <>
        <MembersTable members={rows} onRemove={(member) => { removeMember.reset(); setToRemove(member); }} />
        <LoadMore
          count={rows.length}
          noun={['member', 'members']}
          hasNextPage={members.hasNextPage}
          fetchingNextPage={members.isFetchingNextPage}
          onLoadMore={() => void members.fetchNextPage()}
          error={members.isFetchNextPageError ? members.error : undefined}
        />
      </>
    );

  return (
    <>
      {back}
      <section className="card" aria-labelledby="group-heading">
        <div className="details-header">
          <h2 id="group-heading">
            {g.name} <span className="badge">{g.member_count} subscribed</span>
          </h2>
          <button type="button" className="button button-small button-danger-ghost" onClick={() => { deleteGroup.reset(); setConfirmDelete(true); }}>
            Delete group
          </button>
        </div>
        {g.description && <p className="muted">{g.description}</p>}
        <p className="field-hint">
          Emails sent to members can carry <code>{'{{ link_unsubscribe }}'}</code>; whoever follows it leaves the group
          and shows as unsubscribed here.
        </p>
      </section>
      {saved && (
        <p className="notice" role="status">
          Group saved.
        </p>
      )}
      <GroupForm key={`${g.id}-${g.updated_at}`} group={g} onSaved={() => setSaved(true)} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="section-title">
          Members
        </h2>
        <div className="card form-card">
          <AddMemberForm groupId={g.id} />
        </div>
        {list}
      </section>
      {toRemove && (
        <ConfirmDialog
          title={`Remove ${toRemove.email ?? toRemove.phone ?? memberName(toRemove)} from “${g.name}”?`}
          confirmLabel="Remove member"
          busyLabel="Removing…"
          busy={removeMember.isPending}
          error={removeMember.error ? `The member could not be removed: ${errorMessage(removeMember.error)}` : undefined}
          onConfirm={() => removeMember.mutate(toRemove.contact_id, { onSuccess: () => setToRemove(null) })}
          onCancel={() => setToRemove(null)}
        >
          <p>They are unsubscribed from this group and get none of its emails from now on. The contact stays in Contacts, and shows here as unsubscribed.</p>
        </ConfirmDialog>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete group “${g.name}”?`}
          confirmLabel="Delete group"
          busyLabel="Deleting…"
          busy={deleteGroup.isPending}
          error={deleteGroup.error ? `The group could not be deleted: ${errorMessage(deleteGroup.error)}` : undefined}
          onConfirm={() => deleteGroup.mutate(g.id, { onSuccess: () => onDeleted(g) })}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            Its {g.member_count} {g.member_count === 1 ? 'membership ends' : 'memberships end'}; the contacts themselves stay.
            Workflow steps that add contacts to it will fail. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
