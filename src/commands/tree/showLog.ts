// Tallyfy: Show Log. Opens the "Tallyfy" log channel (requests, never the token).
import type { Services } from '../../services';

export function showLog(services: Services): void {
  services.log.show(true);
}
