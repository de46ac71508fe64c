/** A WhatsApp chat id (`<digits>@s.whatsapp.net`) for an E.164 phone, as Baileys-style gateways name chats. */
export function whatsappJid(phone: unknown): string | null {
  if (typeof phone !== 'string') return null;
  const digits = phone.replace(/\D/g, '');
  return digits ? `${digits}@s.whatsapp.net` : null;
}

/** Digits only (`5511999999999`), as WhatsApp assistant platforms write phone numbers. */
export function phoneDigits(phone: unknown): string | null {
  return typeof phone === 'string' && phone.replace(/\D/g, '') !== '' ? phone.replace(/\D/g, '') : null;
}
