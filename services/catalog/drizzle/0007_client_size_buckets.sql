-- The web client labels club sizes by id from its own table (< 10, 10-20, 20-50, 50-100, 100+); our
-- first defaults (1-20, 21-50, 51-100, 101-250, 250+) made the sign-up form and the club page disagree.
-- Ids are kept, so every club shows what the client always showed for it. Renamed only when the table
-- still holds exactly the first defaults: a list an admin has edited is theirs and stays as it is.
UPDATE "catalog"."num_user_tags" AS "size" SET "value" = "bucket"."value"
FROM (VALUES (0, '< 10'), (1, '10-20'), (2, '20-50'), (3, '50-100'), (4, '100+')) AS "bucket"("id", "value")
WHERE "size"."id" = "bucket"."id"
  AND (SELECT array_agg("value" ORDER BY "id") FROM "catalog"."num_user_tags")
    = ARRAY['1-20', '21-50', '51-100', '101-250', '250+'];
