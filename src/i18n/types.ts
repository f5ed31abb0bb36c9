/** The English text must have exactly the keys of the zh-CN text (the source locale). */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
