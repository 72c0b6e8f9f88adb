-- Broadsheet library schema version 2, frozen by tests/schemas/freeze.py: the schema exactly as this version created it
-- and three articles with links, sketches, reading state and a saved search. Never edit it.
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
   "sections" TEXT NOT NULL,
   "encoding" TEXT,
   "bytes" INTEGER NOT NULL,
   "title_key" TEXT NOT NULL,
   "title_alt_key" TEXT,
   "imported_at" TEXT NOT NULL
, body_z BLOB NOT NULL DEFAULT x'', raw_z BLOB NOT NULL DEFAULT x'');
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
CREATE VIEW articles_text AS SELECT id, title, summary, author, inflate(body_z) AS body FROM articles;
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, summary, author, body, content='articles_text', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN INSERT INTO articles_fts (rowid, title, summary, author, body) VALUES (new.id, new.title, new.summary, new.author, inflate(new.body_z)); END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN INSERT INTO articles_fts (articles_fts, rowid, title, summary, author, body) VALUES ('delete', old.id, old.title, old.summary, old.author, inflate(old.body_z)); END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN INSERT INTO articles_fts (articles_fts, rowid, title, summary, author, body) VALUES ('delete', old.id, old.title, old.summary, old.author, inflate(old.body_z)); INSERT INTO articles_fts (rowid, title, summary, author, body) VALUES (new.id, new.title, new.summary, new.author, inflate(new.body_z)); END;
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
INSERT INTO "articles" VALUES(1,'148d0401cfc69454880f618e831726412a366502d62d83879099aa6657150e0d','Harbour tolls to rise','Fishing boats will pay more to moor from April.','Jane Doe',NULL,NULL,'2021-03-03T08:15:00+05:30',1614739500.0,'2021-03-03','a.txt','[[null, 2]]','utf-8',326,'harbour tolls to rise',NULL,'2026-11-28T00:32:10+00:00',X'78012D8DDB0D80200C00FF9DA213B08C2E506C854604D2428CDB8B8FDF4BEE6E890C11D597AEE00B2A81A110B48125AFCA680C67E989A0E2055B5120650A92839BA679975A59ED73ECC094F8CD34FB253FEAD29E03B1357703A5E427D6',X'783F406143BBF3C0EA7A929DCF15945A905F54920A34BFD24A814A9E09727574B152082EC92FCA5548CEC92F4E05062F52E014E527A690E1632E2E88B98E0AC540932B814626962864162BE4E503A93C2017C8CEC94C2A4A2CAAE4E20A284DCA01C624D05FBE8945C9190AC645293A0A460646860A404D06165686A60A9EC1215C006D586E69');
INSERT INTO "articles" VALUES(2,'6fc7fcacbb8c1fe272df742c5c31e8557644bc3f5e9790c631d66101248e86f7','Storm closes the harbour road','High tides washed over the coast road overnight.','Omar Haddad',NULL,NULL,'2021-03-01T06:40:00+05:30',1614561000.0,'2021-03-01','b.txt','[[null, 1]]','utf-8',227,'storm closes the harbour road',NULL,'2026-11-28T00:32:10+00:00',X'78010BC9485548CE2FCD4BCECC5148CEC92F4E4D5128010A15E527A62894E695004541DC92CC1420515A94979AA20700D2C41243',X'783F57ED32FE0BC6EB1AD29DC315945A905F5402B438A9D24A8142C7717105B93ABA5801BD0709A192FC9C1C6098E52B146516A77271059426E56482C3C837B1283943C1B0B84447C1C8C0C85021B144C1C0CCCAC440C13338840B0080114C68');
INSERT INTO "articles" VALUES(3,'aafe2fad00a419d7c1216867240a20a8713f158d37ad20bef2c85891981b4aa8','Lighthouse keeper retires after forty years','The last keeper of the Saltings light hands over the keys.',NULL,NULL,NULL,NULL,NULL,NULL,'c.txt','[[null, 1]]','utf-8',158,'lighthouse keeper retires after forty years',NULL,'2026-11-28T00:32:10+00:00',X'7801F3485548CEC9CC4D4A4D5128C94855C828CD4B2902B213F380FCF2D49CB25485E292D4826285D4B2D4A24A85BCCCF48C123D00F30A1315',X'783FBE0138D6F321C17114B98E1CC7710100E42C38E0');
INSERT INTO "links" VALUES(1,0,'Storm closes the harbour road','storm closes the harbour road',NULL,0,2);
INSERT INTO "links" VALUES(1,1,'A story that is not in this library','a story that is not in this library',NULL,1,NULL);
INSERT INTO "links" VALUES(2,0,'Harbour tolls to rise','harbour tolls to rise',NULL,0,1);
INSERT INTO "saved_searches" VALUES('harbour','harbour -storm',0,'2026-11-27T00:00:00+00:00');
INSERT INTO "sketches" VALUES(2,70039787);
INSERT INTO "sketches" VALUES(1,1332113725);
INSERT INTO "sketches" VALUES(3,2153691448);
INSERT INTO "sketches" VALUES(1,2205270826);
INSERT INTO "state" VALUES(1,1,1,0.25,'2026-11-27T00:00:00+00:00');
PRAGMA user_version = 2;
COMMIT;
