import type { Contact, CrmLookup } from '../../api/types';
import { formatDate } from '../../ui/formatDate';
import { fullName } from './contactFormModel';

function Reachability({ contact }: { contact: Contact }) {
  const problems = [
    contact.email_undeliverable && 'Email undeliverable',
    contact.phone_undeliverable && 'Phone undeliverable',
    contact.unsubscribed_at && 'Unsubscribed',
  ].filter((problem): problem is string => Boolean(problem));
  if (problems.length === 0) return <span className="badge badge-ok">Reachable</span>;
  return (
    <>
      {problems.map((problem) => (
        <span key={problem} className="badge badge-warn">
          {problem}
        </span>
      ))}
    </>
  );
}

interface ContactsTableProps {
  contacts: Contact[];
  statuses: CrmLookup[];
  onOpen: (contact: Contact) => void;
}

export function ContactsTable({ contacts, statuses, onOpen }: ContactsTableProps) {
  const statusNames = new Map(statuses.map((status) => [status.id, status.name]));
  return (
    <div className="card table-card">
      <table className="table table-clickable">
        <caption className="visually-hidden">Contacts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Status</th>
            <th scope="col">Reachability</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id} onClick={() => onOpen(contact)}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(contact);
                  }}
                >
                  {fullName(contact) || <span className="muted">No name</span>}
                </button>
              </th>
              <td>{contact.email ?? <span className="muted">—</span>}</td>
              <td>{contact.phone ?? <span className="muted">—</span>}</td>
              <td>{(contact.status_id && statusNames.get(contact.status_id)) ?? <span className="muted">—</span>}</td>
              <td>
                <Reachability contact={contact} />
              </td>
              <td>{formatDate(contact.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
