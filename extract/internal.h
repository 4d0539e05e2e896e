/* Types shared by the extractor's modules (not part of the public API).
 *
 * Module map:
 *   arena.c     bump allocator for many small strings (freed at once)
 *   strmap.c    string -> value hash map
 *   csvdata.c   reading data files (lexicon, titles, roles) with libcsv
 *   knowledge.c the ng_knowledge object: entities, titles, roles, defaults
 *   rules.c     the rule-file language and its compiled matcher
 *   tokenize.c  prose regions, sentences and tokens of one document
 *   mentions.c  entity, name, title, pronoun mentions in a sentence
 *   resolve.c   coreference inside a document, roles with dates
 *   match.c     rules against mentions -> triples with modality
 *   deps.c      what a document asks of the learned state, for checking later
 *   words.c     the small word lists, as class bits on each token
 *   extract.c   the public entry points
 */
#ifndef NG_INTERNAL_H
#define NG_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ng_extract.h"

#include "ng_arena.h"

/* ---- string map ----------------------------------------------------- */
/* A slot is in use when its hash is non-zero and its generation is the
 * map's: clearing a per-document map only moves the generation on, so a
 * large document does not make every later one pay for a memset. */
typedef struct {
    const char *key;
    uint32_t key_len;
    uint32_t gen;
    uint64_t hash;
    intptr_t value;
} ng_strmap_slot;

typedef struct {
    ng_strmap_slot *slots;
    size_t cap, count;
    uint32_t gen;
} ng_strmap;

static inline int ng_strmap_used(const ng_strmap *m, const ng_strmap_slot *s)
{
    return s->hash != 0 && s->gen == m->gen;
}

/* The hash of the maps: 8 bytes at a time (the last chunk padded with
 * zeros), so that the tokenizer can hash a word while it folds its case
 * (tokenize.c) and a word costs one multiplication, not one per byte.
 * Every step is a bijection of the 64-bit state (odd multipliers, xor
 * shifts), which strmap.c relies on: keys of up to 8 bytes with the same
 * length and hash are the same key. */
uint64_t ng_hash(const char *s, size_t n);
static inline uint64_t ng_hash_begin(size_t n)
{
    return 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
}
static inline uint64_t ng_hash_chunk(uint64_t h, uint64_t chunk)
{
    h = (h ^ chunk) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}
static inline uint64_t ng_hash_end(uint64_t h)
{
    h ^= h >> 33;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 29;
    return h ? h : 1; /* 0 marks an empty slot */
}
/* Returns 1 and sets *value when key is present. */
int ng_strmap_get(const ng_strmap *m, const char *key, size_t n, intptr_t *value);
/* Same, with the key's ng_hash already known. */
int ng_strmap_get_h(const ng_strmap *m, const char *key, size_t n, uint64_t hash,
                    intptr_t *value);
/* Inserts or replaces; key must outlive the map (use an arena).  Keys of
 * 4 GiB or more are refused (NG_EINPUT). */
ng_status ng_strmap_put(ng_strmap *m, const char *key, size_t n, intptr_t value);
/* Same, with the key's ng_hash already known. */
ng_status ng_strmap_put_h(ng_strmap *m, const char *key, size_t n, uint64_t hash,
                          intptr_t value);
void ng_strmap_free(ng_strmap *m);
void ng_strmap_clear(ng_strmap *m); /* keeps the memory */

/* ---- growable arrays ------------------------------------------------ */
/* Ensures room for one more element; returns 0 or -1 on overflow/ENOMEM. */
int ng_grow(void **items, size_t *cap, size_t count, size_t elem);
#define NG_PUSH(arr, cnt, cap, val)                                                        \
    (ng_grow((void **)&(arr), &(cap), (cnt), sizeof *(arr)) ? -1 : ((arr)[(cnt)++] = (val), 0))

/* ---- data files ----------------------------------------------------- */
/* Calls row() for every CSV record of text after the header; fields are
 * NUL-terminated.  line is the 1-based line where the record starts.  A
 * non-zero return from row() stops and becomes the result. */
