-- Owner: user service (account pos_user). Staff accounts, their login tokens and the
-- per-username login throttle.

CREATE TABLE staff (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    role          ENUM('admin', 'manager', 'cashier', 'barista') NOT NULL,
    active        TINYINT(1)   NOT NULL DEFAULT 1,
    -- Argon2id in libsodium's encoded form ($argon2id$v=19$m=...,t=...,p=1$salt$hash).
    password_hash VARCHAR(255) NOT NULL,
    created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    UNIQUE KEY uq_staff_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Only the SHA-256 of a token is stored; the token itself exists only in the client's hands.
CREATE TABLE auth_tokens (
    token_hash BINARY(32)      NOT NULL PRIMARY KEY,
    staff_id   BIGINT UNSIGNED NOT NULL,
    created_at DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at DATETIME        NOT NULL,
    revoked_at DATETIME        NULL,
    KEY ix_auth_tokens_staff (staff_id),
    KEY ix_auth_tokens_expires (expires_at),
    CONSTRAINT fk_auth_tokens_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE = InnoDB;

-- Keyed by the username as typed, known or not, so throttling reveals nothing about accounts.
CREATE TABLE login_throttle (
    username     VARCHAR(64) NOT NULL PRIMARY KEY,
    failures     INT         NOT NULL DEFAULT 0,
    locked_until DATETIME    NULL,
    updated_at   DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
