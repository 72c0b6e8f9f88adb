-- Broadsheet library schema version 1, frozen: the tables, indexes, full-text index and
-- triggers exactly as version 1 created them, and a few rows (3 articles, their links,
-- sketches, reading state and a saved search). The full-text rows are filled by the
-- triggers as the articles go in. Generated once from a fresh library; never edit it.
BEGIN;
CREATE TABLE "articles" (
   "id" INTEGER PRIMARY KEY,
   "sha256" TEXT NOT NULL,
   "title" TEXT NOT NULL,
   "summary" TEXT NOT NULL,
   "author" TEXT,
   "image_credit" TEXT,
   "updated" TEXT,
   "published" TEXT,
   "sort_date" REAL,
   "local_date" TEXT,
   "source_path" TEXT,
   "body" TEXT NOT NULL,
   "sections" TEXT NOT NULL,
   "raw" BLOB NOT NULL,
   "encoding" TEXT,
   "bytes" INTEGER NOT NULL,
   "title_key" TEXT NOT NULL,
   "title_alt_key" TEXT,
   "imported_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "idx_articles_sha256"
    ON "articles" ("sha256");
CREATE INDEX "idx_articles_sort_date_id_local_date_author"
    ON "articles" ("sort_date", "id", "local_date", "author");
CREATE INDEX "idx_articles_local_date"
    ON "articles" ("local_date");
CREATE INDEX "idx_articles_title_key"
    ON "articles" ("title_key");
CREATE INDEX articles_title_alt_key ON articles(title_alt_key) WHERE title_alt_key IS NOT NULL;
CREATE INDEX "idx_articles_author"
    ON "articles" ("author");
CREATE INDEX articles_by_title ON articles(title COLLATE NOCASE, id);
CREATE INDEX articles_by_author ON articles(author COLLATE NOCASE, sort_date DESC, id DESC);
CREATE INDEX articles_facets ON articles(id, sort_date, local_date, author);
CREATE TABLE links (from_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, position INTEGER NOT NULL, text TEXT NOT NULL, key TEXT NOT NULL, alt_key TEXT, after_paragraph INTEGER NOT NULL DEFAULT -1, target_id INTEGER REFERENCES articles(id) ON DELETE SET NULL, PRIMARY KEY (from_id, position)) WITHOUT ROWID;
CREATE INDEX links_target ON links(target_id) WHERE target_id IS NOT NULL;
CREATE INDEX links_key ON links(key);
CREATE INDEX links_alt_key ON links(alt_key) WHERE alt_key IS NOT NULL;
CREATE TABLE sketches (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, hash INTEGER NOT NULL, PRIMARY KEY (article_id, hash)) WITHOUT ROWID;
CREATE INDEX sketches_hash ON sketches(hash);
CREATE TABLE "state" (
   "article_id" INTEGER PRIMARY KEY,
   "read" INTEGER NOT NULL DEFAULT 0,
   "starred" INTEGER NOT NULL DEFAULT 0,
   "position" REAL,
   "read_at" TEXT
);
CREATE INDEX state_read ON state(read, article_id);
CREATE INDEX state_starred ON state(starred, article_id) WHERE starred = 1;
CREATE TABLE saved_searches (name TEXT PRIMARY KEY COLLATE NOCASE, query TEXT NOT NULL, position INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "title", "summary", "author", "body",
    tokenize='porter unicode61 remove_diacritics 2',
    content="articles"
);
CREATE TRIGGER "articles_ai" AFTER INSERT ON "articles" BEGIN
  INSERT INTO "articles_fts" (rowid, "title", "summary", "author", "body") VALUES (new.rowid, new."title", new."summary", new."author", new."body");
END;
CREATE TRIGGER "articles_ad" AFTER DELETE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "summary", "author", "body") VALUES('delete', old.rowid, old."title", old."summary", old."author", old."body");
END;
CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "summary", "author", "body") VALUES('delete', old.rowid, old."title", old."summary", old."author", old."body");
  INSERT INTO "articles_fts" (rowid, "title", "summary", "author", "body") VALUES (new.rowid, new."title", new."summary", new."author", new."body");
