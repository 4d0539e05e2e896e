/* The small word lists the extractor consults at every token, kept as data
 * in one place.  At compile time each list becomes a class bit on the
 * token's single hash look-up (ng_token.wclass), so testing a word is a bit
 * test, not a string comparison. */
#include <string.h>

#include "internal.h"

/* Words that put a title phrase in context but are not part of a name. */
static const char *const determiners[] = {"the", "a", "an", "his", "her", "its", "their", "our"};
static const char *const indefinites[] = {"a", "an"};
static const char *const former_words[] = {"former", "ex", "then", "late", "outgoing"};
/* "deputy prime minister" is not the prime minister */
static const char *const sub_roles[] = {"deputy", "vice", "assistant", "junior", "acting"};
static const char *const particles[] = {"bin", "bint", "al", "el", "de", "da", "di", "du", "van",
                                        "von", "der", "den", "la", "le", "dos", "ibn", "abu"};
static const char *const pronouns[] = {"he", "him", "his", "she", "her"};
/* Words after "her" that show it is an object, not a possessive. */
static const char *const not_nouns[] = {
    "to", "in", "on", "at", "for", "with", "and", "or", "as", "by", "from", "that", "after",
    "before", "again", "too", "back", "out", "up", "down", "off", "over", "into", "about",
    "last", "yesterday", "today", "tomorrow", "during", "when", "while", "because", "but",
    "if", "since", "until", "personally", "directly", "warmly", "himself", "herself", "this",
    "here", "there", "later", "earlier", "twice", "once", "shortly", "briefly"};
/* Month names are also surnames ("Theresa May"), inside a name only. */
static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december"};
/* The last word of a capitalised run that makes it an organisation or a place. */
static const char *const org_words[] = {
    "ministry", "department", "council", "agency", "company", "bank", "party", "army", "forces",
    "force", "navy", "corporation", "corp", "group", "institute", "university", "committee",
    "commission", "office", "service", "news", "times", "post", "press", "tv", "television",
    "radio", "network", "fund", "organization", "organisation", "association", "union",
    "league", "court", "parliament", "assembly", "senate", "congress", "federation", "inc",
    "ltd", "command", "guard", "guards", "police", "media", "daily", "journal", "club",
    "foundation", "authority", "administration", "bureau", "staff", "alliance", "front",
    "cabinet", "delegates", "representatives", "democrats", "republicans", "motors", "airlines",
    "holdings", "partners", "capital", "industries", "energy", "systems", "technologies",
    "international", "nv", "plc", "sa", "ag", "gmbh", "llc", "co", "company", "brothers",
    "motor", "oil", "petroleum", "gas", "airways", "railways", "steel", "chemical",
    "chemicals", "pharmaceuticals", "telecom", "communications", "electric", "mining",
};
static const char *const place_words[] = {
    "region", "province", "state", "district", "street", "square", "ocean", "sea", "river",
    "mountains", "island", "islands", "airport", "station", "cosmodrome", "centre", "center",
    "hospital", "republic", "oblast", "krai", "city", "county", "valley", "bay", "strait",
    "peninsula", "base", "port", "palace", "hall", "east", "west", "hills", "tower", "house",
    "park", "beach", "lake", "canal", "coast", "gulf", "desert",
};
/* "the South African government" is South Africa, as a noun. */
static const char *const government_words[] = {"government", "governments", "authorities",
                                               "regime", "administration", "leadership"};

/* Nouns after a name that make the name a modifier, not the argument. */
static const char *const modifier_nouns[] = {
    "campaign", "administration", "aide", "aides", "adviser", "advisers", "advisor",
    "advisors", "officials", "official", "team", "spokesman", "spokeswoman", "spokesperson",
    "government", "cabinet", "supporters", "allies", "ally", "associate", "associates",
    "friend", "crony", "confidant", "protege", "critic", "critics", "rival", "opponent",
    "family", "lawyer",
    "lawyers", "camp", "loyalists", "era", "doctrine", "presidency", "regime", "envoy",
    "foundation", "organization", "organisation", "tower", "hotel", "cross", "shot", "pass",
    "header", "goal", "corner", "side", "squad", "coach", "manager"};


