/* Coreference inside a document.
 *
 * Full names are grouped first (spelling variants and look-alike letters
 * merge: "Sergei"/"Sergey"/"Sergeн Shoigu"), so that a surname or a given
 * name anywhere in the document ("Putin", "Li", "Mr Straw") finds its person.
 * Then, in reading order: titles and roles ("the Russian president", "the
 * Chinese general", "his Malaysian counterpart") through the document's own
 * titled names, the roles file (dated) and the bindings learned from other
 * documents (nearest date); pronouns to the most recent compatible person;
 * "the two leaders" to the last two people. */
#include <stdlib.h>
#include <string.h>

#include "docstate.h"

enum { MAX_ROLES = 4, BINDING_MAX_DAYS = 730 };

/* ---- document entities ---------------------------------------------- */

int ng_doc_entity(ng_docstate *d, const char *label, ng_etype type, int lex)
{
    intptr_t idx;
    if (ng_strmap_get(&d->ent_by_label, label, strlen(label), &idx))
        return (int)idx;
    ng_dentity e = {.label = label, .type = type, .lex = lex, .nationality = -1,
                    .title_role = -1, .title_country = -1};
    if (NG_PUSH(d->ents, d->nents, d->cap_ents, e))
        return -1;
    if (ng_strmap_put(&d->ent_by_label, label, strlen(label), (intptr_t)d->nents - 1))
        return -1;
    return (int)d->nents - 1;
}

int ng_doc_lex_entity(ng_docstate *d, int lex)
{
    const ng_lex_entity *e = &d->k->entities[lex];
    return ng_doc_entity(d, e->label, e->type, lex);
}

/* ---- names ---------------------------------------------------------- */

typedef struct {
    const char *spelling;
    unsigned count;
    int mixed, ntok;
} spelling;

typedef struct {
    const char *norms[MAX_NAME_TOKENS];
    int ntok;
    spelling *sp;
    size_t nsp, cap_sp;
    int roles[MAX_ROLES], countries[MAX_ROLES], nroles;
    int nationality;
    int ent;
} cluster;

typedef struct {
    ng_docstate *d;
    cluster *cl;
    size_t ncl, cap_cl;
    int *mention_cluster; /* per mention, or -1 */
    /* recency: persons in reading order */
    int *recent_ent;
    uint32_t *recent_sent;
    size_t nrecent, cap_recent, cap_recent_sent;
    int *countries_seen;
    size_t ncountries, cap_countries;
} resolver;

static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 31 || lb > 31)
        return 99;
    int prev[32], cur[32];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, sizeof prev);
    }
    return prev[lb];
}

/* "Sergei" and "Sergey", "Sergeh" (a Cyrillic н) are one given name. */
static int same_given_name(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    size_t la = strlen(a), lb = strlen(b);
    return a[0] == b[0] && la >= 4 && lb >= 4 && edit_distance(a, b) <= 2;
}

static int same_person(const cluster *c, const char **norms, int n)
{
    if (n < 2 || c->ntok < 2)
        return 0;
    if (strcmp(c->norms[c->ntok - 1], norms[n - 1]) != 0)
        return 0;
    return same_given_name(c->norms[0], norms[0]);
}

/* The words of a name, without initials' periods and hyphens. */
static int name_norms(const ng_docstate *d, const ng_mention *m, const char **norms)
{
    int n = 0;
    for (uint32_t i = m->nb; i < m->ne && n < MAX_NAME_TOKENS; i++)
        if (d->toks.toks[i].flags & TOK_WORD)
            norms[n++] = d->toks.toks[i].norm;
    return n;
}

static int has_mixed(const ng_docstate *d, const ng_mention *m)
{
    for (uint32_t i = m->nb; i < m->ne; i++)
        if (d->toks.toks[i].flags & TOK_MIXED)
            return 1;
    return 0;
}

