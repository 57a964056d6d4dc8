import type { Queryable } from '../db/database';
import { sql } from '../db/sql';

/** An Open311 service: one of our dispatch categories, grouped as in the catalogue. */
export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

/**
 * Questions a service asks beyond the description, by category group: what helps the unit most
 * (the room temperature for heating, how far an outage reaches for utilities).
 */
const attributesByGroup: Record<string, ServiceAttribute[]> = {
  heating: [
    {
      variable: true,
      code: 'ROOM_TEMP',
      datatype: 'number',
      required: false,
      datatype_description: 'degrees Celsius',
      order: 1,
      description: '室温（℃） Room temperature (°C)',
    },
  ],
  ...Object.fromEntries(
    ['water', 'power', 'gas'].map((group) => [
      group,
      [
        {
          variable: true,
          code: 'SCOPE',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: 'one of the listed keys',
          order: 1,
          description: '影响范围 How far it reaches',
          values: [
            { key: 'home', name: '本户 One home' },
            { key: 'building', name: '整栋楼 The whole building' },
            { key: 'area', name: '整个小区或更大 The estate or wider' },
          ],
        },
      ],
    ]),
  ),
};

interface CategoryRow {
  code: string;
  body: { zh: string; en: string; parent: string | null; keywords?: string[] };
}

export async function listServices(db: Queryable): Promise<Service[]> {
  const rows = await db.query<CategoryRow>(
    sql`SELECT code, body FROM reference_items WHERE kind = 'category' AND NOT deleted ORDER BY code`,
  );
  const groups = new Map(rows.filter((r) => r.body.parent === null).map((r) => [r.code, r.body]));
  return rows
    .filter((r) => r.body.parent !== null)
    .map((r) => {
      const group = groups.get(r.body.parent!);
      return {
        service_code: r.code,
        service_name: `${r.body.zh} ${r.body.en}`,
        description: `${group?.zh ?? ''}：${r.body.zh} — ${r.body.en}`,
        metadata: (attributesByGroup[r.body.parent!] ?? []).length > 0,
        type: 'realtime',
        keywords: (r.body.keywords ?? []).join(','),
        group: group ? `${group.zh} ${group.en}` : '',
      };
    });
}

export function serviceAttributes(serviceCode: string): ServiceAttribute[] {
  return attributesByGroup[serviceCode.split('.')[0]!] ?? [];
}
