/* The ng_knowledge object: entities and their aliases, titles, dated roles,
 * and the rules (rules.c).  Everything here is read from data files; the
 * defaults are embedded in the binary (ng_data.c, made by embed.cmake). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

extern const char ng_data_entities[], ng_data_titles[], ng_data_rules[], ng_data_names[];
extern const size_t ng_data_entities_len, ng_data_titles_len, ng_data_rules_len,
    ng_data_names_len;

const char *ng_etype_name(ng_etype t)
{
    static const char *const names[ET_COUNT] = {"Person", "Country", "City", "Place",
                                                 "Organization"};
    return (unsigned)t < ET_COUNT ? names[t] : "Place";
}

int ng_etype_parse(const char *s, ng_etype *out)
{
    for (int t = 0; t < ET_COUNT; t++)
        if (strcmp(s, ng_etype_name((ng_etype)t)) == 0) {
            *out = (ng_etype)t;
            return 0;
        }
    return -1;
}

ng_knowledge *ng_knowledge_new(void)
{
    ng_knowledge *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    for (int m = 0; m < NG_MOD_COUNT; m++)
        k->modality_sets[m] = -1;
    k->future_set = k->clause_breaks = -1;
    return k;
}

void ng_knowledge_free(ng_knowledge *k)
{
    if (!k)
        return;
    for (size_t i = 0; i < k->nrules; i++)
        free(k->rules[i].elems);
    for (size_t i = 0; i < k->nphrases; i++)
        ng_strmap_free(&k->phrases[i].map);
    for (size_t i = 0; i < k->nanchor_lists; i++)
        free(k->anchor_lists[i].rules);
    ng_strmap *maps[] = {&k->alias_map, &k->label_map, &k->first_words, &k->title_map,
                         &k->role_map, &k->class_map, &k->anchor_map, &k->gate_map,
                         &k->starts_map, &k->person_names};
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
        ng_strmap_free(maps[i]);
    free(k->entities);
    free(k->aliases);
    free(k->titles);
    free(k->role_names);
    free(k->spans);
    free(k->relations);
    free(k->phrases);
    free(k->rules);
    free(k->anchor_lists);
    ng_arena_free(&k->arena);
    free(k);
}

/* ---- entities ------------------------------------------------------- */

static int all_caps(const char *s)
{
    int letters = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            return 0;
        letters += *s >= 'A' && *s <= 'Z';
    }
    return letters > 0;
}

static ng_status note_first_word(ng_knowledge *k, const char *key, const char *surface)
{
    if (!(surface[0] >= 'A' && surface[0] <= 'Z'))
        return NG_OK;
    size_t n = strcspn(key, " ");
    if (n < 4)
        return NG_OK;
    return ng_strmap_put(&k->first_words, key, n, 1);
}

static ng_status add_alias(ng_knowledge *k, int entity, int kind, const char *surface)
{
    size_t ntok = 0, key_len = 0;
    const char *key = ng_phrase_key(&k->arena, surface, strlen(surface), &ntok, &key_len);
    if (!key)
        return NG_ENOMEM;
    if (ntok == 0)
        return NG_OK;
    ng_lex_alias a = {.entity = entity, .kind = kind, .next = -1, .next_same = -1,
                      .surface = ng_arena_strdup(&k->arena, surface)};
    if (!a.surface)
        return NG_ENOMEM;
    if (all_caps(surface) && strlen(surface) <= 6 && !(a.exact = ng_arena_strdup(&k->arena, surface)))
        return NG_ENOMEM;
    intptr_t first;
    if (ng_strmap_get(&k->alias_map, key, key_len, &first)) {
        for (int i = (int)first; i >= 0; i = k->aliases[i].next)
            if (k->aliases[i].entity == entity && k->aliases[i].kind == kind &&
                (k->aliases[i].exact == NULL) == (a.exact == NULL))
                return NG_OK; /* already known */
        a.next = (int)first;
    }
    if (NG_PUSH(k->aliases, k->naliases, k->cap_aliases, a))
        return NG_ENOMEM;
    ng_lex_entity *e = &k->entities[entity];
    int self = (int)k->naliases - 1;
    if (e->last_alias >= 0)
        k->aliases[e->last_alias].next_same = self;
    else
        e->first_alias = self;
    e->last_alias = self;
    if (ntok > k->max_alias_tokens)
        k->max_alias_tokens = ntok;
    ng_status st = ng_strmap_put(&k->alias_map, key, key_len, (intptr_t)(k->naliases - 1));
    return st ? st : note_first_word(k, key, surface);
}

