-- The ledger check from the rows themselves: each transactional state that holds money (a wallet's
-- book, a till, a clearing account) says beside its record which side of the books it is on, its
-- currency, its committed amount and the amounts of its prepared transactions, and every state
-- says which transactions it has committed as their manager and not yet seen confirmed everywhere.
-- One SELECT (one snapshot) then sums the books without a grain call or a lock: a prepared amount
-- counts when its transaction's commit record is in the same snapshot (an in-flight transfer is
-- counted on both sides or on neither). Written by the group commit in the statement that writes the record.
ALTER TABLE wallet_transactional_state
    ADD COLUMN ledger_side          char(1),
    ADD COLUMN ledger_currency      varchar(3),
    ADD COLUMN committed_money      bigint,
    ADD COLUMN pending_transactions uuid[],
    ADD COLUMN pending_money        bigint[],
    ADD COLUMN commit_records       uuid[];

-- The check reads the few rows that hold money and the fewer that hold commit records, not every movement's record.
CREATE INDEX wallet_transactional_state_money ON wallet_transactional_state (service_id) WHERE ledger_side IS NOT NULL;
CREATE INDEX wallet_transactional_state_commit_records ON wallet_transactional_state (service_id) WHERE commit_records IS NOT NULL;
