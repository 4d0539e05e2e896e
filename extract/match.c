/* Rules against the mentions of each sentence.
 *
 * For every token position the anchor map is looked up once per phrase
 * length; each rule anchored there is checked outwards: elements after the
 * anchor from left to right, elements before it from right to left.  A gap
 * (..N) lets the next element be found up to N tokens away; a slot after a
 * gap takes the nearest mention of a type the relation accepts.  Slots take
 * coordinated lists ("A, B and C").  Each check is bounded by the rule's
 * length, so the whole pass is linear in the text. */
#include <stdlib.h>
#include <string.h>

#include "docstate.h"

enum { MAX_LIST = 8, MAX_EVENTS = 16 };

typedef struct {
    int ents[MAX_LIST];
    int n;
} ent_list;

typedef struct {
    int relation;
    ent_list who;
} event;

typedef struct {
    int s, o, relation, modality;
    const ng_rule *rule;
} found;

typedef struct {
    ng_docstate *d;
    const ng_knowledge *k;
    const ng_token *toks;
    size_t sb, se, si;
    int *m_start, *m_end; /* per token of the sentence: mention starting/ending there */
    size_t cap_marks;
    event events[MAX_EVENTS];
    size_t nevents;
    found *found;
    size_t nfound, cap_found;
} matcher;

typedef struct {
    const ng_rule *rule;
    const ng_relation *rel;
    ent_list S, O;
    int pair, event_slot;
    size_t lo, hi;       /* token extent of the match */
    size_t anchor_end;
} attempt;

/* 's, or a bare apostrophe glued to a name ending in s ("Mikoliunas' cross") */
static int is_possessive_mark(const ng_token *t)
{
    return ng_is_word(t, "'s") || (ng_is_word(t, "'") && (t->flags & TOK_GLUED));
}

/* Quotation marks end a quoted clause: "... than not," he told ... */
static int is_quote(const ng_token *t)
{
    return (t->flags & TOK_PUNCT) &&
           (ng_is_word(t, "\"") || ng_is_word(t, "\xE2\x80\x9C") || ng_is_word(t, "\xE2\x80\x9D") ||
            ng_is_word(t, "\xC2\xAB") || ng_is_word(t, "\xC2\xBB"));
}

static int is_det(const ng_token *t)
{
    return (t->wclass & W_DET) != 0;
}

static int is_break(const matcher *mt, size_t q)
{
    if (mt->k->clause_breaks < 0)
        return 0;
    return ng_phrases_match(&mt->k->phrases[mt->k->clause_breaks], mt->toks, q, mt->se) > 0;
}

/* ---- slots ---------------------------------------------------------- */

/* The document entity a mention gives a slot, or -1 if the slot refuses it:
 * the relation's types decide, and a capital or a seat of government stands
 * for its country where only a country fits ("Washington imposed ..."). */
static int slot_entity(matcher *mt, const attempt *at, const ng_elem *e, const ng_mention *m)
{
    if (m->kind == MK_GROUP || m->ent < 0)
        return -1;
    if (e->kind == EL_ANY)
        return m->ent;
    if (m->adj ? !(e->slot_flags & SLOTF_ADJ) : !(e->slot_flags & SLOTF_NOUN))
        return -1;
    unsigned mask = e->slot == SLOT_S ? at->rel->subj_types : at->rel->obj_types;
    const ng_dentity *ent = &mt->d->ents[m->ent];
    if (mask & (1u << ent->type))
        return m->ent;
    if (ent->lex >= 0 && (mask & (1u << ET_COUNTRY))) {
        const ng_lex_entity *le = &mt->k->entities[ent->lex];
        if (le->metonym && le->country >= 0)
            return ng_doc_lex_entity(mt->d, le->country);
    }
    return -1;
}

static int list_add(ent_list *l, int ent)
{
    for (int i = 0; i < l->n; i++)
        if (l->ents[i] == ent)
            return 1;
    if (l->n >= MAX_LIST)
        return 0;
    l->ents[l->n++] = ent;
    return 1;
}

