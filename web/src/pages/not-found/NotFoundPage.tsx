import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found">There is no page at this address.</PageHeader>
      <p>
        <Link to="/">Go to the overview</Link>
      </p>
    </>
  );
}
