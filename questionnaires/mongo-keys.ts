/**
 * Templates and the catalogue are stored in MongoDB (FerretDB) documents,
 * which reject keys containing "." or starting with "$".
 */
import { isObject } from "./survey-walk";

export function forbiddenKeys(value: unknown, where: string): string[] {
  const errors: string[] = [];
  const visit = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${path}[${i}]`));
    } else if (isObject(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes(".") || key.startsWith("$")) {
          errors.push(
            `${where}: key ${JSON.stringify(key)} at ${path || "(root)"} contains "." or starts with "$", which MongoDB cannot store`,
          );
        }
        visit(child, path ? `${path}.${key}` : key);
      }
    }
  };
  visit(value, "");
  return errors;
}