/* Length of a coordinator at q: "and", ", and", ",", "as well as", "&". */
static size_t coordinator_at(const matcher *mt, size_t q, int *is_and)
{
    const ng_token *t = mt->toks;
    *is_and = 1;
    if (q >= mt->se)
        return 0;
    if (ng_is_word(&t[q], "and") || ng_is_word(&t[q], "&"))
        return 1;
    if (ng_is_word(&t[q], ",")) {
        if (q + 1 < mt->se && ng_is_word(&t[q + 1], "and"))
            return 2;
        *is_and = 0;
        return 1;
    }
    if (q + 2 < mt->se && ng_is_word(&t[q], "as") && ng_is_word(&t[q + 1], "well") &&
        ng_is_word(&t[q + 2], "as"))
        return 3;
    return 0;
}

/* Takes the mention mi and what is coordinated after it; returns the end. */
static size_t take_forward(matcher *mt, attempt *at, const ng_elem *e, size_t mi, ent_list *l)
{
    ng_mention *ms = mt->d->mentions;
    size_t end = ms[mi].te, committed = end;
    int committed_n = 0;
    if (ms[mi].kind == MK_GROUP) {
        for (int i = 0; i < ms[mi].ngroup; i++)
            list_add(l, ms[mi].group[i]);
        return end;
    }
    list_add(l, slot_entity(mt, at, e, &ms[mi]));
    committed_n = l->n;
    for (;;) {
        int is_and;
        size_t c = coordinator_at(mt, end, &is_and);
        if (!c)
            break;
        size_t q = end + c;
        if (q < mt->se && is_det(&mt->toks[q]))
            q++;
        if (q >= mt->se || mt->m_start[q - mt->sb] < 0)
            break;
        const ng_mention *next = &ms[mt->m_start[q - mt->sb]];
        int ent = slot_entity(mt, at, e, next);
        if (ent < 0 || !list_add(l, ent))
            break;
        end = next->te;
        /* ", and" after a single item joins clauses, not a list ("sanctions
         * on Russia, and Flynn asked ...") */
        if (c == 2 && l->n < 3) {
            l->n = committed_n;
            break;
        }
        if (is_and) { /* a list is only sure once "and" joins it */
            committed = end;
            committed_n = l->n;
        }
    }
    l->n = committed_n;
    return committed;
}

/* Takes the mention mi and what is coordinated before it; returns the start. */
static size_t take_backward(matcher *mt, attempt *at, const ng_elem *e, size_t mi, ent_list *l)
{
    ng_mention *ms = mt->d->mentions;
    size_t start = ms[mi].tb;
    if (ms[mi].kind == MK_GROUP) {
        for (int i = 0; i < ms[mi].ngroup; i++)
            list_add(l, ms[mi].group[i]);
        return start;
    }
    int first = l->n;
    list_add(l, slot_entity(mt, at, e, &ms[mi]));
    for (;;) {
        /* coordinator ending just before start */
        size_t c = 0;
        int is_and = 1;
        for (size_t len = 1; len <= 3 && len <= start - mt->sb && !c; len++)
            if (coordinator_at(mt, start - len, &is_and) == len)
                c = len;
        if (!c || start - c <= mt->sb)
            break;
        size_t q = start - c;
        if (mt->m_end[q - 1 - mt->sb] < 0)
            break;
        const ng_mention *prev = &ms[mt->m_end[q - 1 - mt->sb]];
        int ent = slot_entity(mt, at, e, prev);
        if (ent < 0 || !list_add(l, ent))
            break;
        start = prev->tb;
    }
    /* collected right to left: put them back in text order */
    for (int i = first, j = l->n - 1; i < j; i++, j--) {
        int t = l->ents[i];
        l->ents[i] = l->ents[j];
        l->ents[j] = t;
    }
    return start;
}

static ent_list *slot_list(attempt *at, const ng_elem *e)
{
    return e->slot == SLOT_S ? &at->S : &at->O;
}

