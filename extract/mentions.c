/* Mentions in a sentence: lexicon entities and demonyms, titled names
 * ("Russia's Defense Minister X"), role phrases without a name ("the Chinese
 * general"), capitalised names, pronouns and "the two leaders". */
#include <stdlib.h>
#include <string.h>

#include "docstate.h"

static const struct { const char *noun; int type; } group_nouns[] = {
    {"leaders", ET_PERSON}, {"ministers", ET_PERSON}, {"presidents", ET_PERSON},
    {"men", ET_PERSON}, {"women", ET_PERSON}, {"officials", ET_PERSON},
    {"generals", ET_PERSON}, {"countries", ET_COUNTRY}, {"nations", ET_COUNTRY},
};


int ng_is_word(const ng_token *t, const char *word)
{
    /* the first byte settles most comparisons */
    return t->norm[0] == word[0] && strlen(word) == t->norm_len &&
           memcmp(t->norm, word, t->norm_len) == 0;
}

static int in_map(const ng_strmap *m, const ng_token *t)
{
    return ng_strmap_get_h(m, t->norm, t->norm_len, t->hash, NULL);
}

typedef struct {
    ng_docstate *d;
    const ng_token *toks;
    size_t sb, se;      /* sentence tokens */
    uint32_t sentence;
    int title_case;     /* a headline in Title Case: names are unreliable */
} scan;

/* ---- lexicon -------------------------------------------------------- */

static int raw_equals(const ng_docstate *d, const ng_token *toks, size_t i, size_t n,
                      const char *exact)
{
    size_t a = toks[i].start, b = toks[i + n - 1].end, len = strlen(exact);
    /* "U.S." is one token; "US" too: compare the bytes without spaces */
    size_t j = 0;
    for (size_t p = a; p < b; p++) {
        if (d->text[p] == ' ')
            continue;
        if (j >= len || d->text[p] != exact[j])
            return 0;
        j++;
    }
    return j == len;
}

/* Longest lexicon alias at i: returns its token length and fills alias. */
static size_t lexicon_at(const scan *s, size_t i, const ng_lex_alias **alias)
{
    const ng_knowledge *k = s->d->k;
    if (!(s->toks[i].flags & (TOK_CAP | TOK_DIGIT)) || !(s->toks[i].starts & STARTS_ALIAS))
        return 0;
    size_t max = ng_starts_len(s->toks[i].starts, STARTS_KIND_ALIAS,
                               k->max_alias_tokens < s->se - i ? k->max_alias_tokens : s->se - i);
    ng_prefixes pre;
    for (size_t n = ng_key_prefixes(s->toks, i, max, &pre); n > 0; n--) {
        intptr_t a;
        if (!ng_prefix_get(&k->alias_map, &pre, n, &a))
            continue;
        for (int j = (int)a; j >= 0; j = k->aliases[j].next) {
            const ng_lex_alias *al = &k->aliases[j];
            if (al->exact && !raw_equals(s->d, s->toks, i, n, al->exact))
                continue;
            if (!al->exact && (s->toks[i].flags & TOK_ALLCAP) && n == 1 &&
                s->toks[i].norm_len <= 3)
                continue; /* "IT" is not an alias of anything mixed-case */
            *alias = al;
            return n;
        }
    }
    return 0;
}

static int is_country_like(const ng_knowledge *k, int lex)
{
    const ng_lex_entity *e = &k->entities[lex];
    return e->type == ET_COUNTRY || e->type == ET_ORG || (e->metonym && e->country >= 0);
}

static int country_of(const ng_knowledge *k, int lex)
{
    const ng_lex_entity *e = &k->entities[lex];
    return e->type == ET_COUNTRY || e->type == ET_ORG ? lex : e->country;
}

/* ---- names ---------------------------------------------------------- */

/* "H.R." in "H.R. McMaster": initials joined by periods. */
static int is_initials(const ng_token *t)
{
    return (t->flags & TOK_WORD) && t->norm_len >= 4 && t->norm[1] == '.' &&
           t->norm[t->norm_len - 1] == '.';
}

static int is_name_word(const scan *s, size_t i)
{
    const ng_token *t = &s->toks[i];
    if (!(t->flags & TOK_CAP))
        return 0;
    if ((t->flags & TOK_ALLCAP) && !(is_initials(t) && i + 1 < s->se &&
                                     (s->toks[i + 1].flags & TOK_CAP) &&
                                     !(s->toks[i + 1].flags & TOK_ALLCAP)))
        return 0;
    if ((t->wclass & W_STOP))
        return 0;
    return 1;
}

