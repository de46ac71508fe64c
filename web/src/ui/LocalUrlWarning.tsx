import { isLocalOnlyUrl } from './localUrl';

interface LocalUrlWarningProps {
  url: string;
  /** Who is to call the URL, as the sentence names them: "Mailgun", "Meta", "your form or Zap". */
  caller: string;
}

/** Under a URL handed to an outside service: says when it names this machine, and how to give the hub its public address. */
export function LocalUrlWarning({ url, caller }: LocalUrlWarningProps) {
  if (!isLocalOnlyUrl(url)) return null;
  const origin = new URL(url).origin;
  return (
    <p className="warning" role="note">
      This URL starts with <code>{origin}</code>, this machine’s own address, so {caller} cannot reach it from the internet. The
      hub builds it from <code>PUBLIC_URL</code>, which is not set. Set <code>PUBLIC_URL</code> to the address the internet
      reaches the hub at (for example <code>PUBLIC_URL=https://hub.example.com</code> in its environment or <code>.env</code>) and
      restart the hub; this URL then starts with that address.
    </p>
  );
}
