-- Broadsheet library schema version 3, frozen by tests/schemas/freeze.py: the schema exactly as this version created it
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
CREATE TABLE word_frequencies (id INTEGER PRIMARY KEY CHECK (id = 1), top_id INTEGER NOT NULL, articles INTEGER NOT NULL, data BLOB NOT NULL);
INSERT INTO "articles" VALUES(1,'148d0401cfc69454880f618e831726412a366502d62d83879099aa6657150e0d','Harbour tolls to rise','Fishing boats will pay more to moor from April.','Jane Doe',NULL,NULL,'2021-03-03T08:15:00+05:30',1614739500.0,'2021-03-03','a.txt','[[null, 2]]','utf-8',326,'harbour tolls to rise',NULL,'2026-11-28T05:20:19+00:00',X'28B52FFD206EBD02001206131690376DB89AC86869FFB06B3F37E288ED6EC56EBC445DC549D7C97ACEEA9287B0F436860A9937821C01401085719C517EF538E881909649D05027F982E36A3BADA36C9DB0F4099693D51608020058E52FEEA0CE',X'28B52FFD604600CD030012C7171B606BDB80593349AFC08CC8A65875A037CA0D59A7F60B07019C704A27C1182E40D0E078DF91E4480E501B38367B87AB859C2C3510E7B4BD4DC9CE89FD45BE7571CEF761BFAD365F51A78BBC585973C56A334704A5B01CB574B57A95B1961307005B1000753B64337725AC1012D45055681104150304');
INSERT INTO "articles" VALUES(2,'6fc7fcacbb8c1fe272df742c5c31e8557644bc3f5e9790c631d66101248e86f7','Storm closes the harbour road','High tides washed over the coast road overnight.','Omar Haddad',NULL,NULL,'2021-03-01T06:40:00+05:30',1614561000.0,'2021-03-01','b.txt','[[null, 1]]','utf-8',227,'storm closes the harbour road',NULL,'2026-11-28T05:20:19+00:00',X'28B52FFD203291010054686520636F756E63696C20636C6F7365642074686520726F616420756E74696C207468652074696465207475726E65642E',X'28B52FFD20E3D50200D244121A80C53A80454134E6CF48867A1B311D2D0518789063A8A81BEC01DA30C9CFA088F36647E9A40BCDE80F309972B78F616C82457519CECB3EC7281BB9328A63A95E0DDADDF694815D1A0400259B1D0499A44B2C82886880');
INSERT INTO "articles" VALUES(3,'aafe2fad00a419d7c1216867240a20a8713f158d37ad20bef2c85891981b4aa8','Lighthouse keeper retires after forty years','The last keeper of the Saltings light hands over the keys.',NULL,NULL,NULL,NULL,NULL,NULL,'c.txt','[[null, 1]]','utf-8',158,'lighthouse keeper retires after forty years',NULL,'2026-11-28T05:20:19+00:00',X'28B52FFD2034A10100486520636C696D626564207468652068756E6472656420616E64207477656C7665207374657073206576657279206E696768742E',X'28B52FFD209E650000080A03400081532193029926');
INSERT INTO "links" VALUES(1,0,'Storm closes the harbour road','storm closes the harbour road',NULL,0,2);
INSERT INTO "links" VALUES(1,1,'A story that is not in this library','a story that is not in this library',NULL,1,NULL);
INSERT INTO "links" VALUES(2,0,'Harbour tolls to rise','harbour tolls to rise',NULL,0,1);
INSERT INTO "saved_searches" VALUES('harbour','harbour -storm',0,'2026-11-27T00:00:00+00:00');
INSERT INTO "sketches" VALUES(2,70039787);
INSERT INTO "sketches" VALUES(1,1332113725);
INSERT INTO "sketches" VALUES(3,2153691448);
INSERT INTO "sketches" VALUES(1,2205270826);
INSERT INTO "state" VALUES(1,1,1,0.25,'2026-11-27T00:00:00+00:00');
PRAGMA user_version = 3;
COMMIT;
