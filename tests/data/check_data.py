#!/usr/bin/python3
"""Checks that the built-in lexicon (entities.csv) and titles list (titles.csv)
are well-formed and consistent.  Standard library only.

Usage: check_data.py DATA_DIR      (DATA_DIR holds entities.csv and titles.csv)
Prints every problem found and exits 1 if there is any, 0 otherwise.
"""
import csv
import io
import re
import sys

ENTITY_HEADER = ["label", "type", "aliases", "demonyms", "country", "metonym"]
TITLE_HEADER = ["title", "role", "kind"]
TYPES = {"Country", "City", "Place", "Organization"}
KINDS = {"office", "rank", "honorific", "generic"}

# The 193 member states of the United Nations, under the label the lexicon
# uses for each (the usual English news name).
UN_MEMBERS = [
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda",
    "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain",
    "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia",
    "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso",
    "Burundi", "Cambodia", "Cameroon", "Canada", "Cape Verde", "Central African Republic",
    "Chad", "Chile", "China", "Colombia", "Comoros", "Costa Rica", "Croatia", "Cuba",
    "Cyprus", "Czech Republic", "Democratic Republic of the Congo", "Denmark", "Djibouti",
    "Dominica", "Dominican Republic", "East Timor", "Ecuador", "Egypt", "El Salvador",
    "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland",
    "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada",
    "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras", "Hungary",
    "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy",
    "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kuwait",
    "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya",
    "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia",
    "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico",
    "Micronesia", "Moldova", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique",
    "Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand", "Nicaragua",
    "Niger", "Nigeria", "North Korea", "North Macedonia", "Norway", "Oman", "Pakistan",
    "Palau", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland",
    "Portugal", "Qatar", "Republic of the Congo", "Romania", "Russia", "Rwanda",
    "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa",
    "San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia",
    "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands",
    "Somalia", "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan",
    "Suriname", "Sweden", "Switzerland", "Syria", "Tajikistan", "Tanzania", "Thailand",
    "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu",
    "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom", "United States",
    "Uruguay", "Uzbekistan", "Vanuatu", "Venezuela", "Vietnam", "Yemen", "Zambia",
    "Zimbabwe",
]
# Observer states and partly recognised states the lexicon must also hold.
OTHER_STATES = ["Holy See", "Palestine", "Taiwan", "Kosovo"]
# States that no longer exist but fill 1980s-2000s news.  Their capitals now
# belong to successor states, so they need no capital row of their own.
HISTORICAL_STATES = ["Soviet Union", "West Germany", "East Germany", "Yugoslavia",
                     "Czechoslovakia"]
HISTORICAL_OPTIONAL = ["Serbia and Montenegro", "North Yemen", "South Yemen"]
# City-states whose capital is the state itself: no separate capital row.
CITY_STATES = ["Singapore", "Monaco"]

