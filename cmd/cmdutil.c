/* STUB: the cmd work replaces this. */
int ng_cmd_placeholder(void);
int ng_cmd_placeholder(void) { return 0; }
