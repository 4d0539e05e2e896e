/* ng_date_normalize and ng_date_find: one row per case, exact expectations.
 * An expected "" means the function must return -1 and leave out empty. */
#include <stdio.h>
#include <string.h>

#include "ng_date.h"

typedef struct {
    const char *name;
    const char *input;
    const char *want;
} date_case;

static const date_case normalize_cases[] = {
    {"iso_date", "2023-04-17", "2023-04-17"},
    {"iso_timestamp_with_zone", "2023-04-17T10:00:00Z", "2023-04-17"},
    {"iso_with_offset", "2023-04-17 23:59:59+03:00", "2023-04-17"},
    {"slashes_year_first", "2023/04/17", "2023-04-17"},
    {"dots_year_first", "2023.04.17", "2023-04-17"},
    {"single_digit_month_and_day", "2023-4-7", "2023-04-07"},
    {"day_month_name_year", "17 April 2023", "2023-04-17"},
    {"month_name_day_comma_year", "April 17, 2023", "2023-04-17"},
    {"abbreviated_month_no_comma", "Apr 17 2023", "2023-04-17"},
    {"abbreviated_month_with_dot", "Apr. 17, 2023", "2023-04-17"},
    {"sept_abbreviation", "Sept. 1st 2023", "2023-09-01"},
    {"ordinal_day_first", "1st May 2023", "2023-05-01"},
    {"ordinal_of_month", "22nd of June, 2021", "2021-06-22"},
    {"european_dots", "18.04.2023", "2023-04-18"},
    {"european_single_digits", "8.4.2023", "2023-04-08"},
    {"reuters_upper_case", "11-MAR-1987 08:43:20.63", "1987-03-11"},
    {"rfc2822_with_weekday", "Mon, 17 Apr 2023 10:00:00 +0000", "2023-04-17"},
    {"weekday_before_day", "Monday, 17 April 2023", "2023-04-17"},
    {"lower_case_month", "17 april 2023", "2023-04-17"},
    {"time_before_date", "10:49 18.04.2023", "2023-04-18"},
    {"date_inside_text", "Posted on 3 March 2022 by the desk", "2022-03-03"},
    {"first_of_two_dates", "Updated 2023-05-02, first published 2023-05-01", "2023-05-02"},
    {"leap_day_in_leap_year", "29 February 2024", "2024-02-29"},
    {"leap_day_in_2000", "2000-02-29", "2000-02-29"},
    {"year_one", "0001-01-01", "0001-01-01"},
    {"surrounding_whitespace", "  2023-04-17\n", "2023-04-17"},
    {"skips_invalid_then_finds_valid", "2023-02-31 or rather 2023-03-01", "2023-03-01"},
    /* refused */
    {"thirty_first_of_february", "31 February 2023", ""},
    {"february_30_iso", "2023-02-30", ""},
    {"leap_day_in_common_year", "29 February 2023", ""},
    {"leap_day_in_1900", "1900-02-29", ""},
    {"month_thirteen", "2023-13-01", ""},
    {"month_zero", "2023-00-10", ""},
    {"day_zero", "2023-04-00", ""},
    {"year_zero", "0000-01-01", ""},
    {"april_31", "April 31, 2023", ""},
    {"day_32_dots", "32.01.2023", ""},
    {"two_digit_year", "17 Apr 23", ""},
    {"five_digit_year", "12023-04-17", ""},
    {"month_without_day", "April 2023", ""},
    {"word_starting_like_month", "Marching 17 2023", ""},
    {"time_is_not_a_day", "Apr 10:30 2023", ""},
    {"mixed_separators", "2023-04/17", ""},
    {"no_date_at_all", "The minister spoke on Tuesday.", ""},
    {"empty", "", ""},
};

static const date_case find_cases[] = {
    {"leading_date_line", "date 2023-04-17\nThe minister arrived.\n", "2023-04-17"},
    {"leading_date_line_after_space", " date 2023-04-17\nText.\n", "2023-04-17"},
    {"leading_date_line_after_bom", "\xEF\xBB\xBF" "date 2023-04-17\nText.\n", "2023-04-17"},
    {"leading_date_line_with_colon", "Date: 2023-04-17\nText.\n", "2023-04-17"},
    {"leading_date_line_beats_later_date", "date 2023-04-17\nBy A. Writer * 1 May 2023\n",
     "2023-04-17"},
    {"byline_with_star", "Ministers meet in Minsk\nBy A. Writer * 17 April 2023\n\nThe two "
                         "ministers met on Monday.\n",
     "2023-04-17"},
    {"time_and_european_date", "Talks resume\n10:49 18.04.2023\nDelegations arrived.\n",
     "2023-04-18"},
    {"blank_lines_before_dateline", "\n\n\nHeadline\n\nApril 2, 2022\nBody.\n", "2022-04-02"},
    {"invalid_leading_date_line_falls_back", "date 2023-02-31\nBy Staff * 3 May 2023\n",
     "2023-05-03"},
    {"long_paragraph_is_not_a_dateline",
     "Headline\nThe foreign minister said on 17 April 2023 that talks with the neighbouring "
     "government would continue next month after a long pause in the negotiations, and that "
     "both sides expected progress on trade, energy and border questions.\n",
     ""},
    {"date_after_eight_lines_is_ignored", "a\nb\nc\nd\ne\nf\ng\nh\n17 April 2023\n", ""},
    {"no_date", "Headline\nBody text without any date.\n", ""},
    {"empty_text", "", ""},
};

static int check(const char *fn, const date_case *c, int rc, const char *out)
{
    int want_rc = c->want[0] ? 0 : -1;
    if (rc == want_rc && strcmp(out, c->want) == 0)
        return 0;
    fprintf(stderr, "FAIL %s %s: got rc=%d \"%s\", want rc=%d \"%s\"\n", fn, c->name, rc, out,
            want_rc, c->want);
    return 1;
}

int main(void)
{
    int failures = 0;
    for (size_t i = 0; i < sizeof normalize_cases / sizeof normalize_cases[0]; i++) {
        const date_case *c = &normalize_cases[i];
        char out[11] = "garbage!!";
        int rc = ng_date_normalize(c->input, strlen(c->input), out);
        failures += check("ng_date_normalize", c, rc, out);
    }
    for (size_t i = 0; i < sizeof find_cases / sizeof find_cases[0]; i++) {
        const date_case *c = &find_cases[i];
        char out[11] = "garbage!!";
        int rc = ng_date_find(c->input, strlen(c->input), out);
        failures += check("ng_date_find", c, rc, out);
    }
    /* The length bounds the input: bytes past len are never read. */
    char out[11];
    if (ng_date_normalize("2023-04-17", 7, out) != -1 || out[0] != '\0') {
        fprintf(stderr, "FAIL ng_date_normalize length_is_respected: got \"%s\"\n", out);
        failures++;
    }
    if (ng_date_normalize("17 April 2023\0" "2024", 18, out) != 0 ||
        strcmp(out, "2023-04-17") != 0) {
        fprintf(stderr, "FAIL ng_date_normalize nul_inside_text: got \"%s\"\n", out);
        failures++;
    }
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