# Rows the extractor relies on; a sample of the brief, not the whole lexicon.
REQUIRED_ENTITIES = {
    "City": ["New York", "Shanghai", "St Petersburg", "Istanbul", "Mumbai", "Karachi",
             "Sao Paulo", "Dubai", "Geneva", "Davos", "Sochi", "Vladivostok", "Kharkiv",
             "Odesa", "Mariupol", "Bakhmut", "Aleppo", "Mosul", "Benghazi", "Sevastopol"],
    "Place": ["Europe", "Asia", "Africa", "Latin America", "Middle East", "Far East",
              "Balkans", "Arctic", "Sahel", "Crimea", "Donbas", "Gaza Strip", "West Bank",
              "Kashmir", "Xinjiang", "Tibet", "Hong Kong", "Macau", "Northern Ireland",
              "Scotland", "England", "Wales", "Kurdistan", "Nagorno-Karabakh",
              "Golan Heights", "Transnistria", "Black Sea", "Baltic Sea", "South China Sea",
              "East China Sea", "Taiwan Strait", "Strait of Hormuz", "Red Sea",
              "Mediterranean Sea", "Persian Gulf", "Kremlin", "White House",
              "Downing Street", "Pentagon", "Elysee Palace", "Zhongnanhai", "Whitehall",
              "Capitol Hill", "Blue House", "Quai d'Orsay", "Foggy Bottom"],
    "Organization": ["United Nations", "UN Security Council", "UN General Assembly", "NATO",
                     "European Union", "European Commission", "European Parliament",
                     "European Council", "ASEAN", "African Union", "Arab League",
                     "Gulf Cooperation Council", "OPEC", "World Health Organization",
                     "International Monetary Fund", "World Bank",
                     "World Trade Organization", "Shanghai Cooperation Organisation",
                     "BRICS", "G7", "G20",
                     "Organization for Security and Co-operation in Europe",
                     "International Atomic Energy Agency", "International Criminal Court",
                     "International Court of Justice", "Interpol", "Council of Europe",
                     "Organization of American States", "Mercosur",
                     "Collective Security Treaty Organization", "Eurasian Economic Union",
                     "AUKUS", "Quadrilateral Security Dialogue",
                     "International Committee of the Red Cross", "UNHCR", "UNICEF",
                     "World Food Programme", "Hamas", "Hezbollah", "Taliban",
                     "Islamic State", "al-Qaeda", "Houthis", "Wagner Group",
                     "Muslim Brotherhood", "Palestine Liberation Organization",
                     "Kurdistan Workers' Party", "People's Liberation Army", "CIA", "FBI",
                     "KGB", "FSB", "GRU", "MI6", "Mossad", "Federal Reserve",
                     "European Central Bank", "Bank of England", "Bank of Japan",
                     "People's Bank of China", "Gazprom", "Rosneft", "Huawei", "ZTE",
                     "Rosoboronexport", "Saudi Aramco", "U.S. Department of the Treasury"],
}
# Surface forms that must resolve to a given label (the brief's examples).
REQUIRED_FORMS = {
    "US": "United States", "U.S.": "United States", "USA": "United States",
    "America": "United States", "American": "United States",
    "UK": "United Kingdom", "Britain": "United Kingdom", "British": "United Kingdom",
    "People's Republic of China": "China", "PRC": "China", "Peking": "Beijing",
    "Kiev": "Kyiv", "Bombay": "Mumbai", "Burma": "Myanmar", "Turkiye": "Turkey",
    "Türkiye": "Turkey", "Cote d'Ivoire": "Ivory Coast", "Saudi": "Saudi Arabia",
    "Emirati": "United Arab Emirates", "Soviet": "Soviet Union", "USSR": "Soviet Union",
    "Odessa": "Odesa", "Saint Petersburg": "St Petersburg", "Gaza": "Gaza Strip",
    "ISIS": "Islamic State", "ISIL": "Islamic State", "Houthi": "Houthis",
    "Elysee": "Elysee Palace", "Élysée": "Elysee Palace", "OFAC": "U.S. Department of the Treasury",
    "EU": "European Union", "UN": "United Nations", "U.N.": "United Nations",
}
# Forms that must not appear at all: ambiguous, or common English words.
FORBIDDEN_FORMS = ["Korea", "Congo", "Korean", "Congolese", "Guinean", "Gulf", "IS",
                   "Dominican", "Male", "Nice", "Polish", "Treasury"]

REQUIRED_TITLES = [
    "President", "Vice President", "Prime Minister", "Premier", "Defence Minister",
    "Defense Minister", "Minister of Defence", "Minister of Defense",
    "Minister of National Defense", "defence chief", "Foreign Minister",
    "Minister of Foreign Affairs", "Foreign Secretary", "Secretary of State",
    "Home Secretary", "Interior Minister", "Finance Minister", "Chancellor of the Exchequer",
    "Chancellor", "King", "Queen", "Crown Prince", "Emir", "Sultan", "Supreme Leader",
    "Secretary-General", "Secretary General", "General", "Gen.", "Lt. Gen.",
    "Lieutenant General", "Major General", "Admiral", "Adm.", "Colonel", "Col.", "Marshal",
    "Senator", "Sen.", "Representative", "Rep.", "Governor", "Gov.", "Mayor", "Ambassador",
    "Envoy", "Special Envoy", "Chief of General Staff", "Chief of Staff", "Defence Secretary",
    "Defense Secretary", "Pope", "Prince", "Princess", "Sheikh", "Mr", "Mr.", "Mrs", "Mrs.",
    "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "leader", "official",
    "diplomat", "top diplomat", "counterpart", "minister", "spokesman", "spokeswoman",
    "spokesperson", "head of state", "head of government", "chief", "commander",
]
REQUIRED_TITLE_ROLES = {
    "Premier": "prime-minister", "Defense Secretary": "defence-minister",
    "defence chief": "defence-minister", "Secretary of State": "foreign-minister",
    "top diplomat": "foreign-minister", "Foreign Secretary": "foreign-minister",
    "Chancellor of the Exchequer": "finance-minister", "Mr": "honorific",
}

ROLE_RE = re.compile(r"^[a-z]+(-[a-z]+)*$")


class Report:
    def __init__(self):
        self.problems = []

    def fail(self, where, msg):
        self.problems.append(f"{where}: {msg}")


def is_acronym(form):
    """All-capitals forms (US, U.S., NATO, G7) are matched case-sensitively."""
    return any(c.isalpha() for c in form) and form == form.upper()


def form_key(form):
    return form if is_acronym(form) else form.casefold()


