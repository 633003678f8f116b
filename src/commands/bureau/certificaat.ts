import crypto from 'node:crypto';
import path from 'node:path';
import { addMonths } from '../../domain/calendar.js';
import { isPostgresUrl } from '../../db/open.js';
import { getBureau, updateBureau } from '../../db/repo/bureau.js';
import { writeLog } from '../../db/repo/log.js';
import { UsageError } from '../../errors.js';
import { checkTarget } from '../../files/write.js';
import type { Deps } from '../deps.js';
import { writeLoggedFile } from '../logged-file.js';

/**
 * `gob bureau certificaat-maken [--out <file.p12>]`: a self-signed certificate for signing
 * contracts in tests and demos (a real bureau uses one from a trust service provider). The
 * password comes from GOB_CERTIFICAAT_WACHTWOORD; the bureau setting is filled in when empty.
 */
export async function certificaatMaken(opts: { out?: string; force?: boolean }, deps: Deps) {
  const wachtwoord = deps.certificaatWachtwoord;
  if (!wachtwoord)
    throw new UsageError('Zet eerst het wachtwoord voor het certificaat in de omgevingsvariabele GOB_CERTIFICAAT_WACHTWOORD.');
  // Beside the database file; with a PostgreSQL server, in the data folder of the working directory.
  const out = opts.out ?? path.join(isPostgresUrl(deps.dbFile) ? 'data' : path.dirname(deps.dbFile), 'certificaat.p12');
  checkTarget(out, { force: opts.force });
  const bureau = await getBureau(deps.db);
  const { default: forge } = await import('node-forge');
  // Node generates the key (fast, native); node-forge builds the certificate and the PKCS#12.
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(`${deps.today}T00:00:00Z`);
  cert.validity.notAfter = new Date(`${addMonths(deps.today, 24)}T00:00:00Z`);
  const subject = [
    { name: 'commonName', value: bureau.naam ?? 'Gastouderbureau' },
    { name: 'organizationName', value: bureau.naam ?? 'Gastouderbureau' },
    { name: 'countryName', value: 'NL' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], wachtwoord, { algorithm: '3des', friendlyName: bureau.naam ?? 'gob' });
  const der = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
  const set = !bureau.certificaat;
  // The key file appears only with its setting and log line committed (logged-file.ts): a file the
  // bureau does not know of, from a command that said it failed, is a key lying about.
  await writeLoggedFile(deps, out, { force: opts.force }, der, async (trx) => {
    // Stored absolute: a path relative to today's folder would not be found from another one.
    if (set) await updateBureau(trx, { certificaat: path.resolve(out) });
    await writeLog(trx, deps, `testcertificaat gemaakt: ${out}${set ? ' (ingesteld als certificaat van het bureau)' : ''}`);
  });
  deps.out.line(`Zelfondertekend testcertificaat geschreven naar ${out} (geldig tot ${addMonths(deps.today, 24)}).`);
  deps.out.line(
    set
      ? 'Het is ingesteld als certificaat van het bureau: overeenkomsten worden voortaan digitaal ondertekend.'
      : `Gebruik het met 'gob bureau set --certificaat ${out}'.`,
  );
  return { bestand: out, ingesteld: set };
}