/* The name as written, white space folded (wrapped lines). */
static const char *name_text(ng_docstate *d, const ng_mention *m)
{
    size_t a = d->toks.toks[m->nb].start, b = d->toks.toks[m->ne - 1].end;
    char *s = ng_arena_alloc(&d->arena, b - a + 1);
    if (!s)
        return NULL;
    size_t o = 0;
    for (size_t i = a; i < b; i++) {
        char c = d->text[i];
        /* invisible characters inside a name: U+FEFF, U+200B */
        if (b - i >= 3 && (memcmp(d->text + i, "\xEF\xBB\xBF", 3) == 0 ||
                           memcmp(d->text + i, "\xE2\x80\x8B", 3) == 0)) {
            i += 2;
            c = ' ';
        } else if ((unsigned char)c < 0x20 || c == 0x7F) {
            c = ' '; /* line breaks of wrapped text, tabs, form feeds */
        }
        if (c == ' ' && (o == 0 || s[o - 1] == ' '))
            continue;
        s[o++] = c;
    }
    while (o > 0 && s[o - 1] == ' ')
        o--;
    s[o] = '\0';
    return s;
}

static ng_status add_spelling(resolver *r, cluster *c, const char *text, int mixed, int ntok)
{
    for (size_t i = 0; i < c->nsp; i++)
        if (strcmp(c->sp[i].spelling, text) == 0) {
            c->sp[i].count++;
            return NG_OK;
        }
    (void)r;
    spelling s = {text, 1, mixed, ntok};
    return NG_PUSH(c->sp, c->nsp, c->cap_sp, s) ? NG_ENOMEM : NG_OK;
}

static void add_role(cluster *c, int role, int country)
{
    for (int i = 0; i < c->nroles; i++)
        if (c->roles[i] == role && c->countries[i] == country)
            return;
    if (c->nroles < MAX_ROLES) {
        c->roles[c->nroles] = role;
        c->countries[c->nroles++] = country;
    }
}

static int is_person_name(const ng_mention *m, int ntok)
{
    if (m->kind != MK_NAME || m->guess != ET_PERSON)
        return 0;
    return ntok >= 2 || m->role >= 0;
}

static ng_status cluster_names(resolver *r)
{
    ng_docstate *d = r->d;
    for (size_t i = 0; i < d->nmentions; i++) {
        ng_mention *m = &d->mentions[i];
        const char *norms[MAX_NAME_TOKENS];
        int n = m->kind == MK_NAME ? name_norms(d, m, norms) : 0;
        r->mention_cluster[i] = -1;
        if (!is_person_name(m, n) || n < 2)
            continue;
        size_t c;
        for (c = 0; c < r->ncl; c++)
            if (same_person(&r->cl[c], norms, n))
                break;
        if (c == r->ncl) {
            cluster nc = {.ntok = n, .nationality = -1, .ent = -1};
            memcpy(nc.norms, norms, (size_t)n * sizeof *norms);
            if (NG_PUSH(r->cl, r->ncl, r->cap_cl, nc))
                return NG_ENOMEM;
        }
        const char *text = name_text(d, m);
        if (!text || add_spelling(r, &r->cl[c], text, has_mixed(d, m), n))
            return NG_ENOMEM;
        r->mention_cluster[i] = (int)c;
        if (m->role >= 0 && !m->former)
            add_role(&r->cl[c], m->role, m->country);
        if (m->country >= 0 && r->cl[c].nationality < 0)
            r->cl[c].nationality = m->country;
    }
    return NG_OK;
}

/* The spelling the document uses most; ties: no look-alike letters, fewer
 * words ("Vladimir Putin" over "Vladimir Vladimirovich Putin"), first seen. */
static const char *canonical(const cluster *c)
{
    const spelling *best = &c->sp[0];
    for (size_t i = 1; i < c->nsp; i++) {
        const spelling *s = &c->sp[i];
        if (s->mixed != best->mixed ? !s->mixed
            : s->count != best->count ? s->count > best->count
                                      : s->ntok < best->ntok)
            best = s;
    }
    return best->spelling;
}

/* The spelling of this person the corpus uses most (learned in the first
 * pass): same surname, close given name.  Ties: byte order, so the result
 * does not depend on the order of the documents. */
const char *ng_corpus_spelling(const ng_docstate *d, const char *first, const char *last,
                                 const char *label)
{
    intptr_t i;
    if (!ng_strmap_get(&d->spelling_by_last, last, strlen(last), &i))
        return label;
    const ng_spelling *best = NULL;
    for (; i >= 0; i = d->spellings[i].next) {
        const ng_spelling *sp = &d->spellings[i];
        if (!same_given_name(sp->first, first))
            continue;
        if (!best || sp->count > best->count ||
            (sp->count == best->count && strcmp(sp->label, best->label) < 0))
            best = sp;
    }
    return best ? best->label : label;
}

