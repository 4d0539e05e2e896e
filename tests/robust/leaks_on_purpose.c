/* Proof that the valgrind tests can fail: leaks a block, or reads one byte
 * past a block, as its argument says.  Registered with WILL_FAIL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    char *p = malloc(16);
    if (!p)
        return 2;
    memset(p, 'x', 16);
    if (argc > 1 && strcmp(argv[1], "overread") == 0) {
        volatile size_t past = 16; /* hidden from the compiler's bounds check */
        char c = p[past];
        free(p);
        return c == 'y';
    }
    p = NULL; /* the block is lost: a definite leak */
    return 0;
}
