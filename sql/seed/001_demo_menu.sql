-- Demo menu of a small cafe: 5 categories, 23 items, 27 modifier groups, 79 options.
-- Applied by scripts/up (as root, into cafe_pos) after the migrations, on every run.
--
-- Idempotent, and it never touches a menu somebody already has: everything below is inserted
-- only when menu_categories has no row at all (deleted ones included), i.e. on a database that
-- has never had a menu, and then all in one transaction. A plain "INSERT IGNORE with fixed ids"
-- would not be enough: the menu service replaces an item's modifier groups by deleting them and
-- inserting new rows with fresh ids, so re-inserting groups 1..27 on the next run would give an
-- edited item a second "Size" group (or bring back groups a manager removed).
-- Explicit ids keep the demo data stable (tests and docs may name "item 5 = Latte"); InnoDB
-- moves AUTO_INCREMENT past them by itself.
--
-- Prices in integer cents; tax in basis points (1000 = 10.00 %; pastries 700 to show per-item
-- rates). Size prices are for Small; the Size group adds the difference.

SET NAMES utf8mb4;

START TRANSACTION;

-- 1 when this run seeds, 0 when a menu (even a deleted one) exists. Should two runs race on an
-- empty database, the fixed primary keys make the second fail (and roll back), never duplicate.
SET @seed_menu := NOT EXISTS (SELECT 1 FROM menu_categories);

INSERT INTO menu_categories (id, name, position, station)
WITH v (id, name, position, station) AS (VALUES
    (1, 'Coffee',      1, 'bar'),
    (2, 'Tea',         2, 'bar'),
    (3, 'Cold drinks', 3, 'bar'),
    (4, 'Pastries',    4, NULL),        -- handed over at the counter, no station
    (5, 'Sandwiches',  5, 'kitchen')
)
SELECT * FROM v WHERE @seed_menu;

INSERT INTO menu_items (id, category_id, name, description, price_cents, tax_rate_bp, stock)
WITH v (id, category_id, name, description, price_cents, tax_rate_bp, stock) AS (VALUES
    -- Coffee
    ( 1, 1, 'Espresso',              'A single shot of our house blend.',                   280, 1000, NULL),
    ( 2, 1, 'Americano',             'Espresso topped up with hot water.',                  320, 1000, NULL),
    ( 3, 1, 'Cappuccino',            'Espresso, steamed milk and a thick layer of foam.',   390, 1000, NULL),
    ( 4, 1, 'Flat White',            'Double ristretto with velvety microfoam.',            400, 1000, NULL),
    ( 5, 1, 'Latte',                 'Espresso with plenty of steamed milk.',               420, 1000, NULL),
    ( 6, 1, 'Mocha',                 'Latte with dark chocolate and cocoa on top.',         450, 1000, NULL),
    ( 7, 1, 'Cortado',               'Espresso cut with an equal part of warm milk.',       360, 1000, NULL),
    -- Tea
    ( 8, 2, 'English Breakfast',     'Strong black tea; milk on request.',                  290, 1000, NULL),
    ( 9, 2, 'Earl Grey',             'Black tea with bergamot.',                            290, 1000, NULL),
    (10, 2, 'Sencha Green Tea',      'Japanese green tea, light and grassy.',               310, 1000, NULL),
    (11, 2, 'Fresh Mint Tea',        'A glass full of fresh mint leaves.',                  300, 1000, NULL),
    -- Cold drinks
    (12, 3, 'Fresh Orange Juice',    'Squeezed to order, 250 ml.',                          390, 1000, NULL),
    (13, 3, 'Homemade Lemonade',     'Lemon, a little cane sugar, sparkling water.',        350, 1000, NULL),
    (14, 3, 'Peach Iced Tea',        'Black tea brewed cold with peach.',                   330, 1000, NULL),
    (15, 3, 'Sparkling Water',       'Bottle, 330 ml.',                                     250, 1000, NULL),
    -- Pastries (counted stock on two of them)
    (16, 4, 'Butter Croissant',      'Baked every morning.',                                300,  700,   12),
    (17, 4, 'Pain au Chocolat',      'Croissant dough with two bars of dark chocolate.',    340,  700, NULL),
    (18, 4, 'Cinnamon Bun',          'Swedish style, with cardamom.',                       360,  700,    8),
    (19, 4, 'Blueberry Muffin',      'With a crumble top.',                                 320,  700, NULL),
    -- Sandwiches
    (20, 5, 'Ham & Cheese Toastie',  'Ham, cheddar and mustard on sourdough.',              750, 1000, NULL),
    (21, 5, 'Chicken Pesto Focaccia','Roast chicken, basil pesto, rocket.',                 850, 1000, NULL),
    (22, 5, 'Tuna Melt',             'Tuna, red onion and melted cheddar on rye.',          790, 1000, NULL),
    (23, 5, 'Caprese Ciabatta',      'Mozzarella, tomato, basil and olive oil.',            780, 1000, NULL)
)
SELECT * FROM v WHERE @seed_menu;