typedef ng_status (*ng_csv_row_fn)(void *user, char **fields, size_t n, size_t line,
                                   ng_error *err);
ng_status ng_csv_each_row(const char *name, const char *text, size_t len,
                          const char *const *header, size_t nheader,
                          ng_csv_row_fn row, void *user, ng_error *err);
ng_status ng_read_file(const char *path, char **text, size_t *len, ng_error *err);
/* NG_EINPUT naming the line when a data file is not valid UTF-8 (or has NUL). */
ng_status ng_data_utf8(const char *name, const char *text, size_t len, ng_error *err);

/* ---- tokens --------------------------------------------------------- */
enum {
    TOK_WORD = 1 << 0,    /* letters or digits */
    TOK_CAP = 1 << 1,     /* starts with an upper-case letter */
    TOK_ALLCAP = 1 << 2,  /* two or more letters, all upper-case */
    TOK_DIGIT = 1 << 3,   /* starts with a digit */
    TOK_PUNCT = 1 << 4,
    TOK_MIXED = 1 << 5,   /* Latin word with look-alike letters of another script */
    TOK_FIRST = 1 << 6,   /* first token of its sentence */
    TOK_GLUED = 1 << 7    /* no space before it */
};

/* What phrases a word can start (ng_token.starts), so that most positions
 * need no lookup at all. */
enum { STARTS_ALIAS = 1, STARTS_TITLE = 2, STARTS_ANCHOR = 4, STARTS_PHRASE = 8,
       STARTS_GATE = 16 };
/* Beside each STARTS_* bit, the most tokens a phrase of that kind starting
 * with the word has (4 bits at STARTS_LEN_SHIFT + 4 * kind; 15: any), so
 * that a lookup tries only the lengths that can be there. */
enum { STARTS_LEN_SHIFT = 8, STARTS_LEN_ANY = 15 };
enum { STARTS_KIND_ALIAS, STARTS_KIND_TITLE, STARTS_KIND_ANCHOR, STARTS_KIND_PHRASE,
       STARTS_KIND_GATE };
static inline size_t ng_starts_len(uint32_t starts, int kind, size_t max)
{
    size_t n = (starts >> (STARTS_LEN_SHIFT + 4 * kind)) & 15;
    return n != STARTS_LEN_ANY && n < max ? n : max;
}
/* Word classes (words.c), stored above the STARTS_* bits in starts_map. */
enum { WCLASS_SHIFT = 32 };
_Static_assert(sizeof(intptr_t) >= 8, "starts_map values hold 46 bits");
enum {
    W_DET = 1 << 0, W_INDEF = 1 << 1, W_FORMER = 1 << 2, W_SUBROLE = 1 << 3,
    W_PARTICLE = 1 << 4, W_PRONOUN = 1 << 5, W_NOTNOUN = 1 << 6, W_MONTH = 1 << 7,
    W_ORG = 1 << 8, W_PLACE = 1 << 9, W_GOV = 1 << 10, W_MODIFIER = 1 << 11,
    W_SUBORD = 1 << 12, W_STOP = 1 << 13, W_FUNCTION = 1 << 14, W_BOTH = 1 << 15
};
ng_status ng_words_register(struct ng_knowledge *k);

typedef struct {
    uint32_t start, end; /* bytes in the document text */
    const char *norm;    /* case-folded, accents stripped, look-alikes mapped */
    uint32_t norm_len;
    uint32_t flags;
    uint64_t hash;       /* ng_hash(norm) */
    uint32_t starts;     /* STARTS_* */
    uint32_t wclass;     /* W_* */
} ng_token;

typedef struct {
    uint32_t start, end;   /* bytes of the sentence in the document text */
    uint32_t tok_begin, tok_end;
} ng_sentence;


/* Splits a document into sentences and tokens (see tokenize.c). */
typedef struct {
    ng_token *toks;
    size_t ntoks, cap_toks;
    ng_sentence *sents;
    size_t nsents, cap_sents;
} ng_tokens;