static int mention_ok(matcher *mt, attempt *at, const ng_elem *e, int mi)
{
    if (mi < 0)
        return 0;
    const ng_mention *m = &mt->d->mentions[mi];
    if (!(e->slot_flags & SLOTF_POSS) && m->te < mt->se && is_possessive_mark(&mt->toks[m->te]))
        return 0;
    /* "the Trump campaign", "Putin aides": a name used as a modifier */
    if (m->te < mt->se && (mt->toks[m->te].wclass & W_MODIFIER))
        return 0;
    if (m->kind == MK_PRONOUN && m->possessive && !(e->slot_flags & SLOTF_POSSPRON))
        return 0;
    /* "U.S.-led", "Moscow-based": a modifier, not an argument */
    if (m->te + 1 < mt->se && ng_is_word(&mt->toks[m->te], "-") &&
        (mt->toks[m->te].flags & TOK_GLUED) && (mt->toks[m->te + 1].flags & TOK_GLUED) &&
        !(mt->toks[m->te + 1].flags & TOK_CAP))
        return 0;
    if (m->kind == MK_GROUP)
        return (e->slot_flags & SLOTF_PAIR) && m->ngroup >= 2 &&
               (m->group_type == ET_PERSON ? (at->rel->subj_types & (1u << ET_PERSON))
                                           : (at->rel->subj_types & (1u << ET_COUNTRY)));
    return slot_entity(mt, at, e, m) >= 0;
}

/* ---- elements ------------------------------------------------------- */

static int event_slot(matcher *mt, attempt *at)
{
    for (size_t i = mt->nevents; i-- > 0;)
        if (mt->events[i].relation == at->rule->relation) {
            at->O = mt->events[i].who;
            at->event_slot = 1;
            return at->O.n > 0;
        }
    return 0;
}

/* Matches e forwards from *pos with up to gap tokens skipped. */
static int forward(matcher *mt, attempt *at, const ng_elem *e, size_t *pos, int gap)
{
    if (e->kind == EL_SLOT && (e->slot_flags & SLOTF_EVENT))
        return event_slot(mt, at);
    size_t limit = *pos + (size_t)gap + (gap == 0 && e->kind != EL_WORD ? 1 : 0);
    for (size_t q = *pos; q <= limit && q < mt->se; q++) {
        if (q > *pos && is_break(mt, q - 1))
            return 0;
        if (e->kind == EL_WORD) {
            size_t n = ng_phrases_match(&mt->k->phrases[e->phrases], mt->toks, q, mt->se);
            if (n) {
                *pos = q + n;
                return 1;
            }
            continue;
        }
        if (gap == 0 && q > *pos && !is_det(&mt->toks[*pos]))
            return 0;
        int mi = mt->m_start[q - mt->sb];
        if (!mention_ok(mt, at, e, mi))
            continue;
        ent_list scratch = {0};
        ent_list *l = e->kind == EL_ANY ? &scratch : slot_list(at, e);
        *pos = take_forward(mt, at, e, (size_t)mi, l);
        return l->n > 0;
    }
    return 0;
}

/* Matches e backwards: it must end at *pos, or up to gap tokens earlier. */
static int backward(matcher *mt, attempt *at, const ng_elem *e, size_t *pos, int gap)
{
    if (e->kind == EL_SLOT && (e->slot_flags & SLOTF_EVENT))
        return event_slot(mt, at);
    if (*pos <= mt->sb)
        return 0;
    /* S:first takes the farthest fitting mention (the clause's subject in
     * "X praised Y during a visit to Z"), others the nearest. */
    size_t reach = 0;
    while (reach < (size_t)gap && *pos - reach - 1 > mt->sb && !is_break(mt, *pos - reach - 1))
        reach++;
    int first = e->kind == EL_SLOT && (e->slot_flags & SLOTF_FIRST);
    for (size_t step = 0; step <= reach; step++) {
        size_t j = first ? reach - step : step;
        size_t end = *pos - j;
        if (e->kind == EL_WORD) {
            const ng_phrases *set = &mt->k->phrases[e->phrases];
            for (size_t n = set->max_tokens; n > 0; n--)
                if (n <= end - mt->sb &&
                    ng_phrases_match(set, mt->toks, end - n, end) == n) {
                    *pos = end - n;
                    return 1;
                }
            continue;
        }
        int mi = mt->m_end[end - 1 - mt->sb];
        if (!mention_ok(mt, at, e, mi))
            continue;
        ent_list scratch = {0};
        ent_list *l = e->kind == EL_ANY ? &scratch : slot_list(at, e);
        *pos = take_backward(mt, at, e, (size_t)mi, l);
        if (e->slot_flags & SLOTF_PAIR)
            at->pair = 1;
        return l->n > 0;
    }
    return 0;
}