/* "May" in "Theresa May said", not in "in May 2017". */
static int month_surname(const scan *s, size_t i)
{
    const ng_token *t = &s->toks[i];
    return (t->flags & TOK_CAP) && ((t)->wclass & W_MONTH) &&
           !(i + 1 < s->se && (s->toks[i + 1].flags & TOK_DIGIT));
}

/* A sentence's first word is a name only if the document never writes it in
 * lower case ("Calling Putin ..." is not a person called Calling). */
static int common_word(const scan *s, size_t i)
{
    const ng_token *t = &s->toks[i];
    intptr_t lower;
    if (ng_strmap_get_h(&s->d->lower_words, t->norm, t->norm_len, t->hash, &lower) && lower)
        return 1;
    size_t n = t->norm_len;
    return (n > 4 && memcmp(t->norm + n - 3, "ing", 3) == 0) ||
           (n > 3 && memcmp(t->norm + n - 2, "ed", 2) == 0) ||
           (n > 3 && memcmp(t->norm + n - 2, "ly", 2) == 0);
}

/* End of a name starting at i: capitalised words, initials ("W."),
 * particles ("bin") and glued hyphens ("Jean-Yves"). */
static size_t name_end(const scan *s, size_t i)
{
    size_t p = i, words = 0;
    while (p < s->se && words < MAX_NAME_TOKENS) {
        const ng_token *t = &s->toks[p];
        if (is_name_word(s, p) || (words > 0 && month_surname(s, p))) {
            const ng_lex_alias *a;
            /* a country or an organisation ends a name; a city may be a
             * surname ("Sofia Lagos") */
            if (words > 0 && lexicon_at(s, p, &a) &&
                (s->d->k->entities[a->entity].type == ET_COUNTRY ||
                 s->d->k->entities[a->entity].type == ET_ORG || a->kind == ALIAS_DEMONYM))
                break;
            p++;
            words++;
            /* an initial: "W." glued to its period */
            if (t->norm_len == 1 && p < s->se && ng_is_word(&s->toks[p], ".") &&
                (s->toks[p].flags & TOK_GLUED))
                p++;
        } else if (words > 0 && p + 1 < s->se && (((t)->wclass & W_PARTICLE) ||
                   (ng_is_word(t, "-") && (t->flags & TOK_GLUED) &&
                    (s->toks[p + 1].flags & TOK_GLUED))) &&
                   is_name_word(s, p + 1)) {
            p++;
        } else {
            break;
        }
    }
    /* a trailing initial period belongs to the sentence, not the name */
    while (p > i && !(s->toks[p - 1].flags & TOK_WORD))
        p--;
    /* initials alone ("U.S" split up) are not a name */
    for (size_t q = i; q < p; q++)
        if ((s->toks[q].flags & TOK_WORD) && s->toks[q].norm_len >= 2)
            return p;
    return i;
}

/* A capitalised run with no title before it: an organisation or a place by
 * its last word; a person when it starts with a known given name or East
 * Asian family name ("Grace Wanjiru", "Li Shangfu"), so that "Exxon Mobil" is
 * not one.  Without a names list, any other run is taken as a person. */
static int name_guess(const scan *s, size_t nb, size_t ne)
{
    const ng_token *last = &s->toks[ne - 1];
    if (((last)->wclass & W_ORG))
        return ET_ORG;
    if (((last)->wclass & W_PLACE))
        return ET_PLACE;
    const ng_strmap *names = &s->d->k->person_names;
    if (names->count == 0 || in_map(names, &s->toks[nb]) ||
        in_map(&s->d->honorific_names, last))
        return ET_PERSON;
    return -1;
}

/* ---- adding mentions ------------------------------------------------ */

static ng_status add(scan *s, ng_mention m)
{
    ng_docstate *d = s->d;
    m.sentence = s->sentence;
    m.ent = -1;
    return NG_PUSH(d->mentions, d->nmentions, d->cap_mentions, m) ? NG_ENOMEM : NG_OK;
}

static ng_mention blank(size_t tb, size_t te, ng_mention_kind kind)
{
    ng_mention m = {.tb = (uint32_t)tb, .te = (uint32_t)te, .kind = kind, .lex = -1,
                    .role = -1, .country = -1, .guess = ET_PERSON};
    return m;
}

