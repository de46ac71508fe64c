import { CopyField } from '../../ui/CopyField';

/**
 * The QR string the node service reported, to be scanned with the phone.
 * Rendering it as an image needs a QR encoder (the `qrcode` package); until
 * the admin app has one, the string is shown to copy into one, and the node
 * service's own screen shows the image.
 */
export function SessionQrCode({ qr }: { qr: string }) {
  return (
    <div className="session-qr" role="group" aria-label="QR code to scan">
      <p>
        Open WhatsApp on the phone, go to <strong>Linked devices</strong> and scan the QR code the node service shows. Its
        content, as reported to the hub:
      </p>
      <CopyField label="QR code content" value={qr} copyLabel="Copy QR code content" showLabel />
    </div>
  );
}
