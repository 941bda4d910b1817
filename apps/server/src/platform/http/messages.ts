export type Lang = 'it' | 'en';

type Catalogue = Record<string, { it: string; en: string }>;

/** Server messages by stable code; `{name}` placeholders are filled from the error's params. */
const messages: Catalogue = {
  validation_failed: { it: 'Alcuni dati non sono validi: correggi i campi indicati.', en: 'Some data is not valid: fix the fields listed.' },
  not_found: { it: 'Non trovato: {what}.', en: 'Not found: {what}.' },
  route_not_found: { it: 'Indirizzo API inesistente: {method} {url}.', en: 'No such API address: {method} {url}.' },
  forbidden: { it: 'Non hai i permessi per questa operazione in questo ambito.', en: 'You are not allowed to do this in this scope.' },
  unauthenticated: { it: 'Accedi per continuare.', en: 'Sign in to continue.' },
  session_expired: { it: 'La sessione è scaduta: accedi di nuovo.', en: 'Your session has expired: sign in again.' },
  bad_credentials: { it: 'E-mail o password non corrette.', en: 'Wrong e-mail or password.' },
  account_disabled: { it: 'Questo account è disattivato.', en: 'This account is disabled.' },
  too_many_attempts: {
    it: 'Troppi tentativi di accesso: riprova tra {minutes} minuti.',
    en: 'Too many sign-in attempts: try again in {minutes} minutes.',
  },
  too_many_requests: { it: 'Troppe richieste: riprova tra poco.', en: 'Too many requests: try again shortly.' },
  version_conflict: {
    it: 'Qualcun altro ha modificato questo elemento nel frattempo (versione attuale {current}): ricarica e riapplica le modifiche.',
    en: 'Someone else changed this item meanwhile (current version {current}): reload and apply your changes again.',
  },
  version_required: {
    it: 'Indica la versione che stai modificando (campo version o intestazione If-Match).',
    en: 'State the version you are changing (version field or If-Match header).',
  },
  cross_site: { it: 'Richiesta da un altro sito rifiutata.', en: 'Cross-site request refused.' },
  internal: { it: 'Errore interno: riprova; se persiste, comunica il codice {requestId}.', en: 'Internal error: try again; if it persists, quote code {requestId}.' },
  wrong_password: { it: 'La password attuale non è corretta.', en: 'The current password is wrong.' },
  reset_invalid: { it: 'Il link di reimpostazione non è valido o è scaduto.', en: 'The reset link is invalid or has expired.' },
  oidc_disabled: { it: 'L’accesso con identità digitale non è configurato.', en: 'Single sign-on is not configured.' },
  oidc_failed: { it: 'Accesso con identità digitale non riuscito: {reason}.', en: 'Single sign-on failed: {reason}.' },
  oidc_no_account: {
    it: 'Nessun account Mosaico per {email}: chiedi a un amministratore di crearlo.',
    en: 'No Mosaico account for {email}: ask an administrator to create it.',
  },
  email_taken: { it: 'Esiste già un account con l’e-mail {email}.', en: 'An account with e-mail {email} already exists.' },
  role_scope_mismatch: {
    it: 'Il ruolo {role} non si assegna in un ambito di tipo {scopeType}.',
    en: 'Role {role} cannot be held in a {scopeType} scope.',
  },
  scope_not_found: { it: 'Ambito inesistente: {scopeType} {scopeId}.', en: 'No such scope: {scopeType} {scopeId}.' },
  territory_not_found: { it: 'Territorio inesistente: {code}.', en: 'No such territory: {code}.' },
  council_territory_mismatch: {
    it: 'Il territorio {code} non è coperto dal consiglio {council}.',
    en: 'Territory {code} is not covered by council {council}.',
  },
  council_required: {
    it: 'Indica il consiglio territoriale a cui registrare l’attore.',
    en: 'State the council to register the organisation to.',
  },
  last_admin: { it: 'Non puoi togliere l’ultimo amministratore nazionale.', en: 'You cannot remove the last national administrator.' },
  csv_invalid: { it: 'Il file CSV non è leggibile: {reason}.', en: 'The CSV file cannot be read: {reason}.' },
  csv_has_errors: {
    it: 'Righe con errori nel file: {count}. Nulla è stato importato.',
    en: 'Rows with errors in the file: {count}. Nothing was imported.',
  },
  file_required: { it: 'Allega un file CSV.', en: 'Attach a CSV file.' },
  has_dependents: { it: 'Impossibile eliminare: {what}.', en: 'Cannot delete: {what}.' },
  organization_not_found: { it: 'Attore territoriale inesistente: {id}.', en: 'No such organisation: {id}.' },
  organization_exists: {
    it: 'Esiste già l’attore «{name}» nello stesso consiglio (n. {id}).',
    en: 'Organisation «{name}» already exists in the same council (no. {id}).',
  },
  organization_contact_fields_only: {
    it: 'Del tuo ente puoi modificare solo i recapiti (e-mail, telefono, sito web, indirizzo, referente), non: {fields}.',
    en: 'You may only change your organisation’s contact details (e-mail, phone, website, address, contact person), not: {fields}.',
  },
  organization_has_roles: {
    it: 'Impossibile eliminare: ci sono utenti con un ruolo in questo attore (ruoli: {count}); revocali prima.',
    en: 'Cannot delete: users hold roles in this organisation (roles: {count}); revoke them first.',
  },
  council_not_found: { it: 'Consiglio territoriale inesistente: {code}.', en: 'No such territorial council: {code}.' },
  region_expected: { it: '{code} non è il codice di una regione.', en: '{code} is not the code of a region.' },
  csv_empty: { it: 'Il file è vuoto.', en: 'The file is empty.' },
  csv_not_utf8: {
    it: 'Il file non è in UTF-8: salvalo come «CSV UTF-8».',
    en: 'The file is not UTF-8: save it as “CSV UTF-8”.',
  },
  csv_unknown_column: {
    it: 'Colonna sconosciuta: {column}. Colonne ammesse: {columns}.',
    en: 'Unknown column: {column}. Allowed columns: {columns}.',
  },
  csv_duplicate_column: { it: 'Colonna ripetuta: {column}.', en: 'Repeated column: {column}.' },
  csv_duplicate_row: { it: 'Stesso attore della riga {line}.', en: 'Same organisation as line {line}.' },
  csv_extra_value: {
    it: 'Valore in una colonna senza intestazione (colonna {n}).',
    en: 'Value in a column with no header (column {n}).',
  },
  // Offline data entry (submission templates, uploads and exports).
  section_not_writable: {
    it: 'Non puoi compilare la sezione {section}: non è assegnata al tuo ente, oppure il tuo ruolo non inserisce dati.',
    en: 'You cannot fill in section {section}: it is not assigned to your organisation, or your role does not enter data.',
  },
  upload_file_required: { it: 'Allega un file XLSX o CSV.', en: 'Attach an XLSX or CSV file.' },
  upload_format: {
    it: 'Formato non riconosciuto: carica il modello come file XLSX o CSV.',
    en: 'Unrecognised format: upload the template as an XLSX or CSV file.',
  },
  xlsx_invalid: {
    it: 'Il file XLSX non è leggibile: salvalo di nuovo come «Cartella di lavoro di Excel (.xlsx)».',
    en: 'The XLSX file cannot be read: save it again as “Excel Workbook (.xlsx)”.',
  },
  upload_no_sheet: {
    it: 'Nel file non c’è un foglio della sezione {section} né un foglio con la colonna «Chiave».',
    en: 'The file has no sheet for section {section} and no sheet with a “Key” column.',
  },
  upload_too_many_rows: { it: 'Il file ha troppe righe (al massimo {max}).', en: 'The file has too many rows (at most {max}).' },
  upload_has_problems: {
    it: 'Righe con problemi nel file: {count}. Nulla è stato salvato.',
    en: 'Rows with problems in the file: {count}. Nothing was saved.',
  },
  role_already_held: {
    it: 'L’utente ha già il ruolo {role} in questo ambito ({scope}).',
    en: 'The user already holds role {role} in this scope ({scope}).',
  },
  roles_required: {
    it: 'Assegna almeno un ruolo nel tuo ambito: senza, non potresti più vedere questo account.',
    en: 'Grant at least one role within your scope: without one you could not see this account again.',
  },
  form_version_published: {
    it: 'La versione {version} è pubblicata e non si può più modificare: derivane una nuova.',
    en: 'Version {version} is published and can no longer change: derive a new one.',
  },
  form_version_not_published: {
    it: 'Si deriva una nuova versione solo da una versione pubblicata (la {version} è una bozza).',
    en: 'A new version is derived only from a published one ({version} is a draft).',
  },
  form_code_mismatch: { it: 'Il codice del modulo deve restare {code}.', en: 'The form code must stay {code}.' },
  submission_locked: {
    it: 'La compilazione è nello stato «{status}»: non si può modificare.',
    en: 'The submission is “{status}”: it cannot be changed.',
  },
  submission_comments_closed: {
    it: 'La compilazione è bloccata: domande e risposte si possono leggere ma non aggiungere né modificare finché un amministratore nazionale non la riapre.',
    en: 'The submission is locked: questions and answers can be read but not added or changed until a national administrator reopens it.',
  },
  comment_thread_resolved: {
    it: 'Questa discussione è segnata come risolta: riaprila per rispondere, oppure fai una nuova domanda.',
    en: 'This thread is marked resolved: reopen it to reply, or ask a new question.',
  },
  comment_resolve_forbidden: {
    it: 'Possono segnare come risolta (o riaprire) una discussione solo i tutor del consiglio, il referente del consiglio e chi ha posto la domanda.',
    en: 'Only the council’s tutors, the council referent and the person who asked can mark a thread resolved (or reopen it).',
  },
  section_not_assigned: {
    it: 'Non puoi scrivere queste voci: la loro sezione non è assegnata al tuo ente ({keys}).',
    en: 'You cannot write these items: their section is not assigned to your organisation ({keys}).',
  },
  transition_not_allowed: {
    it: 'Passaggio non consentito: da «{from}» a «{to}».',
    en: 'Transition not allowed: from “{from}” to “{to}”.',
  },
  xlsform_has_errors: {
    it: 'Problemi nella cartella di lavoro: {count}. Nulla è stato importato.',
    en: 'Problems in the workbook: {count}. Nothing was imported.',
  },
  xlsform_unreadable: { it: 'File non importato. {reason}', en: 'File not imported. {reason}' },
  xlsform_file_required: {
    it: 'Allega la cartella di lavoro XLSForm (.xlsx) nel campo «file».',
    en: 'Attach the XLSForm workbook (.xlsx) in the “file” field.',
  },
  submission_blocked: {
    it: 'La compilazione non si può inviare: {count} problemi da risolvere (errori da correggere o avvisi da motivare).',
    en: 'The submission cannot be sent: {count} problems to solve (errors to fix or warnings to justify).',
  },
  // Indicators (issue 4, indicators part)
  invalid_formula: {
    it: 'Formule non valide: {count} problemi. Nulla è stato salvato.',
    en: 'Invalid formulas: {count} problems. Nothing was saved.',
  },
  indicator_exists: { it: 'Esiste già un indicatore con codice «{code}».', en: 'An indicator with code “{code}” already exists.' },
  indicator_weight_required: {
    it: 'La media ponderata richiede la formula del peso (es. [istat.popolazione_residente]).',
    en: 'A weighted average needs a weight formula (e.g. [istat.popolazione_residente]).',
  },
  indicator_unknown_theme: { it: 'Tema sconosciuto: «{theme}».', en: 'Unknown theme: “{theme}”.' },
  indicator_unknown_region: { it: 'Regione sconosciuta: «{code}».', en: 'Unknown region: “{code}”.' },
  indicator_territory_below_level: {
    it: 'Il territorio «{code}» è più piccolo del livello richiesto ({level}): scegli un territorio di quel livello o superiore.',
    en: 'The territory “{code}” is smaller than the level asked ({level}): choose a territory of that level or above.',
  },
  indicator_profile_level: {
    it: 'Il profilo si chiede per una provincia o una regione; «{code}» non lo è.',
    en: 'A profile is asked for a province or a region; “{code}” is neither.',
  },
  indicator_pivot_breakdown: {
    it: 'La disaggregazione si applica a un dato (element:<codice>), non a un indicatore.',
    en: 'A breakdown applies to a data element (element:<code>), not to an indicator.',
  },
  indicator_pivot_category: {
    it: 'Il dato «{element}» non è disaggregato per «{category}» (categorie: {categories}).',
    en: 'The data element “{element}” is not broken down by “{category}” (categories: {categories}).',
  },
};

export function translate(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = messages[code];
  const template = entry ? entry[lang] : code;
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? `{${k}}`));
}

export function hasMessage(code: string): boolean {
  return code in messages;
}