-- Espresso drinks: Size (1..1), Milk (0..1; not on Espresso and Americano), Extra shot (0..2).
-- Teas: Size. Sandwiches: Extras (0..3). Cold drinks and pastries have none.
INSERT INTO menu_modifier_groups (id, item_id, name, min_select, max_select, position)
WITH v (id, item_id, name, min_select, max_select, position) AS (VALUES
    ( 1,  1, 'Size',       1, 1, 0),   -- Espresso
    ( 2,  1, 'Extra shot', 0, 2, 1),
    ( 3,  2, 'Size',       1, 1, 0),   -- Americano
    ( 4,  2, 'Extra shot', 0, 2, 1),
    ( 5,  3, 'Size',       1, 1, 0),   -- Cappuccino
    ( 6,  3, 'Milk',       0, 1, 1),
    ( 7,  3, 'Extra shot', 0, 2, 2),
    ( 8,  4, 'Size',       1, 1, 0),   -- Flat White
    ( 9,  4, 'Milk',       0, 1, 1),
    (10,  4, 'Extra shot', 0, 2, 2),
    (11,  5, 'Size',       1, 1, 0),   -- Latte
    (12,  5, 'Milk',       0, 1, 1),
    (13,  5, 'Extra shot', 0, 2, 2),
    (14,  6, 'Size',       1, 1, 0),   -- Mocha
    (15,  6, 'Milk',       0, 1, 1),
    (16,  6, 'Extra shot', 0, 2, 2),
    (17,  7, 'Size',       1, 1, 0),   -- Cortado
    (18,  7, 'Milk',       0, 1, 1),
    (19,  7, 'Extra shot', 0, 2, 2),
    (20,  8, 'Size',       1, 1, 0),   -- English Breakfast
    (21,  9, 'Size',       1, 1, 0),   -- Earl Grey
    (22, 10, 'Size',       1, 1, 0),   -- Sencha Green Tea
    (23, 11, 'Size',       1, 1, 0),   -- Fresh Mint Tea
    (24, 20, 'Extras',     0, 3, 0),   -- Ham & Cheese Toastie
    (25, 21, 'Extras',     0, 3, 0),   -- Chicken Pesto Focaccia
    (26, 22, 'Extras',     0, 3, 0),   -- Tuna Melt
    (27, 23, 'Extras',     0, 3, 0)    -- Caprese Ciabatta
)
SELECT * FROM v WHERE @seed_menu;

