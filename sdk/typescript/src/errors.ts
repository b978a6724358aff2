import { ConnectError, Code } from "@connectrpc/connect";
import { BadRequestSchema, ErrorInfoSchema, RetryInfoSchema } from "./gen/google/rpc/error_details_pb.js";

/** One invalid field of a request and what is wrong with it. */
export interface FieldViolation {
  readonly field: string;
  readonly description: string;
}

/** What the mesh said about a refused call, from its google.rpc details. */
export interface CommerceError {
  readonly code: Code;
  /** The gRPC code's name, e.g. "invalid_argument", "failed_precondition". */
  readonly codeName: string;
  readonly message: string;
  /** ErrorInfo's stable reason, e.g. OUT_OF_STOCK, PAYMENT_DECLINED. */
  readonly reason?: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly fieldViolations: readonly FieldViolation[];
  /** RetryInfo: how long to wait before trying again. */
  readonly retryDelayMs?: number;
}

/** Reads the details of any error a client call threw (network failures become "unavailable"). */
export function describeError(error: unknown): CommerceError {
  const failure = ConnectError.from(error);
  const info = failure.findDetails(ErrorInfoSchema)[0];
  const badRequest = failure.findDetails(BadRequestSchema)[0];
  const retry = failure.findDetails(RetryInfoSchema)[0];
  return {
    code: failure.code,
    codeName: Code[failure.code].replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase(),
    message: failure.rawMessage,
    reason: info?.reason || undefined,
    metadata: info?.metadata ?? {},
    fieldViolations: (badRequest?.fieldViolations ?? []).map((v) => ({ field: v.field, description: v.description })),
    retryDelayMs: retry?.retryDelay
      ? Number(retry.retryDelay.seconds) * 1000 + Math.round(retry.retryDelay.nanos / 1e6)
      : undefined,
  };
}