def read_csv(path, header, rep):
    """Reads an RFC 4180 file and checks its encoding and exact layout."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        rep.fail(path, f"cannot read: {e}")
        return []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.fail(path, f"not UTF-8: {e}")
        return []
    if text.startswith("\ufeff"):
        rep.fail(path, "starts with a byte-order mark")
        text = text[1:]
    if "\r" in text:
        rep.fail(path, "contains CR characters: line endings must be LF")
    if not text.endswith("\n"):
        rep.fail(path, "does not end with a newline")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows:
        rep.fail(path, "is empty")
        return []
    if rows[0] != header:
        rep.fail(path, f"header is {rows[0]!r}, expected {header!r}")
    # Quoting must be minimal: re-serialising the rows gives the file back.
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    if out.getvalue() != text.replace("\r", ""):
        got = text.replace("\r", "").split("\n")
        want = out.getvalue().split("\n")
        for i, (a, b) in enumerate(zip(got, want), 1):
            if a != b:
                rep.fail(f"{path}:{i}", f"not minimal RFC 4180 quoting: {a!r} (expected {b!r})")
                break
        else:
            rep.fail(path, "not minimal RFC 4180 quoting")
    body = []
    for n, row in enumerate(rows[1:], 2):
        where = f"{path}:{n}"
        if len(row) != len(header):
            rep.fail(where, f"{len(row)} fields, expected {len(header)}: {row!r}")
            continue
        for name, value in zip(header, row):
            if value != value.strip():
                rep.fail(where, f"{name} {value!r} has leading or trailing spaces")
            if "\n" in value:
                rep.fail(where, f"{name} {value!r} spans several lines")
        body.append((where, row))
    return body


def split_list(where, name, value, rep):
    if value == "":
        return []
    items = value.split("|")
    for item in items:
        if item == "":
            rep.fail(where, f"empty item in {name} {value!r}")
        elif item != item.strip():
            rep.fail(where, f"{name} item {item!r} has leading or trailing spaces")
        elif "  " in item:
            rep.fail(where, f"{name} item {item!r} has a double space")
    return [i for i in items if i]


def check_entities(path, rep):
    body = read_csv(path, ENTITY_HEADER, rep)
    entities = {}      # label -> dict
    owner = {}         # surface-form key -> (label, form, where)
    for where, row in body:
        label, typ, aliases, demonyms, country, metonym = row
        if label == "":
            rep.fail(where, "empty label")
            continue
        if "|" in label:
            rep.fail(where, f"label {label!r} contains '|'")
        if label in entities:
            rep.fail(where, f"label {label!r} already used at {entities[label]['where']}")
            continue
        if typ not in TYPES:
            rep.fail(where, f"type {typ!r} is not one of {sorted(TYPES)}")
        if metonym not in ("", "1"):
            rep.fail(where, f"metonym {metonym!r} must be empty or 1")
        alias_list = split_list(where, "aliases", aliases, rep)
        demonym_list = split_list(where, "demonyms", demonyms, rep)
        entities[label] = {"where": where, "type": typ, "country": country,
                           "metonym": metonym, "aliases": alias_list,
                           "demonyms": demonym_list}
        seen_here = set()
        for kind, form in [("label", label)] + [("alias", a) for a in alias_list] + \
                          [("demonym", d) for d in demonym_list]:
            if kind != "label" and form.casefold().startswith("the "):
                rep.fail(where, f"{kind} {form!r} starts with 'the' (the matcher adds it)")
            key = form_key(form)
            if key in seen_here:
                rep.fail(where, f"{kind} {form!r} repeats another form of {label!r}")
                continue
            seen_here.add(key)
            if key in owner and owner[key][0] != label:
                other_label, other_form, other_where = owner[key]
                rep.fail(where, f"{kind} {form!r} of {label!r} is also {other_form!r} of "
                                f"{other_label!r} ({other_where})")
            else:
                owner[key] = (label, form, where)

    # Cross-row rules.
    capitals = {}
    for label, e in entities.items():
        where, typ, country = e["where"], e["type"], e["country"]
        if typ in ("Country", "Organization") and country:
            rep.fail(where, f"{typ} {label!r} must have an empty country, has {country!r}")
        if typ == "City" and not country:
            rep.fail(where, f"City {label!r} has no country")
        if country:
            target = entities.get(country)
            if target is None:
                rep.fail(where, f"country {country!r} of {label!r} is not a label in the file")
            elif target["type"] != "Country":
                rep.fail(where, f"country {country!r} of {label!r} is a {target['type']}, "
                                f"not a Country")
        if e["metonym"] == "1":
            if typ not in ("City", "Place"):
                rep.fail(where, f"metonym 1 on {typ} {label!r}: only cities and places stand "
                                f"for a government")
            elif not country:
                rep.fail(where, f"metonym 1 on {label!r} without a country")
            elif typ == "City":
                capitals.setdefault(country, []).append(label)

    states = UN_MEMBERS + OTHER_STATES
    if len(UN_MEMBERS) != 193 or len(set(UN_MEMBERS)) != 193:
        rep.fail("check_data.py", f"UN_MEMBERS holds {len(set(UN_MEMBERS))} distinct names, "
                                  f"not 193")
    for name in states + HISTORICAL_STATES:
        e = entities.get(name)
        if e is None:
            rep.fail(path, f"missing Country row {name!r}")
        elif e["type"] != "Country":
            rep.fail(e["where"], f"{name!r} must be a Country, is a {e['type']}")
    known = set(states) | set(HISTORICAL_STATES) | set(HISTORICAL_OPTIONAL)
    for label, e in entities.items():
        if e["type"] == "Country" and label not in known:
            rep.fail(e["where"], f"Country {label!r} is neither a UN member, an observer or "
                                 f"partly recognised state, nor a listed historical state")
    for label, e in entities.items():
        if e["type"] != "Country" or label in HISTORICAL_STATES or \
                label in HISTORICAL_OPTIONAL:
            continue
        if label in CITY_STATES:
            if label in capitals:
                rep.fail(e["where"], f"city-state {label!r} should not need a capital row")
            continue
        if label not in capitals:
            rep.fail(e["where"], f"Country {label!r} has no capital (a City row with "
                                 f"country {label!r} and metonym 1)")

    for typ, names in REQUIRED_ENTITIES.items():
        for name in names:
            e = entities.get(name)
            if e is None:
                rep.fail(path, f"missing {typ} row {name!r}")
            elif e["type"] != typ:
                rep.fail(e["where"], f"{name!r} must be a {typ}, is a {e['type']}")
    for name in ["Kremlin", "White House", "Downing Street", "Pentagon", "Elysee Palace",
                 "Zhongnanhai", "Whitehall", "Capitol Hill", "Blue House", "Quai d'Orsay",
                 "Foggy Bottom"]:
        e = entities.get(name)
        if e is not None and (e["metonym"] != "1" or not e["country"]):
            rep.fail(e["where"], f"{name!r} must have a country and metonym 1")
    for form, label in REQUIRED_FORMS.items():
        got = owner.get(form_key(form))
        if got is None:
            rep.fail(path, f"no entity has the form {form!r} (expected on {label!r})")
        elif got[0] != label:
            rep.fail(got[2], f"form {form!r} belongs to {got[0]!r}, expected {label!r}")
    for form in FORBIDDEN_FORMS:
        got = owner.get(form_key(form))
        if got is not None:
            rep.fail(got[2], f"ambiguous or common-word form {form!r} must not be listed "
                             f"(found on {got[0]!r})")
    return entities


def check_titles(path, rep):
    body = read_csv(path, TITLE_HEADER, rep)
    seen = {}
    role_kind = {}
    for where, row in body:
        title, role, kind = row
        if title == "":
            rep.fail(where, "empty title")
            continue
        key = title.casefold()
        if key in seen:
            rep.fail(where, f"title {title!r} already listed at {seen[key][0]} "
                            f"(titles are matched case-insensitively)")
            continue
        seen[key] = (where, role, kind)
        if "  " in title:
            rep.fail(where, f"title {title!r} has a double space")
        if not ROLE_RE.match(role):
            rep.fail(where, f"role {role!r} must be lower-case words joined by '-'")
        if kind not in KINDS:
            rep.fail(where, f"kind {kind!r} is not one of {sorted(KINDS)}")
        if (kind == "honorific") != (role == "honorific"):
            rep.fail(where, f"{title!r}: the role 'honorific' goes with the kind "
                            f"'honorific' and only with it")
        if role in role_kind and role_kind[role][0] != kind:
            rep.fail(where, f"role {role!r} has kind {kind!r} here but {role_kind[role][0]!r} "
                            f"at {role_kind[role][1]}")
        role_kind.setdefault(role, (kind, where))
    for title in REQUIRED_TITLES:
        if title.casefold() not in seen:
            rep.fail(path, f"missing title {title!r}")
    for title, role in REQUIRED_TITLE_ROLES.items():
        got = seen.get(title.casefold())
        if got is not None and got[1] != role:
            rep.fail(got[0], f"title {title!r} has role {got[1]!r}, expected {role!r}")


def main(argv):
    if len(argv) != 2:
        print("usage: check_data.py DATA_DIR", file=sys.stderr)
        return 2
    data = argv[1].rstrip("/")
    rep = Report()
    entities = check_entities(f"{data}/entities.csv", rep)
    check_titles(f"{data}/titles.csv", rep)
    if rep.problems:
        for p in rep.problems:
            print(p)
        print(f"FAILED: {len(rep.problems)} problem(s)")
        return 1
    counts = {}
    for e in entities.values():
        counts[e["type"]] = counts.get(e["type"], 0) + 1
    print("ok: " + ", ".join(f"{counts[t]} {t}" for t in sorted(counts)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
