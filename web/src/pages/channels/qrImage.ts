import qrcode from 'qrcode-generator';

/** The QR string as a data: URL of a GIF, the way WhatsApp's Linked devices screen expects to scan it. */
export function qrImageUrl(content: string): string {
  const code = qrcode(0, 'M');
  code.addData(content);
  code.make();
  return code.createDataURL(6, 4);
}
