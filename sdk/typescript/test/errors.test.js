import { test } from "node:test";
import assert from "node:assert/strict";
import { ConnectError, Code } from "@connectrpc/connect";
import { describeError } from "../dist/index.js";
import { BadRequestSchema, ErrorInfoSchema } from "../dist/gen/google/rpc/error_details_pb.js";

test("given an INVALID_ARGUMENT with BadRequest, describeError lists every field violation", () => {
  const failure = new ConnectError("3 invalid fields: email, password, first_name", Code.InvalidArgument, undefined, [
    { desc: BadRequestSchema, value: { fieldViolations: [
      { field: "email", description: "must be a valid e-mail address" },
      { field: "password", description: "must be 8 to 128 characters" },
    ] } },
  ]);

  const described = describeError(failure);

  assert.equal(described.codeName, "invalid_argument");
  assert.deepEqual(described.fieldViolations.map((v) => v.field), ["email", "password"]);
});

test("given a FAILED_PRECONDITION with ErrorInfo, describeError gives its reason and metadata", () => {
  const failure = new ConnectError("product p-1 is out of stock", Code.FailedPrecondition, undefined, [
    { desc: ErrorInfoSchema, value: { reason: "OUT_OF_STOCK", domain: "commercemesh.org", metadata: { product_id: "p-1" } } },
  ]);

  const described = describeError(failure);

  assert.equal(described.reason, "OUT_OF_STOCK");
  assert.equal(described.metadata.product_id, "p-1");
  assert.equal(described.codeName, "failed_precondition");
});

test("given a network failure, describeError reports it as unavailable without details", () => {
  const described = describeError(new TypeError("fetch failed"));

  assert.equal(described.fieldViolations.length, 0);
  assert.equal(described.reason, undefined);
});
