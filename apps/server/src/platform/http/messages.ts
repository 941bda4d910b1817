import { participationMessages } from './messages-participation.ts';

export type Lang = 'it' | 'en';

export type Catalogue = Record<string, { it: string; en: string }>;

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
  // Data-source inventory (statistics: ricognizione delle basi dati territoriali)
  data_source_not_found: { it: 'Base dati inesistente: {id}.', en: 'No such data source: {id}.' },
  data_source_region_required: { it: 'Indica la regione a cui appartiene la scheda.', en: 'State the region the entry belongs to.' },
  data_source_council_required: { it: 'Indica il consiglio territoriale a cui appartiene la scheda.', en: 'State the territorial council the entry belongs to.' },
  data_source_publisher_required: {
    it: 'Indica l’ente titolare della fonte: scegli un’organizzazione o scrivi il nome.',
    en: 'State the publisher: choose an organisation or write its name.',
  },
  data_source_publisher_not_found: { it: 'Organizzazione inesistente o fuori dal tuo ambito: {id}.', en: 'No such organisation in your scope: {id}.' },
  data_source_end_before_start: { it: 'La fine della copertura temporale precede l’inizio.', en: 'The end of the temporal coverage is before its start.' },
  data_source_modified_before_issued: { it: 'La data di modifica precede quella di pubblicazione.', en: 'The modification date is before the issue date.' },
  data_source_code_taken: { it: 'Il codice {code} è già usato da un’altra base dati.', en: 'Code {code} is already used by another data source.' },
  data_source_has_imports: {
    it: 'Questa base dati non si può eliminare: {count} importazioni vi fanno riferimento.',
    en: 'This data source cannot be deleted: {count} imports refer to it.',
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
  // Statistics imports (part "imports"): file, mapping and row messages.
  import_file_required: { it: 'Allega il file da importare nel campo «file».', en: 'Attach the file to import in the “file” field.' },
  import_file_empty: { it: 'Il file è vuoto: nulla da importare.', en: 'The file is empty: nothing to import.' },
  import_file_too_large: { it: 'Il file supera il limite di {mb} MB per le importazioni.', en: 'The file exceeds the {mb} MB import limit.' },
  import_encoding: {
    it: 'Il file non è in UTF-8 (forse Windows-1252 o Latin-1): salvalo come «CSV UTF-8» e riprova. Nulla è stato importato.',
    en: 'The file is not UTF-8 (perhaps Windows-1252 or Latin-1): save it as “CSV UTF-8” and try again. Nothing was imported.',
  },
  import_unclosed_quote: { it: 'Virgolette non chiuse nella riga {line}: il file CSV è troncato o malformato.', en: 'Unclosed quotes at line {line}: the CSV file is truncated or malformed.' },
  import_header_empty: { it: 'La colonna {column} dell’intestazione non ha nome.', en: 'Header column {column} has no name.' },
  import_header_duplicate: { it: 'La colonna «{column}» compare due volte nell’intestazione.', en: 'Column “{column}” appears twice in the header.' },
  import_no_rows: { it: 'Il file ha solo l’intestazione: nessuna riga da importare.', en: 'The file has only a header: no rows to import.' },
  import_xlsx_unreadable: { it: 'Cartella di lavoro non leggibile. {reason}', en: 'Workbook not readable. {reason}' },
  import_xlsx_formula: {
    it: 'La cella alla riga {row}, colonna {column} contiene una formula senza valore calcolato (o un errore): le formule non vengono mai calcolate. Salva il file con i valori.',
    en: 'The cell at row {row}, column {column} holds a formula without a cached result (or an error): formulas are never evaluated. Save the file with values.',
  },
  import_sdmx_missing_column: { it: 'File SDMX-CSV senza le colonne obbligatorie: {columns}.', en: 'SDMX-CSV file without the required columns: {columns}.' },
  import_sdmx_mixed_dataflows: {
    it: 'Il file mescola dataflow diversi (riga {line}: «{other}» dopo «{first}»): importane uno per file.',
    en: 'The file mixes dataflows (line {line}: “{other}” after “{first}”): import one per file.',
  },
  import_mapping_json: { it: 'La mappatura non è JSON valido.', en: 'The mapping is not valid JSON.' },
  import_mapping_required: { it: 'Serve una mappatura delle colonne per questa tabella.', en: 'This table needs a column mapping.' },
  import_mapping_kind: { it: 'La mappatura è di un altro tipo di file (SDMX o tabella).', en: 'The mapping is for another kind of file (SDMX or table).' },
  import_mapping_dataflow: { it: 'La mappatura è di un altro dataflow.', en: 'The mapping is for another dataflow.' },
  import_mapping_no_dimension: { it: 'Il file non ha la dimensione «{dimension}».', en: 'The file has no dimension “{dimension}”.' },
  import_mapping_no_column: { it: 'Il file non ha la colonna «{column}».', en: 'The file has no column “{column}”.' },
  import_mapping_no_period: { it: 'Indica la colonna del periodo o un periodo costante.', en: 'Give the period column or a constant period.' },
  import_mapping_no_element: { it: 'Indica il dato elementare (o la dimensione che lo sceglie).', en: 'Give the data element (or the dimension that selects it).' },
  import_mapping_unmapped_codes: {
    it: 'Codici della dimensione «{dimension}» senza mappatura (assegnali o ignorali): {codes}.',
    en: 'Codes of dimension “{dimension}” without a mapping (assign or ignore them): {codes}.',
  },
  import_mapping_unmapped_dimension: {
    it: 'La dimensione «{dimension}» ha {count} codici ma nessun ruolo: rendila una disaggregazione o il dato elementare.',
    en: 'Dimension “{dimension}” has {count} codes but no role: make it a breakdown or the data element.',
  },
  import_mapping_dimension_twice: { it: 'La dimensione «{dimension}» ha già un ruolo.', en: 'Dimension “{dimension}” already has a role.' },
  import_mapping_category_twice: { it: 'La categoria «{category}» è usata due volte.', en: 'Category “{category}” is used twice.' },
  import_mapping_invalid: { it: 'La mappatura ha {count} problemi: nulla è stato importato.', en: 'The mapping has {count} problems: nothing was imported.' },
  import_mapping_key: { it: 'La mappatura non corrisponde all’indirizzo ({key}).', en: 'The mapping does not match the address ({key}).' },
  import_data_source_unknown: { it: 'Fonte dati {id} inesistente.', en: 'No data source {id}.' },
  import_not_applicable: { it: 'Questa importazione è «{status}»: si applica solo una simulazione.', en: 'This import is “{status}”: only a dry run can be applied.' },
  import_not_applied: { it: 'Si annulla solo un’importazione applicata (questa è «{status}»).', en: 'Only an applied import can be rolled back (this one is “{status}”).' },
  import_rollback_superseded: {
    it: 'Importazioni successive ({ids}) hanno sostituito alcuni valori: annulla prima quelle.',
    en: 'Later imports ({ids}) replaced some of its values: roll those back first.',
  },
  import_apply_failed: { it: 'Importazione non riuscita, nulla è stato scritto: {reason}', en: 'Import failed, nothing was written: {reason}' },
  import_row_invalid_number: { it: 'Valore non numerico: «{value}».', en: 'Not a number: “{value}”.' },
  import_row_number_too_large: { it: 'Numero fuori scala: «{value}».', en: 'Number out of range: “{value}”.' },
  import_row_invalid_period: { it: 'Periodo non valido: «{value}» (atteso AAAA, AAAA-MM o AAAA-MM-GG).', en: 'Invalid period: “{value}” (expected YYYY, YYYY-MM or YYYY-MM-DD).' },
  import_row_unmapped_code: { it: 'Codice «{code}» della dimensione {dimension} non mappato.', en: 'Code “{code}” of dimension {dimension} is not mapped.' },
  import_row_missing_territory: { it: 'Territorio mancante.', en: 'Missing territory.' },
  import_row_duplicate_point: { it: 'Valore ripetuto: stesso dato, disaggregazione, periodo e territorio di una riga precedente.', en: 'Repeated value: same element, breakdown, period and territory as an earlier row.' },
  // Provincial reports (module reports: templates, workflow, narrative, versions, batches)
  report_template_unknown: { it: 'Modello di monografia {id} inesistente.', en: 'No report template {id}.' },
  report_template_duplicate_key: { it: 'La chiave «{key}» è già usata in questo modello: ogni capitolo e blocco ne vuole una propria.', en: 'Key “{key}” is already used in this template: each chapter and block needs its own.' },
  report_template_unknown_indicator: { it: 'Indicatore «{code}» inesistente: usa il codice di un indicatore definito.', en: 'No indicator “{code}”: use the code of a defined indicator.' },
  report_council_unknown: { it: 'Consiglio territoriale {id} inesistente.', en: 'No council {id}.' },
  report_exists: {
    it: 'Questo consiglio ha già la monografia per quell’anno (n. {id}): rigenerala invece di crearne un’altra.',
    en: 'This council already has its report for that year (no. {id}): regenerate it instead.',
  },
  report_not_editable: {
    it: 'La monografia è «{status}»: contenuti e testi si modificano solo in bozza.',
    en: 'The report is “{status}”: content and texts change only in draft.',
  },
  report_narrative_unknown: { it: 'Il blocco «{key}» non è un testo della versione attuale della monografia.', en: 'Block “{key}” is not a text of the report’s current version.' },
  report_narrative_too_long: { it: 'Il testo è troppo lungo: al massimo {max} caratteri.', en: 'The text is too long: at most {max} characters.' },
  report_block_unknown: { it: 'La monografia non ha il blocco «{key}».', en: 'The report has no block “{key}”.' },
  report_comments_closed: {
    it: 'La monografia è «{status}»: si commenta solo in bozza o in revisione.',
    en: 'The report is “{status}”: comments are taken only in draft or in review.',
  },
  report_return_note_required: { it: 'Scrivi una nota che spieghi cosa correggere.', en: 'Write a note saying what to correct.' },
  report_withdraw_reason_required: { it: 'Scrivi il motivo del ritiro.', en: 'Write the reason for the withdrawal.' },
  report_transition_not_allowed: {
    it: 'Operazione «{transition}» non possibile: la monografia è «{status}».',
    en: 'Action “{transition}” is not possible: the report is “{status}”.',
  },
  report_campaign_unknown: { it: 'Rilevazione {id} inesistente.', en: 'No campaign {id}.' },
  report_batch_no_councils: { it: 'Nessun consiglio della rilevazione {id} nel tuo ambito.', en: 'No council of campaign {id} in your scope.' },
  report_batch_no_files: { it: 'La generazione {id} non ha ancora prodotto alcun PDF.', en: 'Batch {id} has produced no PDF yet.' },
  report_batch_kept: {
    it: 'Non rigenerata: la monografia è «{status}»; stampata la versione attuale.',
    en: 'Not regenerated: the report is “{status}”; its current version was printed.',
  },
  report_status_draft: { it: 'bozza', en: 'draft' },
  report_status_in_review: { it: 'in revisione', en: 'in review' },
  report_status_approved: { it: 'approvata', en: 'approved' },
  report_status_published: { it: 'pubblicata', en: 'published' },
  report_status_withdrawn: { it: 'ritirata', en: 'withdrawn' },
  // Shared document library (part "library"): uploads, scopes and downloads.
  library_document_not_found: { it: 'Documento {id} inesistente.', en: 'No document {id}.' },
  library_version_not_found: { it: 'Il documento {id} non ha la versione {n}.', en: 'Document {id} has no version {n}.' },
  library_file_required: { it: 'Allega il file del documento nel campo «file».', en: 'Attach the document’s file in the “file” field.' },
  library_file_empty: { it: 'Il file è vuoto: nulla è stato caricato.', en: 'The file is empty: nothing was uploaded.' },
  library_file_too_large: { it: 'Il file supera il limite di {mb} MB della documentazione: nulla è stato caricato.', en: 'The file exceeds the {mb} MB limit of the library: nothing was uploaded.' },
  library_file_no_extension: {
    it: 'Il nome del file non ha un’estensione riconoscibile: sono ammessi solo file {allowed}. Nulla è stato caricato.',
    en: 'The file name has no recognisable extension: only {allowed} files are allowed. Nothing was uploaded.',
  },
  library_type_not_allowed: {
    it: 'I file .{ext} non sono ammessi nella documentazione: carica un file {allowed}. Nulla è stato caricato.',
    en: '.{ext} files are not allowed in the library: upload a {allowed} file. Nothing was uploaded.',
  },
  library_type_mismatch: {
    it: 'Il contenuto del file non corrisponde all’estensione .{ext} (sembra di tipo {found}): salvalo nel formato giusto e riprova. Nulla è stato caricato.',
    en: 'The file’s content does not match its .{ext} extension (it looks like {found}): save it in the right format and try again. Nothing was uploaded.',
  },
  library_markup: {
    it: 'Il file .{ext} contiene codice HTML, SVG o script, che non è ammesso nella documentazione. Nulla è stato caricato.',
    en: 'The .{ext} file contains HTML, SVG or script code, which the library does not accept. Nothing was uploaded.',
  },
  library_macros: {
    it: 'Il file .{ext} contiene macro, che non sono ammesse: salvalo senza macro e riprova. Nulla è stato caricato.',
    en: 'The .{ext} file contains macros, which are not allowed: save it without macros and try again. Nothing was uploaded.',
  },
  library_scope_id_unexpected: { it: 'Un documento nazionale non ha regione né consiglio: togli l’ambito indicato.', en: 'A national document has no region or council: remove the scope given.' },
  library_region_required: { it: 'Scegli la regione del documento.', en: 'Choose the document’s region.' },
  library_council_required: { it: 'Scegli il consiglio territoriale del documento.', en: 'Choose the document’s council.' },
  library_region_not_found: { it: 'Regione {id} inesistente.', en: 'No region {id}.' },
  library_council_not_found: { it: 'Consiglio territoriale {id} inesistente.', en: 'No council {id}.' },
  ...participationMessages,
};

export function translate(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = messages[code];
  const template = entry ? entry[lang] : code;
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? `{${k}}`));
}

export function hasMessage(code: string): boolean {
  return code in messages;
}
