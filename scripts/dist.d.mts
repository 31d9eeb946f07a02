export function isNetworkFailure(output: string): boolean;
export function failedHost(output: string): string | null;
export function networkFailureMessage(output: string, electronVersion: string): string;
