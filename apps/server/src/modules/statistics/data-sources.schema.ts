import {
  ACCESS_RIGHTS,
  DATA_SOURCE_SCOPES,
  DETAIL_LEVELS,
  FREQUENCIES,
  REACHABILITY,
} from '@mosaico/contracts/data-sources';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';

/**
 * A territorial data source in the inventory (ricognizione delle basi dati territoriali), described with
 * DCAT-AP_IT fields; imports record which source their file came from. An entry belongs to the nation, a
 * region (region_id) or a council (council_id, with its region_id): councils survey their own territory.
 */
export const dataSources = pgTable(
  'data_sources',
  {
    id: serial('id').primaryKey(),
    /** Stable identifier, also the last segment of its dcat:Dataset IRI. */
    code: text('code').notNull().unique(),
    title: jsonb('title').$type<{ it: string; en?: string | null }>().notNull(),
    description: jsonb('description').$type<{ it: string; en?: string | null }>().notNull().default({ it: '' }),
    scopeType: text('scope_type', { enum: DATA_SOURCE_SCOPES }).notNull().default('nation'),
    regionId: integer('region_id').references(() => territories.id),
    councilId: integer('council_id').references(() => councils.id),
    /** The publisher when it is a registered organisation; its name is kept too, so the entry outlives it. */
    publisherOrganizationId: integer('publisher_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    publisherName: text('publisher_name').notNull().default(''),
    publisherIpaCode: text('publisher_ipa_code'),
    rightsHolderName: text('rights_holder_name').notNull().default(''),
    rightsHolderIpaCode: text('rights_holder_ipa_code'),
    content: text('content'),
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    /** Territory ids covered (shown by their code); the nation is the territory IT. */
    spatialTerritoryIds: jsonb('spatial_territory_ids').$type<number[]>().notNull().default([]),
    detailLevel: text('detail_level', { enum: DETAIL_LEVELS }),
    temporalStart: date('temporal_start'),
    temporalEnd: date('temporal_end'),
    periods: text('periods'),
    frequency: text('frequency', { enum: FREQUENCIES }).notNull().default('UNKNOWN'),
    formats: jsonb('formats').$type<string[]>().notNull().default([]),
    licenseUri: text('license_uri'),
    accessRights: text('access_rights', { enum: ACCESS_RIGHTS }).notNull().default('PUBLIC'),
    accessConditions: text('access_conditions'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    landingPage: text('landing_page'),
    accessUrl: text('access_url'),
    reachability: text('reachability', { enum: REACHABILITY }).notNull().default('unknown'),
    reachabilityCheckedAt: date('reachability_checked_at'),
    reachabilityNote: text('reachability_note'),
    issued: date('issued'),
    modified: date('modified'),
    languages: jsonb('languages').$type<string[]>().notNull().default(['ITA']),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('data_sources_region_idx').on(t.regionId), index('data_sources_council_idx').on(t.councilId)],
);
