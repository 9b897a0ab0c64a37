-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prev_hash" CHAR(64);

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "id" INTEGER NOT NULL,
    "last_id" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("id")
);

-- A tamper-evident audit log. Each row's hash is sha256 over its content and the previous row's hash, so a
-- changed row no longer matches its hash and a deleted row breaks the next row's link (npm run audit:verify).
-- The text hashed is a JSON array of the columns as text; lib/audit/chain.ts builds the same text to check it.
ALTER TABLE "audit_chain_head" ADD CONSTRAINT "audit_chain_head_one_row" CHECK ("id" = 1);

CREATE FUNCTION audit_log_hash(r audit_log) RETURNS char(64) LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(json_build_array(
    r.id::text, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), r.user_id::text, r.username,
    r.role::text, r.action, r.entity, r.entity_id, r.region_code, r.result::text, r.changes::text, r.message,
    r.request_id, r.prev_hash
  )::text, 'UTF8')), 'hex')
$$;

-- Concurrent writers must not fork the chain. Each insert locks the head row until its transaction ends, so
-- writers append one after another, each after the last committed link (READ COMMITTED reads the newest head;
-- a REPEATABLE READ writer that lost the race fails with a serialization error instead of forking). An id drawn
-- before the lock and overtaken by another writer's is drawn again, so ids grow along the chain (ids may still
-- skip: a rolled-back row leaves a gap in the ids, never in the chain). The head moves once per statement
-- (a row lock rather than an advisory lock, because the head also lets the verifier notice deleted newest
-- rows; moving it per row would make a many-row statement slow down quadratically). Rows of the same statement
-- chain to each other: the trigger sees the ones inserted before it.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_head;
  last_row record;
BEGIN
  SELECT * INTO STRICT head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  SELECT id, hash INTO last_row FROM audit_log ORDER BY id DESC LIMIT 1;
  IF last_row.id IS NOT NULL AND last_row.id > head.last_id THEN
    head.last_id := last_row.id; -- an earlier row of this statement
    head.hash := last_row.hash;
  END IF;
  IF NEW.id <= head.last_id THEN
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  END IF;
  NEW.prev_hash := head.hash;
  NEW.hash := audit_log_hash(NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION audit_chain_move_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE audit_chain_head SET last_id = newest.id, hash = newest.hash
    FROM (SELECT id, hash FROM new_rows ORDER BY id DESC LIMIT 1) newest WHERE audit_chain_head.id = 1;
  RETURN NULL;
END $$;

-- Audit rows are never changed or deleted, not even by the table's owner, unless a maintainer says so in
-- the transaction: SET LOCAL bangfu.audit_maintenance = 'on'. The head changes only through the insert trigger.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('bangfu.audit_maintenance', true) = 'on' OR (TG_TABLE_NAME = 'audit_chain_head' AND pg_trigger_depth() > 1) THEN
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION '% on % refused: the audit log is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'For maintenance only: SET LOCAL bangfu.audit_maintenance = ''on''';
END $$;

-- Chain the rows written before this migration, oldest first.
DO $$
DECLARE
  r audit_log;
  previous char(64) := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    r.prev_hash := previous;
    previous := audit_log_hash(r);
    UPDATE audit_log SET prev_hash = r.prev_hash, hash = previous WHERE id = r.id;
  END LOOP;
  INSERT INTO audit_chain_head (id, last_id, hash) VALUES (1, coalesce((SELECT max(id) FROM audit_log), 0), previous);
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
CREATE TRIGGER audit_chain_move_head AFTER INSERT ON audit_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_move_head();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
