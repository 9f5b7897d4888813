-- Transactional state (wallet books, movement records, clearing accounts) in a table of its own,
-- written by the silo's group commit (Storage/GroupCommit): the stores that concurrent transactions
-- make are sent together, one round trip and one database transaction for many grains, instead of
-- one ADO.NET provider call and one commit per participant per phase (measured: ~17 commits and ~7
-- row writes per transfer). One row per grain and state; version is the optimistic concurrency tag.
CREATE TABLE wallet_transactional_state (
    service_id  varchar(150) NOT NULL,
    grain_id    varchar(512) NOT NULL,
    state_name  varchar(150) NOT NULL,
    version     bigint       NOT NULL,
    record      bytea        NOT NULL,
    modified_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_id, state_name)
);