INSERT INTO menu_modifier_options (id, group_id, name, price_delta_cents, position)
WITH v (id, group_id, name, price_delta_cents, position) AS (VALUES
    -- Espresso
    ( 1,  1, 'Small',         0, 0), ( 2,  1, 'Regular',  50, 1), ( 3,  1, 'Large',  100, 2),
    ( 4,  2, 'Extra shot',   80, 0), ( 5,  2, 'Decaf',     0, 1),
    -- Americano
    ( 6,  3, 'Small',         0, 0), ( 7,  3, 'Regular',  50, 1), ( 8,  3, 'Large',  100, 2),
    ( 9,  4, 'Extra shot',   80, 0), (10,  4, 'Decaf',     0, 1),
    -- Cappuccino
    (11,  5, 'Small',         0, 0), (12,  5, 'Regular',  50, 1), (13,  5, 'Large',  100, 2),
    (14,  6, 'Whole',         0, 0), (15,  6, 'Oat',      60, 1), (16,  6, 'Almond',  60, 2), (17,  6, 'Soy', 50, 3),
    (18,  7, 'Extra shot',   80, 0), (19,  7, 'Decaf',     0, 1),
    -- Flat White
    (20,  8, 'Small',         0, 0), (21,  8, 'Regular',  50, 1), (22,  8, 'Large',  100, 2),
    (23,  9, 'Whole',         0, 0), (24,  9, 'Oat',      60, 1), (25,  9, 'Almond',  60, 2), (26,  9, 'Soy', 50, 3),
    (27, 10, 'Extra shot',   80, 0), (28, 10, 'Decaf',     0, 1),
    -- Latte
    (29, 11, 'Small',         0, 0), (30, 11, 'Regular',  50, 1), (31, 11, 'Large',  100, 2),
    (32, 12, 'Whole',         0, 0), (33, 12, 'Oat',      60, 1), (34, 12, 'Almond',  60, 2), (35, 12, 'Soy', 50, 3),
    (36, 13, 'Extra shot',   80, 0), (37, 13, 'Decaf',     0, 1),
    -- Mocha
    (38, 14, 'Small',         0, 0), (39, 14, 'Regular',  50, 1), (40, 14, 'Large',  100, 2),
    (41, 15, 'Whole',         0, 0), (42, 15, 'Oat',      60, 1), (43, 15, 'Almond',  60, 2), (44, 15, 'Soy', 50, 3),
    (45, 16, 'Extra shot',   80, 0), (46, 16, 'Decaf',     0, 1),
    -- Cortado
    (47, 17, 'Small',         0, 0), (48, 17, 'Regular',  50, 1), (49, 17, 'Large',  100, 2),
    (50, 18, 'Whole',         0, 0), (51, 18, 'Oat',      60, 1), (52, 18, 'Almond',  60, 2), (53, 18, 'Soy', 50, 3),
    (54, 19, 'Extra shot',   80, 0), (55, 19, 'Decaf',     0, 1),
    -- Teas
    (56, 20, 'Small',         0, 0), (57, 20, 'Regular',  50, 1), (58, 20, 'Large',  100, 2),
    (59, 21, 'Small',         0, 0), (60, 21, 'Regular',  50, 1), (61, 21, 'Large',  100, 2),
    (62, 22, 'Small',         0, 0), (63, 22, 'Regular',  50, 1), (64, 22, 'Large',  100, 2),
    (65, 23, 'Small',         0, 0), (66, 23, 'Regular',  50, 1), (67, 23, 'Large',  100, 2),
    -- Sandwiches
    (68, 24, 'Cheese',      100, 0), (69, 24, 'Avocado', 150, 1), (70, 24, 'Bacon',  200, 2),
    (71, 25, 'Cheese',      100, 0), (72, 25, 'Avocado', 150, 1), (73, 25, 'Bacon',  200, 2),
    (74, 26, 'Cheese',      100, 0), (75, 26, 'Avocado', 150, 1), (76, 26, 'Bacon',  200, 2),
    (77, 27, 'Cheese',      100, 0), (78, 27, 'Avocado', 150, 1), (79, 27, 'Bacon',  200, 2)
)
SELECT * FROM v WHERE @seed_menu;

-- The menu changed (only when this run seeded it): a service that already cached the empty
-- menu at the current version must not keep serving it.
UPDATE menu_state SET version = version + 1 WHERE id = 1 AND @seed_menu;

COMMIT;
