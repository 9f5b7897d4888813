-- The Orleans ADO.NET providers read the SQL they run from this table, by query name.
-- Its name and its two columns are fixed by the providers; the queries are ours.
CREATE TABLE orleansquery
(
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);
