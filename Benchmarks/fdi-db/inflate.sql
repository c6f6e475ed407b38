-- Inflates the small demo park (`parkos demo --scale small`) to 100,000 projects (copies of the
-- demo's), 1,000,000 inflows (11 per copy, each in a random month of 2018-2025) and one contracted
-- entry per copy, for the FDI report measured from the database (README: Investment promotion,
-- Speed). Usage: sqlite3 DB < Benchmarks/fdi-db/inflate.sql; then run `parkos fdi report` on DB.
-- The rows bypass the service, so the last statement rebuilds the monthly roll-up as FDIRollup
-- does (on a database of before the roll-up it fails harmlessly: the migration builds it).
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 130) INSERT INTO n SELECT i FROM c;
INSERT INTO investment_projects (id,code,investor_id,enterprise_id,name_zh,name_en,project_type,cluster,industry_code,total_investment_minor,total_investment_currency,registered_capital_minor,registered_capital_currency,foreign_capital_minor,foreign_capital_currency,land_need_mu,officer_id,source,first_contact_on,stage,stage_since,stage_due_on,signed_on,drop_reason,confidential,code_name,created_at_ms,updated_at_ms)
SELECT upper(hex(randomblob(4))||'-'||hex(randomblob(2))||'-4'||substr(hex(randomblob(2)),2)||'-8'||substr(hex(randomblob(2)),2)||'-'||hex(randomblob(6))),
 code||'-X'||n.i,investor_id,NULL,name_zh,name_en,project_type,cluster,industry_code,total_investment_minor,total_investment_currency,registered_capital_minor,registered_capital_currency,foreign_capital_minor,foreign_capital_currency,land_need_mu,officer_id,source,first_contact_on,stage,stage_since,stage_due_on,signed_on,drop_reason,confidential,code_name,created_at_ms,updated_at_ms
FROM investment_projects p, n ORDER BY n.i, p.code LIMIT (100000 - (SELECT COUNT(*) FROM investment_projects));
CREATE TEMP TABLE k(k INTEGER PRIMARY KEY);
WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k+1 FROM c WHERE k < 11) INSERT INTO k SELECT k FROM c;
INSERT INTO fdi_inflows (id,project_id,month,kind,amount_minor,currency,usd_per_unit_e8,cny_per_unit_e8,usd_cents,cny_fen,created_by,created_at_ms,arrived_on,bank_reference)
SELECT upper(hex(randomblob(4))||'-'||hex(randomblob(2))||'-4'||substr(hex(randomblob(2)),2)||'-8'||substr(hex(randomblob(2)),2)||'-'||hex(randomblob(6))),
 id, m, 'cash', amt, 'USD', 100000000, 700000000, amt, amt*7, 'bench', 0, m||'-15', 'B'
FROM (SELECT p.id AS id, printf('%04d-%02d', 2018 + abs(random()) % 8, 1 + abs(random()) % 12) AS m, 100000 + abs(random()) % 100000000 AS amt
      FROM (SELECT id FROM investment_projects WHERE code LIKE '%-X%') p, k)
LIMIT (1000000 - (SELECT COUNT(*) FROM fdi_inflows));
INSERT INTO fdi_contracted (id,project_id,month,kind,amount_minor,currency,usd_per_unit_e8,cny_per_unit_e8,usd_cents,cny_fen,created_by,created_at_ms,recorded_on,event,note)
SELECT upper(hex(randomblob(4))||'-'||hex(randomblob(2))||'-4'||substr(hex(randomblob(2)),2)||'-8'||substr(hex(randomblob(2)),2)||'-'||hex(randomblob(6))),
 id, m, 'subscribed_capital', amt, 'USD', 100000000, 700000000, amt, amt*7, 'bench', 0, m||'-10', 'signing', ''
FROM (SELECT id, printf('%04d-%02d', 2018 + abs(random()) % 8, 1 + abs(random()) % 12) AS m, 1000000 + abs(random()) % 1000000000 AS amt
      FROM investment_projects WHERE code LIKE '%-X%');
DELETE FROM fdi_project_months;
INSERT INTO fdi_project_months (project_id, month, utilised_usd_cents, utilised_cny_fen, contracted_usd_cents, contracted_cny_fen)
SELECT project_id, month, SUM(uu), SUM(uc), SUM(cu), SUM(cc) FROM (
  SELECT project_id, month, usd_cents AS uu, cny_fen AS uc, 0 AS cu, 0 AS cc FROM fdi_inflows
  UNION ALL SELECT project_id, month, 0, 0, usd_cents, cny_fen FROM fdi_contracted) GROUP BY project_id, month;
ANALYZE;
