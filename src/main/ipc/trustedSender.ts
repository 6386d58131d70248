import { isAppPageUrl } from '../security/appUrls';

/** Frame that sent an IPC message, as main receives it. */
export interface SenderFrame {
  /** Whether the message came from the web contents of the app's window. */
  fromAppWindow: boolean;
  /** Whether the frame is the top frame of its page, not an iframe. */
  isTopFrame: boolean;
  url: string;
}

/**
 * Returns whether an IPC message comes from the app's own page: the top frame of the app's window,
 * showing an app URL. A frame that is gone, an iframe or a navigated page is not trusted.
 */
export function isTrustedSender(frame: SenderFrame | null, devServerUrl?: string): boolean {
  if (frame === null || !frame.fromAppWindow || !frame.isTopFrame) return false;
  return isAppPageUrl(frame.url, devServerUrl);
}
