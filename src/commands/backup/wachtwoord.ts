import { checkWachtwoord, longEnough, MIN_WACHTWOORD } from '../../files/versleuteld.js';
import { Refused, UsageError } from '../../errors.js';
import type { BaseDeps } from '../deps.js';

/**
 * The backup passphrase (CONTRACT §13): from GOB_BACKUP_WACHTWOORD, or asked at a terminal with
 * hidden input. Never an option: a command line ends up in the shell history and in `ps`. When a
 * new backup is made it is asked twice, so that a typing error does not lock the bureau out of
 * its own backup.
 */
export async function backupWachtwoord(deps: BaseDeps, { nieuw }: { nieuw: boolean }): Promise<string> {
  if (deps.backupWachtwoord !== undefined) {
    checkWachtwoord(deps.backupWachtwoord, 'GOB_BACKUP_WACHTWOORD');
    return deps.backupWachtwoord;
  }
  if (!deps.prompts) {
    throw new UsageError(
      `Geen wachtwoord voor de versleutelde backup: zet het in de omgevingsvariabele GOB_BACKUP_WACHTWOORD (minstens ${MIN_WACHTWOORD} tekens), of draai gob aan een terminal, dan wordt het gevraagd. Een wachtwoord als optie kan niet: dat komt in de geschiedenis van de shell.`,
    );
  }
  let wachtwoord = await deps.prompts.password('Wachtwoord van de backup:');
  while (!longEnough(wachtwoord)) {
    wachtwoord = await deps.prompts.password(
      `Te kort. Wachtwoord van minstens ${MIN_WACHTWOORD} tekens (een zin van een paar woorden werkt goed):`,
    );
  }
  if (nieuw) {
    const nogmaals = await deps.prompts.password('Nogmaals, ter controle:');
    if (nogmaals !== wachtwoord) throw new Refused('De twee wachtwoorden verschillen. Er is niets geschreven; probeer het opnieuw.');
  }
  return wachtwoord;
}
