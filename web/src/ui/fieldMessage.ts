/**
 * An API validation message as the error under its own field: the field's
 * name, which the input's label already says, is dropped from the front.
 * `phone "x" is not a phone number…` reads `"x" is not a phone number…`.
 */
export function fieldMessage(field: string, message: string): string {
  const name = field.split('.').pop() ?? field;
  if (!message.startsWith(`${name} `)) return message;
  const rest = message.slice(name.length + 1);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
