/* Kept apart from the rest of cmd/ so that fuzzers and tests can link
 * ng_cmd without a second main(). */
#include "cli.h"

int main(int argc, char **argv)
{
    return ng_cli_main(argc, argv);
}