/* Longest title at p; fills the role of m.  Returns its length or 0. */
static size_t title_at(const scan *s, size_t p, ng_mention *m)
{
    const ng_knowledge *k = s->d->k;
    if (p >= s->se || !(s->toks[p].starts & STARTS_TITLE))
        return 0;
    size_t max = ng_starts_len(s->toks[p].starts, STARTS_KIND_TITLE,
                               k->max_title_tokens < s->se - p ? k->max_title_tokens : s->se - p);
    intptr_t t;
    size_t n = ng_longest_key(&k->title_map, s->toks, p, max, &t);
    if (n) {
        m->role = ng_knowledge_role_index(k, k->titles[t].role);
        m->role_kind = k->titles[t].kind;
    }
    return n;
}

/* Capitalised words before a title that qualify it ("Senate Minority",
 * "Urban Development", "EPA", "Republican"): up to three, "and" between. */
static size_t qualifiers_end(const scan *s, size_t p)
{
    size_t q = p, n = 0;
    ng_mention probe;
    while (q < s->se && n < 4 && !title_at(s, q, &probe)) {
        const ng_token *t = &s->toks[q];
        if ((t->flags & TOK_CAP) && (t->flags & TOK_WORD)) {
            q++;
            n++;
        } else if (n > 0 && (ng_is_word(t, "and") || ng_is_word(t, "&")) && q + 1 < s->se &&
                   (s->toks[q + 1].flags & TOK_CAP)) {
            q++;
        } else {
            break;
        }
    }
    return q;
}

/* [det] [former] [Country's | Demonym] [former] TITLE... [of [the] Country] [Name] */
static size_t title_phrase(scan *s, size_t i, ng_status *st)
{
    const ng_knowledge *k = s->d->k;
    size_t p = i;
    ng_mention m = blank(i, i, MK_ROLE);
    int det = 0;
    if (((&s->toks[p])->wclass & W_DET)) {
        det = 1;
        m.indefinite = ((&s->toks[p])->wclass & W_INDEF);
        p++;
    }
    if (p < s->se && ((&s->toks[p])->wclass & W_FORMER)) {
        m.former = 1; /* "former Belarusian interior minister" */
        p++;
    }
    const ng_lex_alias *a;
    size_t n;
    if (p < s->se && (n = lexicon_at(s, p, &a)) && is_country_like(k, a->entity)) {
        if (a->kind == ALIAS_DEMONYM) {
            m.country = country_of(k, a->entity);
            p += n;
        } else if (p + n < s->se && ng_is_word(&s->toks[p + n], "'s")) {
            m.country = country_of(k, a->entity);
            p += n + 1;
        } else if (p + n < s->se && title_at(s, p + n, &m)) {
            m.country = country_of(k, a->entity); /* "U.S. President" */
            p += n;
        }
    }
    if (p < s->se && ((&s->toks[p])->wclass & W_FORMER)) {
        m.former = 1;
        p++;
        if (p < s->se && ng_is_word(&s->toks[p], "-"))
            p++;
    }
    if (p < s->se && ((&s->toks[p])->wclass & W_SUBROLE))
        return 0;
    /* "Peruvian Army chief", "Chinese Foreign Ministry spokesman" */
    if (m.country >= 0)
        for (int skip = 0; skip < 2 && p + 1 < s->se && ((&s->toks[p])->wclass & W_ORG); skip++)
            p++;
    size_t tl = title_at(s, p, &m);
    int qualified = 0;
    if (!tl) {
        size_t q = qualifiers_end(s, p);
        if (q == p || !(tl = title_at(s, q, &m)))
            return 0;
        qualified = 1; /* "Senate Minority Leader": only with a name after it */
        p = q;
    }
    p += tl;
    /* stacked titles: "Army chief Gen. Ramon Ortiz": the last one counts */
    while (p < s->se && (tl = title_at(s, p, &m)) != 0)
        p += tl;
    /* "Minister of Defence of the People's Republic of China" */
    if (m.country < 0 && p + 1 < s->se && ng_is_word(&s->toks[p], "of")) {
        size_t q = p + 1 + (ng_is_word(&s->toks[p + 1], "the") ? 1 : 0);
        if (q < s->se && (n = lexicon_at(s, q, &a)) && a->kind == ALIAS_NAME &&
            is_country_like(k, a->entity)) {
            m.country = country_of(k, a->entity);
            p = q + n;
        }
    }
    size_t ne = p < s->se ? name_end(s, p) : p;
    if (ne > p) {
        m.kind = MK_NAME;
        m.nb = (uint32_t)p;
        m.ne = (uint32_t)ne;
        m.te = (uint32_t)ne;
        *st = add(s, m);
        return ne - i;
    }
    if ((!det && m.country < 0) || m.role_kind == TK_HONORIFIC || qualified)
        return 0;
    m.te = (uint32_t)p;
    *st = add(s, m);
    return p - i;
}

