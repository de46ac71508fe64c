/** The small public HTML pages behind `/u/{token}`: no script, no external resources. */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f7f9;color:#1f2933;margin:0;padding:48px 16px}
main{max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin:0 0 16px}
ul{padding-left:20px}
button{font:inherit;background:#1f2933;color:#fff;border:0;border-radius:6px;padding:10px 20px;cursor:pointer}
.muted{color:#616e7c;font-size:.9rem}
</style>
</head>
<body><main>
${content}
</main></body>
</html>
`;
}

export interface UnsubscribeView {
  /** Masked address of the contact, e.g. m••••@example.com. */
  address: string | null;
  /** Names of the groups the link names; null: every mailing list. */
  groups: string[] | null;
}

function what(view: UnsubscribeView): string {
  if (!view.groups) return '<p>all mailing lists and marketing emails.</p>';
  if (view.groups.length === 0) return '<p>the mailing lists this link was for (they no longer exist).</p>';
  return `<ul>${view.groups.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ul>`;
}

export function confirmPage(view: UnsubscribeView): string {
  const who = view.address ? ` <strong>${escapeHtml(view.address)}</strong>` : '';
  return page(
    'Unsubscribe',
    `<h1>Unsubscribe</h1>
<p>Unsubscribe${who} from:</p>
${what(view)}
<form method="post"><button type="submit">Confirm unsubscribe</button></form>
<p class="muted">Nothing changes until you confirm.</p>`,
  );
}

export function donePage(view: UnsubscribeView): string {
  return page(
    'Unsubscribed',
    `<h1>You are unsubscribed</h1>
<p>You will no longer receive emails from:</p>
${what(view)}`,
  );
}

export function notFoundPage(): string {
  return page('Link not valid', '<h1>This link is not valid</h1><p>The unsubscribe link is incomplete, altered or no longer in use.</p>');
}

/** m••••@example.com: enough for the recipient to recognise, not the whole address. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  return `${email[0]}${'•'.repeat(Math.min(Math.max(at - 1, 1), 6))}${email.slice(at)}`;
}
