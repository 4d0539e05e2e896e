/* The rule language (documented in extract/README.md) and its compiler.
 *
 * A rule is a sequence of elements around one anchor phrase.  Compiling puts
 * every alternative of every anchor into one hash map, so the matcher looks
 * each token position up once (for each phrase length up to the longest) and
 * then checks only the rules anchored there: linear in the text. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum { MAX_WORDS = 256 };

typedef struct {
    ng_knowledge *k;
    const char *name;
    size_t line;
    ng_error *err;
} parser;

static ng_status perr(parser *p, const char *fmt, const char *arg)
{
    char msg[400];
    snprintf(msg, sizeof msg, fmt, arg);
    return ng_fail(p->err, NG_EINPUT, "%s: line %zu: %s", p->name, p->line, msg);
}

/* ---- phrase sets ---------------------------------------------------- */

size_t ng_phrases_match(const ng_phrases *set, const ng_token *toks, size_t i, size_t end)
{
    if (!(toks[i].starts & STARTS_PHRASE))
        return 0;
    size_t max = ng_starts_len(toks[i].starts, STARTS_KIND_PHRASE,
                               set->max_tokens < end - i ? set->max_tokens : end - i);
    return ng_longest_key(&set->map, toks, i, max, NULL);
}

static int new_phrase_set(ng_knowledge *k, const char *name)
{
    ng_phrases set = {.name = name ? ng_arena_strdup(&k->arena, name) : NULL};
    if ((name && !set.name) || NG_PUSH(k->phrases, k->nphrases, k->cap_phrases, set))
        return -1;
    return (int)k->nphrases - 1;
}

static ng_status add_phrase(ng_knowledge *k, int set, const char *text, size_t len)
{
    size_t ntok = 0, key_len = 0;
    const char *key = ng_phrase_key(&k->arena, text, len, &ntok, &key_len);
    if (!key)
        return NG_ENOMEM;
    if (ntok == 0)
        return NG_OK;
    ng_phrases *s = &k->phrases[set];
    if (ntok > s->max_tokens)
        s->max_tokens = ntok;
    return ng_strmap_put(&s->map, key, key_len, 1);
}

/* "a | b c | d" -> three alternatives. */
static ng_status add_alternatives(parser *p, int set, const char *list)
{
    while (*list) {
        size_t n = strcspn(list, "|");
        const char *a = list, *b = list + n;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (b > a) {
            ng_status st = add_phrase(p->k, set, a, (size_t)(b - a));
            if (st)
                return st;
        }
        list += n;
        if (*list == '|')
            list++;
    }
    return NG_OK;
}

static int find_class(const ng_knowledge *k, const char *name)
{
    intptr_t idx;
    return ng_strmap_get(&k->class_map, name, strlen(name), &idx) ? (int)idx : -1;
}

/* ---- statements ----------------------------------------------------- */

static char *skip_space(char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    return s;
}

/* Splits s into words at white space; "label=\"a b\"" stays one word. */
static size_t split_words(char *s, char **words, size_t max)
{
    size_t n = 0;
    for (s = skip_space(s); *s && n < max; s = skip_space(s)) {
        words[n++] = s;
        int quoted = 0;
        while (*s && (quoted || !isspace((unsigned char)*s))) {
            if (*s == '"')
                quoted = !quoted;
            s++;
        }
        if (*s)
            *s++ = '\0';
    }
    return n;
}

static unsigned parse_types(parser *p, const char *list, ng_status *st)
{
    unsigned mask = 0;
    char buf[64];
    while (*list) {
        size_t n = strcspn(list, ",");
        ng_etype t;
        if (n == 1 && *list == '*') {
            mask |= (1u << ET_COUNT) - 1;
        } else if (n >= sizeof buf || (memcpy(buf, list, n), buf[n] = '\0', ng_etype_parse(buf, &t))) {
            *st = perr(p, "unknown entity type in '%s'", list);
            return 0;
        } else {
            mask |= 1u << t;
        }
        list += n;
        if (*list == ',')
            list++;
    }
    return mask;
}

