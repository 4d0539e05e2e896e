/* The newsgraph program: everything main() does, callable from tests. */
#ifndef NG_CLI_H
#define NG_CLI_H

/* Runs one command line; returns the exit status (0, 1 or 2). */
int ng_cli_main(int argc, char **argv);

#endif