END;
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
INSERT INTO "articles" VALUES(1,'148d0401cfc69454880f618e831726412a366502d62d83879099aa6657150e0d','Harbour tolls to rise','Fishing boats will pay more to moor from April.','Jane Doe',NULL,NULL,'2021-03-03T08:15:00+05:30',1614739500.0,'2021-03-03','a.txt','The harbour board said the increase would pay for dredging.

Skippers said smaller boats would be hit hardest.','[[null, 2]]',X'78014DD0DD6AC3300C05E07B3FC5798031DA8EC1C85DA11BDB603096BE801CAB8D991305C9A1E4EDA7743FECC6B68CFDE9D8CFA45166459552CC4768360EE1295B9FC733A250355C72299868C120CAEBA14144715219B09F3497DB103E7812AD9C109706AF34320EE2CEB167F43F2DDCD204A39C507D3B8F9D3219E322734957FEE46A524E676FBD9A8FFB4383B68A0EE88A187BC07F9E0AA510DACF3C4DACF60DDB40A5B0FEE6BECAD123E4BAC6486CF5CFDDC35C5E9CA48A6C18C5A7D14B5F971C957409E17D8EC5BFC2DFF546DAF5B8D37483DD66B7855FDA3C34DB7BBCB4C7F0056D586E69','utf-8',326,'harbour tolls to rise',NULL,'2026-11-28T00:00:13+00:00');
INSERT INTO "articles" VALUES(2,'6fc7fcacbb8c1fe272df742c5c31e8557644bc3f5e9790c631d66101248e86f7','Storm closes the harbour road','High tides washed over the coast road overnight.','Omar Haddad',NULL,NULL,'2021-03-01T06:40:00+05:30',1614561000.0,'2021-03-01','b.txt','The council closed the road until the tide turned.','[[null, 1]]',X'7801258E410AC2301045F739C51C40A42DE2A23B41A12E44B1BDC03409269076643251BCBD49BA9D79BCF747215E40078A3682380B0E79A6C4C08446A9C1BF1C8837F9F9C5E8AC01FA58AEA0268C52B17A5B33297BA59EF64D2C199C7F3DDC176418D098E29AB25D535AB50F5BD0544F09415A255F4BBFC44012AFD614DBE574EEB361DB2414425E49C03E5AA51E690EBE8EBA216B076D941D744DD7020A34C7FED0C0759CD41F80114C68','utf-8',227,'storm closes the harbour road',NULL,'2026-11-28T00:00:13+00:00');
INSERT INTO "articles" VALUES(3,'aafe2fad00a419d7c1216867240a20a8713f158d37ad20bef2c85891981b4aa8','Lighthouse keeper retires after forty years','The last keeper of the Saltings light hands over the keys.',NULL,NULL,NULL,NULL,NULL,NULL,'c.txt','He climbed the hundred and twelve steps every night.','[[null, 1]]',X'7801358CCB0DC3201044EF543115B88E1C724B1A206130C8042C76ED88EEB358CA6DBEEF9ED7A4A91D426CE4CE8E4ECD9D021FD55C6C5D07067D17E79E89285EF43F6D116AD1C317CD7515940943F23508DA69EFD96E1CB2387723DE257F5E0C579A8E1ABA69DB42BF2C2721CA5D40FB0DD4495ADC0FE42C38E0','utf-8',158,'lighthouse keeper retires after forty years',NULL,'2026-11-28T00:00:13+00:00');
INSERT INTO "links" VALUES(1,0,'Storm closes the harbour road','storm closes the harbour road',NULL,0,2);
INSERT INTO "links" VALUES(1,1,'A story that is not in this library','a story that is not in this library',NULL,1,NULL);
INSERT INTO "links" VALUES(2,0,'Harbour tolls to rise','harbour tolls to rise',NULL,0,1);
INSERT INTO "saved_searches" VALUES('harbour','harbour -storm',0,'2026-11-27T00:00:00+00:00');
INSERT INTO "sketches" VALUES(2,70039787);
INSERT INTO "sketches" VALUES(1,1332113725);
INSERT INTO "sketches" VALUES(3,2153691448);
INSERT INTO "sketches" VALUES(1,2205270826);
INSERT INTO "state" VALUES(1,1,1,0.25,'2026-11-27T00:00:00+00:00');
PRAGMA user_version = 1;
COMMIT;