static ng_status add_alias_list(ng_knowledge *k, int entity, int kind, const char *list)
{
    const char *p = list;
    char buf[512];
    while (*p) {
        size_t n = strcspn(p, "|");
        if (n > 0 && n < sizeof buf) {
            memcpy(buf, p, n);
            buf[n] = '\0';
            ng_status st = add_alias(k, entity, kind, buf);
            if (st)
                return st;
        }
        p += n;
        if (*p == '|')
            p++;
    }
    return NG_OK;
}

typedef struct {
    ng_knowledge *k;
    const char *name;
    /* country labels are resolved after the whole file is read */
    char **pending_country;
    size_t npending, cap_pending;
} lexicon_load;

static ng_status lexicon_row(void *user, char **f, size_t n, size_t line, ng_error *err)
{
    lexicon_load *ld = user;
    ng_knowledge *k = ld->k;
    (void)n;
    const char *label = f[0], *type = f[1], *aliases = f[2], *demonyms = f[3];
    ng_etype t;
    if (!label[0])
        return ng_fail(err, NG_EINPUT, "%s: line %zu: empty label", ld->name, line);
    if (ng_etype_parse(type, &t))
        return ng_fail(err, NG_EINPUT,
                       "%s: line %zu: type '%s' is not one of Person, Country, City, Place, "
                       "Organization", ld->name, line, type);
    intptr_t idx;
    if (!ng_strmap_get(&k->label_map, label, strlen(label), &idx)) {
        ng_lex_entity e = {.label = ng_arena_strdup(&k->arena, label), .type = t, .country = -1,
                           .metonym = f[5] && f[5][0] == '1',
                           .first_alias = -1, .last_alias = -1};
        if (!e.label || NG_PUSH(k->entities, k->nentities, k->cap_entities, e))
            return NG_ENOMEM;
        idx = (intptr_t)k->nentities - 1;
        ng_status st = ng_strmap_put(&k->label_map, e.label, strlen(e.label), idx);
        if (st)
            return st;
        char *country = f[4] && f[4][0] ? ng_arena_strdup(&k->arena, f[4]) : NULL;
        while (ld->npending < k->nentities)
            if (NG_PUSH(ld->pending_country, ld->npending, ld->cap_pending, NULL))
                return NG_ENOMEM;
        ld->pending_country[idx] = country;
    }
    ng_status st = add_alias(k, (int)idx, ALIAS_NAME, label);
    if (!st)
        st = add_alias_list(k, (int)idx, ALIAS_NAME, aliases);
    if (!st)
        st = add_alias_list(k, (int)idx, ALIAS_DEMONYM, demonyms);
    return st;
}

static ng_status resolve_countries(lexicon_load *ld, ng_error *err)
{
    ng_knowledge *k = ld->k;
    for (size_t i = 0; i < ld->npending; i++) {
        const char *c = ld->pending_country[i];
        if (!c)
            continue;
        intptr_t idx;
        if (!ng_strmap_get(&k->label_map, c, strlen(c), &idx) ||
            k->entities[idx].type != ET_COUNTRY)
            return ng_fail(err, NG_EINPUT, "%s: '%s' names country '%s', which is not a Country "
                           "label in the lexicon", ld->name, k->entities[i].label, c);
        k->entities[i].country = (int)idx;
    }
    return NG_OK;
}

