/* The state of one document while it is being read: tokens, mentions, the
 * entities they resolve to, and the role bindings learned across documents.
 * Shared by mentions.c, resolve.c, match.c and extract.c. */
#ifndef NG_DOCSTATE_H
#define NG_DOCSTATE_H

#include "internal.h"

typedef enum { MK_ENTITY, MK_NAME, MK_ROLE, MK_PRONOUN, MK_GROUP } ng_mention_kind;

enum { MAX_NAME_TOKENS = 6, MAX_GROUP = 8 };

typedef struct {
    uint32_t tb, te;     /* tokens [tb, te) of the whole mention */
    uint32_t nb, ne;     /* tokens of the name inside it (MK_NAME) */
    uint32_t sentence;
    ng_mention_kind kind;
    int adj;             /* a demonym ("Chinese") rather than a name */
    int lex;             /* MK_ENTITY: lexicon entity */
    int role;            /* role index of a title, or -1 */
    ng_title_kind role_kind;
    int country;         /* lexicon country of the title, or -1 */
    int former;          /* "former President X": no binding */
    int indefinite;      /* "a Chinese minister": refers to nobody in particular */
    int guess;           /* MK_NAME: ET_PERSON, ET_ORG or ET_PLACE */
    int object_pronoun;  /* him, her */
    int possessive;      /* his, her (before a noun) */
    int group_type;      /* MK_GROUP: ET_PERSON or ET_COUNTRY */
    int ent;             /* resolved document entity, or -1 */
    int group[MAX_GROUP];
    int ngroup;
} ng_mention;

typedef struct {
    const char *label;
    const char *own_label; /* persons: the document's own spelling (label may be the corpus's) */
    ng_etype type;
    int lex;             /* lexicon entity, or -1 */
    int nationality;     /* lexicon country (persons), or -1 */
    /* persons: the spellings seen, for variants and canonical choice */
    const char *norms[MAX_NAME_TOKENS];
    int ntok;
    int title_role;      /* last role a title gave this person, or -1 */
    int title_country;
} ng_dentity;

/* A role binding learned from the corpus: "Chinese Defense Minister X" on a
 * date binds (defence-minister, China) to X. */
typedef struct {
    int role, country;
    int32_t days;        /* INT32_MIN when the document had no date */
    const char *person;
    unsigned count;
} ng_binding;

/* A full-name spelling seen in the corpus, for one label across documents
 * ("Sergei Shoigu" in most articles, "Sergey Shoigu" in some). */
typedef struct {
    const char *label;
    const char *first, *last; /* normalised first and last words */
    unsigned count;
    int next;                 /* next spelling with the same last word, or -1 */
} ng_spelling;

typedef struct {
    const ng_knowledge *k;
    const ng_doc *doc;
    const char *text;    /* clean text */
    size_t len;
    int32_t days;        /* document date, or INT32_MIN */
    ng_arena arena;      /* per document */
    ng_tokens toks;
    ng_strmap lower_words; /* sentence-first words -> 1 when the document also writes them in lower case */
    ng_strmap honorific_names; /* words the document writes after Mr, Ms, Dr */
    ng_mention *mentions;
    size_t nmentions, cap_mentions;
    size_t *sent_mentions; /* first mention of each sentence (nsents + 1) */
    size_t cap_sent_mentions;
    ng_dentity *ents;
    size_t nents, cap_ents;
    ng_strmap ent_by_label;
    /* learned across documents (kept between documents) */
    ng_arena learned_arena;
    ng_binding *bindings;
    size_t nbindings, cap_bindings;
    ng_spelling *spellings;
    size_t nspellings, cap_spellings;
    ng_strmap spelling_by_last; /* last word -> first spelling index */
    /* what the document being read asked of the learned state (deps.c) */
    char *deps;
    size_t ndeps, cap_deps;
    int deps_lost;       /* out of memory while noting: deps incomplete */
} ng_docstate;

/* mentions.c */
ng_status ng_find_mentions(ng_docstate *d);
int ng_is_word(const ng_token *t, const char *word);

/* resolve.c */
ng_status ng_resolve(ng_docstate *d);
int ng_doc_entity(ng_docstate *d, const char *label, ng_etype type, int lex);
int ng_doc_lex_entity(ng_docstate *d, int lex);
ng_status ng_learn_bindings(ng_docstate *d);
ng_status ng_learn_spelling(ng_docstate *d, const char *label, const char *first,
                            const char *last, unsigned count);
/* The two questions a document asks of the learned state: the corpus
 * spelling of a person (label when the corpus knows none), and the person
 * the corpus binds to a role nearest a date (NULL: nobody). */
const char *ng_corpus_spelling(const ng_docstate *d, const char *first, const char *last,
                               const char *label);
const char *ng_corpus_binding(const ng_docstate *d, int role, int country, int32_t days);

/* deps.c: every such question a document asked and its answer, in order,
 * so that what was found with part of the corpus learned can be checked
 * against all of it (ng_extractor_deps). */
enum { DEP_SPELLING = 'S', DEP_BINDING = 'B' };
void ng_note_dep(ng_docstate *d, int kind, const char *const *words, size_t nwords,
                 const void *key, size_t key_len, const char *answer);
/* 1 when d answers every question of deps as noted. */
int ng_deps_hold(const ng_docstate *d, const char *deps, size_t len);

/* match.c */
/* 0 when no sentence has both a mention and the gate phrase of some rule
 * (rules.c): ng_match_rules would find nothing, whatever was learned. */
int ng_match_possible(const ng_docstate *d);
ng_status ng_match_rules(ng_docstate *d, ng_triple_cb cb, void *user, int *stopped);

#endif
