import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../ui/formatDate';
import { OwnerNotice } from './OwnerNotice';

const at = '2026-12-03T17:05:00.000Z';

describe('OwnerNotice', () => {
  it('says when the admins were emailed that the endpoint is failing', () => {
    render(<OwnerNotice endpoint={{ enabled: true, failing_notified_at: at, disabled_notified_at: null }} />);
    expect(screen.getByText(`Admins were emailed that it is failing on ${formatDate(at)}.`)).toBeInTheDocument();
  });

  it('says both notices of a disabled endpoint, the disabling first', () => {
    const failingAt = '2026-11-28T17:00:00.000Z';
    render(<OwnerNotice endpoint={{ enabled: false, failing_notified_at: failingAt, disabled_notified_at: at }} />);
    expect(
      screen.getByText(`Admins were emailed that it was disabled on ${formatDate(at)}. Admins were emailed that it is failing on ${formatDate(failingAt)}.`),
    ).toBeInTheDocument();
  });

  it('says nothing when nobody was emailed', () => {
    const { container } = render(<OwnerNotice endpoint={{ enabled: true, failing_notified_at: null, disabled_notified_at: null }} />);
    expect(container).toBeEmptyDOMElement();
  });
});
