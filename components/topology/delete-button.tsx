"use client";

// A destructive action: asks first, shows the server's refusal, and when the refusal is only
// "it still holds things" (PRECONDITION_FAILED on field cascade) offers to delete those too.
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";

type MaybeTrpcError = { data?: { code?: string; fieldErrors?: Record<string, string> | null } | null };

export function isCascadeRefusal(error: unknown): boolean {
  const data = (error as MaybeTrpcError | null)?.data;
  return data?.code === "PRECONDITION_FAILED" && !!data.fieldErrors?.cascade;
}

export function DeleteButton({
  label,
  ariaLabel,
  confirmText,
  onDelete,
  isPending,
  error,
}: {
  label: string;
  /** A longer name when several such buttons share a screen; it starts with the visible label. */
  ariaLabel?: string;
  confirmText: string;
  onDelete: (cascade: boolean) => void;
  isPending: boolean;
  error: unknown;
}) {
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="dangerQuiet"
        size="sm"
        aria-label={ariaLabel}
        disabled={isPending}
        onClick={() => {
          if (window.confirm(confirmText)) onDelete(false);
        }}
      >
        {label}
      </Button>
      {error ? (
        <p role="alert" className="max-w-sm text-right text-xs text-rose-600 dark:text-rose-400">
          {errorMessage(error)}
        </p>
      ) : null}
      {isCascadeRefusal(error) ? (
        <Button variant="danger" size="sm" disabled={isPending} onClick={() => onDelete(true)}>
          Delete with everything it holds
        </Button>
      ) : null}
    </div>
  );
}
