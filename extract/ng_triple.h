/* A triple with its provenance: one row of the triples CSV.
 *
 * Header of that CSV (a contract with users and other tools):
 *   doc,date,subject,subject_type,relation,object,object_type,modality,
 *   sentence,start,end,rule,evidence
 * start and end are byte offsets into the document text (after clean-up, see
 * ng_text.h): text[start, end) is exactly the evidence sentence. */
#ifndef NG_TRIPLE_H
#define NG_TRIPLE_H

#include <stddef.h>

typedef enum {
    NG_MOD_ASSERTED = 0,
    NG_MOD_PLANNED,
    NG_MOD_NEGATED,
    NG_MOD_HYPOTHETICAL,
    NG_MOD_COUNT
} ng_modality;

/* "asserted", "planned", "negated", "hypothetical". */
const char *ng_modality_name(ng_modality m);
/* Parses one of the names above; returns 0 on success, -1 otherwise. */
int ng_modality_parse(const char *name, ng_modality *out);

typedef struct {
    const char *doc;          /* document id */
    const char *date;         /* ISO date of the document, or "" */
    const char *subject;      /* canonical label, e.g. "Vladimir Putin" */
    const char *subject_type; /* Person, Country, City, Place, Organization */
    const char *relation;     /* met-with, visited, sanctioned-by, ... */
    const char *object;
    const char *object_type;
    ng_modality modality;
    size_t sentence;          /* index of the sentence in the document, from 0 */
    size_t start, end;        /* byte offsets of the evidence sentence */
    const char *rule;         /* id of the rule that produced the triple */
    const char *evidence;     /* the sentence, evidence_len bytes */
    size_t evidence_len;
} ng_triple;

/* The CSV header line, without the newline. */
extern const char NG_TRIPLE_CSV_HEADER[];

#endif