/* !words: true when none of the phrases starts at pos (forwards) or ends
 * at pos (backwards); consumes nothing. */
static int absent(const matcher *mt, const ng_elem *e, size_t pos, int dir)
{
    if (e->phrases < 0) { /* !X: no mention next ("A and B met" but not "... met C") */
        size_t q = pos;
        if (dir > 0 && q < mt->se && is_det(&mt->toks[q]))
            q++;
        if (dir > 0)
            return q >= mt->se || mt->m_start[q - mt->sb] < 0;
        return pos <= mt->sb || mt->m_end[pos - 1 - mt->sb] < 0;
    }
    const ng_phrases *set = &mt->k->phrases[e->phrases];
    if (dir > 0)
        return pos >= mt->se || ng_phrases_match(set, mt->toks, pos, mt->se) == 0;
    for (size_t n = 1; n <= set->max_tokens && n <= pos - mt->sb; n++)
        if (ng_phrases_match(set, mt->toks, pos - n, pos) == n)
            return 0;
    return 1;
}

static int run_side(matcher *mt, attempt *at, size_t from, size_t to, int dir, size_t *pos)
{
    int gap = 0;
    for (size_t i = from; i != to; i += (size_t)dir) {
        const ng_elem *e = &at->rule->elems[i];
        if (e->kind == EL_GAP) {
            gap = e->gap;
            continue;
        }
        if (e->kind == EL_NOT) {
            if (!absent(mt, e, *pos, dir))
                return 0;
            continue;
        }
        size_t save = *pos;
        int ok = dir > 0 ? forward(mt, at, e, pos, gap) : backward(mt, at, e, pos, gap);
        if (!ok) {
            if (!e->optional)
                return 0;
            *pos = save;
            continue; /* an optional element keeps the gap for the next one */
        }
        if (e->kind == EL_SLOT && (e->slot_flags & SLOTF_PAIR))
            at->pair = 1;
        gap = 0;
    }
    return 1;
}

/* ---- modality ------------------------------------------------------- */

/* Whether token q is part of a mention of the sentence: a cue word there
 * is a name ("Theresa May", "Will Hurd"), not a cue. */
static int in_mention(const matcher *mt, size_t q)
{
    const ng_docstate *d = mt->d;
    for (size_t m = d->sent_mentions[mt->si]; m < d->sent_mentions[mt->si + 1]; m++)
        if (d->mentions[m].tb <= q && q < d->mentions[m].te)
            return 1;
    return 0;
}

/* Where a relative clause set off by commas that starts at q ends (after
 * its closing comma), or q when none starts there: "X, who leaves for
 * Moscow on Tuesday, met Y" -- its cues are not the main verb's. */
static size_t relative_clause_end(const matcher *mt, size_t q, size_t b)
{
    const ng_token *t = mt->toks;
    if (q + 2 >= b || !ng_is_word(&t[q], ",") ||
        !(ng_is_word(&t[q + 1], "who") || ng_is_word(&t[q + 1], "which") ||
          ng_is_word(&t[q + 1], "whose")))
        return q;
    for (size_t r = q + 2; r < b; r++)
        if (ng_is_word(&t[r], ","))
            return r + 1;
    return q; /* not closed before the anchor: not set off */
}

static int cue_in(const matcher *mt, int set, size_t a, size_t b)
{
    if (set < 0)
        return 0;
    for (size_t q = a; q < b; q++) {
        size_t after = relative_clause_end(mt, q, b);
        if (after != q) {
            q = after - 1;
            continue;
        }
        if (ng_phrases_match(&mt->k->phrases[set], mt->toks, q, b) && !in_mention(mt, q))
            return 1;
    }
    return 0;
}

