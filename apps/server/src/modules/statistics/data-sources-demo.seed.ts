import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import type { DataSourceInput } from './data-sources-plan.ts';
import { createDataSource } from './data-sources.service.ts';

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const ISTAT = { publisherName: 'Istituto Nazionale di Statistica (Istat)', publisherIpaCode: 'istat', rightsHolderName: 'Istituto Nazionale di Statistica (Istat)', rightsHolderIpaCode: 'istat' };
const MINISTRY = { publisherName: 'Ministero dell’Interno', publisherIpaCode: 'm_it' };

const blank = {
  regionCode: null,
  councilId: null,
  publisherOrganizationId: null,
  publisherName: null,
  publisherIpaCode: null,
  rightsHolderIpaCode: null,
  licenseUri: null,
  keywords: [],
  detailLevel: null,
  temporalStart: null,
  temporalEnd: null,
  periods: null,
  accessConditions: null,
  contactName: null,
  contactEmail: null,
  landingPage: null,
  accessUrl: null,
  reachability: 'unknown',
  reachabilityCheckedAt: null,
  reachabilityNote: null,
  issued: null,
  modified: null,
  languages: ['ITA'],
} satisfies Partial<DataSourceInput>;

/**
 * Real public sources, described from what their publishers state (no figure invented, nobody has checked
 * their reachability: "unknown"). The first three codes are fixed: the statistics import seed links its
 * shipped files to them.
 */
