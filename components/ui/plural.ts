/**
 * A count with its noun, singular or plural: `plural(1, "quote")` is "1 quote", `plural(3, "quote")` "3 quotes".
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