ng_status ng_tokenize(const struct ng_knowledge *k, const char *text, size_t len,
                      ng_arena *arena, ng_tokens *out);
void ng_tokens_free(ng_tokens *t);
/* Normalises one word (as tokens do) into the arena. */
const char *ng_norm_word(ng_arena *a, const char *s, size_t n, uint32_t *out_len, int *mixed);

/* ---- knowledge ------------------------------------------------------ */
typedef enum { ET_PERSON, ET_COUNTRY, ET_CITY, ET_PLACE, ET_ORG, ET_COUNT } ng_etype;
const char *ng_etype_name(ng_etype t);
int ng_etype_parse(const char *s, ng_etype *out);

typedef struct {
    const char *label;
    ng_etype type;
    int country;    /* lexicon index of its country, or -1 */
    int metonym;    /* the name stands for the country's government */
    int first_alias, last_alias; /* chain through ng_lex_alias.next_same */
} ng_lex_entity;

enum { ALIAS_NAME = 0, ALIAS_DEMONYM = 1 };
typedef struct {
    int entity;        /* lexicon index */
    int kind;          /* ALIAS_NAME or ALIAS_DEMONYM */
    const char *exact; /* non-NULL: the text must match this exactly (acronyms) */
    int next;          /* next alias with the same normalised key, or -1 */
    const char *surface; /* as the lexicon writes it */
    int next_same;     /* next alias of the same entity, or -1 */
} ng_lex_alias;

typedef enum { TK_OFFICE, TK_RANK, TK_HONORIFIC, TK_GENERIC } ng_title_kind;
typedef struct {
    const char *role;
    ng_title_kind kind;
} ng_title;

typedef struct {
    int role;          /* index into knowledge roles names */
    int country;       /* lexicon index */
    const char *person;
    int32_t from, to;  /* days since 1970-01-01; INT32_MIN/INT32_MAX open */
} ng_role_span;

/* Rules (rules.c). */
typedef enum {
    EL_WORD,   /* a phrase set (one or more alternatives, each 1+ tokens) */
    EL_SLOT,   /* S or O */
    EL_GAP,    /* ..N */
    EL_ANY,    /* X: any mention, ignored */
    EL_NOT     /* !words: the next (or, before the anchor, previous) tokens are not these */
} ng_elem_kind;

enum { SLOT_S = 1, SLOT_O = 2 };
enum { SLOTF_ADJ = 1, SLOTF_NOUN = 2, SLOTF_PAIR = 4, SLOTF_EVENT = 8, SLOTF_FIRST = 16,
       SLOTF_POSS = 32,   /* the rule itself reads the 's after the slot */
       SLOTF_POSSPRON = 64 /* a noun follows the slot: "his" may fill it */ };

typedef struct {
    ng_elem_kind kind;
    int optional;
    int phrases;       /* EL_WORD: index of a phrase set */
    int slot;          /* EL_SLOT: SLOT_S or SLOT_O */
    int slot_flags;    /* SLOTF_* */
    int gap;           /* EL_GAP: max tokens */
} ng_elem;

typedef struct {
    const char *id;
    int relation;
    int modality;      /* forced modality, or -1 to detect from cues */
    int near_cues;     /* cues=near: only the word before the match counts */
    ng_elem *elems;
    size_t nelems;
    size_t anchor;     /* index of the element the matcher looks up */
    size_t line;
} ng_rule;

typedef struct {
    const char *name;
    const char *label;
    int symmetric;
    unsigned subj_types, obj_types; /* bit masks of 1u << ng_etype */
} ng_relation;

typedef struct {
    int *rules;
    size_t n, cap;
} ng_anchor_list;

/* A phrase set: alternatives as token-norm sequences joined by ' '. */
typedef struct {
    const char *name;
    ng_strmap map;     /* alternative key -> 1 */
    size_t max_tokens;
} ng_phrases;

/* Length in tokens of the longest alternative of set that starts at toks[i]
 * (not past end), or 0. */
size_t ng_phrases_match(const ng_phrases *set, const ng_token *toks, size_t i, size_t end);