static const char *spelling_of(ng_docstate *d, const char *first, const char *last,
                               const char *label)
{
    const char *best = ng_corpus_spelling(d, first, last, label);
    const char *question[] = {first, last, label};
    ng_note_dep(d, DEP_SPELLING, question, 3, NULL, 0, best);
    return best;
}

static const char *corpus_spelling(ng_docstate *d, const cluster *cl, const char *label)
{
    return spelling_of(d, cl->norms[0], cl->norms[cl->ntok - 1], label);
}

/* The corpus spelling of a name given as text (a binding's person). */
static const char *respell(ng_docstate *d, const char *name)
{
    const char *sp = strchr(name, ' '), *last = strrchr(name, ' ');
    if (!sp)
        return name;
    uint32_t n1, n2;
    const char *first = ng_norm_word(&d->arena, name, (size_t)(sp - name), &n1, NULL);
    const char *lastn = ng_norm_word(&d->arena, last + 1, strlen(last + 1), &n2, NULL);
    return first && lastn ? spelling_of(d, first, lastn, name) : name;
}

static ng_status make_person_entities(resolver *r)
{
    for (size_t c = 0; c < r->ncl; c++) {
        cluster *cl = &r->cl[c];
        const char *own = canonical(cl);
        cl->ent = ng_doc_entity(r->d, corpus_spelling(r->d, cl, own), ET_PERSON, -1);
        if (cl->ent < 0)
            return NG_ENOMEM;
        r->d->ents[cl->ent].own_label = own;
        r->d->ents[cl->ent].nationality = cl->nationality;
    }
    return NG_OK;
}

/* ---- recency -------------------------------------------------------- */

static ng_status note_person(resolver *r, int ent, uint32_t sentence)
{
    if (NG_PUSH(r->recent_ent, r->nrecent, r->cap_recent, ent))
        return NG_ENOMEM;
    r->nrecent--;
    if (NG_PUSH(r->recent_sent, r->nrecent, r->cap_recent_sent, sentence))
        return NG_ENOMEM;
    return NG_OK;
}

static int cluster_of_entity(const resolver *r, int ent)
{
    for (size_t c = 0; c < r->ncl; c++)
        if (r->cl[c].ent == ent)
            return (int)c;
    return -1;
}

/* The most recent person that satisfies a test (skip = entity to pass over). */
typedef int (*person_test)(const resolver *r, int ent, const ng_mention *m);

static int recent_person(const resolver *r, person_test test, const ng_mention *m, int skip)
{
    for (size_t i = r->nrecent; i-- > 0;) {
        int e = r->recent_ent[i];
        if (e != skip && (!test || test(r, e, m)))
            return e;
    }
    return -1;
}

static int has_role(const resolver *r, int ent, const ng_mention *m)
{
    int c = cluster_of_entity(r, ent);
    if (c < 0)
        return 0;
    const cluster *cl = &r->cl[c];
    for (int i = 0; i < cl->nroles; i++)
        if (cl->roles[i] == m->role && (m->country < 0 || cl->countries[i] == m->country))
            return 1;
    return 0;
}

static int has_nationality(const resolver *r, int ent, const ng_mention *m)
{
    return r->d->ents[ent].nationality == m->country;
}

/* ---- roles ---------------------------------------------------------- */

static int any_cluster_with_role(const resolver *r, const ng_mention *m)
{
    for (size_t c = 0; c < r->ncl; c++)
        if (has_role(r, r->cl[c].ent, m))
            return r->cl[c].ent;
    return -1;
}

static const char *role_from_spans(const ng_docstate *d, const ng_mention *m)
{
    const ng_knowledge *k = d->k;
    if (d->days == INT32_MIN)
        return NULL;
    for (size_t i = 0; i < k->nspans; i++) {
        const ng_role_span *s = &k->spans[i];
        if (s->role == m->role && s->country == m->country && d->days >= s->from &&
            d->days <= s->to)
            return s->person;
    }
    return NULL;
}

