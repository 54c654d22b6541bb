-- Owner: menu service (account pos_menu). Other services read these tables (SELECT only).
-- Categories and items are soft-deleted: past orders keep pointing at them.

CREATE TABLE menu_categories (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100)    NOT NULL,
    position   INT             NOT NULL DEFAULT 0,
    -- Kitchen station that receives this category's order lines ("bar", "kitchen"); NULL = none.
    station    VARCHAR(32)     NULL,
    deleted_at DATETIME        NULL,
    created_at DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    KEY ix_menu_categories_position (position, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE menu_items (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    category_id BIGINT UNSIGNED NOT NULL,
    name        VARCHAR(100)    NOT NULL,
    description VARCHAR(500)    NOT NULL DEFAULT '',
    price_cents BIGINT          NOT NULL,
    tax_rate_bp INT             NOT NULL,
    available   TINYINT(1)      NOT NULL DEFAULT 1,
    -- NULL: not counted. Otherwise what is left; submitting an order takes it down, never below 0.
    stock       INT             NULL,
    version     INT UNSIGNED    NOT NULL DEFAULT 1,
    deleted_at  DATETIME        NULL,
    created_at  DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  DATETIME        NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    KEY ix_menu_items_category (category_id, deleted_at),
    CONSTRAINT fk_menu_items_category FOREIGN KEY (category_id) REFERENCES menu_categories (id),
    CONSTRAINT ck_menu_items_price CHECK (price_cents >= 0),
    CONSTRAINT ck_menu_items_tax CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    CONSTRAINT ck_menu_items_stock CHECK (stock IS NULL OR stock >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE menu_modifier_groups (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id    BIGINT UNSIGNED NOT NULL,
    name       VARCHAR(100)    NOT NULL,
    min_select INT             NOT NULL DEFAULT 0,
    max_select INT             NOT NULL DEFAULT 1,
    position   INT             NOT NULL DEFAULT 0,
    KEY ix_modifier_groups_item (item_id, position),
    CONSTRAINT fk_modifier_groups_item FOREIGN KEY (item_id) REFERENCES menu_items (id) ON DELETE CASCADE,
    CONSTRAINT ck_modifier_groups_select CHECK (min_select >= 0 AND max_select >= min_select)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE menu_modifier_options (
    id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    group_id          BIGINT UNSIGNED NOT NULL,
    name              VARCHAR(100)    NOT NULL,
    price_delta_cents BIGINT          NOT NULL DEFAULT 0,
    position          INT             NOT NULL DEFAULT 0,
    KEY ix_modifier_options_group (group_id, position),
    CONSTRAINT fk_modifier_options_group FOREIGN KEY (group_id) REFERENCES menu_modifier_groups (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row: bumped in the same transaction as every menu change; the public menu's ETag.
CREATE TABLE menu_state (
    id      TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    version BIGINT UNSIGNED  NOT NULL,
    CONSTRAINT ck_menu_state_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO menu_state (id, version) VALUES (1, 1);
