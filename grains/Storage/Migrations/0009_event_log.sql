-- Every other grain's state beside the transactional state, written by the same group commit: the
-- risk monitors, publication-log shards, customers and inboxes that many requests touch at once
-- share one round trip and one commit instead of one ADO.NET provider call and commit each.
-- (State kept before in OrleansStorage is not carried over: the bank has not launched.)
CREATE TABLE wallet_grain_state (
    service_id  varchar(150) NOT NULL,
    grain_id    varchar(512) NOT NULL,
    state_name  varchar(150) NOT NULL,
    version     bigint       NOT NULL,
    record      bytea        NOT NULL,
    modified_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_id, state_name)
);
ALTER TABLE wallet_grain_state ALTER COLUMN record SET STORAGE MAIN;
ALTER TABLE wallet_grain_state SET (toast_tuple_target = 8160, fillfactor = 70);

-- The event log: each customer's events appended in the group commit's batches (no commit of their
-- own) to one of a few partitions by customer, and read in order by one reader per partition.
-- Order is the writing transaction's id, then the row's position: a reader takes only rows whose
-- transaction is older than every transaction still running (pg_snapshot_xmin), so a row that
-- commits later can never land behind a position already read. Nothing is deleted per event;
-- old rows go in bulk once every reader is past them.
CREATE TABLE wallet_event_log (
    service_id varchar(150) NOT NULL,
    partition  smallint     NOT NULL,
    xid        xid8         NOT NULL DEFAULT pg_current_xact_id(),
    position   bigint       GENERATED ALWAYS AS IDENTITY,
    event      bytea        NOT NULL,
    written_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, partition, xid, position)
);

-- Where each partition's reader is: stored once per batch it delivered.
CREATE TABLE wallet_event_readers (
    service_id varchar(150) NOT NULL,
    partition  smallint     NOT NULL,
    xid        xid8         NOT NULL,
    position   bigint       NOT NULL,
    moved_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, partition)
);
