/* An xmlTextWriter that writes to a stdio stream it does not own: shared by
 * the GraphML and GEXF writers.  libxml2 escapes every character; the
 * strings were cleaned when they entered the graph (clean.c), so nothing
 * that XML forbids can reach it.  A failed fwrite is remembered with its
 * errno, so that a full disk is reported as such and not as "libxml2
 * failed"; libxml2's own messages are silenced (ng_i_xml_init). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "ng_graph_i.h"

/* libxml2's default error handlers print on stderr ("I/O error : flush
 * error" when a write fails inside it).  The library never prints: a
 * failure already comes back from the writer's calls, and sink_write keeps
 * its errno for the message the caller prints. */
static void XMLCDECL silent_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

#if LIBXML_VERSION >= 21200
static void silent_structured(void *ctx, const xmlError *error)
#else
static void silent_structured(void *ctx, xmlErrorPtr error)
#endif
{
    (void)ctx;
    (void)error;
}

void ng_i_xml_init(void)
{
    xmlInitParser(); /* once, before any thread might start it */
    /* The handlers are per thread: these calls set the calling thread's,
     * the ThrDef ones those of threads created later. */
    xmlSetGenericErrorFunc(NULL, silent_generic);
    xmlSetStructuredErrorFunc(NULL, silent_structured);
#if LIBXML_VERSION < 21200 /* 2.9's API; untested with later libxml2 */
    xmlThrDefSetGenericErrorFunc(NULL, silent_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, silent_structured);
#endif
}

struct ng_i_xml {
    FILE *out;
    int failed;      /* a write to out failed */
    int saved_errno;
    xmlTextWriterPtr w;
};

static int sink_write(void *ctx, const char *buf, int len)
{
    ng_i_xml *x = ctx;
    if (len > 0 && fwrite(buf, 1, (size_t)len, x->out) != (size_t)len) {
        x->failed = 1;
        x->saved_errno = errno;
        return -1;
    }
    return len;
}

static int sink_close(void *ctx)
{
    (void)ctx; /* the caller owns the stream */
    return 0;
}

ng_i_xml *ng_i_xml_open(FILE *out)
{
    ng_i_xml *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->out = out;
    /* The writer owns the output buffer and frees it (calling sink_close,
     * which leaves the stream open). */
    xmlOutputBufferPtr buf = xmlOutputBufferCreateIO(sink_write, sink_close, x, NULL);
    x->w = buf ? xmlNewTextWriter(buf) : NULL;
    if (!x->w) {
        if (buf)
            xmlOutputBufferClose(buf);
        free(x);
        return NULL;
    }
    if (xmlTextWriterSetIndent(x->w, 1) < 0 ||
        xmlTextWriterSetIndentString(x->w, (const xmlChar *)"  ") < 0) {
        xmlFreeTextWriter(x->w);
        free(x);
        return NULL;
    }
    return x;
}

xmlTextWriterPtr ng_i_xml_writer(ng_i_xml *x) { return x->w; }

int ng_i_xml_write_raw(ng_i_xml *x, const char *s, size_t n)
{
    /* An empty raw write makes the writer finish what it has begun (the
     * '>' of a start tag), exactly as it would before raw text; the flush
     * puts all it holds on the stream before s. */
    if (xmlTextWriterWriteRawLen(x->w, (const xmlChar *)"", 0) < 0 ||
        xmlTextWriterFlush(x->w) < 0)
        return -1;
    if (n && fwrite(s, 1, n, x->out) != n) {
        x->failed = 1;
        x->saved_errno = errno;
        return -1;
    }
    return 0;
}

int ng_i_xml_write_buf(ng_i_xml *x, ng_i_buf *b)
{
    int rc = ng_i_xml_write_raw(x, b->data, b->len);
    b->len = 0;
    return rc;
}

ng_status ng_i_xml_close(ng_i_xml *x, int rc, FILE *out, const char *what, ng_error *err)
{
    if (rc >= 0 && xmlTextWriterFlush(x->w) < 0)
        rc = -1;
    xmlFreeTextWriter(x->w);
    int failed = x->failed, saved = x->saved_errno;
    free(x);
    if (failed)
        return ng_fail(err, NG_EIO, "writing %s failed: %s", what, strerror(saved));
    if (rc < 0)
        return ng_fail(err, NG_EINTERNAL, "cannot write %s: libxml2 failed or memory ran out",
                       what);
    return ng_i_finish_stream(out, err);
}