/* The person the corpus binds to a role nearest the date. */
const char *ng_corpus_binding(const ng_docstate *d, int role, int country, int32_t days)
{
    const ng_binding *best = NULL;
    int64_t best_dist = INT64_MAX;
    for (size_t i = 0; i < d->nbindings; i++) {
        const ng_binding *b = &d->bindings[i];
        if (b->role != role || b->country != country)
            continue;
        int64_t dist = (days == INT32_MIN || b->days == INT32_MIN)
                           ? BINDING_MAX_DAYS / 2
                           : llabs((int64_t)days - b->days);
        if (dist > BINDING_MAX_DAYS)
            continue;
        if (!best || dist < best_dist || (dist == best_dist && b->count > best->count) ||
            (dist == best_dist && b->count == best->count &&
             strcmp(b->person, best->person) < 0)) {
            best = b;
            best_dist = dist;
        }
    }
    return best ? best->person : NULL;
}

static const char *role_from_bindings(ng_docstate *d, const ng_mention *m)
{
    const char *who = ng_corpus_binding(d, m->role, m->country, d->days);
    int32_t key[3] = {m->role, m->country, d->days};
    ng_note_dep(d, DEP_BINDING, NULL, 0, key, sizeof key, who);
    return who;
}

static int resolve_role(resolver *r, const ng_mention *m)
{
    if (m->indefinite || m->role < 0)
        return -1;
    int e = recent_person(r, has_role, m, -1);
    if (e < 0)
        e = any_cluster_with_role(r, m);
    if (e < 0 && m->role_kind != TK_OFFICE)
        e = m->country >= 0 ? recent_person(r, has_nationality, m, -1) : recent_person(r, NULL, m, -1);
    if (e >= 0 || m->country < 0)
        return e;
    const char *who = role_from_spans(r->d, m);
    if (!who && (who = role_from_bindings(r->d, m)) != NULL)
        who = respell(r->d, who); /* bindings keep each document's own spelling */
    if (!who)
        return -1;
    e = ng_doc_entity(r->d, who, ET_PERSON, -1);
    if (e >= 0)
        r->d->ents[e].nationality = m->country;
    return e;
}

/* Remember what a role phrase resolved to: "the general" later finds the
 * person "the Chinese general" named. */
static void bind_role(resolver *r, int ent, const ng_mention *m)
{
    int c = cluster_of_entity(r, ent);
    if (c >= 0 && m->role >= 0)
        add_role(&r->cl[c], m->role, m->country);
    if (c >= 0 && m->country >= 0 && r->cl[c].nationality < 0)
        r->cl[c].nationality = m->country;
    if (m->country >= 0 && r->d->ents[ent].nationality < 0)
        r->d->ents[ent].nationality = m->country;
}

/* ---- single names, pronouns, groups --------------------------------- */

static int cluster_has_word(const cluster *c, const char *norm)
{
    for (int i = 0; i < c->ntok; i++)
        if (strcmp(c->norms[i], norm) == 0)
            return 1;
    return 0;
}

/* The person whose full name holds this word: the most recent, else the first. */
static int person_with_word(const resolver *r, const char *norm)
{
    for (size_t i = r->nrecent; i-- > 0;) {
        int c = cluster_of_entity(r, r->recent_ent[i]);
        if (c >= 0 && cluster_has_word(&r->cl[c], norm))
            return r->cl[c].ent;
    }
    for (size_t c = 0; c < r->ncl; c++)
        if (cluster_has_word(&r->cl[c], norm))
            return r->cl[c].ent;
    return -1;
}

static int resolve_single_name(resolver *r, const ng_mention *m)
{
    int p = person_with_word(r, r->d->toks.toks[m->nb].norm);
    if (p >= 0)
        return p;
    /* "Mr Straw", "President Obama" with no full name in the document; a
     * rank is not enough ("General Motors") */
    if (m->role >= 0 && (m->role_kind == TK_HONORIFIC || m->role_kind == TK_OFFICE)) {
        const char *label = name_text(r->d, m);
        return label ? ng_doc_entity(r->d, label, ET_PERSON, -1) : -1;
    }
    return -1;
}

