/* STUB: replaced by the real extractor. */
#include <stdlib.h>
#include "ng_extract.h"

struct ng_knowledge { int compiled; };
struct ng_extractor { const ng_knowledge *k; };

static const struct { const char *name, *label; int symmetric; } stub_relations[] = {
    {"met-with", "met with", 1},
    {"visited", "visited", 0},
    {"sanctioned-by", "sanctioned by", 0},
    {"held-exercise-with", "held exercise with", 1},
};

ng_knowledge *ng_knowledge_new(void) { return calloc(1, sizeof(ng_knowledge)); }
void ng_knowledge_free(ng_knowledge *k) { free(k); }
ng_status ng_knowledge_load_defaults(ng_knowledge *k, ng_error *err) { (void)k; (void)err; return NG_OK; }
ng_status ng_knowledge_add_lexicon(ng_knowledge *k, const char *p, ng_error *e) { (void)k; (void)p; (void)e; return NG_OK; }
ng_status ng_knowledge_add_rules(ng_knowledge *k, const char *p, ng_error *e) { (void)k; (void)p; (void)e; return NG_OK; }
ng_status ng_knowledge_add_roles(ng_knowledge *k, const char *p, ng_error *e) { (void)k; (void)p; (void)e; return NG_OK; }
ng_status ng_knowledge_add_lexicon_text(ng_knowledge *k, const char *n, const char *t, size_t l, ng_error *e) { (void)k; (void)n; (void)t; (void)l; (void)e; return NG_OK; }
ng_status ng_knowledge_add_rules_text(ng_knowledge *k, const char *n, const char *t, size_t l, ng_error *e) { (void)k; (void)n; (void)t; (void)l; (void)e; return NG_OK; }
ng_status ng_knowledge_add_roles_text(ng_knowledge *k, const char *n, const char *t, size_t l, ng_error *e) { (void)k; (void)n; (void)t; (void)l; (void)e; return NG_OK; }
ng_status ng_knowledge_compile(ng_knowledge *k, ng_error *err) { (void)err; k->compiled = 1; return NG_OK; }
size_t ng_knowledge_relation_count(const ng_knowledge *k) { (void)k; return 4; }
const char *ng_knowledge_relation_name(const ng_knowledge *k, size_t i) { (void)k; return stub_relations[i].name; }
int ng_knowledge_relation_symmetric(const ng_knowledge *k, size_t i) { (void)k; return stub_relations[i].symmetric; }
const char *ng_knowledge_relation_label(const ng_knowledge *k, size_t i) { (void)k; return stub_relations[i].label; }
void ng_knowledge_aliases(const ng_knowledge *k, const char *l, void (*cb)(const char *, void *), void *u) { (void)k; (void)l; (void)cb; (void)u; }
ng_extractor *ng_extractor_new(const ng_knowledge *k) { ng_extractor *x = calloc(1, sizeof *x); if (x) x->k = k; return x; }
void ng_extractor_free(ng_extractor *x) { free(x); }
ng_status ng_extractor_learn(ng_extractor *x, const ng_doc *d) { (void)x; (void)d; return NG_OK; }
ng_status ng_extractor_absorb(ng_extractor *d, const ng_extractor *s) { (void)d; (void)s; return NG_OK; }
ng_status ng_extract_doc(ng_extractor *x, const ng_doc *d, ng_triple_cb cb, void *u) { (void)x; (void)d; (void)cb; (void)u; return NG_OK; }
