#!/usr/bin/python3
"""A synthetic news corpus from sentence templates: invented people with
titles and nationalities, real countries and cities, and the four relations
(met-with, visited, sanctioned-by, held-exercise-with), in every modality.

    gen_corpus.py OUT.csv [--docs N] [--seed S] [--role-phrases] [--variants]
                  [--roles-out ROLES.csv]

The output is a CSV corpus (id,date,title,text), the same for the same
arguments.  By default every person always carries the same name and title,
so what a document says never depends on what another document taught the
extractor.  Two options add what does:

  --role-phrases  untitled role phrases of people the article does not name
                  ("The Kenyan foreign minister later visited Oslo"),
                  resolved by the role bindings learned from other articles
                  (or by a roles file: --roles-out writes one);
  --variants      spelling variants ("Anna" for "Ana"), resolved to the
                  spelling the whole corpus uses most.

Either makes a corpus whose shards, extracted apart, learn less than one
run over everything; both test that every --jobs learns the same.
"""
import argparse
import csv
import random

# (demonym, country, cities)
COUNTRIES = [
    ("Brazilian", "Brazil", ["Brasilia", "Rio de Janeiro"]),
    ("Indian", "India", ["New Delhi", "Mumbai"]),
    ("Kenyan", "Kenya", ["Nairobi", "Mombasa"]),
    ("Japanese", "Japan", ["Tokyo", "Osaka"]),
    ("French", "France", ["Paris", "Lyon"]),
    ("German", "Germany", ["Berlin", "Hamburg"]),
    ("Mexican", "Mexico", ["Mexico City"]),
    ("Egyptian", "Egypt", ["Cairo", "Alexandria"]),
    ("Turkish", "Turkey", ["Ankara", "Istanbul"]),
    ("Polish", "Poland", ["Warsaw", "Krakow"]),
    ("Canadian", "Canada", ["Ottawa", "Toronto"]),
    ("Nigerian", "Nigeria", ["Abuja", "Lagos"]),
    ("Indonesian", "Indonesia", ["Jakarta"]),
    ("Argentine", "Argentina", ["Buenos Aires"]),
    ("Vietnamese", "Vietnam", ["Hanoi"]),
    ("Norwegian", "Norway", ["Oslo"]),
]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister"]
FIRST = ["Ana", "Rohan", "Thandiwe", "Kenji", "Marie", "Lukas", "Sofia", "Omar", "Aylin",
         "Piotr", "Claire", "Chidi", "Dewi", "Mateo", "Linh", "Ingrid", "Tomas", "Amara",
         "Hiro", "Elena"]
LAST = ["Ferreira", "Mehta", "Mokoena", "Takeda", "Laurent", "Becker", "Navarro", "Haddad",
        "Yilmaz", "Kowalczyk", "Tremblay", "Okafor", "Santoso", "Quiroga", "Nguyen",
        "Solberg", "Achterberg", "Wanjiru", "Moreau", "Castellano", "Brandt", "Ilunga",
        "Petrescu", "Valdivia", "Oyelaran", "Lindqvist", "Marchetti", "Kaya", "Duarte",
        "Halvorsen", "Renner", "Abiodun", "Ferraz", "Sato", "Kruger", "Dumas"]
VARIANT = {"Ana": "Anna", "Sofia": "Sophia", "Piotr": "Petr", "Elena": "Yelena"}
TOPICS = ["trade", "energy supplies", "a new rail link", "fishing rights", "climate finance",
          "vaccine production", "port fees", "a satellite programme"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def people(rng):
    """One person per surname, with a fixed country and title."""
    out = []
    for i, last in enumerate(LAST):
        dem, country, cities = COUNTRIES[i % len(COUNTRIES)]
        out.append({"first": FIRST[(i * 7) % len(FIRST)], "last": last, "dem": dem,
                    "country": country, "cities": cities,
                    "title": TITLES[(i // len(COUNTRIES)) % len(TITLES)]})
    return out


def roles_csv(persons, path):
    """The dated roles file (extract/README.md) that says who holds each office."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["role", "country", "person", "from", "to"])
        for p in persons:
            w.writerow([p["title"], p["country"], f"{p['first']} {p['last']}", "", ""])


def full(p, rng, variants):
    first = p["first"]
    if variants and first in VARIANT and rng.random() < 0.3:
        first = VARIANT[first]
    return f"{first} {p['last']}"


def titled(p, rng, variants):
    return f"{p['dem']} {p['title']} {full(p, rng, variants)}"


def article(rng, persons, n, role_phrases, variants):
    a, b, c = rng.sample(persons, 3)
    c1, c2 = rng.sample(COUNTRIES, 2)
    city = rng.choice(b["cities"])
    topic = rng.choice(TOPICS)
    day = rng.choice(DAYS)
    s = []
    kind = n % 6
    if kind == 0:
        s.append(f"{titled(a, rng, variants)} met {titled(b, rng, variants)} in "
                 f"{city} on {day}.")
        s.append(f"The two leaders held talks on {topic}.")
        s.append(f"{a['last']} will visit {rng.choice(c2[2])} next month, officials said.")
    elif kind == 1:
        s.append(f"{titled(a, rng, variants)} arrived in {city} on {day} for a two-day "
                 f"visit focused on {topic}.")
        s.append(f"{a['last']} did not meet {titled(b, rng, variants)}, a spokesperson "
                 f"said.")
    elif kind == 2:
        s.append(f"{c1[1]} imposed sanctions on {c2[1]} on {day} over {topic}.")
        s.append(f"{c2[1]} may impose sanctions on {c1[1]} in return, a minister warned.")
    elif kind == 3:
        s.append(f"{c1[0]} and {c2[0]} forces held joint naval drills near "
                 f"{rng.choice(c1[2])} this week.")
        s.append(f"{titled(a, rng, variants)} visited {rng.choice(c2[2])} afterwards.")
    elif kind == 4:
        s.append(f"{titled(a, rng, variants)} met {titled(b, rng, variants)} on "
                 f"{day}.")
        s.append(f"Markets in {rng.choice(c1[2])} were closed for the holiday, and "
                 f"analysts expected little news on {topic}.")
    else:
        s.append(f"{c1[1]} held military exercises with {c2[1]}, the defence ministry said.")
        s.append(f"{titled(a, rng, variants)} praised the drills in a speech.")
    if role_phrases and n % 5 == 0:
        # Untitled, of someone the document does not name: resolved only
        # through what other documents taught.
        s.append(f"The {c['dem']} {c['title'].lower()} later visited "
                 f"{rng.choice(a['cities'])}.")
    sep = "\n\n" if n % 4 == 0 else " "
    return sep.join(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--role-phrases", action="store_true")
    ap.add_argument("--variants", action="store_true")
    ap.add_argument("--roles-out")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    persons = people(rng)
    if args.roles_out:
        roles_csv(persons, args.roles_out)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "date", "title", "text"])
        for n in range(args.docs):
            date = f"2023-{1 + n % 12:02d}-{1 + (n * 7) % 28:02d}"
            text = article(rng, persons, n, args.role_phrases, args.variants)
            w.writerow([f"gen-{n:05d}", date, f"Wire {n}", text])


if __name__ == "__main__":
    main()