static int after_subordinator(const ng_docstate *d, const ng_mention *m)
{
    uint32_t begin = d->toks.sents[m->sentence].tok_begin;
    for (uint32_t back = 1; back <= 2 && m->tb >= begin + back; back++) {
        const ng_token *t = &d->toks.toks[m->tb - back];
        if (t->wclass & W_SUBORD)
            return 1;
    }
    return 0;
}

/* The first person named in sentence s (its subject, as a rule). */
static int first_person_of(const resolver *r, uint32_t s)
{
    int first = -1;
    for (size_t i = r->nrecent; i-- > 0 && r->recent_sent[i] >= s;)
        if (r->recent_sent[i] == s)
            first = r->recent_ent[i];
    return first;
}

/* He, his, she: the subject of the sentence so far, else the subject of the
 * last sentence that named someone; after "where", "as", ... the nearest.
 * Him, her: not the nearest person of its own clause ("X received him"). */
static int resolve_pronoun(resolver *r, const ng_mention *m)
{
    if (r->nrecent == 0)
        return -1;
    int nearest = r->recent_ent[r->nrecent - 1];
    int here = r->recent_sent[r->nrecent - 1] == m->sentence;
    if (m->object_pronoun)
        return here ? recent_person(r, NULL, m, nearest) : nearest;
    if (after_subordinator(r->d, m))
        return nearest;
    if (here)
        return first_person_of(r, m->sentence);
    return first_person_of(r, r->recent_sent[r->nrecent - 1]);
}

static void resolve_group(resolver *r, ng_mention *m)
{
    m->ngroup = 0;
    if (m->group_type == ET_PERSON) {
        for (size_t i = r->nrecent; i-- > 0 && m->ngroup < 2;) {
            int e = r->recent_ent[i];
            if (m->ngroup == 0 || m->group[0] != e)
                m->group[m->ngroup++] = e;
        }
    } else {
        for (size_t i = r->ncountries; i-- > 0 && m->ngroup < 2;) {
            int e = r->countries_seen[i];
            if (m->ngroup == 0 || m->group[0] != e)
                m->group[m->ngroup++] = e;
        }
    }
    if (m->ngroup < 2)
        m->ngroup = 0;
}

static ng_status resolve_mention(resolver *r, size_t i)
{
    ng_docstate *d = r->d;
    ng_mention *m = &d->mentions[i];
    switch (m->kind) {
    case MK_ENTITY:
        /* "Lagos" after "President Sofia Lagos" is her, not the city */
        if (m->te - m->tb == 1 && !m->adj && (d->k->entities[m->lex].type == ET_CITY ||
                                              d->k->entities[m->lex].type == ET_PLACE)) {
            int p = person_with_word(r, d->toks.toks[m->tb].norm);
            if (p >= 0) {
                m->ent = p;
                break;
            }
        }
        m->ent = ng_doc_lex_entity(d, m->lex);
        if (m->ent >= 0 && d->ents[m->ent].type == ET_COUNTRY &&
            NG_PUSH(r->countries_seen, r->ncountries, r->cap_countries, m->ent))
            return NG_ENOMEM;
        break;
    case MK_NAME:
        if (r->mention_cluster[i] >= 0)
            m->ent = r->cl[r->mention_cluster[i]].ent;
        else if (m->ne - m->nb == 1 && (m->guess == ET_PERSON || m->guess < 0))
            m->ent = resolve_single_name(r, m);
        else if ((m->guess == ET_ORG || m->guess == ET_PLACE) && m->ne - m->nb >= 2) {
            const char *label = name_text(d, m);
            m->ent = label ? ng_doc_entity(d, label, (ng_etype)m->guess, -1) : -1;
        }
        if (m->ent >= 0 && d->ents[m->ent].type == ET_PERSON && m->role >= 0)
            bind_role(r, m->ent, m);
        break;
    case MK_ROLE:
        m->ent = resolve_role(r, m);
        if (m->ent >= 0)
            bind_role(r, m->ent, m);
        break;
    case MK_PRONOUN:
        m->ent = resolve_pronoun(r, m);
        break;
    case MK_GROUP:
        resolve_group(r, m);
        break;
    }
    if (m->ent >= 0 && d->ents[m->ent].type == ET_PERSON)
        return note_person(r, m->ent, m->sentence);
    return NG_OK;
}

