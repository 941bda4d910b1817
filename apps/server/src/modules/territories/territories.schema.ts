import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One row per territory *version*: a code valid over a period. A territory whose code or parent changes
 * (e.g. Cagliari 092009 → 118006 on 1 Jan 2026) gets a new row and a territory_changes link.
 */
export const territories = pgTable(
  'territories',
  {
    id: serial('id').primaryKey(),
    level: text('level', { enum: ['nation', 'region', 'province', 'comune'] }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameAlt: text('name_alt'),
    parentId: integer('parent_id'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    carPlate: text('car_plate'),
    unitType: text('unit_type'),
    nuts: text('nuts'),
    population: integer('population'),
    populationYear: integer('population_year'),
    areaKm2: numeric('area_km2', { mode: 'number' }),
    /** Comuni in a province or region (in force while it is); population and area are their sums. */
    comuneCount: integer('comune_count'),
    isCapital: boolean('is_capital').notNull().default(false),
  },
  (t) => [
    uniqueIndex('territories_level_code_from_uq').on(t.level, t.code, t.validFrom),
    index('territories_parent_idx').on(t.parentId),
    index('territories_code_idx').on(t.code),
    index('territories_level_idx').on(t.level, t.validFrom),
  ],
);

/** Other codes a territory is known by, each with its validity: ISTAT historic, ITTER107, NUTS, car plate. */
export const territoryCodes = pgTable(
  'territory_codes',
  {
    id: serial('id').primaryKey(),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    scheme: text('scheme', { enum: ['istat', 'itter107', 'nuts', 'plate'] }).notNull(),
    code: text('code').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [index('territory_codes_code_idx').on(sql`upper(${t.code})`), index('territory_codes_territory_idx').on(t.territoryId)],
);

/** How one territory version became another: recode, split, merge. */
export const territoryChanges = pgTable(
  'territory_changes',
  {
    id: serial('id').primaryKey(),
    fromId: integer('from_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    toId: integer('to_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['recode', 'split', 'merge', 'transfer'] }).notNull(),
    effectiveDate: date('effective_date').notNull(),
    note: text('note'),
  },
  (t) => [index('territory_changes_from_idx').on(t.fromId), index('territory_changes_to_idx').on(t.toId)],
);

/** Simplified boundaries (TopoJSON) shipped with the product, one per layout and level. */
export const boundarySets = pgTable('boundary_sets', {
  id: text('id').primaryKey(),
  level: text('level', { enum: ['region', 'province'] }).notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  attribution: text('attribution').notNull(),
  /** TopoJSON whose features carry `code` (the territory code valid in this layout) and `name`. */
  topology: jsonb('topology').notNull(),
});
