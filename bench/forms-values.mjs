// A complete, valid year of values for the default form (data/forms/scheda-cti.json), built from its compiled
// definition: every answerable key gets a plausible value of its type (disaggregation cells rather than their
// totals, two rows per repeat), the gates are answered "yes" so their follow-ups count, and the figures the
// rules compare are kept consistent (totals above their parts, the age breakdown equal to the citizenship one).
// `variant` shifts every value, so two variants differ in every key and a save of one over the other changes all.

const LONG =
  'Una rete territoriale solida tra prefettura, comuni, azienda sanitaria, ufficio scolastico, terzo settore e associazioni di migranti, con incontri regolari e dati condivisi.';

// Items on the larger side of a rule or constraint (`part <= total`): they get totals, not parts.
const TOTALS = new Set([
  'pres_popolazione_totale',
  'pres_residenti',
  'acc_cas_posti',
  'scu_alunni_totali',
  'scu_test_a2_sostenuti',
  'lav_tirocini',
  'cas_erp_assegnazioni_totali',
  'soc_utenti_totali',
  'soc_ambiti_totali',
  'ass_conosciute',
  'cons_attori_contribuenti',
]);

const hash = (s) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

function plausibleValue(type, item, key, variant) {
  const def = item.item;
  switch (type) {
    case 'integer': {
      if (item.code === 'gen_anno') return 2025;
      let n = TOTALS.has(item.code) ? 20000 + (hash(key) % 5000) : 10 + (hash(key) % 40);
      n += variant;
      if (def.max != null) n = Math.min(n, def.max);
      if (def.min != null) n = Math.max(n, def.min);
      return n;
    }
    case 'decimal':
      return 12.5 + variant;
    case 'percentage':
      return 40 + (hash(key) % 50) + variant;
    case 'text':
      return /regex\(/.test(def.constraint ?? '') ? `referente${variant}@example.it` : `Valore ${key} ${variant}`;
    case 'long_text':
      return `${LONG} (${variant})`;
    case 'date':
      return `2025-0${3 + (variant % 6)}-15`;
    case 'single_choice':
      return def.choices[variant % def.choices.length].code;
    case 'multiple_choice':
      return def.choices
        .map((c) => c.code)
        .filter((c) => c !== 'nessuno')
        .slice(variant % 2, (variant % 2) + 2);
    case 'yes_no':
      return 'yes';
    default:
      return null;
  }
}

function repeatRows(item, variant) {
  return [0, 1].map((row) =>
    Object.fromEntries(
      item.children.filter((c) => !c.calculate).map((c) => [c.code, plausibleValue(c.item.type, c, `${item.code}[${row}].${c.code}`, variant + row)]),
    ),
  );
}

/** Every answerable key of the compiled form with a value (see the file comment). */
export function completeValues(form, variant = 0) {
  const values = {};
  for (const [key, { item, cell }] of form.keys) {
    if (item.calculate) continue;
    if (item.item.type === 'repeat') values[key] = repeatRows(item, variant);
    // A disaggregated item's total is the sum of its cells: only the cells are entered.
    else if (!cell && item.cells.length) continue;
    else values[key] = plausibleValue(cell?.type ?? item.item.type, item, key, variant);
  }
  const keysOf = (prefix, suffix = '') => [...form.keys.keys()].filter((k) => k.startsWith(prefix) && k.endsWith(suffix));
  const sumOf = (keys) => keys.reduce((sum, k) => sum + values[k], 0);
  // Spreads a total over a breakdown's cells, so the breakdown adds up to it.
  const spread = (keys, total) => {
    const each = Math.floor(total / keys.length);
    keys.forEach((k, i) => {
      values[k] = i < keys.length - 1 ? each : total - each * (keys.length - 1);
    });
  };
  // Foreign residents: the age breakdown equals the citizenship one; population and previous year around it.
  const residents = sumOf(keysOf('pres_residenti.'));
  spread(keysOf('pres_residenti_eta.'), residents);
  values.pres_popolazione_totale = residents * 8;
  values.pres_residenti_prec = residents - 1000;
  // Reception: minors in SAI fit the SAI projects for minors; the breakdowns add up to the tables.
  values['acc_sai_progetti.msna.presenti'] = Math.max(values['acc_sai_progetti.msna.presenti'], values['acc_msna_collocamento.sai.presenti']);
  spread(keysOf('acc_sai_presenti.'), sumOf(keysOf('acc_sai_progetti.', '.presenti')));
  spread(keysOf('acc_msna_totale.'), sumOf(keysOf('acc_msna_collocamento.', '.presenti')));
  values.ass_coinvolte = values.ass_membri + 5;
  return values;
}