function demoSources(milanoCouncilId: number, atsId: number | null): DataSourceInput[] {
  return [
    {
      ...blank,
      code: 'istat-popstrbil1',
      title: { it: 'Stranieri residenti – bilancio demografico', en: 'Foreign residents – demographic balance' },
      description: {
        it: 'Bilancio demografico annuale della popolazione straniera residente: popolazione al 1° gennaio, nati, morti, iscritti e cancellati (dall’estero e per altri motivi), acquisizioni di cittadinanza, per sesso. Dataflow SDMX DCIS_POPSTRBIL1 del data warehouse Istat.',
        en: 'Yearly demographic balance of the foreign resident population: population at 1 January, births, deaths, registrations and deregistrations (from abroad and other), citizenship acquisitions, by sex. SDMX dataflow DCIS_POPSTRBIL1 of the Istat data warehouse.',
      },
      scopeType: 'nation',
      ...ISTAT,
      content: 'Stranieri residenti al 1° gennaio e movimenti dell’anno (nati, morti, iscrizioni e cancellazioni, acquisizioni di cittadinanza) per sesso.',
      themes: ['SOCI', 'REGI'],
      keywords: ['stranieri residenti', 'bilancio demografico', 'cittadinanza', 'SDMX'],
      spatial: ['IT'],
      detailLevel: 'comune',
      temporalStart: '2019-01-01',
      periods: 'Anni dal 2019; la popolazione è riferita al 1° gennaio. Il file fornito con Mosaico copre le province dal 2019 al 2023 (dati provvisori segnati OBS_STATUS p).',
      frequency: 'ANNUAL',
      formats: ['SDMX', 'CSV', 'API'],
      licenseUri: CC_BY,
      accessRights: 'PUBLIC',
      accessConditions: 'Licenza CC BY 4.0: citare «Fonte: Istat».',
      landingPage: 'https://demo.istat.it/',
      accessUrl: 'https://esploradati.istat.it/databrowser/',
    },
    {
      ...blank,
      code: 'ministero-cruscotto-accoglienza',
      title: { it: 'Cruscotto statistico giornaliero – migranti in accoglienza', en: 'Daily statistical dashboard – migrants in reception' },
      description: {
        it: 'Cruscotto statistico giornaliero del Dipartimento per le Libertà Civili e l’Immigrazione del Ministero dell’Interno: sbarchi e migranti in accoglienza per regione e tipo di struttura (hotspot, centri di accoglienza, SIPROIMI/SAI). Le serie sono raccolte in tabella da onData («Liberiamoli tutti!»).',
        en: 'Daily statistical dashboard of the Ministry of the Interior’s Department for Civil Liberties and Immigration: landings and migrants in reception by region and type of facility (hotspots, reception centres, SIPROIMI/SAI). The series are compiled into a table by onData ("Liberiamoli tutti!").',
      },
      scopeType: 'nation',
      ...MINISTRY,
      rightsHolderName: 'Ministero dell’Interno',
      rightsHolderIpaCode: 'm_it',
      content: 'Migranti presenti nel sistema di accoglienza, per regione e tipo di accoglienza (hotspot, centri di accoglienza, SIPROIMI/SAI).',
      themes: ['SOCI', 'GOVE'],
      keywords: ['accoglienza', 'sbarchi', 'SAI', 'SIPROIMI', 'hotspot'],
      spatial: ['IT'],
      detailLevel: 'region',
      temporalStart: '2019-09-01',
      temporalEnd: '2025-09-30',
      periods: 'Rilevazioni a date di riferimento (circa due al mese); la raccolta onData fornita con Mosaico va da settembre 2019 a settembre 2025.',
      frequency: 'IRREG',
      formats: ['PDF', 'CSV'],
      licenseUri: CC_BY,
      accessRights: 'PUBLIC',
      accessConditions: 'Il cruscotto è pubblicato in PDF dal Ministero; la tabella CSV è la raccolta onData «Liberiamoli tutti!» (CC BY 4.0): citare «Fonte: Liberiamoli tutti! su dati Ministero dell’Interno».',
      landingPage: 'https://www.libertaciviliimmigrazione.dlci.interno.gov.it/it/documentazione/statistica/cruscotto-statistico-giornaliero',
    },
    {
      ...blank,
      code: 'istat-popolazione-comuni',
      title: { it: 'Popolazione e superficie dei comuni (SITUAS)', en: 'Population and area of the comuni (SITUAS)' },
      description: {
        it: 'Sistema Informativo Territoriale delle Unità Amministrative e Statistiche (SITUAS) di Istat: per ogni comune la popolazione legale (censimento 2021), la popolazione residente al 31 dicembre e la superficie.',
        en: 'Istat’s territorial information system of administrative and statistical units (SITUAS): for each comune the legal population (2021 census), the resident population at 31 December and the area.',
      },
      scopeType: 'nation',
      ...ISTAT,
      content: 'Popolazione residente e superficie di ciascun comune italiano, usate come denominatore degli indicatori.',
      themes: ['SOCI', 'REGI'],
      keywords: ['popolazione residente', 'superficie', 'comuni', 'SITUAS'],
      spatial: ['IT'],
      detailLevel: 'comune',
      periods: 'Popolazione residente al 31 dicembre 2022 nel file fornito con Mosaico.',
      frequency: 'ANNUAL',
      formats: ['CSV', 'XLSX'],
      licenseUri: CC_BY,
      accessRights: 'PUBLIC',
      accessConditions: 'Licenza CC BY 4.0: citare «Fonte: Istat».',
      landingPage: 'https://situas.istat.it/',
    },
    {
      ...blank,
      code: 'istat-permessi-soggiorno',
      title: { it: 'Cittadini non comunitari regolarmente soggiornanti (permessi di soggiorno)', en: 'Non-EU citizens legally staying (residence permits)' },
      description: {
        it: 'Permessi di soggiorno dei cittadini non comunitari validi al 1° gennaio e nuovi permessi rilasciati nell’anno, per motivo, cittadinanza e sesso: elaborazioni Istat su dati del Ministero dell’Interno, nel data warehouse Istat.',
        en: 'Residence permits of non-EU citizens valid at 1 January and new permits issued in the year, by reason, citizenship and sex: Istat processing of Ministry of the Interior data, in the Istat data warehouse.',
      },
      scopeType: 'nation',
      ...ISTAT,
      content: 'Permessi di soggiorno in vigore e nuovi ingressi per motivo (lavoro, famiglia, studio, asilo e protezione), cittadinanza e sesso.',
      themes: ['SOCI', 'JUST'],
      keywords: ['permessi di soggiorno', 'non comunitari', 'nuovi ingressi'],
      spatial: ['IT'],
      detailLevel: 'province',
      frequency: 'ANNUAL',
      formats: ['SDMX', 'CSV', 'API'],
      licenseUri: CC_BY,
      accessRights: 'PUBLIC',
      accessConditions: 'Licenza CC BY 4.0: citare «Fonte: Istat».',
      accessUrl: 'https://esploradati.istat.it/databrowser/',
    },
    {
      ...blank,
      code: 'istat-acquisizioni-cittadinanza',
      title: { it: 'Acquisizioni di cittadinanza italiana', en: 'Acquisitions of Italian citizenship' },
      description: {
        it: 'Cittadini stranieri residenti che hanno acquisito la cittadinanza italiana nell’anno, per sesso, dalle anagrafi comunali (rilevazione Istat del bilancio demografico della popolazione straniera).',
        en: 'Foreign residents who acquired Italian citizenship in the year, by sex, from the municipal registers (Istat survey of the demographic balance of the foreign population).',
      },
      scopeType: 'nation',
      ...ISTAT,
      content: 'Acquisizioni di cittadinanza italiana da parte di stranieri residenti, per sesso e territorio.',
      themes: ['SOCI', 'JUST'],
      keywords: ['cittadinanza', 'acquisizioni', 'naturalizzazioni'],
      spatial: ['IT'],
      detailLevel: 'comune',
      frequency: 'ANNUAL',
      formats: ['SDMX', 'CSV', 'API'],
      licenseUri: CC_BY,
      accessRights: 'PUBLIC',
      accessConditions: 'Licenza CC BY 4.0: citare «Fonte: Istat».',
      landingPage: 'https://demo.istat.it/',
      accessUrl: 'https://esploradati.istat.it/databrowser/',
    },
    {
      ...blank,
      code: 'orim-lombardia',
      title: { it: 'Osservatorio Regionale per l’Integrazione e la Multietnicità (ORIM) – rapporti', en: 'Regional Observatory for Integration and Multi-ethnicity (ORIM) – reports' },
      description: {
        it: 'Rapporti dell’Osservatorio Regionale per l’Integrazione e la Multietnicità della Lombardia sulla presenza straniera in regione, con indagini campionarie proprie e dati amministrativi.',
        en: 'Reports of Lombardy’s Regional Observatory for Integration and Multi-ethnicity on the foreign presence in the region, with its own sample surveys and administrative data.',
      },
      scopeType: 'region',
      regionCode: '03',
      publisherName: 'Regione Lombardia',
      publisherIpaCode: 'r_lombar',
      rightsHolderName: 'Regione Lombardia',
      rightsHolderIpaCode: 'r_lombar',
      content: 'Presenza straniera in Lombardia: stime, caratteristiche, lavoro e integrazione.',
      themes: ['SOCI'],
      keywords: ['osservatorio regionale', 'integrazione', 'Lombardia'],
      spatial: ['03'],
      detailLevel: 'province',
      frequency: 'ANNUAL',
      formats: ['PDF'],
      accessRights: 'PUBLIC',
      accessConditions: 'Rapporti pubblicati in PDF; condizioni di riuso da verificare con la Regione.',
    },
    {
      ...blank,
      code: 'ats-milano-salute-stranieri',
      title: { it: 'ATS Milano – assistiti stranieri e accesso ai servizi sanitari', en: 'ATS Milano – foreign patients and access to health services' },
      description: {
        it: 'Dati dell’ATS della Città Metropolitana di Milano sugli assistiti di cittadinanza straniera iscritti al Servizio Sanitario Regionale e sul loro accesso ai servizi, forniti al Consiglio Territoriale per la scheda di monitoraggio.',
        en: 'Data of the ATS of the Metropolitan City of Milan on foreign-citizen patients registered with the Regional Health Service and their access to services, supplied to the Territorial Council for the monitoring form.',
      },
      scopeType: 'council',
      councilId: milanoCouncilId,
      publisherOrganizationId: atsId,
      publisherName: 'ATS della Città Metropolitana di Milano',
      rightsHolderName: 'ATS della Città Metropolitana di Milano',
      content: 'Assistiti stranieri iscritti al Servizio Sanitario Regionale e accessi ai servizi sanitari, per cittadinanza e sesso.',
      themes: ['HEAL', 'SOCI'],
      keywords: ['sanità', 'assistiti', 'ATS'],
      spatial: ['MI'],
      detailLevel: 'province',
      frequency: 'ANNUAL',
      formats: ['XLSX', 'PDF'],
      accessRights: 'RESTRICTED',
      accessConditions: 'Dati aggregati forniti su richiesta del Consiglio Territoriale, per la rilevazione annuale; non ripubblicabili senza accordo con l’ATS.',
      landingPage: 'https://www.ats-milano.it/',
    },
  ];
}

/** Loads the demo inventory through the service (validation and audit included); runs before any statistics import. */
export async function loadDataSourcesDemo(ctx: Ctx) {
  const [milano] = await ctx.db.select({ id: councils.id }).from(councils).where(eq(councils.code, 'CTI-MI'));
  if (!milano) throw new Error('demo: no council CTI-MI');
  const [ats] = await ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, 'ATS della Città Metropolitana di Milano'));
  for (const source of demoSources(milano.id, ats?.id ?? null)) await createDataSource(ctx, source);
}
