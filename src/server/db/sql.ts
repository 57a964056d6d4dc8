/** What a query may carry as a parameter: what both drivers send as text or arrays without asking. */
export type SqlScalar = string | number | bigint | boolean | Date | null;
export type SqlValue = SqlScalar | readonly SqlScalar[];

/**
 * A piece of SQL with its parameters kept apart from its text. Fragments nest inside fragments;
 * placeholders are numbered only when the text is asked for, so no one counts `$n` by hand and a
 * value can never become SQL.
 */
export class SqlFragment {
  private constructor(
    /** The SQL around the values: always one more part than there are values. */
    private readonly parts: readonly string[],
    readonly values: readonly SqlValue[],
  ) {}

  /** The text with `$1`, `$2`, … in order of `values`. */
  get text(): string {
    return this.parts.reduce((text, part, i) => `${text}$${i}${part}`);
  }

  /** Refuses to become text by accident (a fragment in a plain template string would send "[object Object]"). */
  toString(): never {
    throw new Error('An SQL fragment was put into a plain string: nest it inside sql`…` instead.');
  }

  static from(strings: readonly string[], values: readonly (SqlValue | SqlFragment)[]): SqlFragment {
    const parts = [strings[0]!];
    const flat: SqlValue[] = [];
    values.forEach((value, i) => {
      if (value instanceof SqlFragment) {
        parts[parts.length - 1] += value.parts[0]!;
        parts.push(...value.parts.slice(1));
        flat.push(...value.values);
        parts[parts.length - 1] += strings[i + 1]!;
      } else {
        flat.push(value);
        parts.push(strings[i + 1]!);
      }
    });
    return new SqlFragment(parts, flat);
  }
}

/** sql`SELECT … WHERE id = ${id} AND ${otherFragment}`: values become parameters, fragments are spliced in. */
export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | SqlFragment)[]): SqlFragment {
  return SqlFragment.from(strings, values);
}

/** Nothing: the neutral element of `join`, and an absent optional condition. */
export const empty: SqlFragment = sql``;

/** The fragments one after another, with `separator` between them (a comma by default). */
export function join(fragments: readonly SqlFragment[], separator: SqlFragment = sql`, `): SqlFragment {
  if (fragments.length === 0) return empty;
  const all = [fragments[0]!, ...fragments.slice(1).flatMap((f) => [separator, f])];
  return SqlFragment.from(new Array<string>(all.length + 1).fill(''), all);
}

/**
 * SQL text known when the program is written, such as a column list built from literal names.
 * The type refuses a plain `string`: only literal (or literal-union) text gets through.
 */
export function constant<T extends string>(text: string extends T ? never : T): SqlFragment {
  return SqlFragment.from([text], []);
}

const arrayTypes = { uuid: sql`::uuid[]`, text: sql`::text[]`, bigint: sql`::bigint[]`, int: sql`::int[]` } as const;

/**
 * `ANY (array)` for `column = ${anyOf(ids, 'uuid')}`: one parameter whatever the number of values,
 * and an empty list matches nothing instead of being a syntax error as `IN ()` would be.
 */
export function anyOf(values: readonly SqlScalar[], type: keyof typeof arrayTypes): SqlFragment {
  return sql`ANY (${values}${arrayTypes[type]})`;
}
