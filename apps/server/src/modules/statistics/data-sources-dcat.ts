import type { PresentedDataSource } from './data-sources.service.ts';

/** The publications.europa.eu authority tables DCAT-AP_IT takes its controlled values from. */
const EU = 'http://publications.europa.eu/resource/authority';

/** Formats with no EU file type of their own (a web API, a database) are "to be determined" (OP_DATPRO). */
const FILE_TYPE: Record<string, string> = { API: 'OP_DATPRO', DATABASE: 'OP_DATPRO' };

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'http://schema.org/',
};

/** Who publishes the catalogue: the Ministry's department for civil liberties and immigration (IPA m_it). */
const CATALOG_PUBLISHER = { name: 'Ministero dell’Interno – Dipartimento per le Libertà Civili e l’Immigrazione', ipaCode: 'm_it' };

const text = (t: { it: string; en: string | null }) => [
  { '@value': t.it, '@language': 'it' },
  ...(t.en ? [{ '@value': t.en, '@language': 'en' }] : []),
];
const dateValue = (d: string) => ({ '@value': d.slice(0, 10), '@type': 'xsd:date' });
const ref = (iri: string) => ({ '@id': iri });

function agent(name: string, ipaCode: string | null) {
  return { '@type': ['dcatapit:Agent', 'foaf:Agent'], 'foaf:name': name, ...(ipaCode ? { 'dct:identifier': ipaCode } : {}) };
}

function dataset(base: string, d: PresentedDataSource) {
  const accessUrl = d.accessUrl ?? d.landingPage;
  return {
    '@id': `${base}/api/v1/data-sources/catalog.jsonld#${d.code}`,
    '@type': ['dcatapit:Dataset', 'dcat:Dataset'],
    'dct:identifier': `${CATALOG_PUBLISHER.ipaCode}:${d.code}`,
    'dct:title': text(d.title),
    'dct:description': text(d.description),
    'dct:modified': dateValue(d.modified ?? d.updatedAt),
    ...(d.issued ? { 'dct:issued': dateValue(d.issued) } : {}),
    'dct:publisher': agent(d.publisher.name, d.publisher.ipaCode),
    'dct:rightsHolder': agent(d.rightsHolder.name, d.rightsHolder.ipaCode),
    'dcat:theme': d.themes.map((t) => ref(`${EU}/data-theme/${t}`)),
    'dct:accrualPeriodicity': ref(`${EU}/frequency/${d.frequency}`),
    'dct:language': d.languages.map((l) => ref(`${EU}/language/${l}`)),
    'dct:accessRights': ref(`${EU}/access-right/${d.accessRights}`),
    ...(d.keywords.length ? { 'dcat:keyword': d.keywords } : {}),
    ...(d.landingPage ? { 'dcat:landingPage': ref(d.landingPage) } : {}),
    ...(d.spatial.length
      ? {
          'dct:spatial': d.spatial.map((s) => ({
            ...(s.level === 'nation' ? { '@id': `${EU}/country/ITA` } : {}),
            '@type': ['dcatapit:Location', 'dct:Location'],
            'dcatapit:geographicalName': s.name,
            'dcatapit:geographicalIdentifier': s.code,
          })),
        }
      : {}),
    ...(d.temporalStart || d.temporalEnd
      ? {
          'dct:temporal': {
            '@type': ['dcatapit:PeriodOfTime', 'dct:PeriodOfTime'],
            // DCAT-AP_IT 2 reads dcat:startDate; harvesters of the 1.x profile read schema:startDate.
            ...(d.temporalStart ? { 'dcat:startDate': dateValue(d.temporalStart), 'schema:startDate': dateValue(d.temporalStart) } : {}),
            ...(d.temporalEnd ? { 'dcat:endDate': dateValue(d.temporalEnd), 'schema:endDate': dateValue(d.temporalEnd) } : {}),
          },
        }
      : {}),
    ...(d.contactName || d.contactEmail
      ? {
          'dcat:contactPoint': {
            '@type': ['dcatapit:Organization', 'vcard:Organization', 'vcard:Kind'],
            'vcard:fn': d.contactName ?? d.publisher.name,
            ...(d.contactEmail ? { 'vcard:hasEmail': ref(`mailto:${d.contactEmail}`) } : {}),
          },
        }
      : {}),
    ...(accessUrl
      ? {
          'dcat:distribution': d.formats.map((f) => ({
            '@id': `${base}/api/v1/data-sources/catalog.jsonld#${d.code}-${f.toLowerCase()}`,
            '@type': ['dcatapit:Distribution', 'dcat:Distribution'],
            'dct:title': { '@value': `${d.title.it} (${f})`, '@language': 'it' },
            'dct:format': ref(`${EU}/file-type/${FILE_TYPE[f] ?? f}`),
            'dcat:accessURL': ref(accessUrl),
            ...(d.licenseUri ? { 'dct:license': { '@id': d.licenseUri, '@type': ['dcatapit:LicenseDocument', 'dct:LicenseDocument'] } } : {}),
          })),
        }
      : {}),
  };
}

/**
 * The inventory's public entries as a DCAT-AP_IT catalogue in JSON-LD (dcatapit:Catalog of dcatapit:Dataset),
 * with the controlled values as publications.europa.eu IRIs, for harvesting by dati.gov.it and the like.
 */
export function buildDcatCatalog(base: string, entries: PresentedDataSource[], today: string) {
  const modified = entries.reduce((max, d) => ((d.modified ?? d.updatedAt).slice(0, 10) > max ? (d.modified ?? d.updatedAt).slice(0, 10) : max), '');
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}/api/v1/data-sources/catalog.jsonld`,
    '@type': ['dcatapit:Catalog', 'dcat:Catalog'],
    'dct:title': text({ it: 'Mosaico – Basi dati territoriali sull’immigrazione', en: 'Mosaico – Territorial data sources on immigration' }),
    'dct:description': text({
      it: 'Ricognizione delle basi dati territoriali usate dai Consigli Territoriali per l’Immigrazione: fonti, copertura, frequenza e condizioni di accesso.',
      en: 'Inventory of the territorial data sources used by the Territorial Councils for Immigration: sources, coverage, frequency and access conditions.',
    }),
    'dct:publisher': agent(CATALOG_PUBLISHER.name, CATALOG_PUBLISHER.ipaCode),
    'dct:modified': dateValue(modified || today),
    'dct:language': [ref(`${EU}/language/ITA`), ref(`${EU}/language/ENG`)],
    'foaf:homepage': ref(`${base}/`),
    'dcat:themeTaxonomy': ref(`${EU}/data-theme`),
    'dcat:dataset': entries.map((d) => dataset(base, d)),
  };
}
