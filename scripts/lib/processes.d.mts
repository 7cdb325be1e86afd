export function processAlive(pid: number): boolean;
export function processNamed(pid: number, name: string): boolean;
