/* STUB: the cmd work replaces this. */
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        puts("newsgraph " NG_VERSION);
        return 0;
    }
    fputs("newsgraph: not implemented yet\n", stderr);
    return 2;
}
