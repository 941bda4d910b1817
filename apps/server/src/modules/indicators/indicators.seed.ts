import { formulaReferences, parseIndicatorFormula } from '@mosaico/form-engine/indicator-formula';
import type { DbOrTx } from '../../platform/db/client.ts';
import { indicators, indicatorThemes } from './indicators.schema.ts';

type NewIndicator = Omit<typeof indicators.$inferInsert, 'elements' | 'uses' | 'origin'>;

/** EU Zaragoza integration areas (Declaration of Zaragoza, 2010), lines of the National Integration Plan (2017), custom. */
export const THEMES: (typeof indicatorThemes.$inferInsert)[] = [
  { code: 'zaragoza_occupazione', kind: 'zaragoza', order: 10, name: { it: 'Occupazione', en: 'Employment' } },
  { code: 'zaragoza_istruzione', kind: 'zaragoza', order: 11, name: { it: 'Istruzione', en: 'Education' } },
  { code: 'zaragoza_inclusione_sociale', kind: 'zaragoza', order: 12, name: { it: 'Inclusione sociale', en: 'Social inclusion' } },
  { code: 'zaragoza_cittadinanza_attiva', kind: 'zaragoza', order: 13, name: { it: 'Cittadinanza attiva', en: 'Active citizenship' } },
  { code: 'pni_dialogo_interreligioso', kind: 'pni', order: 20, name: { it: 'Dialogo interreligioso', en: 'Interreligious dialogue' } },
  { code: 'pni_lingua_istruzione', kind: 'pni', order: 21, name: { it: "Formazione linguistica e accesso all'istruzione", en: 'Language training and access to education' } },
  { code: 'pni_lavoro_formazione', kind: 'pni', order: 22, name: { it: 'Inserimento lavorativo e formazione professionale', en: 'Employment and vocational training' } },
  { code: 'pni_assistenza_sanitaria', kind: 'pni', order: 23, name: { it: "Accesso all'assistenza sanitaria", en: 'Access to health care' } },
  { code: 'pni_alloggio_residenza', kind: 'pni', order: 24, name: { it: "Accesso all'alloggio e alla residenza", en: 'Access to housing and residence' } },
  { code: 'pni_orientamento_servizi', kind: 'pni', order: 25, name: { it: 'Informazione e orientamento ai servizi', en: 'Information and guidance to services' } },
  { code: 'pni_contrasto_discriminazioni', kind: 'pni', order: 26, name: { it: 'Contrasto alle discriminazioni', en: 'Fighting discrimination' } },
  { code: 'pni_partecipazione', kind: 'pni', order: 27, name: { it: 'Partecipazione e cittadinanza attiva', en: 'Participation and active citizenship' } },
  { code: 'personalizzato', kind: 'custom', order: 90, name: { it: 'Altri indicatori', en: 'Other indicators' } },
];

const PERSONS = { it: 'persone', en: 'people' };
const PERCENT = { it: '%', en: '%' };
const PER_1000 = { it: 'per 1.000', en: 'per 1,000' };
const SR = '[istat.stranieri_residenti]';
const POP = '[istat.popolazione_residente]';

const reception = (code: string, type: string | null, it: string, en: string): NewIndicator => ({
  code,
  name: { it, en },
  description: {
    it: "Migranti in accoglienza (fonte: Ministero dell'Interno, cruscotto statistico) ogni 1.000 residenti; dati per regione, ultimo rilevamento dell'anno.",
    en: 'Migrants in reception (source: Ministry of the Interior, statistical dashboard) per 1,000 residents; data by region, the year’s last report.',
  },
  themes: ['zaragoza_inclusione_sociale', 'pni_alloggio_residenza'],
  numerator: type ? `[ministero.migranti_accoglienza | tipo_accoglienza=${type}]` : '[ministero.migranti_accoglienza]',
  denominator: POP,
  factor: 1000,
  unit: PER_1000,
  decimals: 2,
  aggregation: 'ratio_of_sums',
  timeRule: 'stock',
  key: type === null,
});

