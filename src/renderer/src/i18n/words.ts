/** The shape of a block of Chinese messages with any strings in it: what each translation must match. */
export type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };
