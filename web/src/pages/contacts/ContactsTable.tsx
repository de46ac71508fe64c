import type { Contact } from '../../api/types';
import { formatDate } from '../../ui/formatDate';

function fullName(contact: Contact): string {
  return [contact.first_name, contact.last_name].filter(Boolean).join(' ');
}

function Reachability({ contact }: { contact: Contact }) {
  const problems = [
    contact.email_undeliverable && 'Email undeliverable',
    contact.phone_undeliverable && 'Phone undeliverable',
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

export function ContactsTable({ contacts }: { contacts: Contact[] }) {
  return (
    <div className="card table-card">
      <table className="table">
        <caption className="visually-hidden">Contacts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Reachability</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <th scope="row">{fullName(contact) || <span className="muted">No name</span>}</th>
              <td>{contact.email ?? <span className="muted">—</span>}</td>
              <td>{contact.phone ?? <span className="muted">—</span>}</td>
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
