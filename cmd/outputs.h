/* The outputs that are made from other outputs (outputs.c): the pictures
 * that Graphviz's `dot` renders from the DOT the run writes.
 *
 * With -f svg or -f png, the DOT goes to a temporary file in a private
 * directory under $TMPDIR (or /tmp); when the run commits, `dot -Tsvg` (or
 * -Tpng) runs on it with its standard output on the picture's own atomic
 * output, then the DOT and its directory are removed.  No shell is
 * involved: `dot` is found on PATH by posix_spawnp. */
#ifndef NG_OUTPUTS_H
#define NG_OUTPUTS_H

#include "run.h"

/* 1 for svg and png. */
int ng_is_picture(int format);

/* Checks that `dot` is on PATH (else reports "cannot render svg: Graphviz
 * 'dot' is not installed" and returns NG_EIO) and plans the DOT output in a
 * new private temporary directory. */
ng_status ng_render_plan(ng_run *r);

/* Closes the DOT, runs dot into r->out[f] and removes the DOT.  A failed
 * dot is reported with the first line it wrote to stderr. */
ng_status ng_render(ng_run *r, ng_format f);

/* Removes what ng_render_plan created; safe when it created nothing. */
void ng_render_cleanup(ng_run *r);

#endif
