// What to show a person for a failed call: the server's sentence, or a plain one when offline.
type MaybeTrpcError = { message?: string; data?: { fieldErrors?: Record<string, string> | null } | null };

export function errorMessage(error: unknown): string {
  if (!error) return "";
  const message = (error as MaybeTrpcError).message;
  if (message && !/^Failed to fetch|NetworkError/.test(message)) return message;
  return "Meridian could not be reached. Check your connection and try again.";
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return (error as MaybeTrpcError | null)?.data?.fieldErrors ?? {};
}