ng_status ng_knowledge_add_lexicon_text(ng_knowledge *k, const char *name, const char *text,
                                        size_t len, ng_error *err)
{
    static const char *const header[] = {"label", "type", "aliases", "demonyms", "country",
                                         "metonym"};
    if (k->compiled)
        return ng_fail(err, NG_EUSAGE, "%s: knowledge is already compiled", name);
    lexicon_load ld = {.k = k, .name = name};
    /* Earlier entities keep their countries. */
    for (size_t i = 0; i < k->nentities; i++)
        if (NG_PUSH(ld.pending_country, ld.npending, ld.cap_pending, NULL))
            return NG_ENOMEM;
    ng_status st = ng_csv_each_row(name, text, len, header, 6, lexicon_row, &ld, err);
    if (!st)
        st = resolve_countries(&ld, err);
    free(ld.pending_country);
    return st;
}

/* ---- titles --------------------------------------------------------- */

int ng_knowledge_role_index(const ng_knowledge *k, const char *role)
{
    intptr_t idx;
    return ng_strmap_get(&k->role_map, role, strlen(role), &idx) ? (int)idx : -1;
}

static int intern_role(ng_knowledge *k, const char *role)
{
    int idx = ng_knowledge_role_index(k, role);
    if (idx >= 0)
        return idx;
    const char *r = ng_arena_strdup(&k->arena, role);
    if (!r || NG_PUSH(k->role_names, k->nroles, k->cap_roles, r) ||
        ng_strmap_put(&k->role_map, r, strlen(r), (intptr_t)k->nroles - 1))
        return -1;
    return (int)k->nroles - 1;
}

static ng_status title_row(void *user, char **f, size_t n, size_t line, ng_error *err)
{
    static const char *const kinds[] = {"office", "rank", "honorific", "generic"};
    ng_knowledge *k = ((void **)user)[0];
    const char *name = ((void **)user)[1];
    (void)n;
    int kind = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(f[2], kinds[i]) == 0)
            kind = i;
    if (kind < 0 || !f[0][0] || !f[1][0])
        return ng_fail(err, NG_EINPUT, "%s: line %zu: a title needs a title, a role and a kind "
                       "(office, rank, honorific or generic)", name, line);
    int role = intern_role(k, f[1]);
    size_t ntok = 0, key_len = 0;
    const char *key = ng_phrase_key(&k->arena, f[0], strlen(f[0]), &ntok, &key_len);
    if (role < 0 || !key)
        return NG_ENOMEM;
    ng_title t = {.role = k->role_names[role], .kind = (ng_title_kind)kind};
    if (ntok == 0)
        return NG_OK;
    if (NG_PUSH(k->titles, k->ntitles, k->cap_titles, t))
        return NG_ENOMEM;
    if (ntok > k->max_title_tokens)
        k->max_title_tokens = ntok;
    ng_status st = ng_strmap_put(&k->title_map, key, key_len, (intptr_t)k->ntitles - 1);
    return st ? st : note_first_word(k, key, f[0]);
}

static ng_status add_titles_text(ng_knowledge *k, const char *name, const char *text, size_t len,
                                 ng_error *err)
{
    static const char *const header[] = {"title", "role", "kind"};
    void *ctx[2] = {k, (void *)name};
    return ng_csv_each_row(name, text, len, header, 3, title_row, ctx, err);
}

/* ---- personal names ------------------------------------------------- */

static ng_status names_row(void *user, char **f, size_t n, size_t line, ng_error *err)
{
    ng_knowledge *k = ((void **)user)[0];
    const char *name = ((void **)user)[1];
    (void)n;
    int kind = strcmp(f[1], "given") == 0 ? NAME_GIVEN : strcmp(f[1], "family") == 0 ? NAME_FAMILY : 0;
    if (!kind || !f[0][0])
        return ng_fail(err, NG_EINPUT, "%s: line %zu: a name needs a name and a kind (given or "
                       "family)", name, line);
    uint32_t len;
    const char *norm = ng_norm_word(&k->arena, f[0], strlen(f[0]), &len, NULL);
    if (!norm)
        return NG_ENOMEM;
    intptr_t old = 0;
    ng_strmap_get(&k->person_names, norm, len, &old);
    return ng_strmap_put(&k->person_names, norm, len, old | kind);
}

