/* The extractor: documents in, triples out.
 *
 * Knowledge (lexicon of entities, titles, relation rules, dated roles) is
 * loaded once into an ng_knowledge, which is read-only afterwards and may be
 * shared by several extractors on several threads.  An ng_extractor holds one
 * thread's scratch memory and the role bindings it has learned.
 *
 * Typical use:
 *   ng_knowledge *k = ng_knowledge_new();
 *   ng_knowledge_load_defaults(k, &err);          // built-in data
 *   ng_knowledge_add_lexicon(k, "mine.csv", &err); // optional
 *   ng_knowledge_compile(k, &err);
 *   ng_extractor *x = ng_extractor_new(k);
 *   for each doc: ng_extractor_learn(x, &doc);    // optional first pass
 *   for each doc: ng_extract_doc(x, &doc, on_triple, user);
 */
#ifndef NG_EXTRACT_H
#define NG_EXTRACT_H

#include "ng_common.h"
#include "ng_doc.h"
#include "ng_triple.h"

typedef struct ng_knowledge ng_knowledge;
typedef struct ng_extractor ng_extractor;

ng_knowledge *ng_knowledge_new(void);
void ng_knowledge_free(ng_knowledge *k); /* NULL-safe */

/* The lexicon, titles and rules built into the binary. */
ng_status ng_knowledge_load_defaults(ng_knowledge *k, ng_error *err);
/* User files: an entities CSV (--lexicon), a rule file (--rules), a roles CSV
 * (--roles).  Formats: extract/README.md. */
ng_status ng_knowledge_add_lexicon(ng_knowledge *k, const char *path, ng_error *err);
ng_status ng_knowledge_add_rules(ng_knowledge *k, const char *path, ng_error *err);
ng_status ng_knowledge_add_roles(ng_knowledge *k, const char *path, ng_error *err);
/* A names CSV (--names): name,kind (given or family) as in extract/data/names.csv. */
ng_status ng_knowledge_add_names(ng_knowledge *k, const char *path, ng_error *err);
ng_status ng_knowledge_add_names_text(ng_knowledge *k, const char *name,
                                      const char *text, size_t len, ng_error *err);
/* A titles CSV (--titles): title,role,kind as in extract/data/titles.csv. */
ng_status ng_knowledge_add_titles(ng_knowledge *k, const char *path, ng_error *err);
ng_status ng_knowledge_add_titles_text(ng_knowledge *k, const char *name,
                                       const char *text, size_t len, ng_error *err);
/* Same, from memory; name is used in messages. */
ng_status ng_knowledge_add_lexicon_text(ng_knowledge *k, const char *name,
                                        const char *text, size_t len, ng_error *err);
ng_status ng_knowledge_add_rules_text(ng_knowledge *k, const char *name,
                                      const char *text, size_t len, ng_error *err);
ng_status ng_knowledge_add_roles_text(ng_knowledge *k, const char *name,
                                      const char *text, size_t len, ng_error *err);
/* Builds the matchers.  Nothing may be added afterwards. */
ng_status ng_knowledge_compile(ng_knowledge *k, ng_error *err);

/* Relations the rules declare, in declaration order. */
size_t ng_knowledge_relation_count(const ng_knowledge *k);
const char *ng_knowledge_relation_name(const ng_knowledge *k, size_t i);
int ng_knowledge_relation_symmetric(const ng_knowledge *k, size_t i);
/* A human label for the relation ("met with"); never NULL. */
const char *ng_knowledge_relation_label(const ng_knowledge *k, size_t i);

/* Known surface forms of an entity's canonical label, from the lexicon:
 * calls cb once per alias in a fixed order.  Unknown labels: no calls. */
void ng_knowledge_aliases(const ng_knowledge *k, const char *label,
                          void (*cb)(const char *alias, void *user), void *user);

ng_extractor *ng_extractor_new(const ng_knowledge *k);
void ng_extractor_free(ng_extractor *x); /* NULL-safe */

/* First pass: remember the role bindings the document states ("Chinese
 * Defense Minister Li Shangfu" on its date), so that "China's defence
 * minister" resolves in other documents. */
ng_status ng_extractor_learn(ng_extractor *x, const ng_doc *doc);
/* After ng_extractor_learn: 0 when ng_extract_doc on the same document can
 * yield no triple, whatever else is learned -- no sentence holds both a
 * mention and the rarest required word of some rule (its gate,
 * extract/README.md) -- so a second pass may skip it. */
int ng_extractor_may_yield(const ng_extractor *x);
/* The number of sentences of the document last learned or extracted. */
size_t ng_extractor_sentences(const ng_extractor *x);
/* Adds the bindings src has learned to dst (for threads that learned apart). */
ng_status ng_extractor_absorb(ng_extractor *dst, const ng_extractor *src);

/* Called once per triple; a non-zero return stops the extraction, and
 * ng_extract_doc then returns NG_EIO.  The triple's strings live until the
 * callback returns. */
typedef int (*ng_triple_cb)(const ng_triple *t, void *user);

/* Extraction in the first pass, so that the second reads most documents
 * no more.  Right after ng_extractor_learn(x, doc):
 *   ng_extractor_extract_learned gives the triples ng_extract_doc(x, doc)
 *   would give with what x has learned so far, without reading the
 *   document again;
 *   ng_extractor_deps gives what those triples rest on: every question the
 *   document asked of the learned state (the corpus spelling of a name, the
 *   person bound to a role) with its answer, as len bytes owned by x (valid
 *   until x reads another document), or NULL when they could not be noted
 *   (out of memory: extract the document again).
 * Later, y (which has learned the whole corpus) gives exactly those
 * triples from ng_extract_doc(y, doc) when ng_extractor_deps_hold(y, deps,
 * len) is 1; when it is 0, some answer changed: extract the document. */
ng_status ng_extractor_extract_learned(ng_extractor *x, ng_triple_cb cb, void *user);
const char *ng_extractor_deps(const ng_extractor *x, size_t *len);
int ng_extractor_deps_hold(const ng_extractor *x, const char *deps, size_t len);

/* Extracts the triples of one document in text order.  The text may hold any
 * bytes: invalid UTF-8 is repaired first (see ng_text.h), and offsets refer to
 * the repaired text. */
ng_status ng_extract_doc(ng_extractor *x, const ng_doc *doc, ng_triple_cb cb, void *user);

#endif
