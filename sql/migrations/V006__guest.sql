-- Owner: guest service (account pos_guest). Tables with their QR tokens, and guest sessions.
-- Orders stay the order service's: a guest order is a row of `orders` with source 'guest',
-- status 'pending' (both already in V004's enums) and the session that placed it.

-- A table's token is printed in its QR code for anyone at the table to read, and a manager may
-- print the code again at any time, so the token itself is kept (it grants nothing but opening
-- a guest session at that table). Look-ups go by its SHA-256 digest (unique), never by the
-- token, and compare the digest in constant time.
CREATE TABLE guest_tables (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    label        VARCHAR(32)     NOT NULL,
    token        CHAR(43)        CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_digest BINARY(32)      NOT NULL,
    active       TINYINT(1)      NOT NULL DEFAULT 1,
    version      INT UNSIGNED    NOT NULL DEFAULT 1,
    created_at   DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    UNIQUE KEY uq_guest_tables_label (label),
    UNIQUE KEY uq_guest_tables_token_digest (token_digest)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A session token exists only in the guest's browser: only its SHA-256 digest is stored.
CREATE TABLE guest_sessions (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    table_id   BIGINT UNSIGNED NOT NULL,
    token_hash BINARY(32)      NOT NULL,
    expires_at DATETIME        NOT NULL,
    created_at DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY uq_guest_sessions_token_hash (token_hash),
    KEY ix_guest_sessions_expires (expires_at),
    CONSTRAINT fk_guest_sessions_table FOREIGN KEY (table_id) REFERENCES guest_tables (id)
) ENGINE = InnoDB;

-- The session that placed a guest order (NULL for staff orders). No foreign key: sessions are
-- the guest service's and are purged after they expire; the order keeps the number.
ALTER TABLE orders
    ADD COLUMN guest_session_id BIGINT UNSIGNED NULL AFTER source,
    ADD KEY ix_orders_guest_session (guest_session_id, status);