ng_status ng_knowledge_add_names_text(ng_knowledge *k, const char *name, const char *text,
                                      size_t len, ng_error *err)
{
    static const char *const header[] = {"name", "kind"};
    void *ctx[2] = {k, (void *)name};
    if (k->compiled)
        return ng_fail(err, NG_EUSAGE, "%s: knowledge is already compiled", name);
    return ng_csv_each_row(name, text, len, header, 2, names_row, ctx, err);
}

/* ---- roles with dates ----------------------------------------------- */

static int find_entity(const ng_knowledge *k, const char *surface)
{
    intptr_t idx;
    if (ng_strmap_get(&k->label_map, surface, strlen(surface), &idx))
        return (int)idx;
    ng_arena tmp = {0};
    size_t ntok, key_len;
    const char *key = ng_phrase_key(&tmp, surface, strlen(surface), &ntok, &key_len);
    int found = -1;
    if (key && ng_strmap_get(&k->alias_map, key, key_len, &idx))
        found = k->aliases[idx].entity;
    ng_arena_free(&tmp);
    return found;
}

static int role_of(ng_knowledge *k, const char *role)
{
    int r = ng_knowledge_role_index(k, role);
    if (r >= 0)
        return r;
    ng_arena tmp = {0};
    size_t ntok, key_len;
    intptr_t t;
    const char *key = ng_phrase_key(&tmp, role, strlen(role), &ntok, &key_len);
    if (key && ng_strmap_get(&k->title_map, key, key_len, &t))
        r = ng_knowledge_role_index(k, k->titles[t].role);
    ng_arena_free(&tmp);
    return r;
}

static ng_status roles_row(void *user, char **f, size_t n, size_t line, ng_error *err)
{
    ng_knowledge *k = ((void **)user)[0];
    const char *name = ((void **)user)[1];
    (void)n;
    ng_role_span s = {.role = role_of(k, f[0]), .country = find_entity(k, f[1]),
                      .from = INT32_MIN, .to = INT32_MAX};
    if (s.role < 0)
        return ng_fail(err, NG_EINPUT, "%s: line %zu: unknown role '%s' (use a role id or a title "
                       "from titles.csv)", name, line, f[0]);
    if (s.country < 0)
        return ng_fail(err, NG_EINPUT, "%s: line %zu: unknown country '%s'", name, line, f[1]);
    if (!f[2][0])
        return ng_fail(err, NG_EINPUT, "%s: line %zu: empty person", name, line);
    if ((f[3][0] && (s.from = ng_iso_days(f[3])) == INT32_MIN) ||
        (f[4][0] && (s.to = ng_iso_days(f[4])) == INT32_MIN))
        return ng_fail(err, NG_EINPUT, "%s: line %zu: dates must be YYYY-MM-DD", name, line);
    if (!(s.person = ng_arena_strdup(&k->arena, f[2])))
        return NG_ENOMEM;
    return NG_PUSH(k->spans, k->nspans, k->cap_spans, s) ? NG_ENOMEM : NG_OK;
}

ng_status ng_knowledge_add_roles_text(ng_knowledge *k, const char *name, const char *text,
                                      size_t len, ng_error *err)
{
    static const char *const header[] = {"role", "country", "person", "from", "to"};
    void *ctx[2] = {k, (void *)name};
    if (k->compiled)
        return ng_fail(err, NG_EUSAGE, "%s: knowledge is already compiled", name);
    return ng_csv_each_row(name, text, len, header, 5, roles_row, ctx, err);
}

/* ---- files and defaults --------------------------------------------- */

typedef ng_status (*text_loader)(ng_knowledge *, const char *, const char *, size_t, ng_error *);

static ng_status load_file(ng_knowledge *k, const char *path, text_loader load, ng_error *err)
{
    char *text;
    size_t len;
    ng_status st = ng_read_file(path, &text, &len, err);
    if (st)
        return st;
    st = load(k, path, text, len, err);
    free(text);
    return st;
}