/* Words after which a pronoun points to the nearest person ("X's visit,
 * where he met Y"; "insisted X as he met Y"). */
static const char *const subordinators[] = {"where", "when", "as", "after", "before", "while",
                                            "since", "because", "although", "though", "until",
                                            "once", "whom", "whose", "who"};

/* Capitalised words that never start or continue a person's name. */
static const char *const stopwords[] = {
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "by", "with", "from", "and", "or",
    "but", "as", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their",
    "our", "my", "your", "this", "that", "these", "those", "there", "here", "when", "while",
    "after", "before", "since", "during", "under", "over", "about", "against", "between",
    "into", "through", "if", "although", "though", "because", "however", "meanwhile", "also",
    "both", "all", "some", "many", "most", "other", "such", "what", "which", "who", "whom",
    "whose", "where", "why", "how", "not", "no", "yes", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "today",
    "yesterday", "tomorrow", "last", "next", "new", "according", "said", "says", "read",
    "more", "image", "photo", "video", "credit", "updated", "subscribe", "click", "western",
    "eastern", "northern", "southern", "north", "south", "east", "west", "one", "two", "three",
    "first", "second", "third", "former", "then", "deputy", "acting", "top", "senior", "chief",
    "state", "federal", "national", "military", "defence", "defense", "foreign", "minister",
    "ministry", "president", "government", "news", "reuters", "afp", "ap", "bloomberg", "tass",
    "xinhua", "sputnik", "cnn", "bbc", "ria", "interfax", "cctv", "times", "post", "journal",
    "daily", "weekly", "cold", "war", "era", "world", "union", "joint", "forces",
    "republican", "republicans", "democrat", "democrats", "democratic", "conservative",
    "conservatives", "socialist", "communist", "liberal", "labour", "green", "greens",
    "breaking", "exclusive", "update", "analysis", "opinion", "editorial", "live",
};

/* Closed-class words: articles, possessives, prepositions, conjunctions,
 * auxiliaries and pronouns.  Nearly every sentence has some, so a rule is
 * not anchored on them when it has a content word to anchor on. */
static const char *const function_words[] = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "my", "your", "in", "on", "at", "of", "for", "to", "by", "with", "from", "into", "onto",
    "during", "under", "over", "about", "against", "between", "through", "after", "before",
    "since", "until", "while", "when", "once", "where", "as", "and", "or", "but", "if", "is",
    "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'s", "'", "s",
    "he", "she", "it", "they", "we", "him", "them", "who", "whom", "whose", "which", "not", "no",
};

/* Words that start a group of two ("both leaders"; "the two" is a pair
 * of words, group_phrase reads it). */
static const char *const group_starts[] = {"both"};

#define LIST(words, cls) {words, sizeof words / sizeof words[0], cls}
static const struct {
    const char *const *words;
    size_t n;
    uint32_t cls;
} lists[] = {
    LIST(determiners, W_DET),      LIST(indefinites, W_INDEF),   LIST(former_words, W_FORMER),
    LIST(sub_roles, W_SUBROLE),    LIST(particles, W_PARTICLE),  LIST(pronouns, W_PRONOUN),
    LIST(not_nouns, W_NOTNOUN),    LIST(months, W_MONTH),        LIST(org_words, W_ORG),
    LIST(place_words, W_PLACE),    LIST(government_words, W_GOV),
    LIST(modifier_nouns, W_MODIFIER), LIST(subordinators, W_SUBORD), LIST(stopwords, W_STOP),
    LIST(function_words, W_FUNCTION), LIST(group_starts, W_BOTH),
};

ng_status ng_words_register(ng_knowledge *k)
{
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t i = 0; i < lists[l].n; i++) {
            const char *w = lists[l].words[i];
            intptr_t bits = 0;
            ng_strmap_get(&k->starts_map, w, strlen(w), &bits);
            ng_status st = ng_strmap_put(&k->starts_map, w, strlen(w),
                                         bits | ((intptr_t)lists[l].cls << WCLASS_SHIFT));
            if (st)
                return st;
        }
    return NG_OK;
}
