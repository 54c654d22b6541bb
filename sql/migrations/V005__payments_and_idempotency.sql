-- Owner: payment service (account pos_payment): payments, refunds, shifts, cash movements, and
-- payment_order_totals, the one row per order that says what was captured and refunded for it.
-- The order service reads payment_order_totals (SELECT only) to show paid_cents,
-- balance_cents and payment_status; the payment service reads orders (SELECT only, with a
-- shared lock) to check totals and status. Neither writes the other's tables.

CREATE TABLE shifts (
    id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    till                VARCHAR(32)     NOT NULL,
    status              ENUM('open', 'closed') NOT NULL DEFAULT 'open',
    opened_by           BIGINT UNSIGNED NOT NULL,
    opening_float_cents BIGINT          NOT NULL,
    opened_at           DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    closed_by           BIGINT UNSIGNED NULL,
    closed_at           DATETIME        NULL,
    counted_cash_cents  BIGINT          NULL,
    expected_cash_cents BIGINT          NULL,
    over_short_cents    BIGINT          NULL,
    -- Equals till while the shift is open and NULL after: a unique key allows one open shift per till.
    open_till           VARCHAR(32)     NULL,
    UNIQUE KEY uq_shifts_open_till (open_till),
    KEY ix_shifts_opened (opened_at),
    CONSTRAINT ck_shifts_float CHECK (opening_float_cents >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payments (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id       BIGINT UNSIGNED NOT NULL,
    method         ENUM('cash', 'card') NOT NULL,
    amount_cents   BIGINT          NOT NULL,
    tip_cents      BIGINT          NOT NULL DEFAULT 0,
    tendered_cents BIGINT          NULL,
    change_cents   BIGINT          NOT NULL DEFAULT 0,
    reference      VARCHAR(64)     NULL,
    refunded_cents BIGINT          NOT NULL DEFAULT 0,
    shift_id       BIGINT UNSIGNED NULL,
    created_by     BIGINT UNSIGNED NOT NULL,
    created_at     DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY ix_payments_order (order_id),
    KEY ix_payments_shift (shift_id),
    KEY ix_payments_created (created_at),
    CONSTRAINT fk_payments_shift FOREIGN KEY (shift_id) REFERENCES shifts (id),
    CONSTRAINT ck_payments_money CHECK (amount_cents > 0 AND tip_cents >= 0 AND change_cents >= 0
        AND refunded_cents >= 0 AND refunded_cents <= amount_cents)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE refunds (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    payment_id   BIGINT UNSIGNED NOT NULL,
    order_id     BIGINT UNSIGNED NOT NULL,
    amount_cents BIGINT          NOT NULL,
    reason       VARCHAR(500)    NOT NULL,
    shift_id     BIGINT UNSIGNED NULL,
    created_by   BIGINT UNSIGNED NOT NULL,
    created_at   DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY ix_refunds_payment (payment_id),
    KEY ix_refunds_created (created_at),
    CONSTRAINT fk_refunds_payment FOREIGN KEY (payment_id) REFERENCES payments (id),
    CONSTRAINT ck_refunds_amount CHECK (amount_cents > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE cash_movements (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    shift_id     BIGINT UNSIGNED NOT NULL,
    amount_cents BIGINT          NOT NULL,
    reason       VARCHAR(500)    NOT NULL,
    created_by   BIGINT UNSIGNED NOT NULL,
    created_at   DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY ix_cash_movements_shift (shift_id),
    CONSTRAINT fk_cash_movements_shift FOREIGN KEY (shift_id) REFERENCES shifts (id),
    CONSTRAINT ck_cash_movements_amount CHECK (amount_cents <> 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per order that has seen a payment. Locked (FOR UPDATE) by every payment and refund
-- of that order, which serialises them: no overpay and no over-refund under concurrency.
CREATE TABLE payment_order_totals (
    order_id       BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    captured_cents BIGINT          NOT NULL DEFAULT 0,
    refunded_cents BIGINT          NOT NULL DEFAULT 0,
    tip_cents      BIGINT          NOT NULL DEFAULT 0,
    updated_at     DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    CONSTRAINT ck_payment_order_totals CHECK (captured_cents >= 0 AND refunded_cents >= 0 AND refunded_cents <= captured_cents)
) ENGINE = InnoDB;

-- Owner: the core library's idempotency mechanism (PosCore/Idempotency.swift), used by every
-- service that takes Idempotency-Key; rows are scoped by operation ("POST /api/payments").
CREATE TABLE idempotency_keys (
    scope         VARCHAR(64)      NOT NULL,
    idem_key      VARCHAR(255)     NOT NULL,
    fingerprint   BINARY(32)       NOT NULL,
    status_code   SMALLINT         NULL,
    content_type  VARCHAR(100)     NULL,
    response_body MEDIUMBLOB       NULL,
    created_at    DATETIME         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (scope, idem_key),
    KEY ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
