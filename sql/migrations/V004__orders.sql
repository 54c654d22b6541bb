-- Owner: order service (account pos_order). Orders, their lines and modifiers as priced when
-- added (names and prices are copied, so later menu edits never change a past order), the
-- per-business-day ticket counter.

CREATE TABLE orders (
    id                    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    business_date         DATE            NOT NULL,
    number                INT UNSIGNED    NOT NULL,
    status                ENUM('pending', 'open', 'submitted', 'ready', 'completed', 'cancelled') NOT NULL,
    type                  ENUM('dine_in', 'takeaway') NOT NULL,
    table_label           VARCHAR(32)     NULL,
    note                  VARCHAR(500)    NULL,
    source                ENUM('staff', 'guest') NOT NULL DEFAULT 'staff',
    -- Totals are recomputed by the one pricing function on every change and stored with it.
    subtotal_cents        BIGINT          NOT NULL DEFAULT 0,
    discount_cents        BIGINT          NOT NULL DEFAULT 0,
    tax_cents             BIGINT          NOT NULL DEFAULT 0,
    total_cents           BIGINT          NOT NULL DEFAULT 0,
    tax_mode              ENUM('exclusive', 'inclusive') NOT NULL,
    discount_percent_bp   INT             NULL,
    discount_amount_cents BIGINT          NULL,
    discount_reason       VARCHAR(500)    NULL,
    cancel_reason         VARCHAR(500)    NULL,
    version               INT UNSIGNED    NOT NULL DEFAULT 1,
    created_by            BIGINT UNSIGNED NULL,
    created_at            DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at            DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    submitted_at          DATETIME        NULL,
    ready_at              DATETIME        NULL,
    completed_at          DATETIME        NULL,
    cancelled_at          DATETIME        NULL,
    UNIQUE KEY uq_orders_ticket (business_date, number),
    KEY ix_orders_status (status, submitted_at),
    KEY ix_orders_created (created_at),
    CONSTRAINT ck_orders_money CHECK (subtotal_cents >= 0 AND discount_cents >= 0 AND tax_cents >= 0 AND total_cents >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE order_lines (
    id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id          BIGINT UNSIGNED NOT NULL,
    item_id           BIGINT UNSIGNED NOT NULL,
    name              VARCHAR(100)    NOT NULL,
    quantity          INT             NOT NULL,
    base_price_cents  BIGINT          NOT NULL,
    unit_price_cents  BIGINT          NOT NULL,
    tax_rate_bp       INT             NOT NULL,
    line_total_cents  BIGINT          NOT NULL,
    station           VARCHAR(32)     NULL,
    note              VARCHAR(200)    NULL,
    created_at        DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY ix_order_lines_order (order_id, id),
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT ck_order_lines_quantity CHECK (quantity BETWEEN 1 AND 999)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE order_line_modifiers (
    id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    line_id           BIGINT UNSIGNED NOT NULL,
    option_id         BIGINT UNSIGNED NOT NULL,
    name              VARCHAR(100)    NOT NULL,
    price_delta_cents BIGINT          NOT NULL,
    KEY ix_order_line_modifiers_line (line_id),
    CONSTRAINT fk_order_line_modifiers_line FOREIGN KEY (line_id) REFERENCES order_lines (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Ticket numbers restart each business day; the row lock on the day's counter serialises
-- concurrent creations, and uq_orders_ticket guarantees uniqueness regardless.
CREATE TABLE order_ticket_counters (
    business_date DATE         NOT NULL PRIMARY KEY,
    last_number   INT UNSIGNED NOT NULL
) ENGINE = InnoDB;