static size_t group_phrase(scan *s, size_t i, ng_status *st)
{
    size_t p = i;
    if (s->toks[p].wclass & W_BOTH)
        p++;
    else if (p + 1 < s->se && ng_is_word(&s->toks[p], "the") && ng_is_word(&s->toks[p + 1], "two"))
        p += 2;
    else
        return 0;
    if (p >= s->se)
        return 0;
    for (size_t g = 0; g < sizeof group_nouns / sizeof group_nouns[0]; g++)
        if (ng_is_word(&s->toks[p], group_nouns[g].noun)) {
            ng_mention m = blank(i, p + 1, MK_GROUP);
            m.group_type = group_nouns[g].type;
            *st = add(s, m);
            return p + 1 - i;
        }
    return 0;
}

static size_t pronoun(scan *s, size_t i, ng_status *st)
{
    const ng_token *t = &s->toks[i];
    if (!((t)->wclass & W_PRONOUN))
        return 0;
    ng_mention m = blank(i, i + 1, MK_PRONOUN);
    int possessive = ng_is_word(t, "his") ||
                     (ng_is_word(t, "her") && i + 1 < s->se &&
                      (s->toks[i + 1].flags & TOK_WORD) && !((&s->toks[i + 1])->wclass & W_NOTNOUN));
    m.object_pronoun = ng_is_word(t, "him") || (ng_is_word(t, "her") && !possessive);
    m.possessive = possessive;
    *st = add(s, m);
    return 1;
}

static size_t entity(scan *s, size_t i, ng_status *st)
{
    const ng_lex_alias *a;
    size_t n = lexicon_at(s, i, &a);
    if (!n)
        return 0;
    ng_mention m = blank(i, i + n, MK_ENTITY);
    m.lex = a->entity;
    m.adj = a->kind == ALIAS_DEMONYM;
    if (m.adj && i + n < s->se && ((&s->toks[i + n])->wclass & W_GOV)) {
        m.adj = 0;
        m.te = (uint32_t)(i + n + 1);
        n++;
    }
    *st = add(s, m);
    return n;
}

static size_t name(scan *s, size_t i, ng_status *st)
{
    if (s->title_case || !is_name_word(s, i))
        return 0;
    if ((s->toks[i].flags & TOK_FIRST) && common_word(s, i))
        return 0;
    size_t ne = name_end(s, i);
    if (ne <= i)
        return 0;
    ng_mention m = blank(i, ne, MK_NAME);
    m.nb = (uint32_t)i;
    m.ne = (uint32_t)ne;
    m.guess = name_guess(s, i, ne);
    *st = add(s, m);
    return ne - i;
}

/* Headlines in Title Case make every word look like a name.  Words that are
 * capitalised anyway (names the lexicon knows, months, days) say nothing, so
 * only the others are counted; a sentence of names is not a headline. */
static int is_title_case_counting(const scan *s, int skip_lexicon)
{
    size_t words = 0, caps = 0;
    for (size_t i = s->sb; i < s->se; i++) {
        const ng_token *t = &s->toks[i];
        const ng_lex_alias *a;
        if (!(t->flags & TOK_WORD) || t->norm_len < 4 || (t->flags & TOK_DIGIT))
            continue;
        if ((t->wclass & W_STOP) || (skip_lexicon && lexicon_at(s, i, &a)))
            continue;
        words++;
        caps += (t->flags & TOK_CAP) != 0;
    }
    return words >= 4 && caps * 10 >= words * 8;
}

static int is_title_case(const scan *s)
{
    /* Lexicon names are capitalised, so leaving them out only lowers the
     * share of capitals: most sentences fail without any lexicon look-up. */
    return is_title_case_counting(s, 0) && is_title_case_counting(s, 1);
}

/* Whether a mention can start at t: a capital or digit (names, lexicon
 * entries, qualified titles), a title word, a determiner, "former", a
 * pronoun or "both".  Most tokens are none of these and skip the tries. */
