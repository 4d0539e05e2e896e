/* Extraction, one capability per case, on sentences written for the tests.
 * Each case lists exactly the triples expected, in output order, as
 * "subject | relation | object | modality" lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ng_extract.h"

typedef struct {
    const char *name;
    const char *date;
    const char *text;
    const char *expected;
} tcase;

static const tcase cases[] = {
    {"surname_merges_with_full_name", "2024-01-10",
     "Ghanaian President Kwame Mensah met Kenyan President Ruth Otieno in Accra.\n"
     "Mensah later met Otieno again.",
     "Kwame Mensah | met-with | Ruth Otieno | asserted\n"
     "Kwame Mensah | met-with | Ruth Otieno | asserted\n"},
    {"met_a_and_b_gives_two_edges", "2024-01-10",
     "Italian Prime Minister Carla Rossi met French President Louis Martin and German "
     "Chancellor Petra Vogel in Rome.",
     "Carla Rossi | met-with | Louis Martin | asserted\n"
     "Carla Rossi | met-with | Petra Vogel | asserted\n"},
    {"verb_tenses_and_phrases", "2024-01-10",
     "Polish President Adam Nowak meets Czech Prime Minister Jan Dvorak on Monday.\n"
     "Nowak held talks with Hungarian Prime Minister Gabor Kiss.\n"
     "Dvorak was received by Slovak President Eva Horvath.\n"
     "Kiss paid a courtesy call on Horvath.",
     "Adam Nowak | met-with | Jan Dvorak | asserted\n"
     "Adam Nowak | met-with | Gabor Kiss | asserted\n"
     "Jan Dvorak | met-with | Eva Horvath | asserted\n"
     "Gabor Kiss | met-with | Eva Horvath | asserted\n"},
    {"nominal_meetings", "2024-01-10",
     "A meeting between Mexican President Rosa Lopez and Canadian Prime Minister Mark Tremblay "
     "took place in Ottawa.\nLopez's talks with Tremblay lasted two hours.",
     "Rosa Lopez | met-with | Mark Tremblay | asserted\n"
     "Rosa Lopez | met-with | Mark Tremblay | asserted\n"},
    {"attending_the_meeting_meets_its_people", "2024-01-10",
     "Spanish Foreign Minister Ana Ruiz met Portuguese Foreign Minister Rui Costa in Lisbon.\n"
     "Spanish Defence Minister Luis Gil attended the meeting.",
     "Ana Ruiz | met-with | Rui Costa | asserted\n"
     "Luis Gil | met-with | Ana Ruiz | asserted\n"
     "Luis Gil | met-with | Rui Costa | asserted\n"},
    {"visits_in_all_forms", "2024-01-10",
     "Nigerian President Musa Bello arrived in Cairo on Sunday.\n"
     "Bello's visit to Egypt was his first.\n"
     "A visit to Tunis by Bello is also expected.\n"
     "During his stay in Cairo, Bello toured a museum.\n"
     "Bello then flew to Algiers.",
     "Musa Bello | visited | Cairo | asserted\n"
     "Musa Bello | visited | Egypt | asserted\n"
     "Musa Bello | visited | Tunis | asserted\n"
     "Musa Bello | visited | Cairo | asserted\n"
     "Musa Bello | visited | Algiers | asserted\n"},
    {"sanctions_vocabulary", "2024-01-10",
     "The United States imposed sanctions on Boris Kral.\n"
     "Kral was sanctioned by Canada last year.\n"
     "The European Union blacklisted Kral in March.\n"
     "Kral, already under British sanctions, denied wrongdoing.",
     "Boris Kral | sanctioned-by | United States | asserted\n"
     "Boris Kral | sanctioned-by | Canada | asserted\n"
     "Boris Kral | sanctioned-by | European Union | asserted\n"
     "Boris Kral | sanctioned-by | United Kingdom | asserted\n"},
    {"capital_stands_for_its_country_in_sanctions", "2024-01-10",
     "Washington imposed sanctions against Iran on Tuesday.",
     "Iran | sanctioned-by | United States | asserted\n"},
    {"exercise_vocabulary", "2024-01-10",
     "Egyptian and Saudi forces held joint drills in the Red Sea.\n"
     "India and France staged naval exercises off Goa.\n"
     "Greece held war games with Cyprus.",
     "Egypt | held-exercise-with | Saudi Arabia | asserted\n"
     "India | held-exercise-with | France | asserted\n"
     "Greece | held-exercise-with | Cyprus | asserted\n"},
    {"modality_planned_negated_hypothetical", "2024-01-10",
     "Peruvian President Diego Rojas will visit Quito next week.\n"
     "Rojas plans to meet Ecuadorian President Marta Vega.\n"
     "Vega did not meet Bolivian President Hugo Mamani.\n"
     "Mamani denied holding exercises with Chile.\n"
     "Bolivia may impose sanctions on Rojas.\n"
     "If Rojas meets Mamani, the talks could help.",
     "Diego Rojas | visited | Quito | planned\n"
     "Diego Rojas | met-with | Marta Vega | planned\n"
     "Marta Vega | met-with | Hugo Mamani | negated\n"
     "Diego Rojas | sanctioned-by | Bolivia | hypothetical\n"
     "Diego Rojas | met-with | Hugo Mamani | hypothetical\n"},
    {"cue_words_inside_names_are_names", "2024-01-10",
     "British Prime Minister Clara May visited Oslo on Monday.\n"
     "Canadian Senator Will Grant met Irish Foreign Minister Sean Byrne in Dublin.",
     "Clara May | visited | Oslo | asserted\n"
     "Will Grant | met-with | Sean Byrne | asserted\n"},
    {"leaving_for_a_place_is_a_visit", "2024-01-10",
     "Kenyan Foreign Minister Amina Odhiambo leaves for Tokyo on Friday.\n"
     "Kenyan Trade Minister Peter Kamau left for Seoul on Monday.",
     "Amina Odhiambo | visited | Tokyo | planned\n"
     "Peter Kamau | visited | Seoul | asserted\n"},
    {"cues_in_a_relative_clause_stay_there", "2024-01-10",
     "Chilean President Ana Soto, who will retire next year, met Argentine President Raul "
     "Diaz.\nSoto, who leaves for Lima on Monday, met Uruguayan President Juan Silva.",
     "Ana Soto | met-with | Raul Diaz | asserted\n"
     "Ana Soto | visited | Lima | planned\n"
     "Ana Soto | met-with | Juan Silva | asserted\n"},
    {"arranging_a_meeting_is_planning_one", "2024-01-10",
     "Swiss diplomats offered to help arrange a meeting between Iranian President Reza Karimi "
     "and Iraqi President Ali Hassan.",
     "Reza Karimi | met-with | Ali Hassan | planned\n"},
    {"going_home_is_no_visit_and_likely_is_not_yet", "2024-01-10",
     "Peruvian President Diego Rojas returned to Lima on Sunday.\n"
     "Dealers expect a probable meeting between Swiss Finance Minister Anna Keller and "
     "Austrian Finance Minister Jonas Huber.\nKeller flies to Vienna later today.",
     "Anna Keller | met-with | Jonas Huber | hypothetical\n"
     "Anna Keller | visited | Vienna | planned\n"},
    {"noun_phrases_carry_their_own_time", "2024-01-10",
     "Next week's visit to Oslo by Danish Prime Minister Karen Holm is expected to be short.\n"
     "Swedish President Erik Lund's planned trip to Helsinki was announced.\n"
     "Tomorrow's meeting between Holm and Lund is the first.",
     "Karen Holm | visited | Oslo | planned\n"
     "Erik Lund | visited | Helsinki | planned\n"
     "Karen Holm | met-with | Erik Lund | planned\n"},
    {"requested_and_expected_meetings_are_not_yet", "2024-01-10",
     "Kenyan Senator Grace Wanjiru requested a meeting with Ugandan President John Okello.\n"
     "Tanzanian Foreign Minister Ali Juma is expected in Kampala on Friday for talks with "
     "Okello.",
     "Grace Wanjiru | met-with | John Okello | hypothetical\n"
     "Ali Juma | met-with | John Okello | planned\n"},
    {"cues_before_a_clause_break_stay_there", "2024-01-10",
     "Peruvian President Diego Rojas missed the dinner because of delays, but he said his visit "
     "to Quito was a success.",
     "Diego Rojas | visited | Quito | asserted\n"},
    {"pronouns_find_their_person", "2024-01-10",
     "Thai Prime Minister Somchai Wong arrived in Hanoi on Monday.\n"
     "He met Vietnamese President Tran Van Minh a day later.\n"
     "Minh received him at the presidential palace.",
     "Somchai Wong | visited | Hanoi | asserted\n"
     "Somchai Wong | met-with | Tran Van Minh | asserted\n"
     "Tran Van Minh | met-with | Somchai Wong | asserted\n"},
    {"roles_resolve_inside_the_document", "2024-01-10",
     "Russian President Oleg Smirnov met Turkish President Kemal Aydin in Ankara.\n"
     "The Russian president later flew to Istanbul.",
     "Oleg Smirnov | met-with | Kemal Aydin | asserted\n"
     "Oleg Smirnov | visited | Istanbul | asserted\n"},
    {"counterpart_and_the_two_leaders", "2024-01-10",
     "Indonesian Foreign Minister Dewi Sari arrived in Kuala Lumpur.\n"
     "She met her Malaysian counterpart Ahmad Rahman on Tuesday.\n"
     "The two leaders held talks on trade.",
     "Dewi Sari | visited | Kuala Lumpur | asserted\n"
     "Dewi Sari | met-with | Ahmad Rahman | asserted\n"
     "Ahmad Rahman | met-with | Dewi Sari | asserted\n"},
    {"spelling_variants_and_lookalike_letters_merge", "2024-01-10",
     "Ukrainian Foreign Minister Sergei Bondar met Latvian President Ilze Kalnina.\n"
     "Sergey Bondar then flew to Riga.\n"
     "Serg\xD0\xB5i Bondar met Kalnina again.",
     "Sergei Bondar | met-with | Ilze Kalnina | asserted\n"
     "Sergei Bondar | visited | Riga | asserted\n"
     "Sergei Bondar | met-with | Ilze Kalnina | asserted\n"},
    {"abbreviations_initials_and_quotes_do_not_end_sentences", "2024-01-10",
     "U.S. Secretary of State John Q. Adams met Gen. Paul Ito of Japan at 9 a.m. on Jan. 5 "
     "in Tokyo. \"It went well,\" Adams said.",
     "John Q. Adams | met-with | Paul Ito | asserted\n"},
    {"page_furniture_is_not_prose", "2024-01-10",
     "By Staff Writer\n"
     "(c) Press Agency / View the galleryBrazilian President Joao Lima meets Uruguayan "
     "President Ana Suarez. Photo: Press Agency\n"
     "Lima flew to Montevideo on Friday.\n"
     "Read more\n"
     "Chilean President Pedro Soto visited Lima last month\n",
     "Joao Lima | met-with | Ana Suarez | asserted\n"
     "Joao Lima | visited | Montevideo | asserted\n"},
    {"possessors_and_modifiers_are_not_arguments", "2024-01-10",
     "Japanese Prime Minister Ken Mori was received by King Harald's chamberlain.\n"
     "Mori visited the U.S.-led coalition headquarters.",
     ""},
    {"a_and_b_met_c_gives_two_meetings_with_c_only", "2024-01-10",
     "Indian Prime Minister Rohan Mehta and Kenyan President Ruth Otieno met Peruvian President "
     "Diego Rojas in Lima.",
     "Rohan Mehta | met-with | Diego Rojas | asserted\n"
     "Ruth Otieno | met-with | Diego Rojas | asserted\n"},
    {"when_x_arrives_is_still_to_come", "2024-01-10",
     "Indian Prime Minister Rohan Mehta spoke on Monday.\n"
     "When Mehta arrives in Nairobi, he will sign the deal.",
     "Rohan Mehta | visited | Nairobi | planned\n"},
    {"initials_belong_to_the_name", "2024-01-10",
     "Senator Ben Cardin met national security adviser H.R. McMaster last week.",
     "Ben Cardin | met-with | H.R. McMaster | asserted\n"},
    {"a_negated_verb_does_not_negate_a_noun_phrase", "2024-01-10",
     "The adviser said he had not discussed U.S. sanctions on Russia with anyone.",
     "Russia | sanctioned-by | United States | asserted\n"},
};

typedef struct {
    char buf[4096];
    size_t len;
    const char *text;
    int offsets_ok;
} collected;

static int collect(const ng_triple *t, void *user)
{
    collected *c = user;
    int n = snprintf(c->buf + c->len, sizeof c->buf - c->len, "%s | %s | %s | %s\n", t->subject,
                     t->relation, t->object, ng_modality_name(t->modality));
    if (n > 0 && (size_t)n < sizeof c->buf - c->len)
        c->len += (size_t)n;
    /* provenance: the offsets slice the evidence back out of the text */
    if (t->end - t->start != t->evidence_len ||
        memcmp(c->text + t->start, t->evidence, t->evidence_len) != 0)
        c->offsets_ok = 0;
    return 0;
}

