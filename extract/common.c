#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ng_common.h"
#include "ng_triple.h"

const char NG_TRIPLE_CSV_HEADER[] =
    "doc,date,subject,subject_type,relation,object,object_type,modality,"
    "sentence,start,end,rule,evidence";

static const char *const status_text[] = {
    [NG_OK] = "success",
    [NG_ENOMEM] = "out of memory",
    [NG_EIO] = "input/output error",
    [NG_EINPUT] = "malformed input",
    [NG_EUSAGE] = "invalid usage",
    [NG_EINTERNAL] = "internal library error",
};

const char *ng_strerror(ng_status s)
{
    if ((unsigned)s >= sizeof status_text / sizeof status_text[0])
        return "unknown error";
    return status_text[s];
}

ng_status ng_fail(ng_error *err, ng_status s, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return s;
}

static const char *const modality_names[NG_MOD_COUNT] = {
    [NG_MOD_ASSERTED] = "asserted",
    [NG_MOD_PLANNED] = "planned",
    [NG_MOD_NEGATED] = "negated",
    [NG_MOD_HYPOTHETICAL] = "hypothetical",
};

const char *ng_modality_name(ng_modality m)
{
    return (unsigned)m < NG_MOD_COUNT ? modality_names[m] : "asserted";
}

int ng_modality_parse(const char *name, ng_modality *out)
{
    for (int m = 0; m < NG_MOD_COUNT; m++) {
        if (strcmp(name, modality_names[m]) == 0) {
            *out = (ng_modality)m;
            return 0;
        }
    }
    return -1;
}
