import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CopyField } from './CopyField';

const URL = 'https://hub.example.com/api/automation/webhook/abc';

describe('CopyField', () => {
  it('copies the value to the clipboard and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CopyField label="Trigger URL" value={URL} copyLabel="Copy trigger URL" />);

    await user.click(screen.getByRole('button', { name: 'Copy trigger URL' }));

    expect(writeText).toHaveBeenCalledWith(URL);
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('without clipboard access, selects the value for Ctrl+C and says so', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    render(<CopyField label="Trigger URL" value={URL} copyLabel="Copy trigger URL" />);

    await user.click(screen.getByRole('button', { name: 'Copy trigger URL' }));

    expect(await screen.findByText(/Could not copy automatically\. The value is selected/)).toBeInTheDocument();
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Trigger URL' });
    expect(input).toHaveFocus();
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, URL.length]);
  });
});