static int modality_of(const matcher *mt, const attempt *at)
{
    if (at->rule->modality >= 0)
        return at->rule->modality;
    const ng_knowledge *k = mt->k;
    int near = at->rule->near_cues;
    size_t before = near ? 1 : 3;
    /* a noun phrase after a possessive time: "next week's visit to X" */
    if (near && at->lo > mt->sb && is_possessive_mark(&mt->toks[at->lo - 1]))
        before = 4;
    size_t a = at->lo >= mt->sb + before ? at->lo - before : mt->sb;
    /* cues before the match stay in its clause: "... because of scheduling
     * delays, but he said his trip ..." */
    for (size_t q = at->lo; q > a; q--)
        if (is_break(mt, q - 1) || is_quote(&mt->toks[q - 1])) {
            a = q;
            break;
        }
    /* a noun phrase's own modifiers count: "X's planned trip to Y" */
    size_t b = near ? at->hi : at->anchor_end;
    static const ng_modality order[] = {NG_MOD_NEGATED, NG_MOD_HYPOTHETICAL, NG_MOD_PLANNED};
    for (size_t i = 0; i < 3; i++)
        if (cue_in(mt, k->modality_sets[order[i]], a, b))
            return order[i];
    if (cue_in(mt, k->future_set, at->hi, mt->se) || (near && cue_in(mt, k->future_set, a, at->lo)))
        return NG_MOD_PLANNED;
    return NG_MOD_ASSERTED;
}

/* ---- results -------------------------------------------------------- */

static ng_status note(matcher *mt, int s, int o, int relation, int modality, const ng_rule *rule)
{
    if (s < 0 || o < 0 || s == o)
        return NG_OK;
    int sym = mt->k->relations[relation].symmetric;
    for (size_t i = 0; i < mt->nfound; i++) {
        const found *f = &mt->found[i];
        if (f->relation == relation && ((f->s == s && f->o == o) || (sym && f->s == o && f->o == s)))
            return NG_OK;
    }
    found f = {s, o, relation, modality, rule};
    return NG_PUSH(mt->found, mt->nfound, mt->cap_found, f) ? NG_ENOMEM : NG_OK;
}

static void remember_event(matcher *mt, const attempt *at)
{
    event ev = {.relation = at->rule->relation};
    for (int i = 0; i < at->S.n; i++)
        list_add(&ev.who, at->S.ents[i]);
    for (int i = 0; i < at->O.n; i++)
        list_add(&ev.who, at->O.ents[i]);
    if (mt->nevents == MAX_EVENTS) {
        memmove(mt->events, mt->events + 1, (MAX_EVENTS - 1) * sizeof *mt->events);
        mt->nevents--;
    }
    mt->events[mt->nevents++] = ev;
}

static ng_status record(matcher *mt, attempt *at)
{
    int mod = modality_of(mt, at);
    ng_status st = NG_OK;
    if (at->pair) {
        for (int i = 0; i < at->S.n && !st; i++)
            for (int j = i + 1; j < at->S.n && !st; j++)
                st = note(mt, at->S.ents[i], at->S.ents[j], at->rule->relation, mod, at->rule);
    } else {
        for (int i = 0; i < at->S.n && !st; i++)
            for (int j = 0; j < at->O.n && !st; j++)
                st = note(mt, at->S.ents[i], at->O.ents[j], at->rule->relation, mod, at->rule);
    }
    if (mod == NG_MOD_ASSERTED)
        remember_event(mt, at);
    return st;
}

static ng_status try_rule(matcher *mt, const ng_rule *rule, size_t i, size_t n)
{
    attempt at = {.rule = rule, .rel = &mt->k->relations[rule->relation]};
    size_t right = i + n, left = i;
    at.anchor_end = i + n;
    if (!run_side(mt, &at, rule->anchor + 1, rule->nelems, 1, &right))
        return NG_OK;
    if (!run_side(mt, &at, rule->anchor - 1, (size_t)-1, -1, &left))
        return NG_OK;
    if (at.S.n == 0 || (!at.pair && at.O.n == 0) || (at.pair && at.S.n < 2))
        return NG_OK;
    at.lo = left;
    at.hi = right;
    return record(mt, &at);
}

/* ---- sentences ------------------------------------------------------ */

static ng_status mark_mentions(matcher *mt)
{
    size_t n = mt->se - mt->sb;
    if (n > mt->cap_marks) {
        int *a = realloc(mt->m_start, n * sizeof *a), *b;
        if (!a)
            return NG_ENOMEM;
        mt->m_start = a;
        if (!(b = realloc(mt->m_end, n * sizeof *b)))
            return NG_ENOMEM;
        mt->m_end = b;
        mt->cap_marks = n;
    }
    for (size_t i = 0; i < n; i++)
        mt->m_start[i] = mt->m_end[i] = -1;
    ng_docstate *d = mt->d;
    for (size_t m = d->sent_mentions[mt->si]; m < d->sent_mentions[mt->si + 1]; m++) {
        const ng_mention *x = &d->mentions[m];
        mt->m_start[x->tb - mt->sb] = (int)m;
        mt->m_end[x->te - 1 - mt->sb] = (int)m;
    }
    return NG_OK;
}

