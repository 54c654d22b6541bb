-- Owner: shared, append-only. Every service account may INSERT; only the user service (which
-- serves GET /api/audit) and the reports account may SELECT; nobody may UPDATE or DELETE.

CREATE TABLE audit_log (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at             DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor_id       BIGINT UNSIGNED NULL,
    actor_username VARCHAR(64)     NULL,
    type           VARCHAR(40)     NOT NULL,
    entity         VARCHAR(40)     NOT NULL,
    entity_id      BIGINT UNSIGNED NULL,
    detail         TEXT            NOT NULL,
    reason         VARCHAR(500)    NULL,
    KEY ix_audit_at (at),
    KEY ix_audit_type (type, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
