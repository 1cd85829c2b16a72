"""Fictional people and organisations of the demo.

Every name here is invented; the municipalities they work for are real. Contacts of the
case studies taken from codefor.de are generated with Faker (fixed seed) in the builder.
"""

# key: (name, kind, description)
ORGANISATIONS = {
    "initiative-k": (
        "Geschäftsstelle Initiative K",
        "partner",
        "Organisiert die Veranstaltungsreihen und pflegt die Wissensdatenbank (Beispiel).",
    ),
    "sponsor": (
        "Beispiel-IT GmbH",
        "sponsor",
        "Fiktiver Förderer der Initiative für die Demo-Inhalte.",
    ),
    "zv-it-suedwest": (
        "Zweckverband IT Südwest",
        "public",
        "Fiktiver kommunaler IT-Dienstleister für Städte und Landkreise.",
    ),
    "it-niederrhein": (
        "Kommunaler IT-Verbund Niederrhein",
        "public",
        "Fiktiver Zusammenschluss kommunaler Rechenzentren.",
    ),
    "datenwerk": (
        "Datenwerk Kommunal GmbH",
        "vendor",
        "Fiktiver Hersteller von Fachverfahren und Antragsstrecken.",
    ),
    "buergerservice-software": (
        "Bürgerservice Software AG",
        "vendor",
        "Fiktiver Anbieter von Bürgerportalen und Terminvergabe.",
    ),
    "ratsarbeit-digital": (
        "Ratsarbeit Digital GmbH",
        "vendor",
        "Fiktiver Anbieter für Sitzungsdienst und Gremienarbeit.",
    ),
    "sensorik-sued": (
        "Sensorik Süd GmbH",
        "vendor",
        "Fiktiver Anbieter von Sensorik und Funknetzen für Kommunen.",
    ),
    "hochschule": (
        "Hochschule für Verwaltung (Beispiel)",
        "public",
        "Fiktive Hochschule, die Nutzertests und Prozessaufnahmen begleitet.",
    ),
}

# key: (name, role, municipality AGS or None, organisation key or None)
PEOPLE = {
    # Moderation
    "moderation": ("Lea Sommerfeld", "Moderatorin", None, "initiative-k"),
    # Greeters of the host municipalities
    "ob-ravensburg": ("Annette Wehrle", "Oberbürgermeisterin", "08436064", None),
    "ob-villingen-schwenningen": ("Markus Haberer", "Oberbürgermeister", "08326074", None),
    "ob-herrenberg": ("Tobias Lindenmaier", "Oberbürgermeister", "08115021", None),
    "landrat-hoexter": ("Bernhard Tölle", "Landrat", "05762", None),
    "landraetin-neuss": ("Petra Schoofs", "Landrätin", "05162", None),
    "bm-guetersloh": ("Frank Westerkamp", "Bürgermeister", "05754008", None),
    "landraetin-wesel": ("Birgit Terhorst", "Landrätin", "05170", None),
    "bm-bad-salzuflen": ("Jens Overbeck", "Bürgermeister", "05766008", None),
    # Speakers and contacts of the hand-written case studies
    "ravensburg-bau": ("Julia Brenner", "Sachgebietsleiterin Baurecht", "08436064", None),
    "ulm-parken": ("Stefan Kögel", "Projektleiter Smart City", "08421000", None),
    "vs-digital": ("Miriam Faller", "Digitalisierungsbeauftragte", "08326074", None),
    "stuttgart-wahlen": ("Daniel Yıldız", "Sachgebietsleiter Wahlen", "08111000", None),
    "herrenberg-buergeramt": ("Katharina Renz", "Leiterin Bürgeramt", "08115021", None),
    "boeblingen-wohngeld": ("Thomas Ecker", "Sachgebietsleiter Wohngeld", "08115", None),
    "hoexter-kfz": ("Anna Lücking", "Leiterin Straßenverkehrsamt", "05762", None),
    "paderborn-kita": ("Oliver Brandt", "Abteilungsleiter Kindertagesbetreuung", "05774032", None),
    "neuss-eakte": ("Sandra Kühnel", "Projektleiterin E-Akte", "05162", None),
    "dormagen-rat": ("Lars Heinemann", "Leiter Ratsbüro", "05162004", None),
    "guetersloh-cdo": ("Nadine Brökelmann", "Chief Digital Officer", "05754008", None),
    "wesel-schule": ("Sebastian Terwey", "Leiter Schulverwaltung", "05170", None),
    "moers-digital": ("Ayşe Demir", "Stabsstelle Digitalisierung", "05170024", None),
    "bad-salzuflen-daten": ("Tim Rethmeier", "Open-Data-Koordinator", "05766008", None),
    "lippe-elterngeld": ("Christina Wöstmann", "Leiterin Elterngeldstelle", "05766", None),
    "bamberg-standesamt": ("Franziska Hümmer", "Leiterin Standesamt", "09461000", None),
    "lueneburg-bibliothek": ("Jan-Hendrik Meyer", "Leiter Stadtbibliothek", "03355022", None),
}
