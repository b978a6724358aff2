-- Throttling counts attempts per limit and subject (an account, a client address), recorded
-- before the work they guard; login_failure counted failures after the fact, which let
-- parallel attempts through.
DROP TABLE login_failure;

CREATE TABLE auth_attempt (
    id            BIGSERIAL PRIMARY KEY,
    scope         TEXT        NOT NULL,
    subject       TEXT        NOT NULL,
    attempted_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX auth_attempt_subject_idx ON auth_attempt (scope, subject, attempted_at);
CREATE INDEX auth_attempt_attempted_at_idx ON auth_attempt (attempted_at);
