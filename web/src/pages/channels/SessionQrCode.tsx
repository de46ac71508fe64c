import { useMemo } from 'react';
import { CopyField } from '../../ui/CopyField';
import { qrImageUrl } from './qrImage';

/** The QR code the node service reported, drawn here to be scanned with the phone; its content stays copyable. */
export function SessionQrCode({ qr }: { qr: string }) {
  const image = useMemo(() => qrImageUrl(qr), [qr]);
  return (
    <div className="session-qr" role="group" aria-label="QR code to scan">
      <p>
        Open WhatsApp on the phone, go to <strong>Linked devices → Link a device</strong> and scan this code:
      </p>
      <img className="session-qr-image" src={image} alt="QR code to link the WhatsApp session" />
      <CopyField label="QR code content" value={qr} copyLabel="Copy QR code content" showLabel />
    </div>
  );
}
