export declare function maskUri(uri: string): string;