static int find_relation(const ng_knowledge *k, const char *name)
{
    for (size_t i = 0; i < k->nrelations; i++)
        if (strcmp(k->relations[i].name, name) == 0)
            return (int)i;
    return -1;
}

static int valid_relation_name(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

/* relation NAME [symmetric] [label="..."] subject=TYPES object=TYPES */
static ng_status parse_relation(parser *p, char **w, size_t n)
{
    ng_knowledge *k = p->k;
    if (n < 2 || !valid_relation_name(w[1]))
        return perr(p, "%s", "a relation needs a name of lower-case letters, digits and '-'");
    ng_relation r = {.name = w[1], .label = w[1], .subj_types = (1u << ET_COUNT) - 1,
                     .obj_types = (1u << ET_COUNT) - 1};
    ng_status st = NG_OK;
    for (size_t i = 2; i < n && !st; i++) {
        if (strcmp(w[i], "symmetric") == 0) {
            r.symmetric = 1;
        } else if (strncmp(w[i], "label=", 6) == 0) {
            char *v = w[i] + 6;
            size_t len = strlen(v);
            if (v[0] == '"' && (len < 2 || v[len - 1] != '"'))
                return perr(p, "%s", "the label's quote is not closed");
            if (v[0] == '"') {
                v[len - 1] = '\0';
                v++;
            }
            r.label = v;
        } else if (strncmp(w[i], "subject=", 8) == 0) {
            r.subj_types = parse_types(p, w[i] + 8, &st);
        } else if (strncmp(w[i], "object=", 7) == 0) {
            r.obj_types = parse_types(p, w[i] + 7, &st);
        } else {
            st = perr(p, "unknown relation option '%s'", w[i]);
        }
    }
    if (st)
        return st;
    if (!(r.name = ng_arena_strdup(&k->arena, r.name)) ||
        !(r.label = ng_arena_strdup(&k->arena, r.label)))
        return NG_ENOMEM;
    int existing = find_relation(k, r.name);
    if (existing >= 0) {
        k->relations[existing] = r; /* a user file may redeclare */
        return NG_OK;
    }
    return NG_PUSH(k->relations, k->nrelations, k->cap_relations, r) ? NG_ENOMEM : NG_OK;
}

/* class NAME = alternatives  |  class NAME += alternatives */
static ng_status parse_class(parser *p, char *rest)
{
    ng_knowledge *k = p->k;
    char *eq = strchr(rest, '=');
    if (!eq)
        return perr(p, "%s", "a class needs '=' and alternatives separated by '|'");
    int append = eq > rest && eq[-1] == '+';
    char *end = append ? eq - 1 : eq;
    *end = '\0';
    char *name = skip_space(rest);
    for (char *e = name + strlen(name); e > name && isspace((unsigned char)e[-1]);)
        *--e = '\0';
    if (!*name || strchr(name, ' '))
        return perr(p, "%s", "a class needs one name");
    int set = find_class(k, name);
    if (set < 0) {
        if ((set = new_phrase_set(k, name)) < 0)
            return NG_ENOMEM;
        const char *key = k->phrases[set].name;
        ng_status st = ng_strmap_put(&k->class_map, key, strlen(key), set);
        if (st)
            return st;
    }
    return add_alternatives(p, set, eq + 1);
}

/* cue planned|negated|hypothetical|future|break = alternatives */
static ng_status parse_cue(parser *p, char *rest)
{
    static const char *const kinds[] = {"planned", "negated", "hypothetical", "future", "break"};
    ng_knowledge *k = p->k;
    char *eq = strchr(rest, '=');
    if (!eq)
        return perr(p, "%s", "a cue needs '=' and alternatives separated by '|'");
    *eq = '\0';
    char word[32] = "";
    sscanf(rest, "%31s", word);
    int *slot = NULL;
    for (int i = 0; i < 5 && !slot; i++) {
        if (strcmp(word, kinds[i]) != 0)
            continue;
        slot = i == 0   ? &k->modality_sets[NG_MOD_PLANNED]
               : i == 1 ? &k->modality_sets[NG_MOD_NEGATED]
               : i == 2 ? &k->modality_sets[NG_MOD_HYPOTHETICAL]
               : i == 3 ? &k->future_set
                        : &k->clause_breaks;
    }
    if (!slot)
        return perr(p, "unknown cue kind '%s' (planned, negated, hypothetical, future, break)",
                    word);
    if (*slot < 0 && (*slot = new_phrase_set(k, word)) < 0)
        return NG_ENOMEM;
    return add_alternatives(p, *slot, eq + 1);
}

static ng_status parse_slot(parser *p, const char *w, ng_elem *e)
{
    e->kind = EL_SLOT;
    e->slot = w[0] == 'S' ? SLOT_S : SLOT_O;
    e->slot_flags = SLOTF_NOUN;
    const char *mod = w[1] == ':' ? w + 2 : NULL;
    if (w[1] && !mod)
        return perr(p, "bad slot '%s'", w);
    if (!mod)
        return NG_OK;
    if (strcmp(mod, "adj") == 0)
        e->slot_flags = SLOTF_ADJ;
    else if (strcmp(mod, "any") == 0)
        e->slot_flags = SLOTF_ADJ | SLOTF_NOUN;
    else if (strcmp(mod, "pair") == 0 && e->slot == SLOT_S)
        e->slot_flags = SLOTF_NOUN | SLOTF_PAIR;
    else if (strcmp(mod, "first") == 0)
        e->slot_flags = SLOTF_NOUN | SLOTF_FIRST;
    else if (strcmp(mod, "event") == 0 && e->slot == SLOT_O)
        e->slot_flags = SLOTF_EVENT;
    else
        return perr(p, "bad slot '%s' (S, O, S:adj, S:any, S:pair, S:first, O:adj, O:any, O:first, O:event)", w);
    return NG_OK;
}

static ng_status parse_element(parser *p, char *w, ng_elem *e)
{
    ng_knowledge *k = p->k;
    memset(e, 0, sizeof *e);
    size_t len = strlen(w);
    if (len > 1 && w[len - 1] == '?') {
        e->optional = 1;
        w[--len] = '\0';
    }
    if (w[0] == '.' && w[1] == '.') {
        char *end;
        long n = strtol(w + 2, &end, 10);
        if (*end || n < 1 || n > 30)
            return perr(p, "a gap is ..N with N from 1 to 30, not '%s'", w);
        e->kind = EL_GAP;
        e->gap = (int)n;
        return NG_OK;
    }
    if (w[0] == 'S' || w[0] == 'O')
        if (w[1] == '\0' || w[1] == ':')
            return parse_slot(p, w, e);
    if (strcmp(w, "X") == 0) {
        e->kind = EL_ANY;
        return NG_OK;
    }
    if (strcmp(w, "!X") == 0) { /* no mention comes next (after a determiner) */
        e->kind = EL_NOT;
        e->phrases = -1;
        return NG_OK;
    }
    e->kind = EL_WORD;
    if (w[0] == '!' && w[1]) {
        if (e->optional)
            return perr(p, "a negative element cannot be optional: '%s'", w);
        e->kind = EL_NOT;
        w++;
        len--;
    }
    if (w[0] == '{') {
        if (len < 3 || w[len - 1] != '}')
            return perr(p, "bad class reference '%s'", w);
        w[len - 1] = '\0';
        if ((e->phrases = find_class(k, w + 1)) < 0)
            return perr(p, "unknown class '%s' (define it with 'class' before the rule)", w + 1);
        return NG_OK;
    }
    if ((e->phrases = new_phrase_set(k, NULL)) < 0)
        return NG_ENOMEM;
    return add_alternatives(p, e->phrases, w);
}

/* rule ID RELATION [modality=M] : ELEMENTS */
static ng_status parse_rule(parser *p, char *rest)
{
    ng_knowledge *k = p->k;
    char *colon = strstr(rest, " : ");
    if (!colon)
        return perr(p, "%s", "a rule is 'rule ID RELATION [modality=M] : ELEMENTS'");
    *colon = '\0';
    char *head[6], *body[MAX_WORDS];
    size_t nh = split_words(rest, head, 6), nb = split_words(colon + 3, body, MAX_WORDS);
    if (nh < 2 || nb == 0)
        return perr(p, "%s", "a rule needs an id, a relation and elements");
    ng_rule r = {.line = p->line, .modality = -1};
    if ((r.relation = find_relation(k, head[1])) < 0)
        return perr(p, "unknown relation '%s' (declare it with 'relation' first)", head[1]);
    for (size_t i = 2; i < nh; i++) {
        ng_modality m;
        if (strcmp(head[i], "cues=near") == 0)
            r.near_cues = 1;
        else if (strncmp(head[i], "modality=", 9) == 0 && ng_modality_parse(head[i] + 9, &m) == 0)
            r.modality = (int)m;
        else
            return perr(p, "bad option '%s' (modality=asserted|planned|negated|hypothetical, "
                        "cues=near)", head[i]);
    }
    if (!(r.id = ng_arena_strdup(&k->arena, head[0])) || !(r.elems = calloc(nb, sizeof *r.elems)))
        return NG_ENOMEM;
    r.nelems = nb;
    int slots = 0;
    for (size_t i = 0; i < nb; i++) {
        ng_status st = parse_element(p, body[i], &r.elems[i]);
        if (st) {
            free(r.elems);
            return st;
        }
        if (r.elems[i].kind == EL_SLOT)
            slots |= r.elems[i].slot | ((r.elems[i].slot_flags & SLOTF_PAIR) ? SLOT_O : 0);
    }
    if (slots != (SLOT_S | SLOT_O)) {
        free(r.elems);
        return perr(p, "rule '%s' needs an S slot and an O slot (or S:pair)", r.id);
    }
    if (NG_PUSH(k->rules, k->nrules, k->cap_rules, r)) {
        free(r.elems);
        return NG_ENOMEM;
    }
    return NG_OK;
}

static ng_status parse_line(parser *p, char *line)
{
    char *s = skip_space(line);
    if (*s == '#' || *s == '\0')
        return NG_OK;
    char keyword[16] = "";
    size_t n = strcspn(s, " \t");
    if (n >= sizeof keyword)
        return perr(p, "unknown statement '%.40s'", s);
    memcpy(keyword, s, n);
    char *rest = s + n;
    if (strcmp(keyword, "relation") == 0) {
        char *w[16];
        size_t nw = split_words(s, w, 16);
        return parse_relation(p, w, nw);
    }
    if (strcmp(keyword, "class") == 0)
        return parse_class(p, rest);
    if (strcmp(keyword, "cue") == 0)
        return parse_cue(p, rest);
    if (strcmp(keyword, "rule") == 0)
        return parse_rule(p, rest);
    return perr(p, "unknown statement '%s' (relation, class, cue, rule)", keyword);
}

ng_status ng_rules_parse(ng_knowledge *k, const char *name, const char *text, size_t len,
                         ng_error *err)
{
    parser p = {.k = k, .name = name, .err = err};
    ng_status st = ng_data_utf8(name, text, len, err);
    for (size_t i = 0; i < len && !st;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        p.line++;
        char *line = malloc(n + 1);
        if (!line)
            return NG_ENOMEM;
        memcpy(line, text + i, n);
        line[n] = '\0';
        for (size_t j = 0; j < n; j++)
            if (line[j] == '\0' || line[j] == '\r')
                line[j] = ' ';
        /* comments: '#' at the start of a word */
        for (char *c = line; (c = strchr(c, '#')) != NULL; c++)
            if (c == line || isspace((unsigned char)c[-1])) {
                *c = '\0';
                break;
            }
        st = parse_line(&p, line);
        free(line);
        i += n + 1;
    }
    return st;
}

/* ---- compile -------------------------------------------------------- */

static int is_function_word(const ng_knowledge *k, const char *w, size_t n)
{
    intptr_t bits = 0;
    return ng_strmap_get(&k->starts_map, w, n, &bits) &&
           ((uint64_t)bits >> WCLASS_SHIFT & W_FUNCTION);
}

/* Whether some alternative of the set is made of function words only
 * ("in", "is", "'s"): then nearly every sentence has the set. */
static int has_function_alternative(const ng_knowledge *k, const ng_phrases *set)
{
    for (size_t i = 0; i < set->map.cap; i++) {
        const ng_strmap_slot *s = &set->map.slots[i];
        if (!ng_strmap_used(&set->map, s))
            continue;
        int all = 1;
        for (size_t a = 0, b; a < s->key_len && all; a = b + 1) {
            const char *sp = memchr(s->key + a, ' ', s->key_len - a);
            b = sp ? (size_t)(sp - s->key) : s->key_len;
            all = is_function_word(k, s->key + a, b - a);
        }
        if (all)
            return 1;
    }
    return 0;
}

/* A rule's gate is its last required word none of whose alternatives is
 * made of function words only ("talks" in "held|had talks", "sanctions"
 * in "O ..4 {impose} ..5 {sanctions}"), else its first required word.  A sentence
 * with no gate of any rule can yield nothing (ng_match_possible), and gates
 * are much rarer than anchors.  The matcher still anchors each rule on its
 * first required word, where its cue windows are measured from. */
static size_t pick_gate(const ng_knowledge *k, const ng_rule *rule)
{
    size_t content = rule->nelems;
    for (size_t a = 0; a < rule->nelems; a++) {
        const ng_elem *e = &rule->elems[a];
        if (e->kind == EL_WORD && !e->optional &&
            !has_function_alternative(k, &k->phrases[e->phrases]))
            content = a;
    }
    return content < rule->nelems ? content : rule->anchor;
}

static ng_status gate_rule(ng_knowledge *k, const ng_rule *rule)
{
    const ng_phrases *set = &k->phrases[rule->elems[pick_gate(k, rule)].phrases];
    if (set->max_tokens > k->max_gate_tokens)
        k->max_gate_tokens = set->max_tokens;
    for (size_t i = 0; i < set->map.cap; i++) {
        const ng_strmap_slot *s = &set->map.slots[i];
        if (!ng_strmap_used(&set->map, s))
            continue;
        ng_status st = ng_strmap_put(&k->gate_map, s->key, s->key_len, 1);
        if (st)
            return st;
    }
    return NG_OK;
}

static ng_status anchor_rule(ng_knowledge *k, size_t r, ng_error *err)
{
    ng_rule *rule = &k->rules[r];
    size_t a;
    for (a = 0; a < rule->nelems; a++)
        if (rule->elems[a].kind == EL_WORD && !rule->elems[a].optional)
            break;
    if (a == rule->nelems)
        return ng_fail(err, NG_EINPUT, "rule '%s' (line %zu) has no required word to anchor on",
                       rule->id, rule->line);
    rule->anchor = a;
    ng_phrases *set = &k->phrases[rule->elems[a].phrases];
    if (set->max_tokens > k->max_anchor_tokens)
        k->max_anchor_tokens = set->max_tokens;
    for (size_t i = 0; i < set->map.cap; i++) {
        const ng_strmap_slot *s = &set->map.slots[i];
        if (!ng_strmap_used(&set->map, s))
            continue;
        intptr_t list;
        if (!ng_strmap_get(&k->anchor_map, s->key, s->key_len, &list)) {
            ng_anchor_list empty = {0};
            if (NG_PUSH(k->anchor_lists, k->nanchor_lists, k->cap_anchor_lists, empty))
                return NG_ENOMEM;
            list = (intptr_t)k->nanchor_lists - 1;
            ng_status st = ng_strmap_put(&k->anchor_map, s->key, s->key_len, list);
            if (st)
                return st;
        }
        ng_anchor_list *l = &k->anchor_lists[list];
        if (NG_PUSH(l->rules, l->n, l->cap, (int)r))
            return NG_ENOMEM;
    }
    return NG_OK;
}

/* A mention followed by 's is a possessor ("Emperor Hiro's chamberlain"), not
 * the argument, unless the rule reads the 's itself ("S 's visit to O"). */
static void mark_possessive_slots(ng_knowledge *k, ng_rule *rule)
{
    for (size_t i = 0; i + 1 < rule->nelems; i++) {
        ng_elem *e = &rule->elems[i], *next = &rule->elems[i + 1];
        if (e->kind == EL_SLOT && next->kind == EL_WORD &&
            ng_strmap_get(&k->phrases[next->phrases].map, "'s", 2, NULL))
            e->slot_flags |= SLOTF_POSS;
        /* "his stay in", "his meeting with": a possessive pronoun fills a
         * slot only where a noun of the rule follows it closely */
        const ng_elem *after = next->kind == EL_GAP && next->gap <= 1 && i + 2 < rule->nelems
                                   ? &rule->elems[i + 2] : next;
        if (e->kind == EL_SLOT && after->kind == EL_WORD)
            e->slot_flags |= SLOTF_POSSPRON;
    }
}

/* Notes the first word of every key of m in the starts map, with the most
 * tokens a key starting with it has. */
static ng_status note_starts(ng_knowledge *k, const ng_strmap *m, int kind)
{
    int shift = STARTS_LEN_SHIFT + 4 * kind;
    for (size_t i = 0; i < m->cap; i++) {
        const ng_strmap_slot *s = &m->slots[i];
        if (!ng_strmap_used(m, s))
            continue;
        const char *sp = memchr(s->key, ' ', s->key_len);
        size_t n = sp ? (size_t)(sp - s->key) : s->key_len, ntok = 1;
        for (size_t j = n; j < s->key_len; j++)
            ntok += s->key[j] == ' ';
        if (ntok > STARTS_LEN_ANY)
            ntok = STARTS_LEN_ANY;
        intptr_t bits = 0;
        ng_strmap_get(&k->starts_map, s->key, n, &bits);
        size_t had = (size_t)(bits >> shift) & 15;
        if (ntok > had)
            bits = (bits & ~((intptr_t)15 << shift)) | (intptr_t)ntok << shift;
        ng_status st = ng_strmap_put(&k->starts_map, s->key, n, bits | (intptr_t)1 << kind);
        if (st)
            return st;
    }
    return NG_OK;
}

static ng_status build_starts(ng_knowledge *k)
{
    ng_status st = note_starts(k, &k->alias_map, STARTS_KIND_ALIAS);
    if (!st)
        st = note_starts(k, &k->title_map, STARTS_KIND_TITLE);
    if (!st)
        st = note_starts(k, &k->anchor_map, STARTS_KIND_ANCHOR);
    if (!st)
        st = note_starts(k, &k->gate_map, STARTS_KIND_GATE);
    for (size_t i = 0; i < k->nphrases && !st; i++)
        st = note_starts(k, &k->phrases[i].map, STARTS_KIND_PHRASE);
    return st;
}

ng_status ng_rules_compile(ng_knowledge *k, ng_error *err)
{
    ng_status st0 = ng_words_register(k); /* the word classes pick_gate reads */
    if (st0)
        return st0;
    for (size_t r = 0; r < k->nrules; r++)
        mark_possessive_slots(k, &k->rules[r]);
    for (size_t r = 0; r < k->nrules; r++) {
        ng_status st = anchor_rule(k, r, err);
        if (!st)
            st = gate_rule(k, &k->rules[r]);
        if (st)
            return st;
    }
    return build_starts(k);
}