static ng_status match_sentence(matcher *mt)
{
    const ng_knowledge *k = mt->k;
    for (size_t i = mt->sb; i < mt->se; i++) {
        if (!(mt->toks[i].starts & STARTS_ANCHOR))
            continue;
        size_t max = ng_starts_len(mt->toks[i].starts, STARTS_KIND_ANCHOR,
                                   k->max_anchor_tokens < mt->se - i ? k->max_anchor_tokens
                                                                     : mt->se - i);
        ng_prefixes pre;
        for (size_t n = ng_key_prefixes(mt->toks, i, max, &pre); n > 0; n--) {
            intptr_t list;
            if (!ng_prefix_get(&k->anchor_map, &pre, n, &list))
                continue;
            const ng_anchor_list *l = &k->anchor_lists[list];
            for (size_t r = 0; r < l->n; r++) {
                const ng_rule *rule = &k->rules[l->rules[r]];
                /* the anchor phrase of this length must belong to this rule */
                if (ng_phrases_match(&k->phrases[rule->elems[rule->anchor].phrases], mt->toks,
                                     i, i + n) != n)
                    continue;
                ng_status st = try_rule(mt, rule, i, n);
                if (st)
                    return st;
            }
        }
    }
    return NG_OK;
}

static int emit(matcher *mt, const found *f, ng_triple_cb cb, void *user)
{
    const ng_docstate *d = mt->d;
    const ng_sentence *s = &d->toks.sents[mt->si];
    const ng_dentity *a = &d->ents[f->s], *b = &d->ents[f->o];
    ng_triple t = {
        .doc = d->doc->id, .date = d->doc->date,
        .subject = a->label, .subject_type = ng_etype_name(a->type),
        .relation = mt->k->relations[f->relation].name,
        .object = b->label, .object_type = ng_etype_name(b->type),
        .modality = (ng_modality)f->modality, .sentence = mt->si,
        .start = s->start, .end = s->end, .rule = f->rule->id,
        .evidence = d->text + s->start, .evidence_len = s->end - s->start,
    };
    return cb(&t, user);
}

static int gate_at(const ng_knowledge *k, const ng_token *toks, size_t i, size_t end)
{
    if (!(toks[i].starts & STARTS_GATE))
        return 0;
    size_t max = ng_starts_len(toks[i].starts, STARTS_KIND_GATE,
                               k->max_gate_tokens < end - i ? k->max_gate_tokens : end - i);
    return ng_longest_key(&k->gate_map, toks, i, max, NULL) > 0;
}

int ng_match_possible(const ng_docstate *d)
{
    for (size_t si = 0; si < d->toks.nsents; si++) {
        const ng_sentence *s = &d->toks.sents[si];
        if (d->sent_mentions[si + 1] == d->sent_mentions[si])
            continue; /* every rule binds its subject to a mention */
        for (size_t i = s->tok_begin; i < s->tok_end; i++)
            if (gate_at(d->k, d->toks.toks, i, s->tok_end))
                return 1;
    }
    return 0;
}

ng_status ng_match_rules(ng_docstate *d, ng_triple_cb cb, void *user, int *stopped)
{
    matcher mt = {.d = d, .k = d->k, .toks = d->toks.toks};
    ng_status st = NG_OK;
    *stopped = 0;
    for (size_t si = 0; si < d->toks.nsents && !st && !*stopped; si++) {
        const ng_sentence *s = &d->toks.sents[si];
        mt.si = si;
        mt.sb = s->tok_begin;
        mt.se = s->tok_end;
        mt.nfound = 0;
        if ((st = mark_mentions(&mt)) || (st = match_sentence(&mt)))
            break;
        for (size_t i = 0; i < mt.nfound && !*stopped; i++)
            *stopped = cb && emit(&mt, &mt.found[i], cb, user) != 0;
    }
    free(mt.m_start);
    free(mt.m_end);
    free(mt.found);
    return st;
}