struct ng_knowledge {
    ng_arena arena;
    int compiled;

    ng_lex_entity *entities;
    size_t nentities, cap_entities;
    ng_lex_alias *aliases;
    size_t naliases, cap_aliases;
    ng_strmap alias_map;   /* norm key -> first alias index */
    ng_strmap label_map;   /* exact label -> entity index */
    ng_strmap first_words; /* norm of any alias/title first word -> 1 */
    size_t max_alias_tokens;

    ng_title *titles;
    size_t ntitles, cap_titles;
    ng_strmap title_map;   /* norm key -> title index */
    size_t max_title_tokens;
    const char **role_names;
    size_t nroles, cap_roles;
    ng_strmap role_map;    /* role id -> index */

    ng_role_span *spans;
    size_t nspans, cap_spans;

    ng_relation *relations;
    size_t nrelations, cap_relations;
    ng_phrases *phrases;
    size_t nphrases, cap_phrases;
    ng_strmap class_map;   /* class name -> phrase set index */
    ng_rule *rules;
    size_t nrules, cap_rules;
    int modality_sets[NG_MOD_COUNT]; /* phrase set of cues, or -1 */
    int future_set;        /* phrases after the match that make it planned */
    int clause_breaks;     /* tokens a gap may not cross */

    /* compiled matcher: anchor phrase -> list of rules anchored on it */
    ng_strmap anchor_map;  /* phrase key -> index into anchor_lists */
    ng_anchor_list *anchor_lists;
    size_t nanchor_lists, cap_anchor_lists;
    size_t max_anchor_tokens;
    ng_strmap gate_map;    /* the rarest required phrase of every rule -> 1 */
    size_t max_gate_tokens;
    ng_strmap starts_map;  /* first word of any phrase -> STARTS_* bits */
    ng_strmap person_names; /* given names and East Asian family names -> NAME_* */
};
enum { NAME_GIVEN = 1, NAME_FAMILY = 2 };

/* Tokenizes a phrase (no glue splitting) and joins the norms with ' '.
 * Returns the key in the arena, or NULL on ENOMEM; *ntokens may be 0. */
const char *ng_phrase_key(ng_arena *a, const char *text, size_t len, size_t *ntokens,
                          size_t *key_len);
int ng_knowledge_role_index(const struct ng_knowledge *k, const char *role);
ng_status ng_rules_parse(struct ng_knowledge *k, const char *name, const char *text,
                         size_t len, ng_error *err);
ng_status ng_rules_compile(struct ng_knowledge *k, ng_error *err);
/* The keys of toks[i..i+1), toks[i..i+2), ... built once, with their hashes,
 * for looking a position up at every phrase length. */
enum { NG_MAX_PREFIX = 12 };
typedef struct {
    char buf[512];
    size_t len[NG_MAX_PREFIX];
    uint64_t hash[NG_MAX_PREFIX];
    size_t count;
} ng_prefixes;
size_t ng_key_prefixes(const ng_token *toks, size_t i, size_t max, ng_prefixes *p);
/* The longest key of m made of the tokens from i on, at most max of them
 * (the caller bounds max by ng_starts_len): its length in tokens, and its
 * value in *value when value is not NULL; 0 when none is. */
size_t ng_longest_key(const ng_strmap *m, const ng_token *toks, size_t i, size_t max,
                      intptr_t *value);
/* Looks up the prefix of n tokens (1 <= n <= p->count). */
int ng_prefix_get(const ng_strmap *m, const ng_prefixes *p, size_t n, intptr_t *value);
/* Looks up the phrase joined from toks[i..i+n) in a map (keys: norms joined by ' '). */
int ng_lookup_tokens(const ng_strmap *m, const ng_token *toks, size_t i, size_t n,
                     intptr_t *value, char *buf, size_t bufsize);

/* ---- dates ---------------------------------------------------------- */
/* Days since 1970-01-01 of an ISO date, or INT32_MIN when empty/invalid. */
int32_t ng_iso_days(const char *iso);

#endif