static ng_knowledge *defaults(void)
{
    ng_error err = {0};
    ng_knowledge *k = ng_knowledge_new();
    if (!k || ng_knowledge_load_defaults(k, &err) || ng_knowledge_compile(k, &err)) {
        fprintf(stderr, "cannot load the defaults: %s\n", err.msg);
        exit(1);
    }
    return k;
}

static int run_case(const ng_knowledge *k, const tcase *tc)
{
    ng_extractor *x = ng_extractor_new(k);
    ng_doc doc = {tc->name, tc->date, "", tc->text, strlen(tc->text)};
    collected c = {.text = tc->text, .offsets_ok = 1};
    int may_yield = 0;
    if (!x || ng_extractor_learn(x, &doc) || !((may_yield = ng_extractor_may_yield(x)), 1) ||
        ng_extract_doc(x, &doc, collect, &c)) {
        printf("FAIL %s: extraction failed\n", tc->name);
        ng_extractor_free(x);
        return 1;
    }
    ng_extractor_free(x);
    /* a second pass skips what ng_extractor_may_yield rules out */
    int ok = strcmp(c.buf, tc->expected) == 0 && c.offsets_ok && (may_yield || c.len == 0);
    if (!may_yield && c.len > 0)
        printf("  ng_extractor_may_yield said no\n");
    printf("%s %s\n", ok ? "ok  " : "FAIL", tc->name);
    if (!ok)
        printf("  expected:\n%s  got:\n%s  offsets %s\n", tc->expected, c.buf,
               c.offsets_ok ? "ok" : "WRONG");
    return !ok;
}

