const PLACEHOLDER = /\{\{\s*link_unsubscribe\s*\}\}/g;

/**
 * Fills `{{ link_unsubscribe }}` left in a body (a plain body, or a template
 * rendered elsewhere that kept it) with the contact's link; without a contact
 * there is no link, and the placeholder is removed rather than shown.
 */
export function fillUnsubscribeLink(body: string, link: string | null): string {
  return body.replace(PLACEHOLDER, link ?? '');
}