static void free_resolver(resolver *r)
{
    for (size_t c = 0; c < r->ncl; c++)
        free(r->cl[c].sp);
    free(r->cl);
    free(r->mention_cluster);
    free(r->recent_ent);
    free(r->recent_sent);
    free(r->countries_seen);
}

ng_status ng_resolve(ng_docstate *d)
{
    resolver r = {.d = d};
    ng_status st = NG_OK;
    r.mention_cluster = malloc((d->nmentions + 1) * sizeof *r.mention_cluster);
    if (!r.mention_cluster)
        return NG_ENOMEM;
    st = cluster_names(&r);
    if (!st)
        st = make_person_entities(&r);
    for (size_t i = 0; i < d->nmentions && !st; i++)
        st = resolve_mention(&r, i);
    free_resolver(&r);
    return st;
}

/* ---- learning ------------------------------------------------------- */

static ng_status add_binding(ng_docstate *d, int role, int country, const char *person)
{
    for (size_t i = 0; i < d->nbindings; i++) {
        ng_binding *b = &d->bindings[i];
        if (b->role == role && b->country == country && b->days == d->days &&
            strcmp(b->person, person) == 0) {
            b->count++;
            return NG_OK;
        }
    }
    ng_binding b = {role, country, d->days, ng_arena_strdup(&d->learned_arena, person), 1};
    if (!b.person || NG_PUSH(d->bindings, d->nbindings, d->cap_bindings, b))
        return NG_ENOMEM;
    return NG_OK;
}

ng_status ng_learn_spelling(ng_docstate *d, const char *label, const char *first,
                            const char *last, unsigned count)
{
    intptr_t head = -1;
    int found = ng_strmap_get(&d->spelling_by_last, last, strlen(last), &head);
    for (intptr_t i = found ? head : -1; i >= 0; i = d->spellings[i].next)
        if (strcmp(d->spellings[i].label, label) == 0) {
            d->spellings[i].count += count;
            return NG_OK;
        }
    ng_spelling sp = {ng_arena_strdup(&d->learned_arena, label),
                      ng_arena_strdup(&d->learned_arena, first),
                      ng_arena_strdup(&d->learned_arena, last), count, found ? (int)head : -1};
    if (!sp.label || !sp.first || !sp.last ||
        NG_PUSH(d->spellings, d->nspellings, d->cap_spellings, sp))
        return NG_ENOMEM;
    return ng_strmap_put(&d->spelling_by_last, sp.last, strlen(sp.last),
                         (intptr_t)d->nspellings - 1);
}

/* Every full-name spelling of the document (each occurrence counts). */
static ng_status learn_spellings(ng_docstate *d)
{
    for (size_t i = 0; i < d->nmentions; i++) {
        const ng_mention *m = &d->mentions[i];
        if (m->kind != MK_NAME || m->ent < 0 || d->ents[m->ent].type != ET_PERSON ||
            m->ne - m->nb < 2)
            continue;
        const char *norms[MAX_NAME_TOKENS];
        int n = name_norms(d, m, norms);
        const char *label = n >= 2 ? name_text(d, m) : NULL;
        if (!label)
            continue;
        ng_status st = ng_learn_spelling(d, label, norms[0], norms[n - 1], 1);
        if (st)
            return st;
    }
    return NG_OK;
}

ng_status ng_learn_bindings(ng_docstate *d)
{
    ng_status st0 = learn_spellings(d);
    if (st0)
        return st0;
    for (size_t i = 0; i < d->nmentions; i++) {
        const ng_mention *m = &d->mentions[i];
        if (m->kind != MK_NAME || m->ent < 0 || m->role < 0 || m->country < 0 || m->former ||
            m->role_kind != TK_OFFICE || d->ents[m->ent].type != ET_PERSON)
            continue;
        /* the document's own spelling: what the corpus learned before must
         * not change what is stored, so learning does not depend on order */
        const ng_dentity *e = &d->ents[m->ent];
        ng_status st = add_binding(d, m->role, m->country, e->own_label ? e->own_label : e->label);
        if (st)
            return st;
    }
    return NG_OK;
}
