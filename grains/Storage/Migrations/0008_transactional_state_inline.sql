-- Keep transactional state records in their table row instead of TOAST. A wallet's record holds its
-- recent entries twice while a transaction is prepared (committed and pending copies), a few KB,
-- which PostgreSQL moved out of line at 2 KB: every store then wrote several TOAST chunks and
-- deleted the old ones (the bench counted 14-24 row writes per transfer). Compressed in place
-- (STORAGE MAIN) and a row allowed up to a page before TOAST is tried; room left free on each page
-- lets an update stay on its page (no index entry to add: the key never changes).
ALTER TABLE wallet_transactional_state ALTER COLUMN record SET STORAGE MAIN;
ALTER TABLE wallet_transactional_state SET (toast_tuple_target = 8160, fillfactor = 70);