ng_status ng_knowledge_add_lexicon(ng_knowledge *k, const char *path, ng_error *err)
{
    return load_file(k, path, ng_knowledge_add_lexicon_text, err);
}

ng_status ng_knowledge_add_roles(ng_knowledge *k, const char *path, ng_error *err)
{
    return load_file(k, path, ng_knowledge_add_roles_text, err);
}

ng_status ng_knowledge_add_names(ng_knowledge *k, const char *path, ng_error *err)
{
    return load_file(k, path, ng_knowledge_add_names_text, err);
}

ng_status ng_knowledge_add_rules(ng_knowledge *k, const char *path, ng_error *err)
{
    return load_file(k, path, ng_knowledge_add_rules_text, err);
}

ng_status ng_knowledge_add_rules_text(ng_knowledge *k, const char *name, const char *text,
                                      size_t len, ng_error *err)
{
    if (k->compiled)
        return ng_fail(err, NG_EUSAGE, "%s: knowledge is already compiled", name);
    return ng_rules_parse(k, name, text, len, err);
}

ng_status ng_knowledge_load_defaults(ng_knowledge *k, ng_error *err)
{
    ng_status st = ng_knowledge_add_lexicon_text(k, "built-in entities.csv", ng_data_entities,
                                                 ng_data_entities_len, err);
    if (!st)
        st = add_titles_text(k, "built-in titles.csv", ng_data_titles, ng_data_titles_len, err);
    if (!st)
        st = ng_rules_parse(k, "built-in rules.ngr", ng_data_rules, ng_data_rules_len, err);
    if (!st)
        st = ng_knowledge_add_names_text(k, "built-in names.csv", ng_data_names,
                                         ng_data_names_len, err);
    return st;
}

ng_status ng_knowledge_compile(ng_knowledge *k, ng_error *err)
{
    if (k->compiled)
        return NG_OK;
    ng_status st = ng_rules_compile(k, err);
    if (!st)
        k->compiled = 1;
    return st;
}

size_t ng_knowledge_relation_count(const ng_knowledge *k)
{
    return k->nrelations;
}

const char *ng_knowledge_relation_name(const ng_knowledge *k, size_t i)
{
    return i < k->nrelations ? k->relations[i].name : "";
}

int ng_knowledge_relation_symmetric(const ng_knowledge *k, size_t i)
{
    return i < k->nrelations && k->relations[i].symmetric;
}

const char *ng_knowledge_relation_label(const ng_knowledge *k, size_t i)
{
    return i < k->nrelations ? k->relations[i].label : "";
}

/* Aliases are listed in the order the lexicon gives them. */
void ng_knowledge_aliases(const ng_knowledge *k, const char *label,
                          void (*cb)(const char *alias, void *user), void *user)
{
    intptr_t idx;
    if (!ng_strmap_get(&k->label_map, label, strlen(label), &idx))
        return;
    for (int a = k->entities[idx].first_alias; a >= 0; a = k->aliases[a].next_same)
        if (k->aliases[a].kind == ALIAS_NAME && strcmp(k->aliases[a].surface, label) != 0)
            cb(k->aliases[a].surface, user);
}

/* ---- dates ---------------------------------------------------------- */

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : d[m - 1];
}

int32_t ng_iso_days(const char *iso)
{
    if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
        return INT32_MIN;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
            return INT32_MIN;
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return INT32_MIN;
    /* days from civil (Howard Hinnant's algorithm) */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

ng_status ng_knowledge_add_titles_text(ng_knowledge *k, const char *name, const char *text,
                                       size_t len, ng_error *err)
{
    if (k->compiled)
        return ng_fail(err, NG_EUSAGE, "%s: knowledge is already compiled", name);
    return add_titles_text(k, name, text, len, err);
}

ng_status ng_knowledge_add_titles(ng_knowledge *k, const char *path, ng_error *err)
{
    return load_file(k, path, ng_knowledge_add_titles_text, err);
}