/** The starter set: from the shipped statistics (data/statistics/README.md) and the default monitoring form. */
export const STARTER: NewIndicator[] = [
  {
    code: 'stranieri_residenti',
    name: { it: 'Stranieri residenti', en: 'Foreign residents' },
    description: { it: 'Stranieri residenti al 1° gennaio (Istat, bilancio demografico).', en: 'Foreign residents on 1 January (Istat, demographic balance).' },
    themes: ['zaragoza_inclusione_sociale'],
    numerator: SR,
    unit: PERSONS,
    decimals: 0,
    aggregation: 'ratio_of_sums',
    timeRule: 'stock',
    key: true,
  },
  {
    code: 'quota_stranieri',
    name: { it: 'Incidenza degli stranieri sulla popolazione', en: 'Foreign residents as a share of the population' },
    description: { it: 'Stranieri residenti ogni 100 residenti.', en: 'Foreign residents per 100 residents.' },
    themes: ['zaragoza_inclusione_sociale'],
    numerator: SR,
    denominator: POP,
    factor: 100,
    unit: PERCENT,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'stock',
    key: true,
  },
  {
    code: 'quota_donne_straniere',
    name: { it: 'Donne tra gli stranieri residenti', en: 'Women among foreign residents' },
    description: { it: 'Quota di donne sul totale degli stranieri residenti.', en: 'Share of women among foreign residents.' },
    themes: ['zaragoza_inclusione_sociale'],
    numerator: '[istat.stranieri_residenti | sesso=F]',
    denominator: SR,
    factor: 100,
    unit: PERCENT,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'stock',
    key: true,
  },
  {
    code: 'variazione_stranieri',
    name: { it: 'Variazione annua degli stranieri residenti', en: 'Yearly change in foreign residents' },
    description: { it: "Variazione percentuale rispetto all'anno precedente.", en: 'Percentage change on the previous year.' },
    themes: ['zaragoza_inclusione_sociale'],
    numerator: `${SR} - prev(${SR})`,
    denominator: `prev(${SR})`,
    factor: 100,
    unit: PERCENT,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'stock',
    key: true,
  },
  {
    code: 'acquisizioni_cittadinanza_1000',
    name: { it: 'Acquisizioni di cittadinanza ogni 1.000 stranieri', en: 'Citizenship acquisitions per 1,000 foreign residents' },
    description: { it: "Acquisizioni della cittadinanza italiana nell'anno ogni 1.000 stranieri residenti al 1° gennaio.", en: 'Italian citizenship acquisitions in the year per 1,000 foreign residents on 1 January.' },
    themes: ['zaragoza_cittadinanza_attiva', 'pni_partecipazione'],
    numerator: '[istat.acquisizioni_cittadinanza]',
    denominator: SR,
    factor: 1000,
    unit: PER_1000,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'flow',
    key: true,
  },
  {
    code: 'nati_stranieri_1000',
    name: { it: 'Nati stranieri ogni 1.000 stranieri residenti', en: 'Births to foreign residents per 1,000' },
    description: { it: "Nati stranieri nell'anno ogni 1.000 stranieri residenti al 1° gennaio.", en: 'Foreign births in the year per 1,000 foreign residents on 1 January.' },
    themes: ['zaragoza_inclusione_sociale'],
    numerator: '[istat.nati_stranieri]',
    denominator: SR,
    factor: 1000,
    unit: PER_1000,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'flow',
  },
  {
    code: 'saldo_migratorio_estero',
    name: { it: "Saldo migratorio con l'estero degli stranieri", en: 'Net migration of foreign residents from abroad' },
    description: { it: "Iscritti dall'estero meno cancellati per l'estero nell'anno.", en: 'Registered from abroad minus deregistered to abroad in the year.' },
    themes: ['zaragoza_inclusione_sociale'],
    numerator: '[istat.iscritti_estero] - [istat.cancellati_estero]',
    unit: PERSONS,
    decimals: 0,
    aggregation: 'ratio_of_sums',
    timeRule: 'flow',
    key: true,
  },
  reception('accolti_1000_abitanti', null, 'Persone in accoglienza ogni 1.000 abitanti', 'People in reception per 1,000 inhabitants'),
  reception('accolti_hotspot_1000_abitanti', 'hotspot', 'Persone negli hotspot ogni 1.000 abitanti', 'People in hotspots per 1,000 inhabitants'),
  reception('accolti_centri_1000_abitanti', 'centri_accoglienza', 'Persone nei centri di accoglienza ogni 1.000 abitanti', 'People in reception centres per 1,000 inhabitants'),
  reception('accolti_sai_1000_abitanti', 'sai', 'Persone nel sistema SAI ogni 1.000 abitanti', 'People in the SAI system per 1,000 inhabitants'),
  {
    code: 'occupazione_posti_cas',
    name: { it: 'Tasso di occupazione dei posti CAS', en: 'Occupancy of CAS places' },
    description: { it: 'Presenti nei CAS sui posti disponibili al 31 dicembre (scheda di monitoraggio CTI).', en: 'People in CAS over places available on 31 December (CTI monitoring form).' },
    themes: ['pni_alloggio_residenza'],
    numerator: '[scheda-cti.acc_cas_presenti]',
    denominator: '[scheda-cti.acc_cas_posti]',
    factor: 100,
    unit: PERCENT,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'stock',
  },
  {
    code: 'occupazione_posti_sai',
    name: { it: 'Tasso di occupazione dei posti SAI', en: 'Occupancy of SAI places' },
    description: { it: 'Presenti nei progetti SAI sui posti finanziati (scheda di monitoraggio CTI).', en: 'People in SAI projects over funded places (CTI monitoring form).' },
    themes: ['pni_alloggio_residenza'],
    numerator: '[scheda-cti.acc_sai_presenti]',
    denominator: '[scheda-cti.acc_sai_posti]',
    factor: 100,
    unit: PERCENT,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'stock',
  },
  {
    code: 'incidenza_alunni_stranieri',
    name: { it: 'Incidenza degli alunni con cittadinanza non italiana', en: 'Pupils without Italian citizenship, share of all pupils' },
    description: { it: 'Alunni con cittadinanza non italiana sul totale degli alunni (scheda di monitoraggio CTI).', en: 'Pupils without Italian citizenship over all pupils (CTI monitoring form).' },
    themes: ['zaragoza_istruzione', 'pni_lingua_istruzione'],
    numerator: '[scheda-cti.scu_alunni]',
    denominator: '[scheda-cti.scu_alunni_totali]',
    factor: 100,
    unit: PERCENT,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'stock',
    key: true,
  },
  {
    code: 'tirocini_1000_stranieri',
    name: { it: 'Tirocini attivati ogni 1.000 stranieri residenti', en: 'Traineeships per 1,000 foreign residents' },
    description: { it: 'Tirocini per cittadini stranieri (scheda di monitoraggio CTI) ogni 1.000 stranieri residenti (Istat).', en: 'Traineeships for foreign nationals (CTI monitoring form) per 1,000 foreign residents (Istat).' },
    themes: ['zaragoza_occupazione', 'pni_lavoro_formazione'],
    numerator: '[scheda-cti.lav_tirocini]',
    denominator: SR,
    factor: 1000,
    unit: PER_1000,
    decimals: 2,
    aggregation: 'ratio_of_sums',
    timeRule: 'flow',
  },
  {
    code: 'quota_associazioni_coinvolte',
    name: { it: 'Associazioni di immigrati coinvolte', en: 'Immigrant associations involved' },
    description: { it: 'Associazioni coinvolte nei lavori del Consiglio sul totale di quelle conosciute (scheda di monitoraggio CTI).', en: 'Associations involved in the council’s work over those known (CTI monitoring form).' },
    themes: ['zaragoza_cittadinanza_attiva', 'pni_partecipazione'],
    numerator: '[scheda-cti.ass_coinvolte]',
    denominator: '[scheda-cti.ass_conosciute]',
    factor: 100,
    unit: PERCENT,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    timeRule: 'stock',
  },
  {
    code: 'domande_asilo',
    name: { it: 'Domande di protezione internazionale', en: 'Applications for international protection' },
    description: { it: "Domande presentate nell'anno (scheda di monitoraggio CTI).", en: 'Applications lodged in the year (CTI monitoring form).' },
    themes: ['pni_orientamento_servizi'],
    numerator: '[scheda-cti.acc_domande_asilo]',
    unit: PERSONS,
    decimals: 0,
    aggregation: 'sum',
    timeRule: 'flow',
  },
];

/** The references of a formula set, as stored on the indicator. */
export function referencesOf(...formulas: (string | null | undefined)[]) {
  const elements = new Set<string>();
  const uses = new Set<string>();
  for (const f of formulas) {
    if (!f) continue;
    const p = parseIndicatorFormula(f);
    if (!p.ok) continue;
    const refs = formulaReferences(p.node);
    for (const e of refs.elements) elements.add(e.ref);
    for (const i of refs.indicators) uses.add(i.ref);
  }
  return { elements: [...elements], uses: [...uses] };
}

/** Adds the themes and starter indicators that are missing (an admin's edits to them are kept). Runs on every start. */
export async function seedIndicators(db: DbOrTx): Promise<number> {
  await db.insert(indicatorThemes).values(THEMES).onConflictDoNothing();
  const inserted = await db
    .insert(indicators)
    .values(STARTER.map((i) => ({ ...i, origin: 'system' as const, ...referencesOf(i.numerator, i.denominator, i.weight) })))
    .onConflictDoNothing()
    .returning({ id: indicators.id });
  return inserted.length;
}