/* Documents ng_extractor_may_yield rules out, and the sentences counted. */
static int barren_documents(const ng_knowledge *k)
{
    static const struct {
        const char *text;
        int may_yield;
        size_t sentences;
    } cases[] = {
        {"The Norlandic minister spoke in Port Elm. Prices rose.", 0, 2},
        {"Prices rose. Then talks were held and a visit followed.", 0, 2}, /* nobody named */
        {"Ana Ruiz spoke in Port Elm.", 0, 1}, /* "in" gates no rule alone */
        {"Prices rose. Ana Ruiz met Ben Ode in Port Elm.", 1, 2},
        {"", 0, 0},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ng_extractor *x = ng_extractor_new(k);
        ng_doc doc = {"barren", "2024-01-10", "", cases[i].text, strlen(cases[i].text)};
        int ok = x && ng_extractor_learn(x, &doc) == NG_OK &&
                 ng_extractor_may_yield(x) == cases[i].may_yield &&
                 ng_extractor_sentences(x) == cases[i].sentences;
        printf("%s may_yield %zu\n", ok ? "ok  " : "FAIL", i);
        failed += !ok;
        ng_extractor_free(x);
    }
    return failed;
}

int main(void)
{
    ng_knowledge *k = defaults();
    int failed = barren_documents(k), n = (int)(sizeof cases / sizeof cases[0]);
    for (int i = 0; i < n; i++)
        failed += run_case(k, &cases[i]);
    ng_knowledge_free(k);
    printf("%d passed, %d failed\n", n - failed, failed);
    return failed != 0;
}