static int may_start_mention(const ng_token *t)
{
    return (t->flags & (TOK_CAP | TOK_DIGIT)) || (t->starts & STARTS_TITLE) ||
           (t->wclass & (W_DET | W_FORMER | W_PRONOUN | W_BOTH));
}

static ng_status scan_sentence(ng_docstate *d, size_t si)
{
    const ng_sentence *sent = &d->toks.sents[si];
    scan s = {d, d->toks.toks, sent->tok_begin, sent->tok_end, (uint32_t)si, 0};
    s.title_case = is_title_case(&s);
    ng_status st = NG_OK;
    for (size_t i = s.sb; i < s.se && !st;) {
        if (!may_start_mention(&s.toks[i])) {
            i++;
            continue;
        }
        size_t n = group_phrase(&s, i, &st);
        if (!n && !st)
            n = title_phrase(&s, i, &st);
        if (!n && !st)
            n = pronoun(&s, i, &st);
        if (!n && !st)
            n = entity(&s, i, &st);
        if (!n && !st)
            n = name(&s, i, &st);
        i += n ? n : 1;
    }
    return st;
}

/* Words the document writes after Mr, Ms, Dr...: surnames of people, so a
 * full name ending in one is a person even with an unknown given name. */
static ng_status note_honorific_names(ng_docstate *d)
{
    const ng_knowledge *k = d->k;
    for (size_t i = 0; i + 1 < d->toks.ntoks; i++) {
        const ng_token *t = &d->toks.toks[i];
        intptr_t ti;
        if (!(t->starts & STARTS_TITLE) ||
            !ng_strmap_get_h(&k->title_map, t->norm, t->norm_len, t->hash, &ti) ||
            k->titles[ti].kind != TK_HONORIFIC)
            continue;
        size_t j = i + 1;
        if (j < d->toks.ntoks && ng_is_word(&d->toks.toks[j], ".")) /* "Ms." */
            j++;
        if (j < d->toks.ntoks && (d->toks.toks[j].flags & TOK_CAP)) {
            const ng_token *n = &d->toks.toks[j];
            ng_status st = ng_strmap_put_h(&d->honorific_names, n->norm, n->norm_len, n->hash, 1);
            if (st)
                return st;
        }
    }
    return NG_OK;
}

/* Whether the first word of a sentence could be asked about by
 * common_word: name() asks only after is_name_word. */
static int may_be_asked(const ng_token *t)
{
    return (t->flags & TOK_WORD) && (t->flags & TOK_CAP) && !(t->wclass & W_STOP);
}

/* Which sentence-first words the document also writes in lower case
 * (lower_words: 1 when it does, 0 when not).  Only those words are looked
 * for, so the map stays as small as the document's sentence count. */
static ng_status note_lower_words(ng_docstate *d)
{
    ng_status st = note_honorific_names(d);
    for (size_t si = 0; si < d->toks.nsents && !st; si++) {
        const ng_token *t = &d->toks.toks[d->toks.sents[si].tok_begin];
        if (may_be_asked(t))
            st = ng_strmap_put_h(&d->lower_words, t->norm, t->norm_len, t->hash, 0);
    }
    if (st || d->lower_words.count == 0)
        return st;
    for (size_t i = 0; i < d->toks.ntoks && !st; i++) {
        const ng_token *t = &d->toks.toks[i];
        intptr_t seen;
        /* a stop word is never asked about: skip the commonest words */
        if ((t->flags & TOK_WORD) && !(t->flags & (TOK_CAP | TOK_DIGIT)) &&
            !(t->wclass & W_STOP) &&
            ng_strmap_get_h(&d->lower_words, t->norm, t->norm_len, t->hash, &seen) && !seen)
            st = ng_strmap_put_h(&d->lower_words, t->norm, t->norm_len, t->hash, 1);
    }
    return st;
}

ng_status ng_find_mentions(ng_docstate *d)
{
    ng_status st = note_lower_words(d);
    d->nmentions = 0;
    size_t n = d->toks.nsents + 1;
    if (!st && n > d->cap_sent_mentions) {
        size_t *p = realloc(d->sent_mentions, n * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        d->sent_mentions = p;
        d->cap_sent_mentions = n;
    }
    for (size_t si = 0; si < d->toks.nsents && !st; si++) {
        d->sent_mentions[si] = d->nmentions;
        st = scan_sentence(d, si);
    }
    if (!st)
        d->sent_mentions[d->toks.nsents] = d->nmentions;
    return st;
}
