-- Demo tables for guest ordering: "Table 1" to "Table 4", each with a fresh random token
-- (256 bits, base64url, the shape Secrets.newToken gives; its SHA-256 as the look-up digest).
-- Applied by scripts/up (as root, into cafe_pos) after the migrations, on every run.
-- Idempotent, and it never touches tables somebody already has: nothing is inserted once
-- guest_tables has any row (a renamed or disabled demo table is not brought back).

SET NAMES utf8mb4;

START TRANSACTION;

SET @seed_tables := NOT EXISTS (SELECT 1 FROM guest_tables);

INSERT INTO guest_tables (label, token, token_digest)
SELECT t.label, t.token, UNHEX(SHA2(t.token, 256))
FROM (
    SELECT v.label,
           REPLACE(REPLACE(TRIM(TRAILING '=' FROM TO_BASE64(RANDOM_BYTES(32))), '+', '-'), '/', '_') AS token
    FROM (SELECT 'Table 1' AS label UNION ALL SELECT 'Table 2' UNION ALL SELECT 'Table 3' UNION ALL SELECT 'Table 4') v
) t
WHERE @seed_tables;

COMMIT;
